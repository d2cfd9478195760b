import { dayFromParts, isoOfDay, partsOfDay, type DayNumber, type IsoDate } from "../dates";
import { InvalidOptionError } from "../errors";
import { asOfForYear } from "../rules/asOfDay";

/** The days that frame one year's PARS annual reporting. */
export type ReportingYear = {
  readonly year: number;
  /** January 1 of the year. */
  readonly first: DayNumber;
  /** December 31 of the year. */
  readonly last: DayNumber;
  /**
   * The day the year is judged as of: January 1 of the following year, so that an activity
   * ending on December 31 has ended and may be Closed.
   */
  readonly asOf: IsoDate;
  /** March 31 of the following year, the deadline. */
  readonly dueBy: IsoDate;
};

/**
 * The frame of year `year`'s annual reporting.
 * Source: ACCME, "How do I complete the annual reporting requirement": due by the end of March
 * for the prior calendar year (docs/year-end.md §1). Some years ACCME moves the day to
 * the next business day (April 1, 2024); March 31 is the date it states.
 *
 * @throws {InvalidOptionError} when `year` is not a whole year from 1900 to 9998
 */
export function reportingYear(year: number): ReportingYear {
  if (!Number.isInteger(year) || year < 1900 || year > 9998) {
    throw new InvalidOptionError("year", String(year), "a year as YYYY");
  }
  const first = dayFromParts(year, 1, 1) as DayNumber;
  const next = dayFromParts(year + 1, 1, 1) as DayNumber;
  return {
    year,
    first,
    last: next - 1,
    asOf: asOfForYear(year),
    dueBy: isoOfDay(dayFromParts(year + 1, 3, 31) as DayNumber),
  };
}

/**
 * The year whose reporting falls due next on `today`: the previous year until its March 31
 * deadline has passed, the current year after it. A pane opened in February prepares last year's
 * report; one opened in December, the year about to end.
 */
export function yearDueOn(today: DayNumber): number {
  const { year, month } = partsOfDay(today);
  return month <= 3 ? year - 1 : year;
}
