import type { StatusName } from "./codes/vocabularies";
import { dayOfIso, usOfDay, type IsoDate } from "./dates";
import { InvalidOptionError } from "./errors";
import type { CellValue } from "./model/cell";
import { makeIssue, type Issue, type TableName } from "./model/issue";
import { locateTables, type LocatedTable, type WorkbookSource } from "./parse/locateTables";
import {
  readRecords,
  type ActivityRecord,
  type IssueSink,
  type MocRecord,
  type WorkbookRecords,
  type SessionRecord,
  type SupportRecord,
} from "./parse/readRecords";
import { idKey, type CheckContext, type Finding, type RowRule } from "./rules/context";
import { DEFAULT_RULES, type RuleSet } from "./rules/registry";
import { gapBlocks, requirementGaps, type Gap } from "./rules/statusRequirements";
import { columnOfHeader } from "./parse/mapColumns";
import { TABLE_SPECS } from "./schema";

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
  /** The status the row is held to: the declared one, else implied by its end date. */
  readonly heldTo: StatusName;
  readonly achievedStatus: AchievedStatus;
  /** True when the row meets its held-to status and has no error. */
  readonly passes: boolean;
  /** The requirements the row does not meet, for every tier. */
  readonly gaps: readonly Gap[];
  /** Whether the end date is before the day checked; null without a valid end date. */
  readonly ended: boolean | null;
};

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

/** The order statuses climb in; Active and Ready to Close are told apart by the end date. */
export const ACHIEVED_ORDER: readonly AchievedStatus[] = [
  "Incomplete",
  "Draft",
  "Active",
  "Ready to Close",
  "Closed",
];

const TABLE_ORDER: Readonly<Record<TableName, number>> = {
  Activities: 0,
  Support: 1,
  MOC: 2,
  Sessions: 3,
};

const NO_ROWS: readonly never[] = [];
const DATE_BLOCKERS = new Set(["end_before_start", "span_too_long"]);

function parseOptions(options: CheckOptions): { today: number; providerId: string | null } {
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
  { readonly ok: true; readonly result: CheckResult; readonly records: WorkbookRecords } | Uncheckable;

/**
 * Runs `checkWorkbook` and also returns the typed records it read: the verdicts and the values
 * come from one reading of the cells, so they can never disagree.
 *
 * @throws {InvalidOptionError} as `checkWorkbook`
 */
export function checkWorkbookRecords(book: WorkbookSource, options: CheckOptions): CheckedRecords {
  const { today, providerId } = parseOptions(options);
  const rules = options.rules ?? DEFAULT_RULES;
  const located = locateTables(book);
  if (located.Activities === undefined) return { ok: false, problem: "no_activities_table" };

  const parseFindings: Finding[] = [];
  const sink: IssueSink = (body, severity, place) =>
    parseFindings.push({ body, severity, place, owner: null });
  const read = readRecords(located, book.dateSystem, sink);

  // One pass joins the tables: each Internal ID is upper-cased and hashed once, and each activity
  // reaches its linked rows through an array indexed by its sheet row.
  // Lists are made only when something goes in them: most IDs have one activity and no rows.
  type IdGroup = {
    first: ActivityRecord | null;
    /** Every activity with this ID, made when a second one appears (an ID should be unique). */
    all: ActivityRecord[] | null;
    support: SupportRecord[] | null;
    moc: MocRecord[] | null;
    sessions: SessionRecord[] | null;
  };
  const groups = new Map<string, IdGroup>();
  const groupByRow: (IdGroup | undefined)[] = [];
  const heldByRow: StatusName[] = [];
  const keyByRow: string[] = [];
  const cancelled = new Set<number>();
  const activities: ActivityRecord[] = [];
  for (const a of read.activities.records) {
    const k = a.internalId.state === "ok" ? idKey(a.internalId.value) : "";
    keyByRow[a.row] = k;
    let g: IdGroup | undefined;
    if (k !== "") {
      g = groups.get(k);
      if (g === undefined) {
        g = { first: null, all: null, support: null, moc: null, sessions: null };
        groups.set(k, g);
      }
    }
    if (a.status.state === "ok" && a.status.value === "Cancelled") {
      cancelled.add(a.row);
      continue;
    }
    activities.push(a);
    if (g !== undefined) {
      if (g.first === null) g.first = a;
      else if (g.all === null) g.all = [g.first, a];
      else g.all.push(a);
      groupByRow[a.row] = g;
    }
    heldByRow[a.row] =
      a.status.state === "ok" && a.status.value !== "Cancelled"
        ? a.status.value
        : // No declared status: held to what PARS will need (Active until it ends, then Closed).
          a.endDate.state === "ok" && a.endDate.value < today
          ? "Closed"
          : "Active";
  }
  const unlinked: { table: "Support" | "MOC" | "Sessions"; row: number; id: string }[] = [];
  const link = <R extends SupportRecord | MocRecord | SessionRecord>(
    table: "Support" | "MOC" | "Sessions",
    records: readonly R[],
    add: (g: IdGroup, r: R) => void
  ) => {
    for (const r of records) {
      if (r.internalId.state === "invalid") continue; // reported where the cell was read
      const id = r.internalId.state === "ok" ? r.internalId.value : "";
      const g = id === "" ? undefined : groups.get(idKey(id));
      if (g === undefined) unlinked.push({ table, row: r.row, id });
      else add(g, r);
    }
  };
  link("Support", read.support.records, (g, r) => (g.support ??= []).push(r));
  link("MOC", read.moc.records, (g, r) => (g.moc ??= []).push(r));
  link("Sessions", read.sessions.records, (g, r) => (g.sessions ??= []).push(r));
  const heldTo = (a: ActivityRecord): StatusName => heldByRow[a.row] as StatusName;

  const ctx: CheckContext = {
    today,
    providerId,
    upload: options.upload ?? false,
    book: read,
    activities,
    supportOf: (a) => groupByRow[a.row]?.support ?? NO_ROWS,
    mocOf: (a) => groupByRow[a.row]?.moc ?? NO_ROWS,
    sessionsOf: (a) => groupByRow[a.row]?.sessions ?? NO_ROWS,
    heldTo,
    idKeyOf: (a) => keyByRow[a.row] ?? "",
    sameIdGroup: (a) => groupByRow[a.row]?.all ?? NO_ROWS,
    unlinked,
  };

  const findings: Finding[] = [];
  // Built only when a Support or MOC cell is faulty: most workbooks never need them.
  let linkIndex:
    | { byId: Map<string, ActivityRecord>; rows: Map<number, SupportRecord | MocRecord>[] }
    | undefined;
  const linkedActivity = (table: "Support" | "MOC", row: number): ActivityRecord | undefined => {
    linkIndex ??= {
      byId: new Map(activities.map((a) => [keyByRow[a.row] ?? "", a] as const).reverse()),
      rows: [
        new Map(read.support.records.map((r) => [r.row, r] as const)),
        new Map(read.moc.records.map((r) => [r.row, r] as const)),
      ],
    };
    const rec = linkIndex.rows[table === "Support" ? 0 : 1]?.get(row);
    return rec?.internalId.state === "ok"
      ? linkIndex.byId.get(idKey(rec.internalId.value))
      : undefined;
  };
  // Findings from reading cells: an Activities cell counts against its row; a Support or MOC cell
  // against its activity when that activity is held to Closed (the status that needs them).
  for (const f of parseFindings) {
    if (f.place.table === "Activities") {
      if (!cancelled.has(f.place.row)) {
        findings.push({ body: f.body, severity: f.severity, place: f.place, owner: f.place.row });
      }
      continue;
    }
    let owner: number | null = null;
    if (f.place.table === "Support" || f.place.table === "MOC") {
      const a = linkedActivity(f.place.table, f.place.row);
      if (a !== undefined && heldTo(a) === "Closed") owner = a.row;
    }
    findings.push({ body: f.body, severity: f.severity, place: f.place, owner });
  }
  // Every row rule on one activity, then the next: one pass over the records, not one per rule
  // (findings are sorted by row and column afterwards, so the order they are made in is kept).
  const rowRules = rules.rowRules;
  for (let n = 0; n < activities.length; n++) {
    const a = activities[n] as ActivityRecord;
    for (let r = 0; r < rowRules.length; r++) {
      const found = (rowRules[r] as RowRule)(a, ctx);
      for (let i = 0; i < found.length; i++) findings.push(found[i] as Finding);
    }
  }
  for (const rule of rules.bookRules) {
    // A loop, not push(...found): a book rule may find more items than a call takes arguments.
    for (const f of rule(ctx)) findings.push(f);
  }

  const ownedErrors = new Map<number, Finding[]>();
  for (const f of findings) {
    if (f.owner === null || f.severity !== "error") continue;
    const list = ownedErrors.get(f.owner);
    if (list === undefined) ownedErrors.set(f.owner, [f]);
    else list.push(f);
  }

  let absent: Set<string> | undefined; // worked out on the first missing field, if any
  const missingColumns = new Map<string, { finding: Finding; rows: number; rank: number }>();
  const rows: RowVerdict[] = [];
  const byAchieved: Record<AchievedStatus, number> = {
    Incomplete: 0,
    Draft: 0,
    Active: 0,
    "Ready to Close": 0,
    Closed: 0,
  };
  let failing = 0;

  for (const a of activities) {
    const gaps = requirementGaps(a, ctx);
    const held = heldTo(a);
    const own = ownedErrors.get(a.row) ?? NO_ROWS;
    const datesBroken = own.some((f) => DATE_BLOCKERS.has(f.body.code));
    const achieved = achievedStatus(gaps, datesBroken, a, today);
    const end = a.endDate.state === "ok" ? a.endDate.value : null;
    const dateOk =
      end === null || held === "Draft" ? true : held === "Active" ? end >= today : end < today;
    if (!dateOk && end !== null) {
      const f: Finding = {
        body: {
          code: held === "Active" ? "end_date_passed" : "end_date_not_passed",
          status: held,
          end: usOfDay(end),
          today: usOfDay(today),
        },
        severity: "error",
        place: read.activities.place(a.row, "endDate"),
        owner: a.row,
      };
      findings.push(f);
    }
    for (const g of gaps) {
      if (!gapBlocks(g.tier, held)) continue;
      const f = gapFinding(g, held, a.row);
      if (f === null) continue;
      absent ??= g.kind === "missing" ? absentColumns(read) : undefined;
      if (g.kind === "missing" && absent?.has(`${g.place.table}|${g.place.column}`) === true) {
        const key = `${g.place.table}|${g.place.column}`;
        const rank = ACHIEVED_ORDER.indexOf(held);
        const prev = missingColumns.get(key);
        if (prev === undefined) missingColumns.set(key, { finding: f, rows: 1, rank });
        else
          missingColumns.set(key, {
            ...prev,
            rows: prev.rows + 1,
            rank: Math.min(prev.rank, rank),
          });
        continue;
      }
      findings.push(f);
    }
    const blocked = gaps.some((g) => gapBlocks(g.tier, held));
    const passes = !blocked && dateOk && own.length === 0;
    if (!passes) failing++;
    byAchieved[achieved]++;
    rows.push({
      table: "Activities",
      sheet: read.activities.sheet,
      row: a.row,
      internalId: a.internalId.state === "ok" ? a.internalId.value : null,
      title: a.title.state === "ok" ? a.title.value : null,
      declaredStatus:
        a.status.state === "ok" && a.status.value !== "Cancelled" ? a.status.value : null,
      heldTo: held,
      achievedStatus: achieved,
      passes,
      gaps,
      ended: end === null ? null : end < today,
    });
  }

  for (const [key, m] of missingColumns) {
    const [table] = key.split("|") as [TableName];
    const t = tableOf(read, table);
    findings.push({
      body: { code: "missing_column", rows: m.rows, status: ACHIEVED_ORDER[m.rank] as StatusName },
      severity: "error",
      place: { ...m.finding.place, row: t.headerRow },
      owner: null,
    });
  }

  const issues = sortIssues(findings.map((f) => makeIssue(f.body, f.severity, f.place)));
  let errors = 0;
  for (const i of issues) if (i.severity === "error") errors++;
  return {
    ok: true,
    records: read,
    result: {
      asOf: options.today,
      tables: TABLE_SPECS.flatMap((spec) => {
        const l = located[spec.table];
        return l === undefined
          ? []
          : [
              {
                table: spec.table,
                sheet: l.sheet,
                foundBy: l.foundBy,
                rows: tableOf(read, spec.table).records.length,
              },
            ];
      }),
      rows,
      issues,
      cancelledRows: [...cancelled],
      summary: {
        activities: rows.length,
        byAchieved,
        failing,
        errors,
        warnings: issues.length - errors,
        cancelled: cancelled.size,
      },
    },
  };
}

function tableOf(read: CheckContext["book"], table: TableName) {
  return table === "Activities"
    ? read.activities
    : table === "Support"
      ? read.support
      : table === "MOC"
        ? read.moc
        : read.sessions;
}

/** "Table|Canonical header" of every known column a present table lacks. */
function absentColumns(read: CheckContext["book"]): Set<string> {
  const out = new Set<string>();
  for (const spec of TABLE_SPECS) {
    const t = tableOf(read, spec.table);
    for (const c of spec.columns) {
      if (!t.columns.columns.has(c.key as never)) out.add(`${spec.table}|${c.header}`);
    }
  }
  return out;
}

function gapFinding(g: Gap, status: StatusName, owner: number): Finding | null {
  switch (g.kind) {
    case "invalid":
      return null; // reported where the cell was read
    case "missing":
      return {
        body: { code: "missing_field", status, condition: g.condition },
        severity: "error",
        place: g.place,
        owner,
      };
    case "support_without_source":
      return {
        body: { code: "support_without_source", status },
        severity: "error",
        place: g.place,
        owner,
      };
    case "moc_without_board":
      return {
        body: { code: "moc_without_board", status },
        severity: "error",
        place: g.place,
        owner,
      };
    case "moc_attestation_incomplete":
      return {
        body: { code: "moc_attestation_incomplete" },
        severity: "error",
        place: g.place,
        owner,
      };
  }
}

/**
 * The highest status the row's data supports on `today`: Closed and Ready to Close need the end
 * date in the past, Active needs it not in the past.
 */
function achievedStatus(
  gaps: readonly Gap[],
  datesBroken: boolean,
  a: ActivityRecord,
  today: number
): AchievedStatus {
  if (datesBroken || gaps.some((g) => g.tier === "draft")) return "Incomplete";
  const activeOk = !gaps.some((g) => g.tier === "active");
  const ended = a.endDate.state === "ok" && a.endDate.value < today;
  if (!activeOk) return "Draft";
  if (!ended) return "Active";
  return gaps.some((g) => g.tier === "closed") ? "Ready to Close" : "Closed";
}

function sortIssues(issues: Issue[]): Issue[] {
  const columnRank = new Map<string, number>();
  // Decorate once: the comparator then only compares numbers.
  return issues
    .map((issue, i) => ({ issue, i, t: TABLE_ORDER[issue.table], c: rank(columnRank, issue) }))
    .sort((x, y) => x.t - y.t || x.issue.row - y.issue.row || x.c - y.c || x.i - y.i)
    .map((x) => x.issue);
}

function rank(cache: Map<string, number>, issue: Issue): number {
  const key = `${issue.table}|${issue.column}`;
  let r = cache.get(key);
  if (r === undefined) {
    const spec = TABLE_SPECS.find((s) => s.table === issue.table);
    const col = spec === undefined ? undefined : columnOfHeader(spec, issue.column);
    r =
      spec === undefined || col === undefined ? 999 : spec.columns.findIndex((c) => c.key === col);
    cache.set(key, r);
  }
  return r;
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
            : label;
    if (!out.includes(text)) out.push(text);
  }
  if (verdict.ended !== null && status !== "Draft") {
    const wantEnded = status !== "Active";
    if (verdict.ended !== wantEnded)
      out.push(wantEnded ? "End Date in the past" : "End Date not in the past");
  }
  return out;
}

/**
 * Checks one activity row given with its header row, as worksheet functions see it: the same
 * engine and rules as a whole workbook, without the other tables.
 *
 * @throws {InvalidOptionError} as `checkWorkbook`
 */
export function checkRow(
  headers: readonly CellValue[],
  cells: readonly CellValue[],
  options: CheckOptions
): { readonly verdict: RowVerdict | null; readonly issues: readonly Issue[] } {
  const outcome = checkWorkbook(
    {
      tables: [{ name: "Activities", sheet: "Activities", top: 1, values: [headers, cells] }],
      sheets: [],
      dateSystem: 1900,
    },
    options
  );
  if (!outcome.ok) return { verdict: null, issues: [] };
  return { verdict: outcome.result.rows[0] ?? null, issues: outcome.result.issues };
}
