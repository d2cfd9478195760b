import { belongsTo, indexActivities, unownedBody, type JoinedTables } from "../join/joinTables";
import type { WorkbookRecords } from "../parse/readRecords";
import type { Finding } from "../rules/context";
import type { ActivityRecord, LearnerRecord } from "../schema";

/** A learner completion and the one activity it belongs to. */
export type LinkedLearner = {
  readonly learner: LearnerRecord;
  readonly activity: ActivityRecord;
};

/** The Learners table joined to the activities: which rows belong where, and which to none. */
export type JoinedLearners = {
  /** Rows that belong to exactly one reported activity, in sheet order. */
  readonly linked: readonly LinkedLearner[];
  /** The completions of a reported activity, in sheet order. */
  readonly learnersOf: (a: ActivityRecord) => readonly LinkedLearner[];
  /** Rows that belong to no activity or to more than one, each with the finding that says so. */
  readonly findings: readonly Finding[];
};

const NO_LEARNERS: readonly never[] = [];

/** The ACCME Activity ID as compared: trimmed, upper case (PARS's IDs are digits). */
const accmeKey = (id: string): string => id.trim().toUpperCase();

/**
 * Joins each Learners row to its activity: by Internal ID, told apart by the row's Start Date when
 * the ID is used by more than one activity, as PARS identifies activities (`belongsTo`, the rule
 * Support and MOC rows follow); else by ACCME Activity ID. A row that could belong to more than
 * one activity belongs to none and names them; a row naming a Cancelled activity belongs to none
 * (a Cancelled activity is not reported). A row whose Internal ID and ACCME Activity ID name
 * different activities keeps its Internal ID's and is an error.
 *
 * Source: docs/DOMAIN.md §2 and §4 (Internal ID with start date); issue "Learner completion
 * records" §1 (joined by Internal ID, optional Start Date, or ACCME Activity ID).
 */
export function joinLearners(read: WorkbookRecords, joined: JoinedTables): JoinedLearners {
  const learners = read.learners;
  const findings: Finding[] = [];
  const linked: LinkedLearner[] = [];
  if (learners.records.length === 0) {
    return { linked, learnersOf: () => NO_LEARNERS, findings };
  }

  const index = indexActivities(read.activities.records);
  // Reported activities by ACCME Activity ID, for rows that name no Internal ID.
  const byAccme = new Map<string, ActivityRecord[]>();
  for (const a of joined.activities) {
    if (a.accmeId.kind !== "ok") continue;
    const key = accmeKey(a.accmeId.value);
    const list = byAccme.get(key);
    if (list === undefined) byAccme.set(key, [a]);
    else list.push(a);
  }

  const byRow: LinkedLearner[][] = [];
  const fail = (
    l: LearnerRecord,
    key: "internalId" | "accmeId" | "startDate",
    body: Finding["body"]
  ): void => {
    findings.push({ body, severity: "error", place: learners.place(l.row, key), owner: null });
  };

  for (const l of learners.records) {
    // An unreadable ID or date has its own finding where the cell was read.
    if (l.internalId.kind === "invalid" || l.accmeId.kind === "invalid") continue;
    if (l.startDate.kind === "invalid") continue;
    const id = l.internalId.kind === "ok" ? l.internalId.value : "";
    const accme = l.accmeId.kind === "ok" ? l.accmeId.value : "";
    let activity: ActivityRecord | undefined;
    if (id !== "") {
      const which = l.startDate.kind === "ok" ? { startsOn: l.startDate.value } : null;
      const found = belongsTo(index, id, which);
      switch (found.kind) {
        case "one":
          activity = found.activity;
          break;
        case "no_id":
          fail(l, "internalId", { code: "learner_without_activity", internalId: id, accmeId: "" });
          break;
        case "no_date":
          fail(l, "startDate", unownedBody(found, id, "start_date"));
          break;
        case "ambiguous":
          fail(l, "internalId", unownedBody(found, id, "start_date"));
          break;
        case "cancelled":
          fail(l, "internalId", { code: "learner_activity_cancelled" });
          break;
      }
    } else if (accme !== "") {
      const all = byAccme.get(accmeKey(accme)) ?? [];
      if (all.length === 1) activity = all[0];
      else if (all.length === 0) {
        fail(l, "accmeId", { code: "learner_without_activity", internalId: "", accmeId: accme });
      } else {
        fail(l, "accmeId", {
          code: "learner_activity_ambiguous",
          id: accme,
          rows: all.map((a) => a.row),
        });
      }
    } else {
      fail(l, "accmeId", { code: "learner_without_activity", internalId: "", accmeId: "" });
    }
    if (activity === undefined) continue;
    if (id !== "" && accme !== "" && activity.accmeId.kind === "ok") {
      const own = activity.accmeId.value;
      if (accmeKey(own) !== accmeKey(accme)) {
        fail(l, "accmeId", {
          code: "learner_accme_id_mismatch",
          given: accme,
          activity: own,
          activityRow: activity.row,
        });
      }
    }
    const link = { learner: l, activity };
    linked.push(link);
    (byRow[activity.row] ??= []).push(link);
  }
  return { linked, learnersOf: (a) => byRow[a.row] ?? NO_LEARNERS, findings };
}
