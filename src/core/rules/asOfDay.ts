import type { StatusName } from "../codes/vocabularies";
import { usOfDay, type DayNumber } from "../dates";
import type { ActivityRecord, WorkbookRecords } from "../parse/readRecords";
import type { Finding } from "./context";

/**
 * The as-of day: the one place that compares an end date with the day the check is made for.
 * Everything else asks it whether a row has ended.
 *
 * Source: PARS FAQ, activity statuses ("Active: the activity has not yet ended", "Ready to Close"
 * and "Closed: the activity has ended"); docs/DOMAIN.md §3. An activity ending on the as-of day
 * has not ended.
 */
export type AsOfDay = {
  /** The day itself, for messages. */
  readonly day: DayNumber;
  /** Whether the row's end date is before the as-of day; null without a valid end date. */
  readonly ended: (a: ActivityRecord) => boolean | null;
  /**
   * The status a row is held to: its declared one, else (no Status, or one not read) what PARS
   * will need of it: Active until it ends, then Closed.
   */
  readonly heldTo: (a: ActivityRecord) => StatusName;
  /**
   * The end date on the wrong side of the as-of day for the status the row is held to, as an
   * error at its End Date; null when the date is right (or absent, or the row is a Draft).
   */
  readonly endDateFinding: (
    a: ActivityRecord,
    held: StatusName,
    read: WorkbookRecords
  ) => Finding | null;
};

/** The as-of day for `day`. */
export function asOfDay(day: DayNumber): AsOfDay {
  const ended = (a: ActivityRecord): boolean | null =>
    a.endDate.kind === "ok" ? a.endDate.value < day : null;
  return {
    day,
    ended,
    heldTo: (a) =>
      a.status.kind === "ok" && a.status.value !== "Cancelled"
        ? a.status.value
        : ended(a) === true
          ? "Closed"
          : "Active",
    endDateFinding: (a, held, read) => {
      const end = a.endDate.kind === "ok" ? a.endDate.value : null;
      if (end === null || held === "Draft") return null;
      const wantEnded = held !== "Active";
      if (end < day === wantEnded) return null;
      return {
        body: {
          code: held === "Active" ? "end_date_passed" : "end_date_not_passed",
          status: held,
          end: usOfDay(end),
          today: usOfDay(day),
        },
        severity: "error",
        place: read.activities.place(a.row, "endDate"),
        owner: a.row,
      };
    },
  };
}
