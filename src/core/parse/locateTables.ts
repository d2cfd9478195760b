import { isBlank, type CellValue } from "../model/cell";
import type { TableName } from "../model/issue";
import { normaliseKey } from "../codes/normalise";
import type { DateSystem } from "../dates";
import { ACTIVITIES, TABLE_SPECS, type TableSpec } from "../schema";
import { columnOfHeader } from "./mapColumns";

/** An Excel table (ListObject) as a shell reads it: its header row first. */
export type SourceTable = {
  readonly name: string;
  readonly sheet: string;
  /** The sheet row number (1-based) of the header row. */
  readonly top: number;
  /** The sheet column number (1 for A) of `values[i][0]`; column A when absent. */
  readonly firstColumn?: number;
  /** Sheet row numbers of the rows Excel hides (Hide, or a filter); none when absent. */
  readonly hiddenRows?: ReadonlySet<number>;
  readonly values: readonly (readonly CellValue[])[];
};

/** A worksheet's used range as a shell reads it. */
export type SourceSheet = {
  readonly name: string;
  /** The sheet row number (1-based) of `values[0]`. */
  readonly top: number;
  /**
   * Sheet row numbers of the total rows of Excel tables on the sheet (Table Design > Total Row):
   * not activities, also when the table is found by the sheet's name or its header row.
   */
  readonly totalRows?: ReadonlySet<number>;
  /** The sheet column number (1 for A) of `values[i][0]`; column A when absent. */
  readonly firstColumn?: number;
  /** Sheet row numbers of the rows Excel hides (Hide, or a filter); none when absent. */
  readonly hiddenRows?: ReadonlySet<number>;
  readonly values: readonly (readonly CellValue[])[];
};

/** The whole workbook, as any shell hands it to core. */
export type WorkbookSource = {
  readonly tables: readonly SourceTable[];
  readonly sheets: readonly SourceSheet[];
  /** Excel's date system; 1904 in some old Mac workbooks. */
  readonly dateSystem: DateSystem;
};

/** One PARS table found in the workbook: its header row and its non-empty rows. */
export type LocatedTable = {
  readonly table: TableName;
  readonly sheet: string;
  /** How it was found, for the report. */
  readonly foundBy: "table" | "sheet" | "header";
  readonly headerRow: number;
  /** The sheet column number (1 for A) of `headers[0]`; unknown (no letters) when absent. */
  readonly firstColumn?: number;
  /** Sheet row numbers of the rows Excel hides (Hide, or a filter); none when absent. */
  readonly hiddenRows?: ReadonlySet<number>;
  readonly headers: readonly CellValue[];
  /**
   * The rows below the header, sharing the shell's row arrays (cells are not copied): `body[i]` is sheet row
   * `headerRow + 1 + i`. Blank rows are still there; readers skip them.
   */
  readonly body: readonly (readonly CellValue[])[];
};

const NAME_KEYS = new Map<TableSpec<string>, ReadonlySet<string>>(
  TABLE_SPECS.map((spec) => [spec, new Set(spec.names.map(normaliseKey))])
);

const nameMatches = (spec: TableSpec<string>, name: string): boolean =>
  NAME_KEYS.get(spec)?.has(normaliseKey(name)) === true;

/** How many non-blank rows of a sheet are searched for its header row (a title may sit above it). */
export const HEADER_SEARCH_ROWS = 20;

const NO_ROWS: ReadonlySet<number> = new Set();

function fromValues(
  spec: TableSpec<string>,
  sheet: string,
  source: SourceTable | SourceSheet,
  foundBy: LocatedTable["foundBy"]
): LocatedTable {
  const { top, values } = source;
  const firstColumn = source.firstColumn ?? 1;
  const hiddenRows = source.hiddenRows ?? NO_ROWS;
  const h = headerIndex(spec, values, foundBy !== "table");
  const headers = values[h];
  // A table or sheet with that name but nothing in it is still the table: it has no rows.
  if (headers === undefined) {
    return {
      table: spec.table,
      sheet,
      foundBy,
      headerRow: top,
      firstColumn,
      headers: [],
      body: [],
    };
  }
  // The rows are shared, not copied: a 100,000-row table's cells are walked once, by the reader.
  const body = h === 0 ? values.slice(1) : values.slice(h + 1);
  const totals = "totalRows" in source ? source.totalRows : undefined;
  if (totals !== undefined) {
    // The copy of the row list is the table's own: an Excel total row reads as a blank row.
    for (const n of totals)
      if (n > top + h && n - (top + h) - 1 < body.length) body[n - (top + h) - 1] = [];
  }
  return {
    table: spec.table,
    sheet,
    foundBy,
    headerRow: top + h,
    firstColumn,
    hiddenRows,
    headers,
    body,
  };
}

/** The letters of sheet column `n` (1 for A, 27 for AA). */
export function columnLetters(n: number): string {
  let out = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) {
    out = String.fromCharCode(65 + ((c - 1) % 26)) + out;
  }
  return out;
}

/**
 * The index of the header row: an Excel table's first row; on a sheet, the first of its first
 * non-blank rows that names the table's columns (a coordinator's title or note may sit above the
 * headers), else its first non-blank row.
 */
function headerIndex(
  spec: TableSpec<string>,
  values: readonly (readonly CellValue[])[],
  search: boolean
): number {
  let first = 0;
  while (first < values.length && (values[first] ?? []).every(isBlank)) first++;
  if (!search) return first;
  for (let i = first, seen = 0; i < values.length && seen < HEADER_SEARCH_ROWS; i++) {
    const row = values[i] ?? [];
    if (row.every(isBlank)) continue;
    seen++;
    if (looksLikeHeader(spec, row)) return i;
  }
  return first;
}

/** The distinct columns of `spec` a row's text cells name. */
function columnsNamed(spec: TableSpec<string>, row: readonly CellValue[]): Set<string> {
  return new Set(
    row
      .filter((c): c is string => typeof c === "string")
      .map((c) => columnOfHeader(spec, c))
      .filter((k): k is string => k !== undefined)
  );
}

/** A row names at least two of a table's columns (Activities: see `looksLikeActivitiesHeader`). */
function looksLikeHeader(spec: TableSpec<string>, row: readonly CellValue[]): boolean {
  return spec === ACTIVITIES ? looksLikeActivitiesHeader(row) : columnsNamed(spec, row).size >= 2;
}

/**
 * A header row "looks like" Activities when it names at least three of its columns, one of them
 * Title, Format or Start Date.
 */
export function looksLikeActivitiesHeader(row: readonly CellValue[]): boolean {
  const keys = columnsNamed(ACTIVITIES, row);
  return keys.size >= 3 && (keys.has("title") || keys.has("format") || keys.has("startDate"));
}

/**
 * True when one of a sheet's first non-blank rows (`HEADER_SEARCH_ROWS` of them) looks like an
 * Activities header: how a sheet not named for the table is recognised.
 */
export function hasActivitiesHeader(values: readonly (readonly CellValue[])[]): boolean {
  return looksLikeActivitiesHeader(values[headerIndex(ACTIVITIES, values, true)] ?? []);
}

/**
 * Finds each PARS table: by its Excel table name, else by its sheet's name, else (Activities only)
 * on the first sheet with a row that looks like an Activities header among its first non-blank
 * rows. Only Activities is mandatory; the others are absent when not found.
 */
export function locateTables(book: WorkbookSource): Partial<Record<TableName, LocatedTable>> {
  const found: Partial<Record<TableName, LocatedTable>> = {};
  const usedSheets = new Set<string>();
  for (const spec of TABLE_SPECS) {
    const t = book.tables.find((x) => nameMatches(spec, x.name));
    let located = t && fromValues(spec, t.sheet, t, "table");
    if (located === undefined) {
      const s = book.sheets.find((x) => nameMatches(spec, x.name));
      located = s && fromValues(spec, s.name, s, "sheet");
    }
    if (located !== undefined) {
      found[spec.table] = located;
      usedSheets.add(located.sheet);
    }
  }
  if (found.Activities === undefined) {
    for (const s of book.sheets) {
      if (usedSheets.has(s.name)) continue;
      if (hasActivitiesHeader(s.values)) {
        found.Activities = fromValues(ACTIVITIES, s.name, s, "header");
        break;
      }
    }
  }
  return found;
}
