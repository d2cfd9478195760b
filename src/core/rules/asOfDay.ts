import type { StatusName } from "../codes/vocabularies";
import { dayFromParts, isoOfDay, usOfDay, type DayNumber, type IsoDate } from "../dates";
import { InvalidOptionError } from "../errors";
import type { ActivityRecord, WorkbookRecords } from "../parse/readRecords";
import type { Finding } from "./context";

/**
 * The as-of day: the one place that compares an end date with the day the check is made for.
 * Everything else asks it whether a row has ended.
 *
 * Source: PARS FAQ, activity statuses (Active: "End date not in the past"; Ready to Close: "End
 * date in the past"); docs/DOMAIN.md §3. An activity ending on the as-of day has not ended. PARS
 * shows an Active activity that has ended as Ready to Close, so that is what it is held to (with a
 * warning), and a row with no Status that has ended is held to Ready to Close, not Closed: PARS
 * takes it as Ready to Close until it has what Closed needs.
 */
export type AsOfDay = {
  /** The day itself, for messages. */
  readonly day: DayNumber;
  /** Whether the row's end date is before the as-of day; null without a valid end date. */
  readonly ended: (a: ActivityRecord) => boolean | null;
  /**
   * The status a row is held to: its declared one (Ready to Close for an Active row that has
   * ended), else (no Status, or one not read) Active until it ends, then Ready to Close.
   */
  readonly heldTo: (a: ActivityRecord) => StatusName;
  /**
   * The end date on the wrong side of the as-of day for the row's status, at its End Date: an
   * error for Ready to Close or Closed before the end, a warning for a declared Active that has
   * ended; null when the date is right (or absent, or the row is a Draft).
   */
  readonly endDateFinding: (
    a: ActivityRecord,
    held: StatusName,
    read: WorkbookRecords
  ) => Finding | null;
};

/** The status the Status column declares; null when blank, unreadable or Cancelled. */
export function declaredStatusOf(a: ActivityRecord): StatusName | null {
  return a.status.kind === "ok" && a.status.value !== "Cancelled" ? a.status.value : null;
}

/** The as-of day for `day`. */
export function asOfDay(day: DayNumber): AsOfDay {
  const ended = (a: ActivityRecord): boolean | null =>
    a.endDate.kind === "ok" ? a.endDate.value < day : null;
  return {
    day,
    ended,
    heldTo: (a) => {
      const declared = declaredStatusOf(a);
      if (declared !== null && declared !== "Active") return declared;
      return ended(a) === true ? "Ready to Close" : (declared ?? "Active");
    },
    endDateFinding: (a, held, read) => {
      const end = a.endDate.kind === "ok" ? a.endDate.value : null;
      if (end === null || held === "Draft") return null;
      const hasEnded = end < day;
      const declaredActive = declaredStatusOf(a) === "Active";
      if (declaredActive && hasEnded) {
        return {
          body: {
            code: "end_date_passed",
            status: "Active",
            end: usOfDay(end),
            today: usOfDay(day),
          },
          severity: "warning",
          place: read.activities.place(a.row, "endDate"),
          owner: a.row,
        };
      }
      if (held === "Active" || hasEnded) return null;
      return {
        body: { code: "end_date_not_passed", status: held, end: usOfDay(end), today: usOfDay(day) },
        severity: "error",
        place: read.activities.place(a.row, "endDate"),
        owner: a.row,
      };
    },
  };
}

/**
 * The as-of day for annual reporting of `year`: January 1 of the next year, so that every activity
 * of the year that ended by December 31 has ended (docs/DOMAIN.md §7). Checking as of December 31
 * itself would leave a calendar-year activity "not ended".
 *
 * @throws {InvalidOptionError} when `year` is not a whole year from 1900 to 9998
 */
export function asOfForYear(year: number): IsoDate {
  if (!Number.isInteger(year) || year < 1900 || year > 9998) {
    throw new InvalidOptionError("year", String(year), "a year such as 2025");
  }
  return isoOfDay(dayFromParts(year + 1, 1, 1) as DayNumber);
}
