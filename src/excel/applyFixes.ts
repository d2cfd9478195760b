import { dayOfIso, dayOfSerial, serialOfDay, usOfDay, type DateSystem, type Fix } from "../core";
import { queueDateSystem } from "./dateSystem";
import { freeSheetName } from "./exportLogTable";

/** The sheet every applied fix is logged on, with the cell's old value, so it can be undone. */
export const FIXES_SHEET = "PARS Fixes";

/** The log's columns, left to right. */
export const FIXES_LOG_HEADERS = [
  "Batch",
  "Applied",
  "Sheet",
  "Sheet ID",
  "Cell",
  "Old value",
  "Old type",
  "New value",
  "Why",
  "Undone",
  // Last, so that a log written before it had this column is still read the same.
  "Old format",
] as const;

const COL = {
  batch: 0,
  sheetId: 3,
  cell: 4,
  old: 5,
  oldType: 6,
  new: 7,
  undone: 9,
  oldFormat: 10,
} as const;

/** A fix and the cell it changes now: the sheet's ID and the cell's A1 address. */
export type FixTarget = {
  readonly fix: Fix;
  readonly sheetId: string;
  readonly address: string;
};

/** Why a proposed fix was not applied. */
export type SkipReason =
  /** The cell holds a formula: its value is the formula's to work out, never overwritten. */
  | "formula"
  /** The cell no longer holds what the check read. */
  | "changed"
  /** The column or table the fix names is not where the check found it. */
  | "gone";

export type SkippedFix = {
  readonly fix: Fix;
  readonly address: string | null;
  readonly reason: SkipReason;
};

export type FixesApplied = {
  /** The log's number for this batch, or null when nothing was applied. */
  readonly batch: number | null;
  readonly applied: readonly FixTarget[];
  readonly skipped: readonly SkippedFix[];
};

export type FixesUndone = {
  readonly batch: number | null;
  /** Cells given back their old value. */
  readonly restored: number;
  /** Cells edited since the fix (or now a formula): left as they are. */
  readonly kept: readonly string[];
  /** Batches the log still holds not undone, for a next undo. */
  readonly left: number;
};

/** What kind of value a cell held, so that undo gives back a number as a number. */
type OldType = "text" | "number" | "boolean";

const TEXT = "@";

/** The number format a date fix gives its cell: the MM/DD/YYYY the pane and PARS use. */
export const DATE_FORMAT = "mm/dd/yyyy";

/** The serial number of an ISO day in the workbook's date system; null for a day that is not. */
function serialOf(iso: string, system: DateSystem): number | null {
  const day = dayOfIso(iso);
  if (day === null) return null;
  return serialOfDay(day, system);
}

/** A date cell's serial as the pane shows its day, MM/DD/YYYY; null for a serial that is no day. */
function shownOfSerial(serial: number, system: DateSystem): string | null {
  const day = dayOfSerial(serial, system);
  return day === null ? null : usOfDay(day);
}

function typeOf(v: unknown): OldType | null {
  if (typeof v === "string") return "text";
  if (typeof v === "number") return "number";
  if (typeof v === "boolean") return "boolean";
  return null;
}

function textOf(v: unknown): string {
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return typeof v === "string" || typeof v === "number" ? String(v) : "";
}

/** The value a log row's old value and type stand for. */
function oldValueOf(text: string, type: string): string | number | boolean {
  if (type === "number") return Number(text);
  if (type === "boolean") return text === "TRUE";
  return text;
}

const isFormula = (f: unknown) => typeof f === "string" && f.startsWith("=");

/** One cell's proxy, reusing the sheet's proxy for all its cells. */
function cellRanges(context: Excel.RequestContext) {
  const sheets = new Map<string, Excel.Worksheet>();
  return (sheetId: string, address: string): Excel.Range => {
    let sheet = sheets.get(sheetId);
    if (sheet === undefined) {
      sheet = context.workbook.worksheets.getItem(sheetId);
      sheets.set(sheetId, sheet);
    }
    return sheet.getRange(address);
  };
}

/** The log's rows as read, header included, or null when the workbook has no log sheet. */
async function readLog(
  context: Excel.RequestContext,
  names: readonly string[]
): Promise<{ sheet: Excel.Worksheet; rows: unknown[][]; next: number } | null> {
  const name = names.find((n) => n.toLowerCase() === FIXES_SHEET.toLowerCase());
  if (name === undefined) return null;
  const sheet = context.workbook.worksheets.getItem(name);
  const used = sheet.getUsedRangeOrNullObject(true).load("values,rowIndex,rowCount");
  await context.sync();
  if (used.isNullObject) return { sheet, rows: [], next: 0 };
  // Rows above the used range are blank: index the log by sheet row.
  const rows: unknown[][] = [];
  used.values.forEach((r: unknown[], i) => {
    rows[used.rowIndex + i] = r;
  });
  return { sheet, rows, next: used.rowIndex + used.rowCount };
}

const logRows = (rows: unknown[][]) =>
  rows
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r !== undefined && typeof r[COL.batch] === "number");

/** The log's rows of fixes not yet undone. */
const openRows = (rows: unknown[][]) =>
  logRows(rows).filter(({ r }) => textOf(r[COL.undone]) === "");

const batchesOf = (rows: readonly { r: unknown[] }[]) =>
  new Set(rows.map(({ r }) => Number(r[COL.batch]))).size;

/**
 * How many batches of fixes the "PARS Fixes" sheet holds not yet undone, this session's or an
 * earlier one's: 0 when there is no log. Two round trips (one when there is no log sheet), to
 * list the sheets and read the log; nothing is written.
 *
 * @throws {Error} whatever Excel raises
 */
export async function fixBatchesToUndoIn(context: Excel.RequestContext): Promise<number> {
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  const log = await readLog(
    context,
    sheets.items.map((s) => s.name)
  );
  return batchesOf(openRows(log?.rows ?? []));
}

/**
 * Applies fixes whose cell still holds the value the check read, and logs each on the
 * "PARS Fixes" sheet (made when missing) with the cell's old value, its type and its number
 * format. A date fix writes a date: the day's serial number, formatted MM/DD/YYYY. Never writes a
 * formula cell, nor any sheet but the fixed cells' and the log's. Round trips: one to read the
 * cells (values and formulas together) and the sheet names, one to read the log when there is
 * one, one to write; none more for more cells.
 *
 * @throws {Error} whatever Excel raises (a protected sheet)
 */
export async function applyFixesIn(
  context: Excel.RequestContext,
  targets: readonly FixTarget[],
  appliedAt: string
): Promise<FixesApplied> {
  const cell = cellRanges(context);
  const sheets = context.workbook.worksheets.load("items/name");
  const reads = targets.map((t) => ({
    t,
    range: cell(t.sheetId, t.address).load("values,formulas,numberFormat"),
  }));
  const dateSystemOf = queueDateSystem(context);
  await context.sync();
  const system = dateSystemOf();

  const applied: { t: FixTarget; old: unknown; format: string; sheetName: string }[] = [];
  const skipped: SkippedFix[] = [];
  for (const { t, range } of reads) {
    const value: unknown = range.values[0]?.[0];
    if (isFormula(range.formulas[0]?.[0]))
      skipped.push({ fix: t.fix, address: t.address, reason: "formula" });
    else if (typeOf(value) === null || textOf(value) !== t.fix.old) {
      skipped.push({ fix: t.fix, address: t.address, reason: "changed" });
    } else {
      const format = textOf(range.numberFormat[0]?.[0]);
      applied.push({ t, old: value, format, sheetName: t.fix.sheet });
    }
  }
  if (applied.length === 0) return { batch: null, applied: [], skipped };

  const names = sheets.items.map((s) => s.name);
  const log = await readLog(context, names);
  const batch = 1 + Math.max(0, ...logRows(log?.rows ?? []).map(({ r }) => Number(r[COL.batch])));

  for (const { t } of applied) {
    const target = cell(t.sheetId, t.address);
    const serial = t.fix.kind === "date" ? serialOf(t.fix.day, system) : null;
    if (serial === null) target.values = [[t.fix.new]];
    else {
      // The format first: a number written into a Text cell would stay text.
      target.numberFormat = [[DATE_FORMAT]];
      target.values = [[serial]];
    }
  }
  const entries = applied.map(({ t, old, format, sheetName }) => [
    batch,
    appliedAt,
    sheetName,
    t.sheetId,
    t.address,
    textOf(old),
    typeOf(old) ?? "text",
    t.fix.new,
    t.fix.why,
    "",
    format,
  ]);
  let target: Excel.Worksheet;
  let first: number;
  let block: unknown[][];
  if (log === null) {
    target = context.workbook.worksheets.add(freeSheetName(FIXES_SHEET, names));
    first = 0;
    block = [[...FIXES_LOG_HEADERS], ...entries];
  } else {
    target = log.sheet;
    first = log.next;
    block = log.next === 0 ? [[...FIXES_LOG_HEADERS], ...entries] : entries;
    // A log begun before it kept number formats: its header row gets the new column's name.
    const header = log.rows.findIndex((r) => r !== undefined && r[COL.batch] === "Batch");
    if (header >= 0 && textOf(log.rows[header]?.[COL.oldFormat]) === "") {
      const cell = log.sheet.getRangeByIndexes(header, COL.oldFormat, 1, 1);
      cell.numberFormat = [[TEXT]];
      cell.values = [[FIXES_LOG_HEADERS[COL.oldFormat]]];
    }
  }
  const range = target.getRangeByIndexes(first, 0, block.length, FIXES_LOG_HEADERS.length);
  // Text first, so an old value such as 00123 or 1-2 is kept as written, then the Batch numbers.
  range.numberFormat = block.map((row) => row.map((_, c) => (c === COL.batch ? "General" : TEXT)));
  range.values = block as (string | number)[][];
  await context.sync();
  return { batch, applied: applied.map(({ t }) => t), skipped };
}

/**
 * Gives a cell its logged old value and number format. Excel reads text written into a cell that
 * is not formatted as Text the way it reads typing ("03/15/2025" becomes a date, "0123" the number
 * 123), so old text goes in under the Text format, and the old format is put back after it.
 */
function restore(range: Excel.Range, r: readonly unknown[]): void {
  const type = textOf(r[COL.oldType]);
  const value = oldValueOf(textOf(r[COL.old]), type);
  // A log row written before the log kept formats: its fix changed no format.
  const format = r.length > COL.oldFormat ? textOf(r[COL.oldFormat]) : "";
  const now = textOf(range.numberFormat[0]?.[0]);
  if (type === "text" && format !== "") {
    if (now !== TEXT) range.numberFormat = [[TEXT]];
    range.values = [[value]];
    if (format !== TEXT) range.numberFormat = [[format]];
    return;
  }
  if (format !== "" && format !== now) range.numberFormat = [[format]];
  range.values = [[value]];
}

/**
 * Undoes the last batch of fixes not yet undone: each cell that still holds the fix's new value
 * gets its old value back, as the type it had (a number as a number, text as text) with its old
 * number format; a cell edited since is kept. The batch's log rows are marked in the Undone
 * column, so the next undo takes the batch before; `left` counts the batches that remain. Four
 * round trips whatever the batch's size.
 *
 * @throws {Error} whatever Excel raises
 */
export async function undoLastFixesIn(
  context: Excel.RequestContext,
  undoneAt: string
): Promise<FixesUndone> {
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  const log = await readLog(
    context,
    sheets.items.map((s) => s.name)
  );
  const open = openRows(log?.rows ?? []);
  if (log === null || open.length === 0) return { batch: null, restored: 0, kept: [], left: 0 };
  const batch = Math.max(...open.map(({ r }) => Number(r[COL.batch])));
  const rows = open.filter(({ r }) => Number(r[COL.batch]) === batch);

  const cell = cellRanges(context);
  const reads = rows.map(({ r, i }) => ({
    r,
    i,
    range: cell(textOf(r[COL.sheetId]), textOf(r[COL.cell])).load("values,formulas,numberFormat"),
  }));
  const dateSystemOf = queueDateSystem(context);
  await context.sync();
  const system = dateSystemOf();
  /** The cell still holds what the fix wrote: its text, or the date a date fix wrote. */
  const unchanged = (now: unknown, written: string) =>
    textOf(now) === written || (typeof now === "number" && shownOfSerial(now, system) === written);

  let restored = 0;
  const kept: string[] = [];
  // Last applied first, should one batch have touched a cell twice.
  for (const { r, i, range } of [...reads].reverse()) {
    const now: unknown = range.values[0]?.[0];
    const where = `${textOf(r[2])}!${textOf(r[COL.cell])}`;
    let note: string;
    if (isFormula(range.formulas[0]?.[0]) || !unchanged(now, textOf(r[COL.new]))) {
      kept.push(where);
      note = `Not undone ${undoneAt}: the cell was changed since`;
    } else {
      restore(range, r);
      restored++;
      note = `Undone ${undoneAt}`;
    }
    const mark = log.sheet.getRangeByIndexes(i, COL.undone, 1, 1);
    mark.numberFormat = [[TEXT]];
    mark.values = [[note]];
  }
  await context.sync();
  return { batch, restored, kept: kept.reverse(), left: batchesOf(open) - 1 };
}
