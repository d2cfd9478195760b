// A1 addressing for the adapter and for the pure highlight plan: no Office objects here.

/** Excel's documented limit on a `getRanges` address string; longer strings are truncated. */
export const MAX_ADDRESS_CHARS = 8192;

/**
 * What one `getRanges` call is given at most. Users report `InvalidArgument` a little above 8,000
 * characters or about 500 areas (office-js#5198, #4263), so both stay clear of the documented limit.
 */
export const AREA_CHUNK = { chars: 8000, areas: 400 } as const;

/** "A" for column 0, "Z" for 25, "AA" for 26. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A single cell's address, from a 0-based column and a 1-based sheet row. */
export function cellAddress(column: number, row: number): string {
  return `${columnLetters(column)}${String(row)}`;
}

/** A block of whole sheet rows between two columns, e.g. "A5:AA9". */
export function blockAddress(
  firstColumn: number,
  lastColumn: number,
  firstRow: number,
  lastRow: number
): string {
  const a = cellAddress(firstColumn, firstRow);
  const b = cellAddress(lastColumn, lastRow);
  return a === b ? a : `${a}:${b}`;
}

/** Sorted runs of consecutive numbers: [5,6,7,9] → [[5,7],[9,9]]. */
export function runsOf(numbers: Iterable<number>): [number, number][] {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const n of sorted) {
    const last = runs[runs.length - 1];
    if (last !== undefined && n === last[1] + 1) last[1] = n;
    else runs.push([n, n]);
  }
  return runs;
}

/**
 * Joins area addresses into comma-separated strings that each stay within `AREA_CHUNK`, so that
 * every string is safe for one `worksheet.getRanges` call.
 */
export function chunkAreas(areas: readonly string[]): string[] {
  const chunks: string[] = [];
  let current: string[] = [];
  let length = 0;
  for (const area of areas) {
    const added = current.length === 0 ? area.length : area.length + 1;
    if (
      current.length > 0 &&
      (length + added > AREA_CHUNK.chars || current.length >= AREA_CHUNK.areas)
    ) {
      chunks.push(current.join(","));
      current = [];
      length = 0;
    }
    length += current.length === 0 ? area.length : area.length + 1;
    current.push(area);
  }
  if (current.length > 0) chunks.push(current.join(","));
  return chunks;
}

/** Parses "A5", "A5:C9" or "Sheet1!A5:C9" (sheet part dropped) into 0-based columns and sheet rows. */
export function parseArea(
  address: string
): { firstColumn: number; lastColumn: number; firstRow: number; lastRow: number } | null {
  const bang = address.lastIndexOf("!");
  const local = bang >= 0 ? address.slice(bang + 1) : address;
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(local.trim());
  if (m === null) return null;
  const col = (letters: string): number =>
    [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const c1 = col(m[1] ?? "A");
  const r1 = Number(m[2]);
  const c2 = m[3] === undefined ? c1 : col(m[3]);
  const r2 = m[4] === undefined ? r1 : Number(m[4]);
  return {
    firstColumn: Math.min(c1, c2),
    lastColumn: Math.max(c1, c2),
    firstRow: Math.min(r1, r2),
    lastRow: Math.max(r1, r2),
  };
}
