import {
  EXPORT_LOG_HEADERS,
  EXPORT_LOG_SHEET,
  EXPORT_LOG_TABLE,
  logCellText as text,
  loggedExportsOf,
  type ExportLogEntry,
  type LoggedExport,
} from "../core";

export { EXPORT_LOG_HEADERS, EXPORT_LOG_SHEET, EXPORT_LOG_TABLE, type LoggedExport };

/** Where an export was recorded: the log's sheet, and the sheet holding the file's text if any. */
export type RecordedExport = {
  readonly logSheet: string;
  readonly exportSheet: string | null;
};

/** The file's text to put on a new sheet, where the host cannot download it. */
export type ExportSheet = {
  /** The wanted name; a free one is found when it is taken. */
  readonly name: string;
  readonly lines: readonly string[];
};

/** Excel's limit on a sheet name's length. */
const MAX_SHEET_NAME = 31;

/**
 * `wanted`, or `wanted (2)`, `wanted (3)`... whichever no sheet has yet (Excel compares sheet names
 * without case), so that no existing sheet is ever replaced.
 */
export function freeSheetName(wanted: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? "" : ` (${String(i)})`;
    const name = wanted.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/**
 * Reads the Export Log, oldest first (`loggedExportsOf` says which rows count). An empty list when
 * the workbook has no log yet. Two round trips whatever the log's length: one to find
 * the table, one to read it.
 *
 * @throws {Error} whatever Excel raises; the gateway turns it into an `ExcelAccessError`
 */
export async function readExportLogTable(context: Excel.RequestContext): Promise<LoggedExport[]> {
  const tables = context.workbook.tables.load("items/name");
  await context.sync();
  const table = tables.items.find((t) => t.name.toLowerCase() === EXPORT_LOG_TABLE.toLowerCase());
  if (table === undefined) return [];
  const range = table.getRange().load("values");
  await context.sync();
  return loggedExportsOf(range.values);
}

/** How the log's Layout column names each kind of file. */
const LOGGED_LAYOUT_NAMES: Readonly<Record<ExportLogEntry["layout"], string>> = {
  xml: "PARS XML",
  txt: "Template D (.txt)",
  learners: "Learner completions (XML)",
};

/** One log row's cells, in `EXPORT_LOG_HEADERS` order. */
export function logRow(entry: ExportLogEntry): (string | number)[] {
  return [
    entry.time,
    LOGGED_LAYOUT_NAMES[entry.layout],
    entry.fileName,
    entry.rows,
    entry.internalIds.join(", "),
    entry.sha256,
  ];
}

/** Text format, so that Excel keeps an ID such as 1-2 or 00123 as typed, never as a date or number. */
const TEXT = "@";

/**
 * Appends `entry` to the Export Log (making the `ExportLog` table on a new sheet when the workbook
 * has none) and, when `sheet` is given, writes the file's text on a new sheet, one line per cell
 * down column A, text-formatted so that Excel keeps every line exactly as written. Never writes to
 * a sheet that already exists, except the log table's own new row, whose cells follow the log's
 * headers wherever they now stand. The row is added only once the sheet is written, and names the
 * sheet (`sheet <name>`) rather than a file that was not made. Two round trips whatever the number
 * of lines (one to learn the sheet and table names, one to write), one more for a sheet, one more
 * when the log exists (for its headers).
 *
 * @throws {Error} whatever Excel raises (a protected workbook, a payload over Excel's limit)
 */
export async function writeExportRecord(
  context: Excel.RequestContext,
  entry: ExportLogEntry,
  sheet: ExportSheet | null
): Promise<RecordedExport> {
  const sheets = context.workbook.worksheets.load("items/name");
  const tables = context.workbook.tables.load("items/name,items/worksheet/name");
  await context.sync();
  const taken = sheets.items.map((s) => s.name);

  let exportSheet: string | null = null;
  if (sheet !== null) {
    exportSheet = freeSheetName(sheet.name, taken);
    taken.push(exportSheet);
    const target = context.workbook.worksheets.add(exportSheet);
    if (sheet.lines.length > 0) {
      const range = target.getRangeByIndexes(0, 0, sheet.lines.length, 1);
      // The format goes first: values written into a text cell are kept as text, not parsed.
      range.numberFormat = sheet.lines.map(() => [TEXT]);
      range.values = sheet.lines.map((l) => [l]);
    }
    // The file's text is in the workbook before its log row is asked for: a sheet Excel refuses
    // leaves no row logging a file that was never made.
    await context.sync();
  }
  // The log names what exists: the downloaded file, or the sheet holding its text.
  const row = logRow(exportSheet === null ? entry : { ...entry, fileName: `sheet ${exportSheet}` });

  const log = tables.items.find((t) => t.name.toLowerCase() === EXPORT_LOG_TABLE.toLowerCase());
  let logSheet: string;
  if (log !== undefined) {
    logSheet = log.worksheet.name;
    // The log's columns as they are now: a user may have moved them, or added notes of their own.
    const header = log.getHeaderRowRange().load("values");
    await context.sync();
    const byHeader = new Map<string, string | number>(
      EXPORT_LOG_HEADERS.map((h, i) => [h, row[i] ?? ""] as const)
    );
    const cells = (header.values[0] ?? []).map((h) => byHeader.get(text(h)) ?? "");
    // A new table row takes its columns' formats, which were made text when the log was made.
    log.rows.add(undefined, [cells]);
  } else {
    logSheet = freeSheetName(EXPORT_LOG_SHEET, taken);
    const target = context.workbook.worksheets.add(logSheet);
    // Headers and the first entry together: a table made over a header alone gets an empty row.
    const range = target.getRangeByIndexes(0, 0, 2, EXPORT_LOG_HEADERS.length);
    range.numberFormat = [EXPORT_LOG_HEADERS.map(() => TEXT), row.map(() => TEXT)];
    range.values = [[...EXPORT_LOG_HEADERS], row];
    const made = target.tables.add("A1:F2", true);
    made.name = EXPORT_LOG_TABLE;
  }
  await context.sync();
  return { logSheet, exportSheet };
}
