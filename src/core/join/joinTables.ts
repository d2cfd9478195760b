import type { DayNumber } from "../dates";
import type { Finding } from "../rules/context";
import { OTHER_ROWS_LISTED } from "../model/issue";
import { usOfDay } from "../dates";
import type { IssueBody, Place } from "../model/issue";
import type {
  ActivityRecord,
  MocRecord,
  SessionRecord,
  SupportRecord,
  WorkbookRecords,
} from "../parse/readRecords";
import { idKey, isPlainId } from "../rules/context";
import { KeyTable } from "./keyTable";

/** The tables whose rows belong to an activity. */
export type LinkedTable = "Support" | "MOC" | "Sessions";

/** A linked row that belongs to no activity: its Internal ID is blank or names none. */
export type UnlinkedRow = {
  readonly table: LinkedTable;
  readonly row: number;
  readonly id: string;
};

/**
 * How a linked row says which of the activities with its Internal ID it belongs to: the activity's
 * start date (Support, MOC), or a day within the activity's dates (Sessions); null when it does not.
 */
export type WhichActivity =
  { readonly startsOn: DayNumber } | { readonly within: DayNumber } | null;

/** The activity a linked row belongs to, or why it belongs to none. */
export type Belonging =
  | { readonly kind: "one"; readonly activity: ActivityRecord }
  /** Its Internal ID is blank or no activity has it. */
  | { readonly kind: "no_id" }
  /** Its ID is an activity's, but the row's start date is none of theirs. */
  | {
      readonly kind: "no_date";
      readonly startsOn: DayNumber;
      readonly starts: readonly DayNumber[];
    }
  /** More than one reported activity could be its own. */
  | { readonly kind: "ambiguous"; readonly candidates: readonly ActivityRecord[] }
  /** It belongs to an activity declared Cancelled, which is not reported. */
  | { readonly kind: "cancelled" };

/** The activities of a workbook by Internal ID, for `belongsTo`. */
export type ActivityIndex = {
  /** Every activity with the ID (Cancelled ones too), in sheet order, by `idKey`. */
  readonly byId: ReadonlyMap<string, readonly ActivityRecord[]>;
};

/** True for an activity the coordinator declared Cancelled: never held, never reported. */
export function isCancelled(a: ActivityRecord): boolean {
  return a.status.kind === "ok" && a.status.value === "Cancelled";
}

/** Indexes activities by Internal ID (compared as `idKey` compares them). */
export function indexActivities(activities: readonly ActivityRecord[]): ActivityIndex {
  const byId = new Map<string, ActivityRecord[]>();
  for (const a of activities) {
    if (a.internalId.kind !== "ok") continue;
    const k = idKey(a.internalId.value);
    const list = byId.get(k);
    if (list === undefined) byId.set(k, [a]);
    else list.push(a);
  }
  return { byId };
}

const startsOn = (a: ActivityRecord, day: DayNumber): boolean =>
  a.startDate.kind === "ok" && a.startDate.value === day;
const holds = (a: ActivityRecord, day: DayNumber): boolean =>
  a.startDate.kind === "ok" &&
  a.endDate.kind === "ok" &&
  a.startDate.value <= day &&
  day <= a.endDate.value;

/**
 * The finding for a row whose ID is known but which no one activity owns: no activity with the ID
 * on the row's date, or several it could belong to. `by` says which date tells them apart.
 */
export function unownedBody(
  b: Extract<Belonging, { kind: "no_date" | "ambiguous" }>,
  id: string,
  by: "start_date" | "session_date"
): IssueBody {
  return b.kind === "no_date"
    ? {
        code: "no_activity_on_date",
        id,
        startDate: usOfDay(b.startsOn),
        starts: b.starts.map(usOfDay),
      }
    : {
        code: "row_of_several_activities",
        id,
        candidates: b.candidates.slice(0, OTHER_ROWS_LISTED).map((a) => a.row),
        count: b.candidates.length,
        by,
      };
}

/**
 * The activity a row of another table belongs to, as PARS identifies activities: by Internal ID,
 * and where several activities share it, by start date (FAQ: the Internal ID "is used in
 * combination with ... the Activity Date" to identify the record).
 *
 * - A row naming a start date belongs to the activity with its ID that starts that day; a row
 *   naming a day within an activity's dates (a session) to the one whose dates hold it.
 * - Without a date, or when no dates hold a session's day, a row belongs to the activity when its
 *   ID has only one.
 * - A row that more than one reported activity could own belongs to none (`ambiguous`): a row is
 *   never attached to two activities. Cancelled activities own rows silently, never reported.
 *
 * Source: docs/DOMAIN.md §2 and §4.
 */
export function belongsTo(index: ActivityIndex, id: string, which: WhichActivity): Belonging {
  const all = id === "" ? undefined : index.byId.get(idKey(id));
  if (all === undefined) return { kind: "no_id" };
  const only = all.length === 1 ? (all[0] as ActivityRecord) : undefined;
  if (
    only !== undefined &&
    (which === null || !("startsOn" in which) || startsOn(only, which.startsOn))
  ) {
    // The common case, without a list: one activity has the ID.
    return isCancelled(only) ? { kind: "cancelled" } : { kind: "one", activity: only };
  }
  let matching: readonly ActivityRecord[] = all;
  if (which !== null && "startsOn" in which) {
    matching = all.filter((a) => startsOn(a, which.startsOn));
    if (matching.length === 0) {
      const starts = all.flatMap((a) => (a.startDate.kind === "ok" ? [a.startDate.value] : []));
      return { kind: "no_date", startsOn: which.startsOn, starts };
    }
  } else if (which !== null) {
    const holding = all.filter((a) => holds(a, which.within));
    // A day no activity's dates hold still belongs to an ID's only activity: the session rule
    // then says it is outside the dates.
    if (holding.length > 0) matching = holding;
  }
  const reported = matching.filter((a) => !isCancelled(a));
  if (reported.length === 1) return { kind: "one", activity: reported[0] as ActivityRecord };
  if (reported.length > 1) return { kind: "ambiguous", candidates: reported };
  return { kind: "cancelled" };
}

/** The workbook's tables joined: which activities are reported, and the rows each one owns. */
export type JoinedTables = {
  /** Activities that are reported (not Cancelled), in sheet order. */
  readonly activities: readonly ActivityRecord[];
  /** Sheet rows of Activities declared Cancelled, in sheet order. */
  readonly cancelled: ReadonlySet<number>;
  /** An activity's Internal ID as compared (see `idKey`), "" when it has none. */
  readonly idKeyOf: (a: ActivityRecord) => string;
  /**
   * Every reported activity with the same Internal ID as `a`, `a` included, in sheet order; []
   * when no other has it (or `a` has none). One list per ID, shared by its activities.
   */
  readonly sameIdGroup: (a: ActivityRecord) => readonly ActivityRecord[];
  /**
   * True when the Internal IDs leave nothing to say: every activity has one, each is its own key
   * (`idKey`: visible ASCII, no space or lower case, so also the same once made safe for an
   * upload), no two activities share one, and none is seven characters long (as a provider's
   * ACCME ID is). The ID rules need not look at each row then, the usual case.
   */
  readonly plainIds: boolean;
  readonly supportOf: (a: ActivityRecord) => readonly SupportRecord[];
  readonly mocOf: (a: ActivityRecord) => readonly MocRecord[];
  readonly sessionsOf: (a: ActivityRecord) => readonly SessionRecord[];
  /** The reported activity a Support or MOC row belongs to, if any. */
  readonly ownerOf: (table: "Support" | "MOC", row: number) => ActivityRecord | undefined;
  /**
   * Support, MOC and Sessions rows whose Internal ID is blank or matches no activity (Cancelled
   * activities included), in table order. Rows with an unreadable ID are left to their own finding.
   */
  readonly unlinked: readonly UnlinkedRow[];
  /** Errors on linked rows that name a start date no activity has, or could be two activities'. */
  readonly findings: readonly Finding[];
};

const NO_ROWS: readonly never[] = [];
const NO_ID: Belonging = { kind: "no_id" };
const CANCELLED: Belonging = { kind: "cancelled" };

type Linked = SupportRecord | MocRecord | SessionRecord;

/**
 * Joins Support, MOC and Sessions rows to their activities (`belongsTo`).
 *
 * Source: docs/DOMAIN.md §2 and §4, tables joined by Internal ID and start date.
 */
export function joinTables(read: WorkbookRecords): JoinedTables {
  // The loops here are indexed: in a function this size a `for ... of` over 100,000 records
  // allocates an iterator result per record.
  const records = read.activities.records;
  const n = records.length;
  // Arrays by activity are indexed by sheet row less the first activity's, and made at their full
  // length: one that starts empty is copied each time it grows, and written past a gap of blank
  // rows it falls back to a slow dictionary.
  const firstRow = n === 0 ? 0 : (records[0] as ActivityRecord).row;
  const rows = n === 0 ? 0 : (records[n - 1] as ActivityRecord).row - firstRow + 1;

  // One pass over the activities, each key made once: the first activity with each ID (its
  // position in `firstAt`, which keeps the key) and which rows are Cancelled. Only an ID used more
  // than once gets a list (in `shared`), so a workbook of distinct IDs allocates none.
  const firstAt = new KeyTable(n);
  const shared = new Map<string, ActivityRecord[]>();
  const index: ActivityIndex = { byId: shared };
  const cancelled = new Set<number>();
  // The reported activities are the records themselves until a Cancelled one is met.
  let activities: ActivityRecord[] | null = null;
  const repeated: string[] = [];
  let plainIds = true;
  for (let i = 0; i < n; i++) {
    const a = records[i] as ActivityRecord;
    if (a.internalId.kind === "ok") {
      const id = a.internalId.value;
      const k = idKey(id);
      if (firstAt.add(k, i) !== i) repeated.push(k);
      if (plainIds && !isPlainId(id)) plainIds = false;
    } else if (a.internalId.kind === "empty") plainIds = false;
    if (isCancelled(a)) {
      activities ??= records.slice(0, i);
      cancelled.add(a.row);
    } else if (activities !== null) activities.push(a);
  }
  // IDs used more than once (rare): the list of all their activities, in sheet order, in `shared`.
  if (repeated.length > 0) {
    plainIds = false;
    const again = new Set(repeated);
    for (let i = 0; i < n; i++) {
      const a = records[i] as ActivityRecord;
      if (a.internalId.kind !== "ok") continue;
      const k = idKey(a.internalId.value);
      if (!again.has(k)) continue;
      const list = shared.get(k);
      if (list === undefined) shared.set(k, [a]);
      else list.push(a);
    }
  }
  // Reported activities sharing an ID, in sheet order: only IDs used more than once can have any.
  const groupByRow: (readonly ActivityRecord[] | undefined)[] =
    shared.size > 0 ? new Array<undefined>(rows) : [];
  for (const [k, all] of shared) {
    if (k === "") continue;
    const group = all.filter((a) => !isCancelled(a));
    if (group.length > 1) for (const a of group) groupByRow[a.row - firstRow] = group;
  }

  const unlinked: UnlinkedRow[] = [];
  const findings: Finding[] = [];
  // The rows of one activity usually come together: the last ID's look-up is kept for the next.
  let lastId: string | null = null;
  let lastKey = "";
  let lastOnly: ActivityRecord | undefined;
  let lastShared = false;
  /**
   * The activity linked row `r` belongs to (`belongsTo`), by its start date (`byStart`) or else its
   * session date; undefined when none, once noted why (an unlinked row, or a finding). The common
   * case, an ID with one activity, is decided here without making a `WhichActivity` or a list.
   */
  const ownerOfRow = (
    table: LinkedTable,
    r: Linked,
    byStart: boolean,
    placeOf: (row: number, at: "id" | "date") => Place
  ): ActivityRecord | undefined => {
    if (r.internalId.kind === "invalid") return undefined; // reported where the cell was read
    const id = r.internalId.kind === "ok" ? r.internalId.value : "";
    const dayCell = byStart
      ? (r as SupportRecord | MocRecord).startDate
      : (r as SessionRecord).sessionDate;
    const day = dayCell.kind === "ok" ? dayCell.value : null;
    let b: Belonging = NO_ID;
    if (id !== "") {
      if (id !== lastId) {
        lastId = id;
        lastKey = idKey(id);
        const at = firstAt.find(lastKey);
        lastOnly = at < 0 ? undefined : records[at];
        lastShared = lastOnly !== undefined && shared.has(lastKey);
      }
      const only = lastOnly;
      if (only === undefined) b = NO_ID;
      else if (!lastShared && (day === null || !byStart || startsOn(only, day))) {
        if (!isCancelled(only)) return only;
        b = CANCELLED;
      } else {
        const which: WhichActivity =
          day === null ? null : byStart ? { startsOn: day } : { within: day };
        // An ID's only activity, on another start date: `belongsTo` says so, with its dates.
        b = belongsTo(lastShared ? index : { byId: new Map([[lastKey, [only]]]) }, id, which);
      }
    }
    if (b.kind === "one") return b.activity;
    if (b.kind === "no_id") unlinked.push({ table, row: r.row, id });
    else if (b.kind === "no_date" || b.kind === "ambiguous") {
      findings.push({
        body: unownedBody(b, id, table === "Sessions" ? "session_date" : "start_date"),
        severity: "error",
        place: placeOf(r.row, b.kind === "no_date" ? "date" : "id"),
        owner: null,
      });
    }
    return undefined;
  };

  /**
   * The rows of table `t` each activity owns, by the activity's sheet row (less `firstRow`), in
   * table order, each found by its Internal ID and its `dateKey` column (a start date, or a
   * session's day); the owner of each row goes in `ownerAt` (by sheet row less that of the table's
   * first row) when given. A run of rows of one activity, the usual layout, becomes its list in one
   * copy; an activity whose rows are apart gets the later runs added.
   */
  const link = <R extends Linked, D extends "startDate" | "sessionDate">(
    table: LinkedTable,
    t: {
      readonly records: readonly R[];
      readonly place: (row: number, key: "internalId" | D) => Place;
    },
    dateKey: D,
    ownerAt: ActivityRecord[] | null
  ): R[][] => {
    const rs = t.records;
    if (rs.length === 0) return [];
    const byStart = dateKey === "startDate";
    const placeOf = (row: number, at: "id" | "date") =>
      t.place(row, at === "id" ? "internalId" : dateKey);
    const lists = new Array<R[]>(rows);
    const base = (rs[0] as R).row;
    let runOwner: ActivityRecord | undefined;
    let runStart = 0;
    for (let i = 0; i <= rs.length; i++) {
      let a: ActivityRecord | undefined;
      if (i < rs.length) {
        const r = rs[i] as R;
        a = ownerOfRow(table, r, byStart, placeOf);
        if (a !== undefined && ownerAt !== null) ownerAt[r.row - base] = a;
      }
      if (a === runOwner) continue;
      if (runOwner !== undefined) {
        const list = lists[runOwner.row - firstRow];
        if (list === undefined) lists[runOwner.row - firstRow] = rs.slice(runStart, i);
        else for (let j = runStart; j < i; j++) list.push(rs[j] as R);
      }
      runOwner = a;
      runStart = i;
    }
    return lists;
  };
  // The activity of each Support and MOC row, by sheet row less the table's first row.
  const firstOf = (rs: readonly Linked[]): number => (rs.length === 0 ? 0 : (rs[0] as Linked).row);
  const ownersOf = (rs: readonly Linked[]): ActivityRecord[] =>
    rs.length === 0
      ? []
      : new Array<ActivityRecord>((rs[rs.length - 1] as Linked).row - firstOf(rs) + 1);
  const ownerByRow = [ownersOf(read.support.records), ownersOf(read.moc.records)] as const;
  const ownerBase = [firstOf(read.support.records), firstOf(read.moc.records)] as const;
  const supportByRow = link("Support", read.support, "startDate", ownerByRow[0]);
  const mocByRow = link("MOC", read.moc, "startDate", ownerByRow[1]);
  const sessionsByRow = link("Sessions", read.sessions, "sessionDate", null);

  return {
    activities: activities ?? records,
    cancelled,
    // Made again when asked rather than kept for every row: no rule asks for every row.
    idKeyOf: (a) => (a.internalId.kind === "ok" ? idKey(a.internalId.value) : ""),
    sameIdGroup: (a) => groupByRow[a.row - firstRow] ?? NO_ROWS,
    plainIds,
    supportOf: (a) => supportByRow[a.row - firstRow] ?? NO_ROWS,
    mocOf: (a) => mocByRow[a.row - firstRow] ?? NO_ROWS,
    sessionsOf: (a) => sessionsByRow[a.row - firstRow] ?? NO_ROWS,
    ownerOf: (table, row) => {
      const t = table === "Support" ? 0 : 1;
      return ownerByRow[t][row - ownerBase[t]];
    },
    unlinked,
    findings,
  };
}
