import type {
  ActivityRecord,
  MocRecord,
  SessionRecord,
  SupportRecord,
  WorkbookRecords,
} from "../parse/readRecords";
import { idKey } from "../rules/context";

/** The tables whose rows belong to an activity. */
export type LinkedTable = "Support" | "MOC" | "Sessions";

/** A linked row that belongs to no activity: its Internal ID is blank or names none. */
export type UnlinkedRow = {
  readonly table: LinkedTable;
  readonly row: number;
  readonly id: string;
};

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
  readonly supportOf: (a: ActivityRecord) => readonly SupportRecord[];
  readonly mocOf: (a: ActivityRecord) => readonly MocRecord[];
  readonly sessionsOf: (a: ActivityRecord) => readonly SessionRecord[];
  /** The reported activity a Support or MOC row counts against, if any. */
  readonly ownerOf: (table: "Support" | "MOC", row: number) => ActivityRecord | undefined;
  /**
   * Support, MOC and Sessions rows whose Internal ID is blank or matches no activity (Cancelled
   * activities included), in table order. Rows with an unreadable ID are left to their own finding.
   */
  readonly unlinked: readonly UnlinkedRow[];
};

type IdGroup = {
  first: ActivityRecord | null;
  /** Every activity with this ID, made when a second one appears (an ID should be unique). */
  all: ActivityRecord[] | null;
  support: SupportRecord[] | null;
  moc: MocRecord[] | null;
  sessions: SessionRecord[] | null;
};

const NO_ROWS: readonly never[] = [];

/** True for an activity the coordinator declared Cancelled: never held, never reported. */
export function isCancelled(a: ActivityRecord): boolean {
  return a.status.kind === "ok" && a.status.value === "Cancelled";
}

/**
 * Joins Support, MOC and Sessions rows to their activities by Internal ID.
 *
 * Source: docs/DOMAIN.md §4, tables joined by Internal ID.
 */
export function joinTables(read: WorkbookRecords): JoinedTables {
  // One pass: each Internal ID is upper-cased and hashed once, and each activity reaches its
  // linked rows through an array indexed by its sheet row. Lists are made only when something
  // goes in them: most IDs have one activity and no rows.
  const groups = new Map<string, IdGroup>();
  const groupByRow: (IdGroup | undefined)[] = [];
  const keyByRow: string[] = [];
  const cancelled = new Set<number>();
  const activities: ActivityRecord[] = [];
  for (const a of read.activities.records) {
    const k = a.internalId.kind === "ok" ? idKey(a.internalId.value) : "";
    keyByRow[a.row] = k;
    let g: IdGroup | undefined;
    if (k !== "") {
      g = groups.get(k);
      if (g === undefined) {
        g = { first: null, all: null, support: null, moc: null, sessions: null };
        groups.set(k, g);
      }
    }
    if (isCancelled(a)) {
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
  }
  const unlinked: UnlinkedRow[] = [];
  const link = <R extends SupportRecord | MocRecord | SessionRecord>(
    table: LinkedTable,
    records: readonly R[],
    add: (g: IdGroup, r: R) => void
  ) => {
    for (const r of records) {
      if (r.internalId.kind === "invalid") continue; // reported where the cell was read
      const id = r.internalId.kind === "ok" ? r.internalId.value : "";
      const g = id === "" ? undefined : groups.get(idKey(id));
      if (g === undefined) unlinked.push({ table, row: r.row, id });
      else add(g, r);
    }
  };
  link("Support", read.support.records, (g, r) => (g.support ??= []).push(r));
  link("MOC", read.moc.records, (g, r) => (g.moc ??= []).push(r));
  link("Sessions", read.sessions.records, (g, r) => (g.sessions ??= []).push(r));

  // Built only when a Support or MOC cell is faulty: most workbooks never need it.
  let owners:
    | { byId: Map<string, ActivityRecord>; rows: Map<number, SupportRecord | MocRecord>[] }
    | undefined;
  const ownerOf = (table: "Support" | "MOC", row: number): ActivityRecord | undefined => {
    owners ??= {
      byId: new Map(activities.map((a) => [keyByRow[a.row] ?? "", a] as const).reverse()),
      rows: [
        new Map(read.support.records.map((r) => [r.row, r] as const)),
        new Map(read.moc.records.map((r) => [r.row, r] as const)),
      ],
    };
    const rec = owners.rows[table === "Support" ? 0 : 1]?.get(row);
    return rec?.internalId.kind === "ok" ? owners.byId.get(idKey(rec.internalId.value)) : undefined;
  };

  return {
    activities,
    cancelled,
    idKeyOf: (a) => keyByRow[a.row] ?? "",
    sameIdGroup: (a) => groupByRow[a.row]?.all ?? NO_ROWS,
    supportOf: (a) => groupByRow[a.row]?.support ?? NO_ROWS,
    mocOf: (a) => groupByRow[a.row]?.moc ?? NO_ROWS,
    sessionsOf: (a) => groupByRow[a.row]?.sessions ?? NO_ROWS,
    ownerOf,
    unlinked,
  };
}
