import { usOfDay } from "../dates";
import { formatName, profileOf } from "../formats";
import { learnerCountOwners } from "../join/learnerCountOwners";
import type { ActivityRecord } from "../parse/readRecords";
import type { LearnerCountRecord } from "../schema";
import type { BookRule, Finding } from "./context";

type Pair = { readonly physicianLearners: number; readonly otherLearners: number };

const pairOf = (r: LearnerCountRecord): Pair | null =>
  r.physicianLearners.kind === "ok" || r.otherLearners.kind === "ok"
    ? {
        physicianLearners: r.physicianLearners.kind === "ok" ? r.physicianLearners.value : 0,
        otherLearners: r.otherLearners.kind === "ok" ? r.otherLearners.value : 0,
      }
    : null;

const fewer = (now: Pair, before: Pair) =>
  now.physicianLearners < before.physicianLearners || now.otherLearners < before.otherLearners;

/**
 * Learner Counts rows are cumulative counts of an enduring material through a day within its
 * dates, one count per year: each belongs to exactly one reported activity, of a format whose
 * learners are cumulative; a later count is never lower than an earlier one, and the activity's own
 * (final) counts are never lower than the last.
 * Source: PARS FAQ, enduring material ("the cumulative number of learners through 12/31" of each
 * year it is active); Internal ID (an ID with the activity date identifies an activity).
 */
export const learnerCountsAgree: BookRule = (ctx) => {
  const table = ctx.book.learnerCounts;
  if (table.records.length === 0) return [];
  const { ownerOf, findings } = learnerCountOwners(ctx.book);
  const out: Finding[] = [...findings];
  const byActivity = new Map<ActivityRecord, LearnerCountRecord[]>();
  for (const r of table.records) {
    const a = ownerOf.get(r.row);
    if (a === undefined) continue;
    const list = byActivity.get(a);
    if (list === undefined) byActivity.set(a, [r]);
    else list.push(r);
  }
  for (const [a, rows] of byActivity) {
    if (a.format.kind === "ok" && profileOf(a.format.value).learnerBasis !== "cumulative") {
      for (const r of rows) {
        out.push({
          body: { code: "learner_count_not_cumulative", format: formatName(a.format.value) },
          severity: "warning",
          place: table.place(r.row, "internalId"),
          owner: null,
        });
      }
      continue;
    }
    const start = a.startDate.kind === "ok" ? a.startDate.value : null;
    const end = a.endDate.kind === "ok" ? a.endDate.value : null;
    const dated: { r: LearnerCountRecord; through: number; pair: Pair | null }[] = [];
    for (const r of rows) {
      if (r.through.kind !== "ok") continue; // blank or unreadable: said where it was read
      const through = r.through.value;
      if (start !== null && end !== null && (through < start || through > end)) {
        out.push({
          body: {
            code: "learner_count_outside_dates",
            through: usOfDay(through),
            start: usOfDay(start),
            end: usOfDay(end),
          },
          severity: "error",
          place: table.place(r.row, "through"),
          owner: a.row,
        });
      }
      dated.push({ r, through, pair: pairOf(r) });
    }
    dated.sort((x, y) => x.through - y.through || x.r.row - y.r.row);
    let last: { through: number; pair: Pair } | null = null;
    for (const d of dated) {
      if (d.pair === null) continue;
      if (last !== null && fewer(d.pair, last.pair)) {
        out.push({
          body: decreased(d.through, d.pair, last.through, last.pair),
          severity: "error",
          place: table.place(d.r.row, "physicianLearners"),
          owner: a.row,
        });
      }
      last = { through: d.through, pair: d.pair };
    }
    if (
      last !== null &&
      end !== null &&
      a.physicianLearners.kind === "ok" &&
      a.otherLearners.kind === "ok"
    ) {
      const own = {
        physicianLearners: a.physicianLearners.value,
        otherLearners: a.otherLearners.value,
      };
      if (fewer(own, last.pair)) {
        out.push({
          body: decreased(end, own, last.through, last.pair),
          severity: "error",
          place: ctx.book.activities.place(a.row, "physicianLearners"),
          owner: a.row,
        });
      }
    }
  }
  return out;
};

function decreased(through: number, now: Pair, before: number, then: Pair): Finding["body"] {
  return {
    code: "learner_count_decreased",
    through: usOfDay(through),
    previousThrough: usOfDay(before),
    physicianLearners: now.physicianLearners,
    otherLearners: now.otherLearners,
    previousPhysicianLearners: then.physicianLearners,
    previousOtherLearners: then.otherLearners,
  };
}
