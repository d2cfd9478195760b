import type { ActivityRecord } from "../parse/readRecords";
import type { LearnerCountRecord } from "../schema";
import { idKey } from "../rules/context";

/** Why a Learner Counts row belongs to no activity. */
export type UnownedCount =
  | { readonly kind: "unlinked"; readonly row: number; readonly id: string }
  | { readonly kind: "ambiguous"; readonly row: number; readonly candidates: readonly number[] };

/** Which activity each Learner Counts row counts, and the rows that count none. */
export type CountOwners = {
  /** The activity each owned row belongs to, by the row's sheet row. */
  readonly ownerOf: ReadonlyMap<number, ActivityRecord>;
  /** Rows that belong to no activity, in table order; rows with an unreadable ID are left out. */
  readonly unowned: readonly UnownedCount[];
};

/**
 * Joins Learner Counts rows to the reported activities: by Internal ID, and by Start Date among
 * the activities that share an ID (PARS identifies an activity by Internal ID with its format and
 * start date). A row that could count more than one activity counts none.
 * Source: PARS FAQ, Internal ID ("used in combination with ... Activity Date to uniquely identify
 * your activity records").
 */
export function learnerCountOwners(
  activities: readonly ActivityRecord[],
  counts: readonly LearnerCountRecord[]
): CountOwners {
  const byId = new Map<string, ActivityRecord[]>();
  for (const a of activities) {
    if (a.internalId.kind !== "ok") continue;
    const k = idKey(a.internalId.value);
    const list = byId.get(k);
    if (list === undefined) byId.set(k, [a]);
    else list.push(a);
  }
  const ownerOf = new Map<number, ActivityRecord>();
  const unowned: UnownedCount[] = [];
  for (const c of counts) {
    if (c.internalId.kind === "invalid") continue; // reported where the cell was read
    const id = c.internalId.kind === "ok" ? c.internalId.value : "";
    let candidates = id === "" ? [] : (byId.get(idKey(id)) ?? []);
    if (candidates.length > 1 && c.startDate.kind === "ok") {
      const start = c.startDate.value;
      candidates = candidates.filter(
        (a) => a.startDate.kind === "ok" && a.startDate.value === start
      );
    }
    const only = candidates[0];
    if (candidates.length === 1 && only !== undefined) ownerOf.set(c.row, only);
    else if (candidates.length === 0) unowned.push({ kind: "unlinked", row: c.row, id });
    else unowned.push({ kind: "ambiguous", row: c.row, candidates: candidates.map((a) => a.row) });
  }
  return { ownerOf, unowned };
}
