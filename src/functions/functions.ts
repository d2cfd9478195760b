// The PARS worksheet functions (=PARS.RSS_CREDITS(...) and friends). The build reads the JSDoc
// below to write functions.json and to register each function with CustomFunctions.associate, so
// the tags are the metadata: keep `@customfunction`, `@param` and `@returns` accurate. Each function
// reads its arguments (./arguments), asks core, and returns a value or a #VALUE! error whose
// message says what to fix.
import {
  checkRow,
  creditsForMinutes,
  formatName,
  isBlank,
  isValidNpi,
  learnersFromAttendance,
  missingFor,
  reportingPeriods,
  roundCredits,
  serialOfDay,
  seriesCredits,
  seriesLearners,
  spanFits,
  total,
  usOfDay,
  type DayNumber,
  type FormatKey,
  type RowVerdict,
} from "../core";
import {
  BadArgument,
  cellOf,
  cellsOf,
  dateArg,
  formatArg,
  guard,
  idArg,
  numberArg,
  numbersArg,
  omitted,
  rowArgs,
  shown,
  statusArg,
  todayArg,
} from "./arguments";

/**
 * Credits for a whole Regularly Scheduled Series: hours per session times the number of sessions,
 * or, with one argument, the sum of a range of session hours. PARS wants the series total, not the
 * credit per session. Not rounded: use PARS.CREDITS for the 0.25 step.
 * @customfunction RSS_CREDITS
 * @param hours Hours of one session (with sessions), or a range of each session's hours.
 * @param [sessions] Number of sessions in the series; leave out when hours is a range.
 * @returns Total credits of the series, e.g. =PARS.RSS_CREDITS(1, 52) is 52.
 */
export function rssCredits(hours: unknown[][], sessions?: unknown): number | CustomFunctions.Error {
  return guard(() => {
    if (omitted(sessions)) return total(numbersArg("Hours", hours));
    const perSession = numberArg("Hours", single("Hours", hours));
    return seriesCredits(perSession, numberArg("Sessions", sessions, { whole: true }));
  });
}

/**
 * Learners of a Regularly Scheduled Series: learners per session times the number of sessions, or,
 * with one argument, the sum of a range of per-session counts. PARS counts a learner once for every
 * session attended.
 * @customfunction LEARNER_TOTAL
 * @param learners Learners at each session (with sessions), or a range of each session's count.
 * @param [sessions] Number of sessions in the series; leave out when learners is a range.
 * @returns Total learners of the series, e.g. =PARS.LEARNER_TOTAL(20, 52) is 1040.
 */
export function learnerTotal(
  learners: unknown[][],
  sessions?: unknown
): number | CustomFunctions.Error {
  return guard(() => {
    if (omitted(sessions)) return total(numbersArg("Learners", learners, { whole: true }));
    const perSession = numberArg("Learners", single("Learners", learners), { whole: true });
    return seriesLearners(perSession, numberArg("Sessions", sessions, { whole: true }));
  });
}

/**
 * Learners to report from attendance records (one learner ID per attendance): every attendance for
 * a Regularly Scheduled Series, distinct learners for every other format. IDs are compared without
 * case or surrounding spaces; empty cells are skipped.
 * @customfunction LEARNERS
 * @param format PARS format name or code, e.g. RSS or Journal-based CME.
 * @param learnerIds Range of learner IDs or names, one per attendance.
 * @returns The learner count PARS asks for.
 */
export function learners(format: unknown, learnerIds: unknown[][]): number | CustomFunctions.Error {
  return guard(() => {
    const key = formatArg("Format", format);
    const ids = cellsOf(learnerIds).map((cell, i) =>
      idArg(`Learner ID (cell ${String(i + 1)} of the range)`, cell)
    );
    return learnersFromAttendance(key, ids);
  });
}

/**
 * Credits for a length of time, rounded to the 0.25 credit step: to the nearest quarter hour, a
 * time exactly halfway rounding up (7.5 minutes is 0.25; 30 minutes is 0.5; 1 hour is 1 credit).
 * @customfunction CREDITS
 * @param time Length of time, in minutes unless unit says hours.
 * @param [unit] "minutes" (the default) or "hours".
 * @returns Credits in 0.25 steps, e.g. =PARS.CREDITS(30) is 0.5.
 */
export function credits(time: unknown, unit?: unknown): number | CustomFunctions.Error {
  return guard(() => {
    const amount = numberArg("Time", time);
    return unitArg(unit) === "hours" ? roundCredits(amount) : creditsForMinutes(amount);
  });
}

/**
 * The highest PARS status an activity row's data supports: Incomplete, Draft, Active, Ready to
 * Close or Closed; Cancelled for a row declared Cancelled (not reported); empty for an empty row.
 * Judged as of today on this computer; pass TODAY() (or a date) to have it follow the calendar.
 * @customfunction STATUS
 * @param headers The header row of the activities table.
 * @param row The activity's row across the same columns (not this formula's own cell).
 * @param [today] The as-of day, default today: a row has ended when its end date is before it. For annual reporting, January 1 of the next year (not December 31).
 * @returns The status the row's data supports.
 */
export function status(
  headers: unknown[][],
  row: unknown[][],
  today?: unknown
): string | CustomFunctions.Error {
  return guard(() => {
    const v = verdictOf(headers, row, today);
    return v === "cancelled" ? "Cancelled" : v === "blank" ? "" : v.achievedStatus;
  });
}

/**
 * What an activity row lacks for a PARS status, as column names separated by "; " (for example
 * "Description; Providership"), with a note when the end date is on the wrong side of today.
 * Empty when nothing is missing.
 * @customfunction MISSING
 * @param headers The header row of the activities table.
 * @param row The activity's row across the same columns (not this formula's own cell).
 * @param [status] Draft, Active, Ready to Close or Closed; default the row's own Status (or, when
 *   blank, Active until the end date passes, then Ready to Close).
 * @param [today] The as-of day, default today: a row has ended when its end date is before it. For annual reporting, January 1 of the next year (not December 31).
 * @returns The missing fields, or empty text.
 */
export function missing(
  headers: unknown[][],
  row: unknown[][],
  status?: unknown,
  today?: unknown
): string | CustomFunctions.Error {
  return guard(() => {
    const wanted = omitted(status) ? null : statusArg(status);
    const v = verdictOf(headers, row, today);
    if (v === "cancelled" || v === "blank") return "";
    return missingFor(v, wanted ?? v.heldTo).join("; ");
  });
}

/**
 * TRUE when an activity's dates fit in one PARS activity of its format: 12 months for most formats,
 * 3 years for Enduring Material. FALSE means report one activity per period (see PARS.PERIODS).
 * @customfunction SPAN_OK
 * @param format PARS format name or code.
 * @param start Start date.
 * @param end End date.
 * @returns TRUE when the span fits, FALSE when it must be split.
 */
export function spanOk(
  format: unknown,
  start: unknown,
  end: unknown
): boolean | CustomFunctions.Error {
  return guard(() => {
    const d = datesArg(format, start, end);
    return spanFits(d.format, d.start, d.end);
  });
}

/**
 * The reporting periods an activity must be split into when it runs longer than its format allows:
 * one row per period with its start and end dates (spills; format the cells as dates).
 * @customfunction PERIODS
 * @param format PARS format name or code.
 * @param start Start date.
 * @param end End date.
 * @returns One row per period: start date, end date (Excel date serials).
 */
export function periods(
  format: unknown,
  start: unknown,
  end: unknown
): Array<Array<number | CustomFunctions.Error>> {
  const result = guard(() => {
    const d = datesArg(format, start, end);
    return reportingPeriods(d.format, d.start, d.end).map((p) => [
      serialOfDay(p.start),
      serialOfDay(p.end),
    ]);
  });
  // A spilled function reports an error as a one-cell array, the shape Excel expects of it.
  return Array.isArray(result) ? result : [[result]];
}

/**
 * The name PARS gives a format, from its name, a legacy code (RSS, C, IL, EM, IEM, JN, MR, TIW,
 * PI, ISL, LFT, CML) or a common variant, in any case and spacing.
 * @customfunction FORMAT
 * @param nameOrCode A format name or code.
 * @returns The PARS format name, e.g. =PARS.FORMAT("em") is Enduring Material.
 */
export function format(nameOrCode: unknown): string | CustomFunctions.Error {
  return guard(() => formatName(formatArg("Format", nameOrCode)));
}

/**
 * TRUE when a National Provider Identifier is ten digits ending in the check digit CMS defines
 * (the Luhn formula over the prefix 80840 and the first nine digits); FALSE otherwise, an empty
 * cell included. Spaces and hyphens between digit groups are ignored.
 * @customfunction NPI_OK
 * @param npi An NPI, as a number or as text.
 * @returns TRUE for a valid NPI, e.g. =PARS.NPI_OK(1234567893) is TRUE.
 */
export function npiOk(npi: unknown): boolean | CustomFunctions.Error {
  return guard(() => {
    const cells = cellsOf(npi);
    if (cells.length !== 1) {
      throw new BadArgument(`NPI must be one cell, got a range of ${String(cells.length)} cells`);
    }
    const cell = cells[0];
    // A number cell holds a whole NPI (1234567893); 1234567893.5 is no NPI.
    if (typeof cell === "number" && !Number.isInteger(cell)) return false;
    return isValidNpi(idArg("NPI", cell));
  });
}

/** The one value of a range argument used with a count of sessions. */
function single(label: string, value: unknown): unknown {
  const cells = cellsOf(value);
  if (cells.length !== 1) {
    throw new BadArgument(
      `${label} must be one value when Sessions is given, got a range of ${String(cells.length)} cells; give a range without Sessions to add it up`
    );
  }
  return cells[0];
}

/** "minutes" or "hours", read leniently. */
function unitArg(value: unknown): "minutes" | "hours" {
  if (omitted(value)) return "minutes";
  const text = typeof value === "string" ? value.trim().toLowerCase() : null;
  if (text !== null && MINUTES.has(text)) return "minutes";
  if (text !== null && HOURS.has(text)) return "hours";
  throw new BadArgument(`Unit must be "minutes" or "hours", got ${shown(cellOf(value))}`);
}

const MINUTES = new Set(["minutes", "minute", "mins", "min", "m"]);
const HOURS = new Set(["hours", "hour", "hrs", "hr", "h"]);

/** The engine's verdict on one row, or why there is none. */
function verdictOf(
  headers: unknown,
  row: unknown,
  today: unknown
): RowVerdict | "cancelled" | "blank" {
  const line = rowArgs(headers, row);
  const { verdict } = checkRow(line.compiled, line.cells, { today: todayArg(today) });
  if (verdict !== null) return verdict;
  // checkRow skips an empty row and a row declared Cancelled; tell the two apart for the cell.
  return line.cells.every(isBlank) ? "blank" : "cancelled";
}

/** Format and dates of SPAN_OK and PERIODS. */
function datesArg(
  format: unknown,
  start: unknown,
  end: unknown
): { format: FormatKey; start: DayNumber; end: DayNumber } {
  const key = formatArg("Format", format);
  const from = dateArg("Start", start);
  const to = dateArg("End", end);
  if (to < from) {
    throw new BadArgument(`End ${usOfDay(to)} is before Start ${usOfDay(from)}`);
  }
  return { format: key, start: from, end: to };
}
