import type { JoinedTables } from "../join/joinTables";
import { usOfDay } from "../dates";
import type { WorkbookRecords } from "../parse/readRecords";
import type { ActivityRecord, LearnerRecord } from "../schema";
import { idKey, type Finding } from "../rules/context";

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
 * Joins each Learners row to its activity: by Internal ID, narrowed by the row's Start Date when
 * the ID is used by more than one activity (PARS identifies an activity by its Internal ID with
 * its format and start date); else by ACCME Activity ID. A row that could belong to more than one
 * activity belongs to none and says which ones it could be; a Start Date that no activity of that
 * ID starts on names none; a row naming a Cancelled activity
 * belongs to none (a Cancelled activity is not reported). A row whose Internal ID and ACCME
 * Activity ID name different activities keeps its Internal ID's and is an error.
 *
 * Source: issue "Learner completion records" §1 (one row per completion, joined by Internal ID,
 * optional Start Date, or ACCME Activity ID); PARS FAQ, Internal ID (unique with format and start
 * date).
 */
export function joinLearners(read: WorkbookRecords, joined: JoinedTables): JoinedLearners {
  const learners = read.learners;
  const findings: Finding[] = [];
  const linked: LinkedLearner[] = [];
  if (learners.records.length === 0) {
    return { linked, learnersOf: () => NO_LEARNERS, findings };
  }

  // Every activity, Cancelled ones included, by Internal ID and by ACCME Activity ID.
  const byId = new Map<string, ActivityRecord[]>();
  const byAccme = new Map<string, ActivityRecord[]>();
  const add = (map: Map<string, ActivityRecord[]>, key: string, a: ActivityRecord): void => {
    if (key === "") return;
    const list = map.get(key);
    if (list === undefined) map.set(key, [a]);
    else list.push(a);
  };
  for (const a of read.activities.records) {
    if (a.internalId.kind === "ok") add(byId, idKey(a.internalId.value), a);
    if (a.accmeId.kind === "ok") add(byAccme, accmeKey(a.accmeId.value), a);
  }

  const byRow: LinkedLearner[][] = [];
  const fail = (l: LearnerRecord, key: "internalId" | "accmeId", body: Finding["body"]): void => {
    findings.push({ body, severity: "error", place: learners.place(l.row, key), owner: null });
  };

  for (const l of learners.records) {
    // An unreadable ID has its own finding where the cell was read.
    if (l.internalId.kind === "invalid" || l.accmeId.kind === "invalid") continue;
    const id = l.internalId.kind === "ok" ? l.internalId.value : "";
    const accme = l.accmeId.kind === "ok" ? l.accmeId.value : "";
    const key: "internalId" | "accmeId" = id !== "" ? "internalId" : "accmeId";
    let candidates: readonly ActivityRecord[] =
      id !== ""
        ? (byId.get(idKey(id)) ?? [])
        : accme !== ""
          ? (byAccme.get(accmeKey(accme)) ?? [])
          : [];
    const start = l.startDate.kind === "ok" ? l.startDate.value : null;
    if (start !== null) {
      candidates = candidates.filter(
        (a) => a.startDate.kind === "ok" && a.startDate.value === start
      );
    }
    const reported = candidates.filter((a) => !joined.cancelled.has(a.row));
    if (reported.length === 0) {
      const cancelled = candidates[0];
      if (cancelled !== undefined && candidates.length === 1) {
        fail(l, key, { code: "learner_activity_cancelled", activityRow: cancelled.row });
      } else {
        fail(l, key, {
          code: "learner_without_activity",
          internalId: id,
          accmeId: accme,
          startDate: start === null ? "" : usOfDay(start),
        });
      }
      continue;
    }
    if (reported.length > 1) {
      fail(l, key, {
        code: "learner_activity_ambiguous",
        id: id !== "" ? id : accme,
        rows: reported.map((a) => a.row),
      });
      continue;
    }
    const activity = reported[0] as ActivityRecord;
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
