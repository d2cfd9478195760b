import {
  cellFromHost,
  isBlank,
  hasActivitiesHeader,
  HEADER_SEARCH_ROWS,
  normaliseKey,
  TABLE_SPECS,
  type CellValue,
  type SourceSheet,
  type SourceTable,
  type TableName,
  type WorkbookSource,
} from "../core";
import { queueDateSystem } from "./dateSystem";
import { excelProblem, officeCode } from "./excelErrors";
import type { TableLayout } from "./layout";

/**
 * Payload budget per round trip. Excel on the web refuses requests or responses over 5 MB; values
 * are measured as JSON, which is close to the wire size, and a fifth is kept in hand for the rest
 * of the response.
 */
export const SYNC_BYTES = 4_000_000;
/** The limit itself, for reasoning about a refused round trip. */
const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Excel may return null values for a read over 5 million cells; stay well under. */
const MAX_CELLS_PER_SYNC = 1_000_000;
/**
 * Rows read from each Excel table in the same round trip that finds its size, before anything is
 * known of how large its cells are. Small tables are read whole right there.
 */
export const PROBE_ROWS = 2000;
/** Rows whose `rowHidden` one round trip asks for, when a range hides some of its rows. */
const HIDDEN_ROWS_PER_SYNC = 20_000;
/** Assumed JSON bytes per cell until a first read measures them. */
const ASSUMED_CELL_BYTES = 32;

/**
 * Reports how far a long read has got, in the coordinator's unit: rows of the Activities table
 * read so far (its header not counted), of all its rows. Both are 0 when there is no Activities
 * table; other tables are read too, but not counted.
 */
export type ReadProgress = (done: number, total: number) => void;

/** The workbook as core sees it, and where each PARS table sits. */
export type WorkbookRead = {
  readonly source: WorkbookSource;
  readonly layouts: readonly TableLayout[];
  /** Every worksheet's name and id, in tab order, as listed when the read began. */
  readonly sheets: readonly SheetName[];
  /**
   * The same, as of the read's last round trip (loaded along with it): a sheet renamed or deleted
   * while the read ran shows here.
   */
  readonly sheetsAtEnd: readonly SheetName[];
};

/** A worksheet's name and its ID, which stays when the sheet is renamed. */
export type SheetName = { readonly name: string; readonly id: string };

type Found = {
  readonly table: TableName;
  readonly sheet: string;
  readonly sheetId: string;
  readonly excelTable: string | null;
  readonly range: Excel.Range;
  readonly probe: Excel.Range | null;
};

type Sized = Found & {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  /** Rows read so far, from the top of the range; undefined entries are still to read. */
  readonly rows: (readonly unknown[] | undefined)[];
  /** The range's `rowHidden`: true when all its rows are hidden, null when only some are. */
  readonly allHidden: boolean | null;
  /** Sheet row numbers of its hidden rows, filled once known. */
  readonly hiddenRows: Set<number>;
};

const matches = (names: readonly string[], name: string): boolean => {
  const key = normaliseKey(name);
  return names.some((n) => normaliseKey(n) === key);
};

/**
 * Reads the PARS tables of the open workbook as core finds them: by Excel table name, else by
 * sheet name, else (Activities only) the first other sheet whose first row looks like an
 * Activities header. Round trips: one to list sheets and tables, one to size them (which also reads
 * the first rows of each Excel table), then one per `SYNC_BYTES` of cells still to read; one more
 * when Activities has to be found by its header. Reads only the tables it will check. `alsoLoad`
 * may queue other loads on the sheets, to ride along with the sizing round trip.
 *
 * @throws {ExcelAccessError} when Excel refuses a read
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  onProgress: ReadProgress = () => undefined,
  alsoLoad: (sheets: readonly SheetName[]) => void = () => undefined
): Promise<WorkbookRead> {
  // Each later round trip also lists the sheets, at a few bytes' cost and no round trip of its
  // own; the last list says whether a sheet was renamed or deleted while the read ran.
  let atEnd: Excel.WorksheetCollection | null = null;
  const listAgain = () => {
    atEnd = context.workbook.worksheets.load("items/name,items/id");
  };
  const sheetList = context.workbook.worksheets.load("items/name,items/id");
  const tableList = context.workbook.tables.load(
    "items/name,items/worksheet/name,items/showTotals"
  );
  const dateSystemOf = queueDateSystem(context);
  await context.sync();
  const dateSystem = dateSystemOf();

  const sheets = sheetList.items.map((s) => ({ name: s.name, id: s.id, proxy: s }));
  const sheetByName = new Map(sheets.map((s) => [s.name, s] as const));
  const found: Found[] = [];
  const usedSheets = new Set<string>();
  for (const spec of TABLE_SPECS) {
    const t = tableList.items.find((x) => matches(spec.names, x.name));
    const host = t === undefined ? undefined : sheetByName.get(t.worksheet.name);
    if (t !== undefined && host !== undefined) {
      // A total row (Table Design > Total Row) sums the activities; it is not one of them.
      const range = t.showTotals ? t.getRange().getResizedRange(-1, 0) : t.getRange();
      found.push({
        table: spec.table,
        sheet: host.name,
        sheetId: host.id,
        excelTable: t.name,
        range,
        probe: range.getRow(0).getResizedRange(PROBE_ROWS - 1, 0),
      });
      usedSheets.add(host.name);
      continue;
    }
    const s = sheets.find((x) => matches(spec.names, x.name));
    if (s !== undefined) {
      found.push({
        table: spec.table,
        sheet: s.name,
        sheetId: s.id,
        excelTable: null,
        range: s.proxy.getUsedRangeOrNullObject(true),
        probe: null,
      });
      usedSheets.add(s.name);
    }
  }
  // Activities by its header: size every other sheet now, read their first rows in one more trip.
  const candidates = found.some((f) => f.table === "Activities")
    ? []
    : sheets
        .filter((s) => !usedSheets.has(s.name))
        .map((s) => ({ sheet: s, range: s.proxy.getUsedRangeOrNullObject(true) }));

  const load = (r: Excel.Range) => r.load("rowIndex,columnIndex,rowCount,columnCount,rowHidden");
  for (const f of found) {
    load(f.range);
    f.probe?.load("values");
  }
  for (const c of candidates) load(c.range);
  // Excel tables read as plain sheet cells (not found by their name) still leave out their total
  // row: where it sits rides along with the sizing round trip.
  const taken = new Set(found.map((f) => f.excelTable));
  const totals = tableList.items
    .filter((t) => t.showTotals && !taken.has(t.name))
    .map((t) => ({ sheet: t.worksheet.name, range: t.getRange().load("rowIndex,rowCount") }));
  alsoLoad(sheets.map(({ name, id }) => ({ name, id })));
  listAgain();
  let probed: readonly Found[] = found;
  let probeRefused = false;
  try {
    await context.sync();
  } catch (e) {
    // The probe reaches PROBE_ROWS below each table's header: too much to send back at once, or
    // past the sheet's last row for a table at the very bottom. Size only, and read in chunks.
    const beyondSheet = officeCode(e) === "InvalidArgument";
    if (!isTooLarge(e) && !beyondSheet) throw e;
    probed = found.map((f) => ({ ...f, probe: null }));
    probeRefused = !beyondSheet;
    for (const f of probed) load(f.range);
    for (const c of candidates) load(c.range);
    for (const t of totals) t.range.load("rowIndex,rowCount");
    alsoLoad(sheets.map(({ name, id }) => ({ name, id })));
    listAgain();
    await context.sync();
  }

  const sized: Sized[] = [];
  for (const f of probed) {
    if (f.range.isNullObject) continue;
    sized.push(sizedOf(f));
  }
  if (candidates.length > 0) {
    // The first rows of each: a title or a note may sit above the headers (core decides).
    const firstRows = candidates
      .filter((c) => !c.range.isNullObject)
      .map((c) => ({
        c,
        first: c.range
          .getRow(0)
          .getResizedRange(Math.min(HEADER_SEARCH_ROWS, c.range.rowCount) - 1, 0)
          .load("values"),
      }));
    listAgain();
    await context.sync();
    const hit = firstRows.find(({ first }) =>
      hasActivitiesHeader(first.values.map((row) => row.map(cellFromHost)))
    );
    if (hit !== undefined) {
      sized.push(
        sizedOf({
          table: "Activities",
          sheet: hit.c.sheet.name,
          sheetId: hit.c.sheet.id,
          excelTable: null,
          range: hit.c.range,
          probe: null,
        })
      );
    }
  }

  // A refused probe still says something: its cells averaged more than the limit allows.
  const probedCells = probeRefused
    ? sized.reduce(
        (n, s) =>
          n + (s.excelTable === null ? 0 : Math.min(PROBE_ROWS, s.rowCount) * s.columnCount),
        0
      )
    : 0;
  await readRemainingRows(
    context,
    sized,
    onProgress,
    probedCells > 0 ? PAYLOAD_LIMIT / probedCells : 0,
    listAgain
  );

  await readHiddenRows(context, sized);

  const tables: SourceTable[] = [];
  const sourceSheets: SourceSheet[] = [];
  const layouts: TableLayout[] = [];
  for (const s of sized) {
    const values = s.rows.map((r) => (r ?? []).map(cellFromHost));
    const top = s.rowIndex + 1;
    const firstColumn = s.columnIndex + 1;
    const hiddenRows = s.hiddenRows;
    if (s.excelTable !== null) {
      tables.push({ name: s.excelTable, sheet: s.sheet, top, firstColumn, hiddenRows, values });
    } else {
      const totalRows = new Set(
        totals.filter((t) => t.sheet === s.sheet).map((t) => t.range.rowIndex + t.range.rowCount)
      );
      sourceSheets.push({ name: s.sheet, top, firstColumn, hiddenRows, totalRows, values });
    }
    layouts.push(layoutOf(s, values));
  }
  return {
    source: { tables, sheets: sourceSheets, dateSystem },
    layouts,
    sheets: sheets.map(({ name, id }) => ({ name, id })),
    sheetsAtEnd:
      (atEnd as Excel.WorksheetCollection | null)?.items.map(({ name, id }) => ({
        name,
        id,
      })) ?? sheets.map(({ name, id }) => ({ name, id })),
  };
}

function sizedOf(f: Found): Sized {
  const rowCount = f.range.rowCount;
  const rows: (readonly unknown[] | undefined)[] = new Array<undefined>(rowCount).fill(undefined);
  if (f.probe !== null) {
    const probed = f.probe.values;
    for (let i = 0; i < Math.min(rowCount, probed.length); i++) rows[i] = probed[i];
  }
  return {
    ...f,
    rowIndex: f.range.rowIndex,
    columnIndex: f.range.columnIndex,
    rowCount,
    columnCount: f.range.columnCount,
    rows,
    allHidden: f.range.rowHidden,
    hiddenRows: new Set(),
  };
}

/**
 * Which rows each range hides. Its `rowHidden`, loaded with its size, says all or none for most
 * ranges; only a range that hides some of its rows asks row by row, `HIDDEN_ROWS_PER_SYNC` rows
 * a round trip.
 */
async function readHiddenRows(
  context: Excel.RequestContext,
  sized: readonly Sized[]
): Promise<void> {
  const pending: { s: Sized; i: number }[] = [];
  for (const s of sized) {
    if (s.allHidden === true) {
      for (let i = 0; i < s.rowCount; i++) s.hiddenRows.add(s.rowIndex + 1 + i);
    } else if (s.allHidden === null) {
      for (let i = 0; i < s.rowCount; i++) pending.push({ s, i });
    }
  }
  for (let start = 0; start < pending.length; start += HIDDEN_ROWS_PER_SYNC) {
    const batch = pending
      .slice(start, start + HIDDEN_ROWS_PER_SYNC)
      .map((p) => ({ ...p, row: p.s.range.getRow(p.i).load("rowHidden") }));
    // One round trip per HIDDEN_ROWS_PER_SYNC rows, and only for ranges that hide some rows.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    for (const b of batch) if (b.row.rowHidden === true) b.s.hiddenRows.add(b.s.rowIndex + 1 + b.i);
  }
}

function layoutOf(s: Sized, values: readonly (readonly CellValue[])[]): TableLayout {
  // A used range starts at its first non-empty row, but core skips blank rows above a header all
  // the same; follow it so that sheet rows agree.
  let h = 0;
  while (h < values.length && (values[h] ?? []).every(isBlank)) h++;
  const header = values[h] ?? [];
  return {
    table: s.table,
    sheet: s.sheet,
    sheetId: s.sheetId,
    excelTable: s.excelTable,
    headerRow: s.rowIndex + 1 + h,
    lastRow: s.rowIndex + s.rowCount,
    firstColumn: s.columnIndex,
    headers: Array.from({ length: s.columnCount }, (_, i) => {
      const c = header[i];
      return c === null || c === undefined || typeof c === "object" ? "" : String(c);
    }),
  };
}

type Chunk = { readonly s: Sized; readonly start: number; readonly count: number };

/**
 * Reads every row not read yet, as few round trips as the payload budget allows: chunk sizes come
 * from the bytes per cell measured so far, and a chunk Excel still finds too large is halved.
 */
async function readRemainingRows(
  context: Excel.RequestContext,
  sized: readonly Sized[],
  onProgress: ReadProgress,
  knownFloor: number,
  beforeSync: () => void
): Promise<void> {
  // The least bytes per cell a refused round trip proves; chunks are sized for at least this.
  let floor = knownFloor;
  let measuredBytes = 0;
  let measuredCells = 0;
  for (const s of sized) {
    for (const r of s.rows) {
      if (r === undefined) continue;
      measuredBytes += JSON.stringify(r).length;
      measuredCells += r.length;
    }
  }
  // Progress counts activities, the rows a coordinator thinks in, not every table's rows.
  const activities = sized.find((s) => s.table === "Activities");
  let activityRowsRead =
    activities === undefined ? 0 : activities.rows.filter((r) => r !== undefined).length;
  const report = () => {
    if (activities === undefined) onProgress(0, 0);
    else {
      const total = Math.max(0, activities.rowCount - 1);
      onProgress(Math.min(total, Math.max(0, activityRowsRead - 1)), total);
    }
  };
  report();

  const pending: Chunk[] = [];
  for (const s of sized) {
    let i = 0;
    while (i < s.rowCount) {
      if (s.rows[i] !== undefined) {
        i++;
        continue;
      }
      let j = i;
      while (j < s.rowCount && s.rows[j] === undefined) j++;
      pending.push({ s, start: i, count: j - i });
      i = j;
    }
  }

  while (pending.length > 0) {
    const average =
      measuredCells > 0 ? Math.max(measuredBytes / measuredCells, 2) : ASSUMED_CELL_BYTES;
    const perCell = Math.max(average, floor) * 1.1;
    const cellBudget = Math.max(1, Math.floor(Math.min(SYNC_BYTES / perCell, MAX_CELLS_PER_SYNC)));
    const batch: { chunk: Chunk; range: Excel.Range }[] = [];
    let cells = 0;
    while (pending.length > 0) {
      const next = pending[0] as Chunk;
      const width = Math.max(next.s.columnCount, 1);
      const room = Math.floor((cellBudget - cells) / width);
      if (room <= 0 && batch.length > 0) break;
      const count = Math.max(1, Math.min(next.count, room));
      pending.shift();
      if (count < next.count) {
        pending.unshift({ s: next.s, start: next.start + count, count: next.count - count });
      }
      const range = next.s.range
        .getCell(next.start, 0)
        .getResizedRange(count - 1, next.s.columnCount - 1)
        .load("values");
      batch.push({ chunk: { s: next.s, start: next.start, count }, range });
      cells += count * width;
    }
    try {
      // One round trip per SYNC_BYTES of cells, not per row or table: the payload limit forces it.
      beforeSync();
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      if (!isTooLarge(e)) throw e;
      const oneRow = batch.length === 1 && batch[0]?.chunk.count === 1;
      if (oneRow) throw excelProblem("too_large", e);
      for (const b of batch.reverse()) pending.unshift(b.chunk);
      floor = Math.max(floor * 2, PAYLOAD_LIMIT / cells);
      continue;
    }
    for (const { chunk, range } of batch) {
      const values = range.values;
      for (let k = 0; k < chunk.count; k++) chunk.s.rows[chunk.start + k] = values[k] ?? [];
      measuredBytes += JSON.stringify(values).length;
      measuredCells += chunk.count * chunk.s.columnCount;
      if (chunk.s === activities) activityRowsRead += chunk.count;
    }
    report();
  }
}

const isTooLarge = (e: unknown): boolean => {
  const code = officeCode(e);
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
};
