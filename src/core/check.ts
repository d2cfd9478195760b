import { dayOfIso, type DayNumber, type IsoDate } from "./dates";
import { InvalidOptionError } from "./errors";
import { makeIssue, UNREADABLE_CODES, type Issue, type TableName } from "./model/issue";
import { joinTables, type JoinedTables } from "./join/joinTables";
import { joinLearners, type JoinedLearners } from "./learners/joinLearners";
import { checkLearners } from "./learners/learnerRules";
import { markHiddenRows } from "./parse/hiddenRows";
import { locateTables, type LocatedTable, type WorkbookSource } from "./parse/locateTables";
import { readRecords, recordsOf, type IssueSink, type WorkbookRecords } from "./parse/readRecords";
import { asOfDay } from "./rules/asOfDay";
import type { CheckContext, Finding, RowRule } from "./rules/context";
import { DEFAULT_RULES, type RuleSet } from "./rules/registry";
import { sortIssues } from "./sortIssues";
import { judgeRows, type AchievedStatus, type RowVerdict } from "./verdicts";
import { TABLE_SPECS } from "./schema";

export { ACHIEVED_ORDER, missingFor, type AchievedStatus, type RowVerdict } from "./verdicts";

export type CheckOptions = {
  /** The day against which "in the past" is judged, as YYYY-MM-DD. */
  readonly today: IsoDate;
  /** The provider's seven-digit ACCME ID, when known. */
  readonly providerId?: string | null;
  /** Check for a batch upload, where every row needs an Internal ID. */
  readonly upload?: boolean;
  readonly rules?: RuleSet;
};

export type CheckSummary = {
  readonly activities: number;
  readonly byAchieved: Readonly<Record<AchievedStatus, number>>;
  readonly failing: number;
  readonly errors: number;
  readonly warnings: number;
  readonly cancelled: number;
};

/** What a check of a workbook finds. */
export type CheckResult = {
  readonly asOf: IsoDate;
  readonly tables: readonly {
    readonly table: TableName;
    readonly sheet: string;
    readonly foundBy: LocatedTable["foundBy"];
    readonly rows: number;
  }[];
  readonly rows: readonly RowVerdict[];
  readonly issues: readonly Issue[];
  /** Sheet rows of Activities declared Cancelled: never held, not reported, not checked. */
  readonly cancelledRows: readonly number[];
  readonly summary: CheckSummary;
};

/** Why a workbook cannot be checked: it has no Activities table (the only mandatory one). */
export type Uncheckable = { readonly ok: false; readonly problem: "no_activities_table" };

/** A workbook the engine can check, or why not. */
export type CheckOutcome = { readonly ok: true; readonly result: CheckResult } | Uncheckable;

/**
 * The options checked and converted.
 *
 * @throws {InvalidOptionError} as `checkWorkbook`
 */
export function parseOptions(options: CheckOptions): ParsedOptions {
  // A column of worksheet functions passes the same day (and provider) to every call.
  const seen = lastOptions;
  if (seen !== null && seen.today === options.today && seen.providerId === options.providerId) {
    return seen.parsed;
  }
  const parsed = readOptions(options);
  lastOptions = { today: options.today, providerId: options.providerId, parsed };
  return parsed;
}

// The options of the last call and what they were read as (only options that were read: one
// that throws is read again, and throws again, next time).
let lastOptions: {
  readonly today: IsoDate;
  readonly providerId: string | null | undefined;
  readonly parsed: ParsedOptions;
} | null = null;

function readOptions(options: CheckOptions): ParsedOptions {
  const today = dayOfIso(options.today);
  if (today === null) throw new InvalidOptionError("today", options.today, "a date as YYYY-MM-DD");
  const providerId = options.providerId?.trim() ?? null;
  if (providerId !== null && providerId !== "" && !/^\d{7}$/.test(providerId)) {
    throw new InvalidOptionError("providerId", providerId, "seven digits");
  }
  return { today, providerId: providerId === "" ? null : providerId };
}

/**
 * Checks every activity of a workbook against its declared PARS status and its format's reporting
 * rules, on the day given. Pure: the same workbook and options give the same result.
 *
 * @throws {InvalidOptionError} when `today` is not a YYYY-MM-DD date or `providerId` is not seven digits
 */
export function checkWorkbook(book: WorkbookSource, options: CheckOptions): CheckOutcome {
  const checked = checkWorkbookRecords(book, options);
  return checked.ok ? { ok: true, result: checked.result } : checked;
}

/**
 * A check together with the records it read, for callers that go on to use the values (an upload
 * export) without reading the cells a second time.
 */
export type CheckedRecords =
  | {
      readonly ok: true;
      readonly result: CheckResult;
      readonly records: WorkbookRecords;
      /** Which Support, MOC and Sessions rows belong to which activity, as the check decided. */
      readonly joined: JoinedTables;
      /** The Learners rows joined to their activities. */
      readonly learners: JoinedLearners;
    }
  | Uncheckable;

/**
 * Runs `checkWorkbook` and also returns the typed records it read: the verdicts and the values
 * come from one reading of the cells, so they can never disagree. The pipeline, top to bottom:
 * read records, join tables, rules, verdicts, sorted findings (ARCHITECTURE.md).
 *
 * @throws {InvalidOptionError} as `checkWorkbook`
 */
export function checkWorkbookRecords(book: WorkbookSource, options: CheckOptions): CheckedRecords {
  const parsed = parseOptions(options);

  // 1. Find the tables and read their cells into typed records.
  const located = locateTables(book);
  if (located.Activities === undefined) return { ok: false, problem: "no_activities_table" };
  const readFindings: Finding[] = [];
  const sink: IssueSink = (body, severity, place) =>
    readFindings.push({ body, severity, place, owner: null });
  const records = readRecords(located, book.dateSystem, sink);

  const out = checkRecords(records, readFindings, tablesFound(located, records), parsed, options);
  const issues = markHiddenRows(out.result.issues, located);
  return issues === out.result.issues ? out : { ...out, result: { ...out.result, issues } };
}

/** The options as the engine uses them. */
export type ParsedOptions = { readonly today: DayNumber; readonly providerId: string | null };

/**
 * Stages 2 to 5 of the check, on records already read (`checkRow` reads its one row itself):
 * join, rules, verdicts, sorted issues.
 */
export function checkRecords(
  records: WorkbookRecords,
  readFindings: readonly Finding[],
  tables: CheckResult["tables"],
  { today, providerId }: ParsedOptions,
  options: CheckOptions
): { readonly ok: true } & CheckedRecords {
  const rules = options.rules ?? DEFAULT_RULES;

  // 2. Join Support, MOC and Sessions rows to their activities.
  const joined = joinTables(records);

  // 3. Run the rules, on the day checked.
  const asOf = asOfDay(today);
  // Named one by one, not spread from `joined`: a spread followed by more properties takes the
  // engine's slow path, which a worksheet function checking one row per call pays every time.
  const ctx: CheckContext = {
    activities: joined.activities,
    idKeyOf: joined.idKeyOf,
    sameIdGroup: joined.sameIdGroup,
    plainIds: joined.plainIds,
    unlinked: joined.unlinked,
    supportOf: joined.supportOf,
    mocOf: joined.mocOf,
    sessionsOf: joined.sessionsOf,
    providerId,
    upload: options.upload ?? false,
    book: records,
    heldTo: asOf.heldTo,
    ended: asOf.ended,
  };
  const findings = ownReadFindings(readFindings, joined, ctx);
  for (const f of joined.findings) findings.push(f);
  runRules(rules, ctx, findings);

  // 4. Judge each row: the status it is held to, the one it achieves, whether it passes.
  const verdicts = judgeRows(ctx, asOf, findings);
  for (const f of verdicts.findings) findings.push(f);

  // 4b. Learner completions, against their activities as judged (a completion needs its
  // activity's achieved status). Their findings count against no activity.
  const learners = joinLearners(records, joined);
  // By sheet row, in an array: rows are small dense numbers, and a map of 100,000 pairs costs.
  // Made on the first look-up: a workbook without learners never asks.
  let verdictByRow: RowVerdict[] | undefined;
  const learnerFindings = checkLearners(rules.learnerRules ?? [], learners, {
    read: records,
    check: ctx,
    verdictOf: (a) => (verdictByRow ??= byRow(verdicts.rows))[a.row],
    today: asOf.day,
  });
  for (const f of learnerFindings) findings.push(f);

  // 5. Findings as issues, in table, row and column order.
  const issues = sortIssues(
    findings.map((f) =>
      makeIssue(f.body, verdicts.notNeeded.has(f) ? "warning" : f.severity, f.place)
    )
  );
  let errors = 0;
  for (let i = 0; i < issues.length; i++) if ((issues[i] as Issue).severity === "error") errors++;
  return {
    ok: true,
    records,
    joined,
    learners,
    result: {
      asOf: options.today,
      tables,
      rows: verdicts.rows,
      issues,
      cancelledRows: [...joined.cancelled],
      summary: {
        activities: verdicts.rows.length,
        byAchieved: verdicts.byAchieved,
        failing: verdicts.failing,
        errors,
        warnings: issues.length - errors,
        cancelled: joined.cancelled.size,
      },
    },
  };
}

/** Verdicts by sheet row. */
function byRow(rows: readonly RowVerdict[]): RowVerdict[] {
  const out = new Array<RowVerdict>(
    rows.length === 0 ? 0 : (rows[rows.length - 1] as RowVerdict).row + 1
  );
  for (let i = 0; i < rows.length; i++) {
    const v = rows[i] as RowVerdict;
    out[v.row] = v;
  }
  return out;
}

/**
 * Findings from reading cells, each counted against the row it belongs to: an Activities cell
 * against its row (none for a Cancelled row, which is not checked); a Support or MOC cell against
 * its activity when that activity is held to Closed (the status that needs them), else a warning.
 */
function ownReadFindings(
  readFindings: readonly Finding[],
  joined: JoinedTables,
  ctx: CheckContext
): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < readFindings.length; i++) {
    const f = readFindings[i] as Finding;
    if (f.place.table === "Activities") {
      if (!joined.cancelled.has(f.place.row)) {
        out.push({ body: f.body, severity: f.severity, place: f.place, owner: f.place.row });
      }
      continue;
    }
    let owner: number | null = null;
    let severity = f.severity;
    if (f.place.table === "Support" || f.place.table === "MOC") {
      const a = joined.ownerOf(f.place.table, f.place.row);
      if (a !== undefined && ctx.heldTo(a) === "Closed") owner = a.row;
      // Never stricter than PARS: a status short of Closed does not need the row's values.
      else if (a !== undefined && UNREADABLE_CODES.has(f.body.code)) severity = "warning";
    }
    out.push({ body: f.body, severity, place: f.place, owner });
  }
  return out;
}

/** Every row rule on one activity, then the next; then the rules across the workbook. */
function runRules(rules: RuleSet, ctx: CheckContext, out: Finding[]): void {
  // One pass over the records, not one per rule (findings are sorted by row and column
  // afterwards, so the order they are made in is kept).
  const rowRules = rules.rowRules;
  for (let n = 0; n < ctx.activities.length; n++) {
    const a = ctx.activities[n] as CheckContext["activities"][number];
    for (let r = 0; r < rowRules.length; r++) {
      const found = (rowRules[r] as RowRule)(a, ctx);
      for (let i = 0; i < found.length; i++) out.push(found[i] as Finding);
    }
  }
  for (const rule of rules.bookRules) {
    // A loop, not push(...found): a book rule may find more items than a call takes arguments.
    for (const f of rule(ctx)) out.push(f);
  }
}

function tablesFound(
  located: Partial<Record<TableName, LocatedTable>>,
  records: WorkbookRecords
): CheckResult["tables"] {
  return TABLE_SPECS.flatMap((spec) => {
    const l = located[spec.table];
    return l === undefined
      ? []
      : [
          {
            table: spec.table,
            sheet: l.sheet,
            foundBy: l.foundBy,
            rows: recordsOf(records, spec.table).records.length,
          },
        ];
  });
}
