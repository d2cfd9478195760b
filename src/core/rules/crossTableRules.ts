import { addMonths, usOfDay, type DayNumber } from "../dates";
import { profileOf, type FormatKey } from "../formats";
import { OTHER_ROWS_LISTED } from "../model/issue";
import type { ActivityRecord, SessionRecord, SupportRecord } from "../parse/readRecords";
import { NONE, type BookRule, type CheckContext, type Finding, type RowRule } from "./context";

/**
 * Support, MOC and Sessions rows belong to an activity by Internal ID; a row whose ID matches no
 * activity is reported once (its data would never reach PARS).
 * Source: DOMAIN.md §4, tables joined by Internal ID.
 */
export const orphanRows: BookRule = (ctx) =>
  ctx.unlinked.map((u) => ({
    body: { code: "orphan_row", id: u.id },
    severity: "error",
    place: tableOf(ctx, u.table).place(u.row, "internalId"),
    owner: null,
  }));

function tableOf(ctx: CheckContext, table: "Support" | "MOC" | "Sessions") {
  return table === "Support"
    ? ctx.book.support
    : table === "MOC"
      ? ctx.book.moc
      : ctx.book.sessions;
}

/**
 * Commercial Support = No with Support rows contradicts itself; Yes without any source is needed
 * for Closed (reported there) and warned about before. In-kind support carries no dollar value.
 * Source: PARS FAQ, commercial support fields; "in-kind support is reported ... with its source, and
 * no dollar value"; "Monetary Support Received: ... the amount of monetary support received" (a
 * monetary amount of 0 is money not received).
 */
export const supportAgreesWithSources: RowRule = (a, ctx) => {
  if (a.commercialSupport.kind !== "ok") return NONE;
  const sources = ctx.supportOf(a);
  const yes = a.commercialSupport.value;
  const contradicts = !yes && sources.length > 0;
  const warnEarly = yes && sources.length === 0 && ctx.heldTo(a) !== "Closed";
  if (!contradicts && !warnEarly && sources.length === 0) return NONE; // the common case
  // A list only once something is found: most sources are as they should be.
  let out: Finding[] | null = null;
  if (contradicts) {
    (out ??= []).push({
      body: { code: "sources_without_support", sources: sources.length },
      severity: "error",
      place: ctx.book.activities.place(a.row, "commercialSupport"),
      owner: a.row,
    });
  }
  if (warnEarly) {
    (out ??= []).push({
      body: { code: "support_without_source", status: null },
      severity: "warning",
      place: ctx.book.activities.place(a.row, "commercialSupport"),
      owner: a.row,
    });
  }
  for (let i = 0; i < sources.length; i++) {
    const s = sources[i] as SupportRecord;
    if (
      s.supportType.kind === "ok" &&
      s.supportType.value === "In-kind" &&
      s.amount.kind === "ok"
    ) {
      (out ??= []).push({
        body: { code: "in_kind_with_amount" },
        severity: "warning",
        place: ctx.book.support.place(s.row, "amount"),
        owner: a.row,
      });
    }
    if (
      s.supportType.kind === "ok" &&
      s.supportType.value === "Monetary" &&
      s.amount.kind === "ok" &&
      s.amount.value === 0
    ) {
      (out ??= []).push({
        body: { code: "zero_amount" },
        severity: "warning",
        place: ctx.book.support.place(s.row, "amount"),
        owner: a.row,
      });
    }
  }
  return out ?? NONE;
};

/**
 * MOC = No with MOC board rows is contradictory, and MOC left blank with them is a question left
 * open; MOC = Yes without a board is needed for Closed (reported there) and warned about before.
 * Source: PARS FAQ, Closed: "If activity was registered for MOC/CC, at least one board selected".
 */
export const mocAgreesWithBoards: RowRule = (a, ctx) => {
  if (a.moc.kind === "invalid") return NONE;
  const boards = ctx.mocOf(a);
  if (a.moc.kind === "empty") {
    if (boards.length === 0) return NONE;
    return [
      {
        body: { code: "moc_blank_with_boards", boards: boards.length },
        severity: "warning",
        place: ctx.book.activities.place(a.row, "moc"),
        owner: a.row,
      },
    ];
  }
  if (!a.moc.value && boards.length > 0) {
    return [
      {
        body: { code: "boards_without_moc", boards: boards.length },
        severity: "warning",
        place: ctx.book.activities.place(a.row, "moc"),
        owner: a.row,
      },
    ];
  }
  if (a.moc.value && boards.length === 0 && ctx.heldTo(a) !== "Closed") {
    return [
      {
        body: { code: "moc_without_board", status: null },
        severity: "warning",
        place: ctx.book.activities.place(a.row, "moc"),
        owner: a.row,
      },
    ];
  }
  return NONE;
};

/**
 * Sessions fall within the activity's dates.
 * Source: DOMAIN.md §4, Sessions: one row per session of a series or course.
 */
export const sessionsWithinDates: RowRule = (a, ctx) => {
  if (a.startDate.kind !== "ok" || a.endDate.kind !== "ok") return NONE;
  const sessions = ctx.sessionsOf(a);
  if (sessions.length === 0) return NONE; // the common case, without a list
  const start = a.startDate.value;
  const end = a.endDate.value;
  let out: Finding[] | null = null;
  for (let i = 0; i < sessions.length; i++) {
    const s = sessions[i] as SessionRecord;
    if (s.sessionDate.kind !== "ok") continue;
    const d = s.sessionDate.value;
    if (d >= start && d <= end) continue;
    (out ??= []).push({
      body: {
        code: "session_outside_dates",
        date: usOfDay(d),
        start: usOfDay(start),
        end: usOfDay(end),
      },
      severity: "warning",
      place: ctx.book.sessions.place(s.row, "sessionDate"),
      owner: a.row,
    });
  }
  return out ?? NONE;
};

/**
 * A series' credits are the sum of its session hours, and its learners the sum over sessions; a live
 * course's credits the total of its sessions' hours. A difference is warned about with both numbers.
 * Source: PARS FAQ, RSS ("credits ... for the entire series", "counted as a learner for every
 * session they attend") and live course ("totaling the hours of all educational sessions").
 */
export const sessionsRollUp: RowRule = (a, ctx) => {
  if (a.format.kind !== "ok") return NONE;
  // Sessions first: most activities have none, and then the format need not be looked up.
  const sessions = ctx.sessionsOf(a);
  if (sessions.length === 0) return NONE;
  const roll = profileOf(a.format.value).sessionsRollUp;
  if (!roll.credits && !roll.learners) return NONE;
  // The three totals in one pass over the sessions, in session order (as a sum is added up).
  let hours = 0;
  let physicians = 0;
  let others = 0;
  for (let i = 0; i < sessions.length; i++) {
    const s = sessions[i] as SessionRecord;
    if (s.hours.kind === "ok") hours += s.hours.value;
    if (s.physicianLearners.kind === "ok") physicians += s.physicianLearners.value;
    if (s.otherLearners.kind === "ok") others += s.otherLearners.value;
  }
  let out: Finding[] | null = null;
  if (roll.credits && a.credits.kind === "ok") {
    out = compareTotal(out, a, ctx, "credits", a.credits.value, hours, sessions.length);
  }
  if (roll.learners) {
    if (a.physicianLearners.kind === "ok") {
      const reported = a.physicianLearners.value;
      out = compareTotal(out, a, ctx, "physician_learners", reported, physicians, sessions.length);
    }
    if (a.otherLearners.kind === "ok") {
      out = compareTotal(
        out,
        a,
        ctx,
        "other_learners",
        a.otherLearners.value,
        others,
        sessions.length
      );
    }
  }
  return out ?? NONE;
};

const TOTAL_COLUMN = {
  credits: "credits",
  physician_learners: "physicianLearners",
  other_learners: "otherLearners",
} as const;

/**
 * `out` with a warning added when a reported quantity is not its sessions' total (a function of
 * its own, not a closure per activity: the rule runs on every activity with sessions).
 */
function compareTotal(
  out: Finding[] | null,
  a: ActivityRecord,
  ctx: CheckContext,
  quantity: keyof typeof TOTAL_COLUMN,
  reported: number,
  total: number,
  sessions: number
): Finding[] | null {
  if (Math.abs(reported - total) < 1e-9) return out;
  const found: Finding = {
    body: {
      code: "series_total_mismatch",
      quantity,
      reported,
      sessionsTotal: Math.round(total * 100) / 100,
      sessions,
    },
    severity: "warning",
    place: ctx.book.activities.place(a.row, TOTAL_COLUMN[quantity]),
    owner: a.row,
  };
  if (out === null) return [found];
  out.push(found);
  return out;
}

/**
 * Internet Searching and Learning, and Learning from Teaching, are each aggregated into one
 * activity per 12 months: two of them starting less than 12 months apart are warned about.
 * Source: PARS FAQ, "aggregate and report all your data ... into one activity" (ISL) and
 * "aggregate your data for learning from teaching for all learners into one activity" (LFT).
 */
export const aggregatedFormatsOncePerYear: BookRule = (ctx) => {
  const groups = new Map<FormatKey, ActivityRecord[]>();
  // Indexed: in a function this size a `for ... of` allocates an iterator result per activity.
  const activities = ctx.activities;
  for (let n = 0; n < activities.length; n++) {
    const a = activities[n] as ActivityRecord;
    // The format first: most are not aggregated, and their start date need not be read.
    if (a.format.kind !== "ok" || !profileOf(a.format.value).aggregatedPerYear) continue;
    if (a.startDate.kind !== "ok") continue;
    const list = groups.get(a.format.value);
    if (list === undefined) groups.set(a.format.value, [a]);
    else list.push(a);
  }
  const out: Finding[] = [];
  const startOf = (a: ActivityRecord): DayNumber =>
    a.startDate.kind === "ok" ? a.startDate.value : 0;
  for (const [format, list] of groups) {
    if (list.length < 2) continue;
    // By start date: the activities starting less than 12 months before or after one are then a
    // stretch around it, found by two binary searches, however many there are.
    const byStart = [...list].sort((x, y) => startOf(x) - startOf(y) || x.row - y.row);
    const starts = byStart.map(startOf);
    const yearOn = starts.map((s) => addMonths(s, 12));
    const firstWhere = (test: (i: number) => boolean): number => {
      let lo = 0;
      let hi = byStart.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (test(mid)) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    };
    const name = profileOf(format).name;
    const at = new Map(byStart.map((a, i) => [a, i] as const));
    for (const a of list) {
      const i = at.get(a) as number;
      const s = starts[i] as DayNumber;
      const end = yearOn[i] as DayNumber;
      // [from, to): o starts before a's start + 12 months and a starts before o's + 12 months.
      const from = firstWhere((j) => (yearOn[j] as DayNumber) > s);
      const to = firstWhere((j) => (starts[j] as DayNumber) >= end);
      const others = to - from - 1;
      if (others === 0) continue;
      // The nearest in start date are named, in row order; the count says how many there are.
      const near: number[] = [];
      for (let l = i - 1, r = i + 1; near.length < OTHER_ROWS_LISTED && (l >= from || r < to);) {
        if (r < to) near.push((byStart[r++] as ActivityRecord).row);
        if (l >= from && near.length < OTHER_ROWS_LISTED) {
          near.push((byStart[l--] as ActivityRecord).row);
        }
      }
      out.push({
        body: {
          code: "aggregate_format_repeated",
          format: name,
          otherRows: near.sort((x, y) => x - y),
          others,
        },
        severity: "warning",
        place: ctx.book.activities.place(a.row, "format"),
        owner: a.row,
      });
    }
  }
  return out ?? NONE;
};
