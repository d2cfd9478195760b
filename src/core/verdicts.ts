import type { StatusName } from "./codes/vocabularies";
import { UNREADABLE_CODES, type IssueBody, type TableName } from "./model/issue";
import { recordsOf, type ActivityRecord, type WorkbookRecords } from "./parse/readRecords";
import { declaredStatusOf, type AsOfDay } from "./rules/asOfDay";
import type { CheckContext, Finding } from "./rules/context";
import { gapBlocks, requirementGaps, type Gap } from "./rules/statusRequirements";
import type { ColumnMap } from "./parse/mapColumns";
import { TABLE_SPECS, type ActivityKey } from "./schema";

/** The highest status a row's data supports; Incomplete when it lacks even Draft's fields. */
export type AchievedStatus = "Incomplete" | StatusName;

/** The verdict on one activity row. */
export type RowVerdict = {
  readonly table: "Activities";
  readonly sheet: string;
  readonly row: number;
  readonly internalId: string | null;
  readonly title: string | null;
  /** The status the Status column declares; null when it is blank or not a status. */
  readonly declaredStatus: StatusName | null;
  /**
   * The status the row is held to: the declared one, except Ready to Close for a declared Active
   * that has ended; without a Status, Active until it ends, then Ready to Close.
   */
  readonly heldTo: StatusName;
  readonly achievedStatus: AchievedStatus;
  /** True when the row meets its held-to status and has no error. */
  readonly passes: boolean;
  /** The requirements the row does not meet, for every tier. */
  readonly gaps: readonly Gap[];
  /** Whether the end date is before the day checked; null without a valid end date. */
  readonly ended: boolean | null;
  /**
   * The columns the workbook's tables lack altogether ("Table|Column" to the table's header row),
   * one map shared by every row: a gap in one of them points to the header's `missing_column`.
   */
  readonly absentColumns?: ReadonlyMap<string, number>;
};

/** A column a row's status needs that its table lacks altogether: said once, at the header row. */
export type MissingColumnRef = {
  readonly table: TableName;
  readonly column: string;
  readonly headerRow: number;
};

/** The order statuses climb in; Active and Ready to Close are told apart by the end date. */
export const ACHIEVED_ORDER: readonly AchievedStatus[] = [
  "Incomplete",
  "Draft",
  "Active",
  "Ready to Close",
  "Closed",
];

/** What judging the rows gives: a verdict per row and the findings the verdicts add. */
export type Verdicts = {
  readonly rows: readonly RowVerdict[];
  /**
   * Errors about an unreadable value in a column the row's status does not need ("TBD" credits on
   * a Draft): reported as warnings, and the row keeps its status.
   */
  readonly notNeeded: ReadonlySet<Finding>;
  /** Gaps that block the held-to status, wrong-side end dates, and one finding per absent column. */
  readonly findings: readonly Finding[];
  readonly byAchieved: Readonly<Record<AchievedStatus, number>>;
  readonly failing: number;
};

// The statuses' indexes in ACHIEVED_ORDER.
const INCOMPLETE = 0;
const DRAFT = 1;
const ACTIVE = 2;
const READY_TO_CLOSE = 3;
const CLOSED = 4;

const NO_FINDINGS: readonly never[] = [];
/** Errors that make a row's dates meaningless, so it achieves nothing. */
const DATE_BLOCKERS = new Set(["end_before_start", "span_too_long"]);

/**
 * Activities columns every row needs whatever its status: Draft's fields, and what identifies the
 * row (an unreadable ACCME Activity ID would upload the row as a new activity).
 */
const ALWAYS_NEEDED: ReadonlySet<string> = new Set<ActivityKey>([
  "internalId",
  "accmeId",
  "title",
  "format",
  "startDate",
  "endDate",
  "status",
]);

/**
 * The verdict on every reported activity: the status it is held to, the highest it achieves, and
 * whether it passes, from its requirement gaps and the errors the rules found against it. A gap in
 * a column the table lacks altogether is said once, at the header, not on every row.
 */
export function judgeRows(
  ctx: CheckContext,
  asOf: AsOfDay,
  ruleFindings: readonly Finding[]
): Verdicts {
  const read = ctx.book;
  let alwaysNeeded: ReadonlySet<string> | undefined; // worked out for the first row with an error

  const notNeeded = new Set<Finding>();
  // By sheet row: an array the size of the table, not a map, since most rows have no error.
  // Index loops here and below: `for ... of` makes an iterator result per step, and over every
  // row of a large workbook that garbage is most of what judging allocates besides the verdicts.
  const activities = ctx.activities;
  const ownedErrors = new Array<Finding[] | undefined>(rowsAfter(activities));
  for (let i = 0; i < ruleFindings.length; i++) {
    const f = ruleFindings[i] as Finding;
    if (f.owner === null || f.severity !== "error") continue;
    const list = ownedErrors[f.owner];
    if (list === undefined) ownedErrors[f.owner] = [f];
    else list.push(f);
  }

  const findings: Finding[] = [];
  const absent = absentColumns(read);
  const missingColumns = new Map<string, { finding: Finding; rows: number; rank: number }>();
  // Made at its final size, one verdict per activity: grown by push, it would be copied as it grows.
  const rows = new Array<RowVerdict>(activities.length);
  // Counted by rank, not by name: a counter per status in an array is a plain indexed store.
  const counts = [0, 0, 0, 0, 0];
  let failing = 0;

  for (let n = 0; n < activities.length; n++) {
    const a = activities[n] as ActivityRecord;
    const gaps = requirementGaps(a, ctx);
    const ended = ctx.ended(a);
    const held = ctx.heldTo(a);
    let own: readonly Finding[] = ownedErrors[a.row] ?? NO_FINDINGS;
    let datesBroken = false;
    if (own.length > 0) {
      own = neededErrors(own, gaps, held, (alwaysNeeded ??= alwaysNeededColumns(read)), notNeeded);
      for (let i = 0; i < own.length && !datesBroken; i++) {
        datesBroken = DATE_BLOCKERS.has((own[i] as Finding).body.code);
      }
    }
    const rank = achievedRank(gaps, datesBroken, ended === true);
    const achieved = ACHIEVED_ORDER[rank] as AchievedStatus;
    const dateFinding = asOf.endDateFinding(a, held, read);
    if (dateFinding !== null) findings.push(dateFinding);
    let blocked = false;
    for (let i = 0; i < gaps.length; i++) {
      const g = gaps[i] as Gap;
      if (!gapBlocks(g.tier, held)) continue;
      blocked = true;
      const f = gapFinding(g, held, a.row);
      if (f === null) continue;
      const key = g.kind === "missing" && absent.size > 0 ? absentKey(g) : "";
      if (key !== "" && absent.has(key)) {
        const heldRank = ACHIEVED_ORDER.indexOf(held);
        const prev = missingColumns.get(key);
        if (prev === undefined) missingColumns.set(key, { finding: f, rows: 1, rank: heldRank });
        else
          missingColumns.set(key, {
            ...prev,
            rows: prev.rows + 1,
            rank: Math.min(prev.rank, heldRank),
          });
        continue;
      }
      findings.push(f);
    }
    const passes = !blocked && dateFinding?.severity !== "error" && own.length === 0;
    if (!passes) failing++;
    counts[rank] = (counts[rank] as number) + 1;
    const declared = declaredStatusOf(a);
    const verdict = verdictOf(a, read, declared, held, achieved, passes, gaps, ended, absent);
    rows[n] = verdict;
    if (declared === null && held === "Ready to Close") {
      // No Status, and it has ended: checked as Ready to Close, with what Closed still needs.
      const lacking = missingFor(verdict, "Closed");
      if (lacking.length > 0) {
        findings.push({
          body: { code: "closed_needs", missing: lacking },
          severity: "warning",
          place: read.activities.place(a.row, "status"),
          owner: a.row,
        });
      }
    }
  }
  const byAchieved: Record<AchievedStatus, number> = {
    Incomplete: counts[0] as number,
    Draft: counts[1] as number,
    Active: counts[2] as number,
    "Ready to Close": counts[3] as number,
    Closed: counts[4] as number,
  };

  for (const [key, m] of missingColumns) {
    const [table] = key.split("|") as [TableName];
    findings.push({
      body: { code: "missing_column", rows: m.rows, status: ACHIEVED_ORDER[m.rank] as StatusName },
      severity: "error",
      place: { ...m.finding.place, row: recordsOf(read, table).headerRow },
      owner: null,
    });
  }
  return { rows, notNeeded, findings, byAchieved, failing };
}

/** The Activities columns of ALWAYS_NEEDED as the table's header row names them. */
function alwaysNeededColumns(read: WorkbookRecords): ReadonlySet<string> {
  return new Set([...ALWAYS_NEEDED].map((k) => read.activities.place(0, k as ActivityKey).column));
}

/**
 * The errors of a row that its status needs, in their order; the others, an unreadable value in a
 * column its held-to status does not need, are added to `notNeeded`. Never stricter than PARS: a
 * value the row's status does not need cannot fail it. A loop rather than `filter` and closures:
 * it runs for every row with an error, and makes a new list only when it drops one.
 */
function neededErrors(
  own: readonly Finding[],
  gaps: readonly Gap[],
  held: StatusName,
  alwaysNeeded: ReadonlySet<string>,
  notNeeded: Set<Finding>
): readonly Finding[] {
  let kept: Finding[] | null = null;
  for (let i = 0; i < own.length; i++) {
    const f = own[i] as Finding;
    if (isNeeded(f, gaps, held, alwaysNeeded)) {
      if (kept !== null) kept.push(f);
      continue;
    }
    kept ??= own.slice(0, i);
    notNeeded.add(f);
  }
  return kept ?? own;
}

/** True when the row's status needs the value an error is about (`neededErrors`). */
function isNeeded(
  f: Finding,
  gaps: readonly Gap[],
  held: StatusName,
  alwaysNeeded: ReadonlySet<string>
): boolean {
  if (f.place.table !== "Activities" || !UNREADABLE_CODES.has(f.body.code)) return true;
  if (alwaysNeeded.has(f.place.column)) return true;
  for (let i = 0; i < gaps.length; i++) {
    const g = gaps[i] as Gap;
    if (
      g.place.table === "Activities" &&
      g.place.column === f.place.column &&
      gapBlocks(g.tier, held)
    ) {
      return true;
    }
  }
  return false;
}

/** One more than the last sheet row of `rows` (in sheet order): the length of an array by row. */
function rowsAfter(rows: readonly ActivityRecord[]): number {
  const last = rows[rows.length - 1];
  return last === undefined ? 0 : last.row + 1;
}

function verdictOf(
  a: ActivityRecord,
  read: WorkbookRecords,
  declared: StatusName | null,
  held: StatusName,
  achieved: AchievedStatus,
  passes: boolean,
  gaps: readonly Gap[],
  ended: boolean | null,
  absent: ReadonlyMap<string, number>
): RowVerdict {
  return {
    table: "Activities",
    sheet: read.activities.sheet,
    row: a.row,
    internalId: a.internalId.kind === "ok" ? a.internalId.value : null,
    title: a.title.kind === "ok" ? a.title.value : null,
    declaredStatus: declared,
    heldTo: held,
    achievedStatus: achieved,
    passes,
    gaps,
    ended,
    absentColumns: absent,
  };
}

const absentKey = (g: Gap): string => `${g.place.table}|${g.place.column}`;

/** An absent-columns map with what it was made from: each table's column map and header row. */
type AbsentMemo = {
  readonly columns: readonly ColumnMap<string>[];
  readonly headerRows: readonly number[];
  readonly map: ReadonlyMap<string, number>;
};

// By the Activities table's column map. A column of =PARS.STATUS(...) checks one row per call
// against the same header row (and no other table), which would otherwise make the same map of
// some eighty entries on every call. A column map is never changed once read, so the same column
// maps and header rows always give the same map.
const absentMemo = new WeakMap<ColumnMap<string>, AbsentMemo>();

/** "Table|Canonical header" of every known column a present table lacks, to its header row. */
function absentColumns(read: WorkbookRecords): ReadonlyMap<string, number> {
  const memo = absentMemo.get(read.activities.columns);
  if (memo !== undefined && madeFrom(memo, read)) return memo.map;
  const out = new Map<string, number>();
  const columns: ColumnMap<string>[] = [];
  const headerRows: number[] = [];
  for (const spec of TABLE_SPECS) {
    const t = recordsOf(read, spec.table);
    columns.push(t.columns);
    headerRows.push(t.headerRow);
    for (const c of spec.columns) {
      if (!t.columns.columns.has(c.key)) out.set(`${spec.table}|${c.header}`, t.headerRow);
    }
  }
  absentMemo.set(read.activities.columns, { columns, headerRows, map: out });
  return out;
}

/** True when every table of `read` has the column map and header row `memo` was made from. */
function madeFrom(memo: AbsentMemo, read: WorkbookRecords): boolean {
  for (let i = 0; i < TABLE_SPECS.length; i++) {
    const t = recordsOf(read, (TABLE_SPECS[i] as (typeof TABLE_SPECS)[number]).table);
    if (t.columns !== memo.columns[i] || t.headerRow !== memo.headerRows[i]) return false;
  }
  return true;
}

/**
 * The columns a row lacks for a status because its table has no such column at all: the row
 * points to the header row's `missing_column` finding instead of repeating it.
 */
export function missingColumnsFor(verdict: RowVerdict, status: StatusName): MissingColumnRef[] {
  const absent = verdict.absentColumns;
  const out: MissingColumnRef[] = [];
  if (absent === undefined || absent.size === 0) return out;
  for (const g of verdict.gaps) {
    if (g.kind !== "missing" || !gapBlocks(g.tier, status)) continue;
    const headerRow = absent.get(absentKey(g));
    if (headerRow === undefined) continue;
    if (out.some((m) => m.table === g.place.table && m.column === g.place.column)) continue;
    out.push({ table: g.place.table, column: g.place.column, headerRow });
  }
  return out;
}

function gapFinding(g: Gap, status: StatusName, owner: number): Finding | null {
  const body = gapBody(g, status);
  return body === null ? null : { body, severity: "error", place: g.place, owner };
}

/** What a gap says; null for an invalid value, reported where the cell was read. */
function gapBody(g: Gap, status: StatusName): IssueBody | null {
  switch (g.kind) {
    case "invalid":
      return null;
    case "missing":
      return { code: "missing_field", status, condition: g.condition };
    case "emptied":
      return { code: "text_empty_once_safe" };
    case "support_without_source":
      return { code: "support_without_source", status };
    case "moc_without_board":
      return { code: "moc_without_board", status };
    case "moc_attestation_incomplete":
      return { code: "moc_attestation_incomplete" };
  }
}

/**
 * The highest status the row's data supports, as its index in ACHIEVED_ORDER (a number, so that
 * the rows can be counted by status in an array): Closed and Ready to Close need the activity
 * ended, Active needs it not ended.
 */
function achievedRank(gaps: readonly Gap[], datesBroken: boolean, ended: boolean): number {
  if (gaps.length === 0) return datesBroken ? INCOMPLETE : ended ? CLOSED : ACTIVE;
  if (datesBroken || gaps.some((g) => g.tier === "draft")) return INCOMPLETE;
  if (gaps.some((g) => g.tier === "active")) return DRAFT;
  if (!ended) return ACTIVE;
  return gaps.some((g) => g.tier === "closed") ? READY_TO_CLOSE : CLOSED;
}

/** A missing field's label, pointing to the header row when the table has no such column. */
function absentLabel(verdict: RowVerdict, g: Gap, label: string): string {
  const headerRow = verdict.absentColumns?.get(absentKey(g));
  return headerRow === undefined
    ? label
    : `${label} (no such column: see header row ${String(headerRow)})`;
}

/**
 * What a row lacks for a status, as column headers (with a note where the end date is on the wrong
 * side of the day checked). Empty when nothing is missing.
 */
export function missingFor(verdict: RowVerdict, status: StatusName): string[] {
  const out: string[] = [];
  for (const g of verdict.gaps) {
    if (!gapBlocks(g.tier, status)) continue;
    const label =
      g.place.table === "Activities" ? g.place.column : `${g.place.table} ${g.place.column}`;
    const text =
      g.kind === "support_without_source"
        ? "Support source"
        : g.kind === "moc_without_board"
          ? "MOC board"
          : g.kind === "invalid"
            ? `${label} (not valid)`
            : absentLabel(verdict, g, label);
    if (!out.includes(text)) out.push(text);
  }
  if (verdict.ended !== null && status !== "Draft") {
    const wantEnded = status !== "Active";
    if (verdict.ended !== wantEnded)
      out.push(wantEnded ? "End Date in the past" : "End Date not in the past");
  }
  return out;
}
