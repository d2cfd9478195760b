import type { StatusName } from "../codes/vocabularies";
import { isoOfDay, partsOfDay, usOfDay, type DayNumber, type IsoDate } from "../dates";
import { FORMAT_KEYS, formatName, profileOf, type FormatKey } from "../formats";
import type { Issue, TableName } from "../model/issue";
import type { CheckResult, RowVerdict } from "../check";
import type { Field } from "../parse/cells";
import { missingFor } from "../check";
import { makeIssue } from "../model/issue";
import type { ActivityRecord, WorkbookRecords } from "../parse/readRecords";
import { idKey } from "../rules/context";
import { reportingYear, type ReportingYear } from "./reportingYear";

/** Where a checklist entry's row is, and which activity it is. */
export type RowRef = {
  readonly table: TableName;
  readonly sheet: string;
  readonly row: number;
  readonly internalId: string | null;
  readonly title: string | null;
};

/** An activity that started in the year: to be entered in PARS, or updated there. */
export type ToEnter = RowRef & {
  /** "update" when an ACCME Activity ID says the activity is already in PARS. */
  readonly action: "enter" | "update";
  /** True when its data supports at least Active (what PARS needs of a reported activity). */
  readonly ready: boolean;
  /** What it lacks for that, as column headers. */
  readonly lacks: readonly string[];
};

/** An activity that ended in the year and whose data does not yet support Closed. */
export type ToClose = RowRef & {
  readonly endDate: IsoDate;
  readonly achievedStatus: RowVerdict["achievedStatus"];
  readonly lacks: readonly string[];
};

/** An activity of the year that runs on into the next: entered, not closed. */
export type Continuing = RowRef & { readonly endDate: IsoDate; readonly inPars: boolean };

/** A learner count, physicians and others. */
export type LearnerPair = { readonly physicianLearners: number; readonly otherLearners: number };

/** An enduring material active in the year, with its cumulative learners through December 31. */
export type EnduringCount = RowRef & {
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
  /** The cumulative count through the year's end; null when the workbook does not give one. */
  readonly count: LearnerPair | null;
  /** Where the count comes from: a Learner Counts row or the activity's own (final) counts. */
  readonly countFrom: "learner_counts" | "activity" | null;
  /** The cumulative count through the previous year, when the activity ran then. */
  readonly previous: LearnerPair | null;
  readonly problem: "missing" | "decreased" | null;
};

/** The Program Summary figures of one group of activities. */
export type Figures = {
  readonly activities: number;
  /** AMA PRA Category 1 credits designated, summed: PARS's measure of hours (see `HOURS_RULE`). */
  readonly credits: number;
  readonly physicianLearners: number;
  readonly otherLearners: number;
};

/** Commercial support received in the year. */
export type CommercialSupportFigures = {
  /** Total monetary support, in dollars. */
  readonly monetary: number;
  /** Monetary support by source, largest first. */
  readonly bySource: Readonly<Record<string, number>>;
  /** Sources of in-kind support, alphabetically. */
  readonly inKindSources: readonly string[];
};

/** A cumulative learner count given for an enduring material (a Learner Counts row). */
export type LearnerCountEntry = {
  readonly sheet: string;
  readonly row: number;
  /** The sheet row of the activity it belongs to. */
  readonly activityRow: number;
  /** The last day the count covers. */
  readonly through: DayNumber;
  readonly physicianLearners: number | null;
  readonly otherLearners: number | null;
};

/** A Support row as the year's totals need it, joined to its activity. */
export type SupportEntry = {
  /** The Support row's sheet row. */
  readonly row: number;
  readonly activityRow: number;
  readonly source: string | null;
  readonly type: "Monetary" | "In-kind" | null;
  readonly amount: number | null;
  /** The day the support was received, when the row says. */
  readonly received: DayNumber | null;
};

/** What the year's figures are made from: a check as of the year's `asOf`, and its records joined. */
export type AnnualInput = {
  readonly year: number;
  readonly result: CheckResult;
  readonly records: WorkbookRecords;
  /** Support rows joined to their activities. */
  readonly support: readonly SupportEntry[];
  /** Sessions' learner totals by activity sheet row, for formats that count learners per session. */
  readonly sessionLearners: ReadonlyMap<number, LearnerPair>;
  /** Cumulative learner counts, joined to their activities. */
  readonly learnerCounts: readonly LearnerCountEntry[];
};

/** Year-end reporting for one year: the checklist and the Program Summary figures. */
export type AnnualReport = {
  readonly year: number;
  readonly asOf: IsoDate;
  readonly dueBy: IsoDate;
  /** By PARS format name, in the order PARS lists formats; formats with no activity left out. */
  readonly byFormat: Readonly<Record<string, Figures>>;
  /** By providership: Direct, Joint, and "Not stated" when a counted row gives none. */
  readonly byProvidership: Readonly<Record<string, Figures>>;
  readonly totals: Figures;
  readonly commercialSupport: CommercialSupportFigures;
  readonly checklist: {
    readonly toEnter: readonly ToEnter[];
    readonly toClose: readonly ToClose[];
    readonly continuing: readonly Continuing[];
    readonly enduringCounts: readonly EnduringCount[];
  };
  /** The activities the figures count, in sheet order. */
  readonly counted: readonly RowRef[];
  /** Findings of year-end reporting (a missing or falling cumulative count). */
  readonly issues: readonly Issue[];
  /** True when nothing on the checklist is left to do. */
  readonly done: boolean;
};

/**
 * How the Program Summary's hours are counted, for every shell to state beside the figure.
 * Source: ACCME, "The new PARS" (hours of instruction are no longer collected;
 * docs/year-end.md §3) and the PARS FAQ on each format (credits designated for the whole
 * activity: a series' credits are for the entire series).
 */
export const HOURS_RULE =
  "Hours are the AMA PRA Category 1 credits designated, summed over the activities: PARS no longer asks for hours of instruction and reports credits in their place; a series counts its whole-series credits.";

/**
 * Which activities a year's figures count (docs/year-end.md §4).
 * Source: PARS FAQ, enduring material ("reported only once ... learner counts ... updated through
 * 12/31 ... for each year they are active"): a format whose learners are cumulative counts in every
 * year it is active, with its count through December 31 of that year. Every other format is
 * reported once per period of at most 12 months and counted in the year it ends, when its counts
 * are final (ACCME: "enter and close all activities that ended in" the year), so a grand rounds
 * series of 07/01 to 06/30 and its 1,040 learners count once.
 */
export const COUNTING_RULE =
  "An activity counts in the year it ends; an enduring material counts in every year it is active, with its cumulative learners through December 31 of that year.";

const ZERO: Figures = { activities: 0, credits: 0, physicianLearners: 0, otherLearners: 0 };

const cents = (x: number) => Math.round(x * 100) / 100;
const quarter = (x: number) => Math.round(x * 4) / 4;

function add(f: Figures, credits: number, learners: LearnerPair): Figures {
  return {
    activities: f.activities + 1,
    credits: quarter(f.credits + credits),
    physicianLearners: f.physicianLearners + learners.physicianLearners,
    otherLearners: f.otherLearners + learners.otherLearners,
  };
}

const ok = <T>(f: Field<T>): T | null => (f.kind === "ok" ? f.value : null);

/** The ready-to-enter tier: Active before the end date, Ready to Close after. */
const enterStatus = (v: RowVerdict): StatusName => (v.ended === true ? "Ready to Close" : "Active");
const READY = new Set<RowVerdict["achievedStatus"]>(["Active", "Ready to Close", "Closed"]);

/**
 * The year-end checklist and Program Summary figures for `year`, from a check made as of January 1
 * of the next year (`reportingYear(year).asOf`). Pure.
 *
 * Source: ACCME's five annual reporting steps (docs/year-end.md §1): enter every activity
 * that started in the year and close every one that also ended in it; update enduring materials'
 * cumulative learner counts through December 31; complete the Program Summary, whose commercial
 * support PARS sums from the activities (docs/year-end.md §3).
 *
 * @throws {InvalidOptionError} when `year` is not a year as YYYY
 */
export function annualReport(input: AnnualInput): AnnualReport {
  const frame = reportingYear(input.year);
  const { result, records } = input;
  const byRow = new Map<number, ActivityRecord>();
  for (const a of records.activities.records) byRow.set(a.row, a);
  const countsByActivity = new Map<number, LearnerCountEntry[]>();
  for (const c of input.learnerCounts) {
    const list = countsByActivity.get(c.activityRow);
    if (list === undefined) countsByActivity.set(c.activityRow, [c]);
    else list.push(c);
  }

  const toEnter: ToEnter[] = [];
  const toClose: ToClose[] = [];
  const continuing: Continuing[] = [];
  const enduringCounts: EnduringCount[] = [];
  const counted: RowRef[] = [];
  const issues: Issue[] = [];
  const byFormat = new Map<FormatKey, Figures>();
  const byProvidership = new Map<string, Figures>();
  let totals = ZERO;
  /** Counted activities that end in the year: their support without a Date Received counts here. */
  const endsInYear = new Set<number>();
  /** Activities of the year that run across a calendar year's end, by sheet row. */
  const acrossYears = new Map<number, { start: DayNumber; end: DayNumber }>();

  for (const v of result.rows) {
    const a = byRow.get(v.row);
    if (a === undefined) continue;
    const start = ok<DayNumber>(a.startDate);
    const end = ok<DayNumber>(a.endDate);
    // Without both dates (or with them the wrong way round) an activity has no place in a year;
    // the check already says what is wrong with them.
    if (start === null || end === null || end < start) continue;
    if (start > frame.last || end < frame.first) continue;
    const ref: RowRef = {
      table: "Activities",
      sheet: v.sheet,
      row: v.row,
      internalId: v.internalId,
      title: v.title,
    };
    const inPars = ok<string>(a.accmeId) !== null;
    if (partsOfDay(start).year !== partsOfDay(end).year) acrossYears.set(a.row, { start, end });
    if (start >= frame.first) {
      const ready = READY.has(v.achievedStatus);
      toEnter.push({
        ...ref,
        action: inPars ? "update" : "enter",
        ready,
        lacks: ready ? [] : missingFor(v, enterStatus(v)),
      });
    }
    if (end <= frame.last && v.achievedStatus !== "Closed") {
      toClose.push({
        ...ref,
        endDate: isoOfDay(end),
        achievedStatus: v.achievedStatus,
        lacks: missingFor(v, "Closed"),
      });
    }
    if (end > frame.last) continuing.push({ ...ref, endDate: isoOfDay(end), inPars });

    const format = ok<FormatKey>(a.format);
    if (format === null) continue; // not a format PARS knows: reported as invalid by the check
    const profile = profileOf(format);
    const cumulative = profile.learnerBasis === "cumulative";
    if (!cumulative && end > frame.last) continue; // counted in the year it ends
    let learners: LearnerPair;
    if (cumulative) {
      const e = enduringCount(ref, a, start, end, frame, countsByActivity.get(a.row) ?? []);
      enduringCounts.push(e);
      // A falling count is the check's finding (Learner Counts rules); a missing one is the year's.
      if (e.problem === "missing") issues.push(missingCountIssue(e, frame, records));
      learners = e.count ?? { physicianLearners: 0, otherLearners: 0 };
    } else {
      learners = activityLearners(a, profile.sessionsRollUp.learners, input.sessionLearners);
    }
    const credits = ok<number>(a.credits) ?? 0;
    byFormat.set(format, add(byFormat.get(format) ?? ZERO, credits, learners));
    const providership = ok<string>(a.providership) ?? "Not stated";
    byProvidership.set(
      providership,
      add(byProvidership.get(providership) ?? ZERO, credits, learners)
    );
    totals = add(totals, credits, learners);
    counted.push(ref);
    if (end <= frame.last) endsInYear.add(a.row);
  }

  // Support of an activity that runs across years, with no Date Received, cannot be put in the
  // year it was received: counted in the year the activity ends, and said so.
  for (const sup of input.support) {
    const span = sup.received === null ? acrossYears.get(sup.activityRow) : undefined;
    if (span === undefined) continue;
    issues.push(
      makeIssue(
        { code: "support_date_missing", start: usOfDay(span.start), end: usOfDay(span.end) },
        "warning",
        records.support.place(sup.row, "dateReceived")
      )
    );
  }

  const formats: Record<string, Figures> = {};
  for (const key of FORMAT_KEYS) {
    const f = byFormat.get(key);
    if (f !== undefined) formats[formatName(key)] = f;
  }
  const providerships: Record<string, Figures> = {};
  for (const key of ["Direct", "Joint", "Not stated"]) {
    const f = byProvidership.get(key);
    if (f !== undefined) providerships[key] = f;
  }

  return {
    year: frame.year,
    asOf: frame.asOf,
    dueBy: frame.dueBy,
    byFormat: formats,
    byProvidership: providerships,
    totals,
    commercialSupport: supportFigures(input.support, frame, endsInYear),
    checklist: { toEnter, toClose, continuing, enduringCounts },
    counted,
    issues,
    done:
      toEnter.every((t) => t.ready) &&
      toClose.length === 0 &&
      enduringCounts.every((e) => e.problem === null),
  };
}

/**
 * An activity's learners: its own counts; for a format counted per session attended (a series)
 * whose counts are blank, the sum over its sessions.
 * Source: PARS FAQ, RSS: "each physician or other learner is counted as a learner for every
 * session they attend".
 */
function activityLearners(
  a: ActivityRecord,
  perSession: boolean,
  sessions: ReadonlyMap<number, LearnerPair>
): LearnerPair {
  const fromSessions = perSession ? sessions.get(a.row) : undefined;
  return {
    physicianLearners: ok<number>(a.physicianLearners) ?? fromSessions?.physicianLearners ?? 0,
    otherLearners: ok<number>(a.otherLearners) ?? fromSessions?.otherLearners ?? 0,
  };
}

/** The latest count given through a day of [from, to]. */
function latestIn(
  counts: readonly LearnerCountEntry[],
  from: DayNumber,
  to: DayNumber
): LearnerCountEntry | null {
  let best: LearnerCountEntry | null = null;
  for (const c of counts) {
    if (c.through < from || c.through > to) continue;
    if (best === null || c.through >= best.through) best = c;
  }
  return best;
}

const pairOf = (c: LearnerCountEntry): LearnerPair => ({
  physicianLearners: c.physicianLearners ?? 0,
  otherLearners: c.otherLearners ?? 0,
});

/**
 * The cumulative count of an enduring material through the year's end: the latest Learner Counts
 * row through a day of the year; else, when the material ends in the year, its own counts (then
 * final and cumulative).
 * Source: PARS FAQ, enduring material: "update those learner counts to indicate the cumulative
 * number of learners through 12/31" of each year it is active.
 */
function enduringCount(
  ref: RowRef,
  a: ActivityRecord,
  start: DayNumber,
  end: DayNumber,
  frame: ReportingYear,
  counts: readonly LearnerCountEntry[]
): EnduringCount {
  const given = latestIn(counts, frame.first, frame.last);
  const own =
    end <= frame.last && a.physicianLearners.kind === "ok" && a.otherLearners.kind === "ok"
      ? { physicianLearners: a.physicianLearners.value, otherLearners: a.otherLearners.value }
      : null;
  const count = given !== null ? pairOf(given) : own;
  const countFrom = given !== null ? "learner_counts" : own !== null ? "activity" : null;
  const before = start < frame.first ? latestIn(counts, start, frame.first - 1) : null;
  const previous = before === null ? null : pairOf(before);
  const decreased =
    count !== null &&
    previous !== null &&
    (count.physicianLearners < previous.physicianLearners ||
      count.otherLearners < previous.otherLearners);
  return {
    ...ref,
    startDate: isoOfDay(start),
    endDate: isoOfDay(end),
    count,
    countFrom,
    previous,
    problem: count === null ? "missing" : decreased ? "decreased" : null,
  };
}

/** A count missing for the year, at the activity's Physician Learners. */
function missingCountIssue(
  e: EnduringCount,
  frame: ReportingYear,
  records: WorkbookRecords
): Issue {
  const through = usOfDay(frame.last);
  return makeIssue(
    { code: "learner_count_missing", year: frame.year, through },
    "error",
    records.activities.place(e.row, "physicianLearners")
  );
}

/**
 * Commercial support received in the year: a row with a Date Received counts in that year; one
 * without counts in the year its activity ends (so a multi-year enduring material's support is
 * counted once, not in each year it is active).
 * Source: PARS FAQ, enduring material: "report the amount of support received in the year in
 * which it was received"; Program Summary: total commercial support is summed from the activities
 * (docs/year-end.md §3).
 */
function supportFigures(
  support: readonly SupportEntry[],
  frame: ReportingYear,
  endsInYear: ReadonlySet<number>
): CommercialSupportFigures {
  let monetary = 0;
  const bySource = new Map<string, { name: string; amount: number }>();
  const inKind = new Map<string, string>();
  for (const s of support) {
    const inYear =
      s.received !== null
        ? s.received >= frame.first && s.received <= frame.last
        : endsInYear.has(s.activityRow);
    if (!inYear || s.source === null) continue;
    const key = idKey(s.source);
    if (s.type === "In-kind") {
      if (!inKind.has(key)) inKind.set(key, s.source);
      continue;
    }
    if (s.type !== "Monetary" || s.amount === null || s.amount <= 0) continue;
    monetary += s.amount;
    const prev = bySource.get(key);
    bySource.set(key, { name: prev?.name ?? s.source, amount: (prev?.amount ?? 0) + s.amount });
  }
  const sources = [...bySource.values()].sort(
    (x, y) => y.amount - x.amount || x.name.localeCompare(y.name)
  );
  const out: Record<string, number> = {};
  for (const s of sources) out[s.name] = cents(s.amount);
  return {
    monetary: cents(monetary),
    bySource: out,
    inKindSources: [...inKind.values()].sort((x, y) => x.localeCompare(y)),
  };
}
