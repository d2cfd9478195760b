import { lookUp, normaliseKey } from "../codes/normalise";
import type { MocBoard } from "../codes/vocabularies";
import { dayFromParts, dayOfIso, partsOfDay, usOfDay, type DayNumber } from "../dates";
import type { FormatKey } from "../formats";
import { OTHER_ROWS_LISTED, type IssueBody, type Severity } from "../model/issue";
import type { Field } from "../parse/cells";
import type { WorkbookRecords } from "../parse/readRecords";
import type { CheckContext, Finding } from "../rules/context";
import type { ActivityRecord, LearnerKey, LearnerRecord, MocRecord } from "../schema";
import { ACHIEVED_ORDER, type RowVerdict } from "../verdicts";
import { BOARD_RULES, creditTypeNamed, creditTypesOf } from "./boards";
import type { LearnerRequirement } from "./learnerIssues";
import type { JoinedLearners, LinkedLearner } from "./joinLearners";

/** What the learner rules know: the joined completions, the activities as judged, the day. */
export type LearnerContext = {
  readonly learners: JoinedLearners;
  readonly read: WorkbookRecords;
  readonly check: CheckContext;
  /** The verdict on a reported activity (every linked completion's activity has one). */
  readonly verdictOf: (a: ActivityRecord) => RowVerdict | undefined;
  /** The as-of day (rules/asOfDay.ts), against which completions are "not yet" or "late". */
  readonly today: DayNumber;
};

/** A check of the Learners table. Pure: same context, same findings. */
export type LearnerRule = (ctx: LearnerContext) => readonly Finding[];

const ok = <T>(f: Field<T>): T | undefined => (f.kind === "ok" ? f.value : undefined);
const present = (f: Field<unknown>): boolean => f.kind !== "empty";

/** True when a row reports MOC credit: it names a board, a MOC credit type or MOC points. */
export function isMocRow(l: LearnerRecord): boolean {
  return present(l.board) || present(l.mocCreditType) || present(l.mocPoints);
}

const isAdd = (l: LearnerRecord): boolean => ok(l.action) !== "Delete";

/** A finding on a Learners cell; it counts against no activity. */
function at(
  ctx: LearnerContext,
  l: LearnerRecord,
  key: LearnerKey,
  body: IssueBody,
  severity: Severity = "error"
): Finding {
  return { body, severity, place: ctx.read.learners.place(l.row, key), owner: null };
}

const missing = (
  ctx: LearnerContext,
  l: LearnerRecord,
  key: LearnerKey,
  requirement: LearnerRequirement,
  board: MocBoard | null = null,
  severity: Severity = "error"
): Finding => at(ctx, l, key, { code: "learner_field_missing", requirement, board }, severity);

/** The MOC registration of the activity with `board`, if it has one. */
function registration(
  ctx: LearnerContext,
  a: ActivityRecord,
  board: MocBoard
): MocRecord | undefined {
  return ctx.check.mocOf(a).find((m) => ok(m.board) === board);
}

/**
 * The activity takes learners: it supports at least Active, and (for an upload) PARS already has
 * it, under its ACCME Activity ID.
 *
 * Source: ACCME CME credit reporting checklist (an activity must be at least Active to take
 * learner data) and "Reporting Learner Data in PARS" (an activity must exist in PARS before
 * learners are reported against it), LEARNERS.md §1.
 */
export const activityTakesLearners: LearnerRule = (ctx) => {
  const out: Finding[] = [];
  const active = ACHIEVED_ORDER.indexOf("Active");
  for (const { learner: l, activity: a } of ctx.learners.linked) {
    const verdict = ctx.verdictOf(a);
    if (verdict !== undefined && ACHIEVED_ORDER.indexOf(verdict.achievedStatus) < active) {
      out.push(
        at(ctx, l, "internalId", {
          code: "learner_activity_not_active",
          activityRow: a.row,
          achieved: verdict.achievedStatus,
        })
      );
    }
    if (a.accmeId.kind !== "ok") {
      out.push(
        at(
          ctx,
          l,
          present(l.accmeId) ? "accmeId" : "internalId",
          { code: "learner_activity_no_accme_id", activityRow: a.row },
          ctx.check.upload ? "error" : "warning"
        )
      );
    }
  }
  return out;
};

/**
 * The learner can be identified: first and last name always; the birth month and day for MOC
 * (and, as a warning, for CME Passport and the state boards, which match on it); the board ID for
 * a board that requires it.
 *
 * Source: ACCME FAQ 7921 (name, month and day of birth, board ID for MOC); ACCME, state medical
 * licensing boards collaboration and learner-credit-data (match on name, birth month and day,
 * state); BOARD_RULES[board].boardId (LEARNERS.md §2).
 */
export const learnerIdentified: LearnerRule = (ctx) => {
  const out: Finding[] = [];
  for (const l of ctx.read.learners.records) {
    if (!present(l.firstName)) out.push(missing(ctx, l, "firstName", "always"));
    if (!present(l.lastName)) out.push(missing(ctx, l, "lastName", "always"));
    const moc = isMocRow(l);
    if (!present(l.birthDate)) {
      out.push(
        moc
          ? missing(ctx, l, "birthDate", "moc")
          : missing(ctx, l, "birthDate", "match", null, "warning")
      );
    }
    const board = ok(l.board);
    if (board !== undefined && !present(l.boardId)) {
      if (BOARD_RULES[board].boardId.value === "required") {
        out.push(missing(ctx, l, "boardId", "board", board));
      }
    }
  }
  return out;
};

/**
 * The completion reports credit PARS can record: CME credits, or MOC credit with its board,
 * credit type and points; CME credits at most the activity's.
 *
 * Source: the draft learner schema (at least one CreditCertificate per completion, each with its
 * credit type and amount) and ACCME FAQ 7921 (credit types and amounts), LEARNERS.md §4 and
 * §6; a learner cannot earn more than the credits designated for the activity (PARS FAQ,
 * credits).
 */
export const creditReported: LearnerRule = (ctx) => {
  const out: Finding[] = [];
  for (const l of ctx.read.learners.records) {
    const moc = isMocRow(l);
    if (!moc && !present(l.cmeCredits)) {
      out.push(at(ctx, l, "cmeCredits", { code: "learner_no_credit" }));
    }
    if (moc) {
      if (!present(l.board)) out.push(missing(ctx, l, "board", "moc"));
      if (!present(l.mocCreditType)) out.push(missing(ctx, l, "mocCreditType", "moc"));
      if (!present(l.mocPoints)) out.push(missing(ctx, l, "mocPoints", "moc"));
    }
  }
  for (const { learner: l, activity: a } of ctx.learners.linked) {
    const credits = ok(l.cmeCredits);
    const max = ok(a.credits);
    if (credits !== undefined && max !== undefined && credits > max) {
      out.push(at(ctx, l, "cmeCredits", { code: "learner_credits_exceed", credits, max }));
    }
  }
  return out;
};

/**
 * The completion date is known, has happened, and falls within the activity's dates (a MOC
 * completion may come after the end, by the board's credit-claim date).
 *
 * Source: ACCME FAQ 7921 (completion date); PARS FAQ, MOC credit claim date (each MOC registration
 * has a deadline for claiming credit); LEARNERS.md §5 (completion inside the activity
 * dates).
 */
export const completionDated: LearnerRule = (ctx) => {
  const out: Finding[] = [];
  for (const l of ctx.read.learners.records) {
    if (!present(l.completionDate)) out.push(missing(ctx, l, "completionDate", "always"));
  }
  for (const { learner: l, activity: a } of ctx.learners.linked) {
    const day = ok(l.completionDate);
    if (day === undefined) continue;
    if (day > ctx.today) {
      out.push(
        at(ctx, l, "completionDate", {
          code: "completion_in_future",
          date: usOfDay(day),
          today: usOfDay(ctx.today),
        })
      );
    }
    const start = ok(a.startDate);
    const end = ok(a.endDate) ?? start;
    if (start === undefined || end === undefined) continue;
    const board = ok(l.board);
    const reg = board === undefined ? undefined : registration(ctx, a, board);
    const claim = reg === undefined ? undefined : ok(reg.claimDate);
    const last = claim !== undefined && claim > end ? claim : end;
    if (day < start || day > last) {
      out.push(
        at(ctx, l, "completionDate", {
          code: "completion_outside_dates",
          date: usOfDay(day),
          start: usOfDay(start),
          end: usOfDay(end),
          claimDate: claim !== undefined && claim > end ? usOfDay(claim) : null,
        })
      );
    }
  }
  return out;
};

/**
 * A MOC completion goes to a board the activity is registered with, with at most the points it
 * is registered for, as a credit type that board takes (any, with a warning, for a board whose
 * types are not known), and within the completions the board takes through PARS.
 *
 * Source: ACCME FAQ 7921 and 7922 (MOC points at most those registered); BOARD_RULES
 * (boards.ts: credit types, first completion day, discontinued types), LEARNERS.md §3.
 */
export const mocCreditFits: LearnerRule = (ctx) => {
  const out: Finding[] = [];
  for (const { learner: l, activity: a } of ctx.learners.linked) {
    const board = ok(l.board);
    if (board === undefined) continue;
    const reg = registration(ctx, a, board);
    if (reg === undefined) {
      const registered = ctx.check
        .mocOf(a)
        .flatMap((m) => (m.board.kind === "ok" ? [m.board.value] : []));
      out.push(at(ctx, l, "board", { code: "learner_board_not_registered", board, registered }));
    } else {
      const points = ok(l.mocPoints);
      const max = ok(reg.mocCredits);
      if (points !== undefined && max !== undefined && points > max) {
        out.push(at(ctx, l, "mocPoints", { code: "learner_points_exceed", board, points, max }));
      }
    }
    const written = ok(l.mocCreditType);
    const day = ok(l.completionDate);
    if (written !== undefined) {
      const types = creditTypesOf(board);
      if (types === null) {
        out.push(
          at(
            ctx,
            l,
            "mocCreditType",
            { code: "learner_credit_type_unverified", board, value: written },
            "warning"
          )
        );
      } else {
        const name = lookUp(types, written);
        const type = name === undefined ? undefined : creditTypeNamed(board, name);
        if (type === undefined) {
          out.push(
            at(ctx, l, "mocCreditType", {
              code: "learner_credit_type_unknown",
              board,
              value: written,
              allowed: types.values,
            })
          );
        } else if (type.lastCompletion !== null && day !== undefined) {
          const last = dayOfIso(type.lastCompletion) as DayNumber;
          if (day > last) {
            out.push(
              at(ctx, l, "mocCreditType", {
                code: "learner_credit_type_discontinued",
                board,
                type: type.name,
                last: usOfDay(last),
              })
            );
          }
        }
      }
    }
    const first = BOARD_RULES[board].firstCompletion.value;
    if (first !== null && day !== undefined && day < (dayOfIso(first) as DayNumber)) {
      out.push(
        at(ctx, l, "completionDate", {
          code: "board_completion_too_early",
          board,
          date: usOfDay(day),
          first: usOfDay(dayOfIso(first) as DayNumber),
        })
      );
    }
  }
  return out;
};

/**
 * Boards that take the same points for every learner of an activity (ABP): every completion
 * reported to that board for one activity has the points of the first one.
 *
 * Source: BOARD_RULES[board].samePoints (Ask ACCME, different types and numbers of MOC credits in
 * the same activity: ABP requires every learner to earn the same points).
 */
export const boardSamePoints: LearnerRule = (ctx) => {
  const out: Finding[] = [];
  const first = new Map<string, { row: number; points: number }>();
  for (const { learner: l, activity: a } of ctx.learners.linked) {
    const board = ok(l.board);
    const points = ok(l.mocPoints);
    if (board === undefined || points === undefined || !isAdd(l)) continue;
    if (!BOARD_RULES[board].samePoints.value) continue;
    const key = `${String(a.row)}|${board}`;
    const ref = first.get(key);
    if (ref === undefined) first.set(key, { row: l.row, points });
    else if (ref.points !== points) {
      out.push(
        at(ctx, l, "mocPoints", {
          code: "board_points_differ",
          board,
          points,
          otherRow: ref.row,
          otherPoints: ref.points,
        })
      );
    }
  }
  return out;
};

/**
 * Boards with a yearly deadline (ABP: December 1 of the completion year): a completion not yet
 * reported by then may be refused, so one checked after it is warned about.
 *
 * Source: BOARD_RULES[board].reportBy (accme.org/abp-moc).
 */
export const boardReportDeadline: LearnerRule = (ctx) => {
  const out: Finding[] = [];
  for (const l of ctx.read.learners.records) {
    const board = ok(l.board);
    const day = ok(l.completionDate);
    if (board === undefined || day === undefined || !isAdd(l)) continue;
    const by = BOARD_RULES[board].reportBy.value;
    if (by === null) continue;
    const deadline = dayFromParts(partsOfDay(day).year, by.month, by.day);
    if (deadline !== null && ctx.today > deadline) {
      out.push(
        at(
          ctx,
          l,
          "completionDate",
          {
            code: "board_report_deadline",
            board,
            deadline: usOfDay(deadline),
            today: usOfDay(ctx.today),
          },
          "warning"
        )
      );
    }
  }
  return out;
};

/** How many days after a completion ACCME and the boards expect it reported (FAQ 7921). */
export const MOC_REPORTING_DAYS = 30;

/**
 * A MOC completion older than 30 days as of the check is late.
 *
 * Source: ACCME FAQ 7921 (report MOC learners no more than 30 days after they complete the
 * activity's evaluation), LEARNERS.md §1.
 */
export const mocReportedInTime: LearnerRule = (ctx) => {
  const out: Finding[] = [];
  for (const l of ctx.read.learners.records) {
    const day = ok(l.completionDate);
    if (day === undefined || !isAdd(l) || !isMocRow(l)) continue;
    const days = ctx.today - day;
    if (days > MOC_REPORTING_DAYS) {
      out.push(
        at(
          ctx,
          l,
          "completionDate",
          { code: "moc_completion_late", date: usOfDay(day), days, today: usOfDay(ctx.today) },
          "warning"
        )
      );
    }
  }
  return out;
};

/** The learner as completions are compared: name and birth month and day, without spelling. */
function learnerKey(l: LearnerRecord): string | null {
  const first = ok(l.firstName);
  const last = ok(l.lastName);
  if (first === undefined || last === undefined) return null;
  const birth = ok(l.birthDate);
  return `${normaliseKey(last)}|${normaliseKey(first)}|${birth === undefined ? "" : `${String(birth.month)}/${String(birth.day)}`}`;
}

/** Formats some board takes several completions a day of (ABP: journal CME). */
const SEVERAL_A_DAY: ReadonlySet<FormatKey> = new Set(
  Object.values(BOARD_RULES).flatMap((b) => b.onePerDay.value?.exceptFormats ?? [])
);

/**
 * The same learner, activity and completion date on two rows of the same action is one
 * completion reported twice: an error on each, naming the others (a warning for formats a board
 * takes several completions a day of). A Delete no Add row matches may remove a record never
 * reported: a warning.
 *
 * Source: ACCME FAQ 8080 (ABP: one completion per activity per day, except journal CME);
 * LEARNERS.md §5 (counted twice) and §1 (records are added or deleted, never edited).
 */
export const completionsOnce: LearnerRule = (ctx) => {
  const out: Finding[] = [];
  const groups = new Map<string, LinkedLearner[]>();
  const adds = new Set<string>();
  for (const link of ctx.learners.linked) {
    const who = learnerKey(link.learner);
    const day = ok(link.learner.completionDate);
    if (who === null || day === undefined) continue;
    const record = `${String(link.activity.row)}|${String(day)}|${who}`;
    if (isAdd(link.learner)) adds.add(record);
    const key = `${record}|${isAdd(link.learner) ? "add" : "delete"}`;
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [link]);
    else list.push(link);
  }
  for (const [key, list] of groups) {
    const first = list[0] as LinkedLearner;
    if (key.endsWith("|delete") && !adds.has(key.slice(0, -"|delete".length))) {
      for (const { learner } of list) {
        out.push(at(ctx, learner, "action", { code: "learner_delete_unmatched" }, "warning"));
      }
    }
    if (list.length < 2) continue;
    const format = ok(first.activity.format);
    const allowedByFormat = format !== undefined && SEVERAL_A_DAY.has(format);
    for (const { learner } of list) {
      const others = list.filter((o) => o.learner !== learner).map((o) => o.learner.row);
      out.push(
        at(
          ctx,
          learner,
          "completionDate",
          {
            code: "learner_duplicate",
            otherRows: others.slice(0, OTHER_ROWS_LISTED),
            others: others.length,
            allowedByFormat,
          },
          allowedByFormat ? "warning" : "error"
        )
      );
    }
  }
  return out;
};

/**
 * An activity's completions are a subset of its learners: more completions than the learner
 * counts it reports is a warning on the activity.
 *
 * Source: issue "Learner completion records" §2 (completion records may be a subset, never
 * more); PARS FAQ, learner counts (physician and other learners).
 */
export const completionsWithinCounts: LearnerRule = (ctx) => {
  const out: Finding[] = [];
  for (const a of ctx.check.activities) {
    const linked = ctx.learners.learnersOf(a);
    if (linked.length === 0) continue;
    const physicians = ok(a.physicianLearners);
    const others = ok(a.otherLearners);
    if (physicians === undefined && others === undefined) continue;
    const learners = (physicians ?? 0) + (others ?? 0);
    let completions = 0;
    for (const { learner } of linked) if (isAdd(learner)) completions++;
    if (completions > learners) {
      out.push({
        body: { code: "completions_exceed_learners", completions, learners },
        severity: "warning",
        place: ctx.read.activities.place(a.row, "physicianLearners"),
        owner: null,
      });
    }
  }
  return out;
};

/** Every Learners rule, in report order. */
export const LEARNER_RULES: readonly LearnerRule[] = [
  activityTakesLearners,
  learnerIdentified,
  creditReported,
  completionDated,
  mocCreditFits,
  boardSamePoints,
  boardReportDeadline,
  mocReportedInTime,
  completionsOnce,
  completionsWithinCounts,
];

/**
 * The Learners table's findings: its rows joined to their activities, then every rule. Runs after
 * the activities are judged, since a completion needs its activity's achieved status.
 */
export function checkLearners(
  rules: readonly LearnerRule[],
  learners: JoinedLearners,
  ctx: Omit<LearnerContext, "learners">
): Finding[] {
  const out: Finding[] = [...learners.findings];
  if (ctx.read.learners.records.length === 0) return out;
  const full: LearnerContext = { ...ctx, learners };
  for (const rule of rules) for (const f of rule(full)) out.push(f);
  return out;
}
