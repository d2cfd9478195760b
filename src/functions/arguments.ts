// Reading worksheet-function arguments as Excel hands them over: scalars as numbers, text or
// booleans; ranges as 2-D arrays; an omitted optional argument as null or undefined; an empty cell
// as "". Every reader either returns the value or throws `BadArgument` with a sentence a
// coordinator can act on; `guard` turns that into the #VALUE! error Excel shows with the message.
import {
  cellFromHost,
  describeCell,
  formatName,
  isBlank,
  isCellError,
  isoOfDay,
  compiledHeadersOf,
  lookUp,
  matchFormat,
  readDate,
  readNumber,
  STATUSES,
  type CellValue,
  type CompiledHeaders,
  type DayNumber,
  type FormatKey,
  type IsoDate,
  type StatusName,
} from "../core";

/** An argument a function cannot work with; `message` is what the coordinator reads in Excel. */
export class BadArgument extends Error {
  override readonly name = "BadArgument";
}

/**
 * Runs a function body and turns a `BadArgument` into Excel's #VALUE! with its message. Any other
 * exception is a bug in PARS Ready, not in the coordinator's data: it is rethrown so that it is not
 * dressed up as advice.
 *
 * @throws whatever `body` throws other than `BadArgument`
 */
export function guard<T>(body: () => T): T | CustomFunctions.Error {
  try {
    return body();
  } catch (e) {
    if (e instanceof BadArgument) {
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, e.message);
    }
    throw e;
  }
}

/**
 * One argument value as core reads cells. Linked data types (stocks, geography, entities) arrive as
 * objects when the add-in allows custom data; their `basicValue` is what the cell shows.
 */
export function cellOf(value: unknown): CellValue {
  if (typeof value === "object" && value !== null && "basicValue" in value) {
    return cellFromHost(value.basicValue);
  }
  return cellFromHost(value);
}

/** True when an optional argument was left out (Excel passes null or undefined). */
export function omitted(value: unknown): boolean {
  return value === null || value === undefined;
}

/** How a value reads in a message: 'weekly', '-3', an empty cell. */
export function shown(cell: CellValue): string {
  if (isBlank(cell)) return "an empty cell";
  return `'${describeCell(cell)}'`;
}

/** The cells of a range argument, row by row. A single value passed for a range is one cell. */
export function cellsOf(value: unknown): CellValue[] {
  if (!Array.isArray(value)) return [cellOf(value)];
  const out: CellValue[] = [];
  for (const row of value as unknown[]) {
    if (Array.isArray(row)) for (const c of row as unknown[]) out.push(cellOf(c));
    else out.push(cellOf(row));
  }
  return out;
}

function refuseError(label: string, cell: CellValue): void {
  if (isCellError(cell)) {
    throw new BadArgument(`${label} holds the Excel error ${cell.error}; fix that cell first`);
  }
}

export type NumberRule = { readonly whole?: boolean };

/**
 * A number, 0 or more (text such as "1,040" is read as a number), or whole when `rule.whole`.
 *
 * @throws {BadArgument} when the cell is empty, not a number, negative or not whole as required
 */
export function numberArg(label: string, value: unknown, rule: NumberRule = {}): number {
  const cell = cellOf(value);
  refuseError(label, cell);
  const kind = rule.whole === true ? "a whole number" : "a number";
  const f = readNumber(cell);
  if (f.kind !== "ok") throw new BadArgument(`${label} must be ${kind}, got ${shown(cell)}`);
  if (rule.whole === true && !Number.isInteger(f.value)) {
    throw new BadArgument(`${label} must be ${kind}, got ${shown(cell)}`);
  }
  if (f.value < 0) throw new BadArgument(`${label} must be ${kind}, 0 or more, got ${shown(cell)}`);
  return f.value;
}

/**
 * The numbers of a range; empty cells are skipped, as Excel's SUM skips them.
 *
 * @throws {BadArgument} naming the first cell that is not a number as required
 */
export function numbersArg(label: string, value: unknown, rule: NumberRule = {}): number[] {
  const out: number[] = [];
  const cells = cellsOf(value);
  cells.forEach((cell, i) => {
    if (isBlank(cell)) return;
    const where = cells.length === 1 ? label : `${label} (cell ${String(i + 1)} of the range)`;
    out.push(numberArg(where, cell, rule));
  });
  return out;
}

/**
 * An identifier as text (a learner ID typed as a number reads as Excel shows it); "" for an empty
 * cell, which the caller skips.
 *
 * @throws {BadArgument} when the cell holds an Excel error
 */
export function idArg(label: string, cell: CellValue): string {
  refuseError(label, cell);
  return describeCell(cell);
}

/**
 * A PARS format by name, legacy code or common variant.
 *
 * @throws {BadArgument} when the text names no format, or names an event type (Grand Rounds)
 */
export function formatArg(label: string, value: unknown): FormatKey {
  const cell = cellOf(value);
  refuseError(label, cell);
  if (isBlank(cell)) throw new BadArgument(`${label} is empty; give a PARS format such as RSS`);
  const text = describeCell(cell);
  const m = matchFormat(text);
  if (m.kind === "format") return m.format;
  if (m.kind === "not_a_format") {
    throw new BadArgument(
      `${label} '${text}' is not a PARS format; it is usually reported as ${formatName(m.usually)}`
    );
  }
  throw new BadArgument(
    `${label} '${text}' is not a PARS format name or code (for example RSS, C, EM, JN, MR, TIW, PI, ISL, LFT, CML)`
  );
}

/**
 * A date from an Excel serial (1900 system, the only one functions see) or text as MM/DD/YYYY or
 * YYYY-MM-DD.
 *
 * @throws {BadArgument} when the cell is empty or holds no real date
 */
export function dateArg(label: string, value: unknown): DayNumber {
  const cell = cellOf(value);
  refuseError(label, cell);
  const f = readDate(cell, 1900);
  if (f.kind === "ok") return f.value;
  throw new BadArgument(`${label} must be a date (MM/DD/YYYY or a date cell), got ${shown(cell)}`);
}

/** Today on the machine running Excel, as YYYY-MM-DD: the calendar day the coordinator sees. */
export function localToday(now: Date = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The day "in the past" is judged against: the argument when given, else the local date.
 *
 * @throws {BadArgument} when a given day is not a date
 */
export function todayArg(value: unknown): IsoDate {
  if (omitted(value)) return localToday();
  // A column of calls passes the same day to each: a text or a serial is read once.
  const seen = lastToday;
  if (seen !== null && seen.value === value) return seen.iso;
  const iso = isoOfDay(dateArg("Today", value));
  if (typeof value === "string" || typeof value === "number") lastToday = { value, iso };
  return iso;
}

// The last Today argument that was a text or a number, with the day it was read as.
let lastToday: { readonly value: string | number; readonly iso: IsoDate } | null = null;

/**
 * One of the four PARS statuses, in any of the spellings the engine reads.
 *
 * @throws {BadArgument} for anything else, Cancelled included (it has no requirements)
 */
export function statusArg(value: unknown): StatusName {
  const cell = cellOf(value);
  refuseError("Status", cell);
  const found = typeof cell === "string" ? lookUp(STATUSES, cell) : undefined;
  if (found === undefined || found === "Cancelled") {
    throw new BadArgument(
      `Status must be Draft, Active, Ready to Close or Closed, got ${shown(cell)}`
    );
  }
  return found;
}

/**
 * A header row and an activity row as two ranges of one row (or one column) each, the same size.
 *
 * @throws {BadArgument} when they differ in size or hold more than one row
 */
export function rowArgs(
  headers: unknown,
  row: unknown
): { headers: CellValue[]; compiled: CompiledHeaders; cells: CellValue[] } {
  const lineOf = (label: string, value: unknown): CellValue[] => {
    if (Array.isArray(value) && value.length > 1) {
      const rows = value as unknown[][];
      if (rows.every((r) => Array.isArray(r) && r.length === 1)) return cellsOf(rows);
      throw new BadArgument(
        `${label} must be one row, got ${String(rows.length)} rows; select a single row`
      );
    }
    return cellsOf(value);
  };
  const h = lineOf("Headers", headers);
  const cells = lineOf("Row", row);
  // Read once per header row, not once per call: a column of calls shares one header row.
  const compiled = compiledHeadersOf(h);
  if (!compiled.isActivitiesHeader) {
    throw new BadArgument(
      "Headers must be the Activities header row (Title, Format, Start Date, ...); select the header row of your activities table"
    );
  }
  if (h.length !== cells.length) {
    throw new BadArgument(
      `Headers has ${String(h.length)} cells but the row has ${String(cells.length)}; select the header row and the activity row across the same columns`
    );
  }
  return { headers: h, compiled, cells };
}
