import { dayOfSerial, monthOfName, partsOfDay, type DateSystem } from "../dates";
import { isCellError, isUnsavedFormula, type CellValue } from "../model/cell";

// A learner's birth date as PARS asks for it: month and day, no year. Source: ACCME FAQ 7921
// ("month and day of birth (mm/dd)") and the CME credit reporting checklist ("no year")
// (LEARNERS.md §2). A coordinator's sheet may hold a full date (a date cell, or text
// with a year): the year is dropped on reading and never kept, so no file can carry it.

/** A month (1-12) and a day of that month, of no particular year. */
export type MonthDay = { readonly month: number; readonly day: number };

/** Days in each month of a leap year: a birthday may be February 29. */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** True when `month`/`day` is a day of some year (02/29 is, 02/30 and 04/31 are not). */
export function isMonthDay(month: number, day: number): boolean {
  if (!Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= (DAYS_IN_MONTH[month - 1] as number);
}

// Text forms, each with an optional year that is read and dropped: "07/04", "7/4", "07-04",
// "07/04/1970", "1970-07-04", "--07-04" (XML's month-day), "July 4", "Jul 4, 1970", "4 July",
// "4-Jul", "04-Jul-1970".
const US = /^(\d{1,2})[/-](\d{1,2})(?:[/-](\d{4}))?$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const XML_MONTH_DAY = /^--(\d{2})-(\d{2})$/;
const NAME_FIRST = /^([A-Za-z]{3,9}\.?)\s+(\d{1,2})(?:,?\s+(\d{4}))?$/;
const DAY_FIRST = /^(\d{1,2})[\s-]+([A-Za-z]{3,9}\.?)(?:[\s-]+(\d{4}))?$/;

const of = (month: number | null, day: number): MonthDay | null =>
  month !== null && isMonthDay(month, day) ? { month, day } : null;

/**
 * The month and day of a birth-date cell, or null when it holds none: an Excel date (a serial in
 * the workbook's date system; the year is ignored) or text as MM/DD, M/D, MM-DD, MM/DD/YYYY,
 * YYYY-MM-DD, --MM-DD, "July 4" or "4-Jul", with or without a year (ignored). A day that no year
 * has (02/30, 04/31) is refused, never rolled over; 02/29 is a birthday like any other. Blank
 * cells and Excel errors give null too: callers tell those apart before asking.
 */
export function parseMonthDay(cell: CellValue, system: DateSystem): MonthDay | null {
  if (
    cell === null ||
    cell === undefined ||
    typeof cell === "boolean" ||
    isCellError(cell) ||
    isUnsavedFormula(cell)
  ) {
    return null;
  }
  if (typeof cell === "number") {
    const day = dayOfSerial(cell, system);
    if (day === null) return null;
    const p = partsOfDay(day);
    return { month: p.month, day: p.day };
  }
  const text = cell.trim();
  let m: RegExpExecArray | null;
  if ((m = ISO.exec(text)) !== null) return of(Number(m[2]), Number(m[3]));
  if ((m = US.exec(text)) !== null) return of(Number(m[1]), Number(m[2]));
  if ((m = XML_MONTH_DAY.exec(text)) !== null) return of(Number(m[1]), Number(m[2]));
  if ((m = NAME_FIRST.exec(text)) !== null)
    return of(monthOfName((m[1] as string).replace(/\.$/, "")), Number(m[2]));
  if ((m = DAY_FIRST.exec(text)) !== null)
    return of(monthOfName((m[2] as string).replace(/\.$/, "")), Number(m[1]));
  return null;
}

/** "MM/DD", the way PARS asks for a birth date. */
export function usOfMonthDay(md: MonthDay): string {
  return `${String(md.month).padStart(2, "0")}/${String(md.day).padStart(2, "0")}`;
}
