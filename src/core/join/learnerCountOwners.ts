import type { Finding } from "../rules/context";
import type { ActivityRecord, WorkbookRecords } from "../parse/readRecords";
import { belongsTo, indexActivities, unownedBody } from "./joinTables";

/** Which activity each Learner Counts row counts, and what is wrong with the rows that count none. */
export type CountOwners = {
  /** The activity each owned row belongs to, by the row's sheet row. */
  readonly ownerOf: ReadonlyMap<number, ActivityRecord>;
  /** Rows that belong to no activity, as findings at the row's Internal ID or Start Date. */
  readonly findings: readonly Finding[];
};

/**
 * Joins Learner Counts rows to their activities as Support and MOC rows are joined (`belongsTo`):
 * by Internal ID, and by Start Date among the activities that share an ID. A row that could count
 * more than one activity counts none; one of a Cancelled activity counts none, silently.
 * Source: PARS FAQ, Internal ID ("used in combination with ... Activity Date to uniquely identify
 * your activity records").
 */
export function learnerCountOwners(read: WorkbookRecords): CountOwners {
  const table = read.learnerCounts;
  const ownerOf = new Map<number, ActivityRecord>();
  const findings: Finding[] = [];
  if (table.records.length === 0) return { ownerOf, findings };
  const index = indexActivities(read.activities.records);
  for (const c of table.records) {
    if (c.internalId.kind === "invalid") continue; // reported where the cell was read
    const id = c.internalId.kind === "ok" ? c.internalId.value : "";
    const b = belongsTo(
      index,
      id,
      c.startDate.kind === "ok" ? { startsOn: c.startDate.value } : null
    );
    if (b.kind === "one") ownerOf.set(c.row, b.activity);
    else if (b.kind === "no_id") {
      findings.push({
        body: { code: "orphan_row", id },
        severity: "error",
        place: table.place(c.row, "internalId"),
        owner: null,
      });
    } else if (b.kind === "no_date" || b.kind === "ambiguous") {
      findings.push({
        body: unownedBody(b, id, "start_date"),
        severity: "error",
        place: table.place(c.row, b.kind === "no_date" ? "startDate" : "internalId"),
        owner: null,
      });
    }
  }
  return { ownerOf, findings };
}
