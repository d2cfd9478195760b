import { isBlank, type CellValue } from "../model/cell";
import type { Issue, IssueBody, Place, Severity, TableName } from "../model/issue";
import type { DateSystem, DayNumber } from "../dates";
import {
  DELIVERY_METHODS,
  FEES,
  MOC_BOARDS,
  PROVIDERSHIPS,
  REGISTRATIONS,
  STATUSES,
  SUPPORT_TYPES,
  type DeclaredStatusValue,
  type DeliveryMethod,
  type Fee,
  type MocBoard,
  type Providership,
  type Registration,
  type SupportType,
} from "../codes/vocabularies";
import type { FormatKey } from "../formats";
import {
  ACTIVITIES,
  MOC,
  SESSIONS,
  SUPPORT,
  type ActivityKey,
  type MocKey,
  type SessionKey,
  type SupportKey,
  type TableSpec,
} from "../schema";
import {
  readCode,
  readCodeList,
  readCount,
  readCountry,
  readCredits,
  readDate,
  readDescription,
  readFormat,
  readList,
  readNumber,
  readOutcomes,
  readText,
  readUrl,
  readYesNo,
  EMPTY,
  type Field,
  type Outcome,
} from "./cells";
import { canonicalHeader, mapColumns, type ColumnMap } from "./mapColumns";
import type { LocatedTable } from "./locateTables";

type Reader<T> = (cell: CellValue, system: DateSystem) => Field<T>;

/** The value type each Activities column holds once read. */
export type ActivityValues = {
  internalId: string;
  accmeId: string;
  title: string;
  format: FormatKey;
  startDate: DayNumber;
  endDate: DayNumber;
  status: DeclaredStatusValue;
  deliveryMethod: readonly DeliveryMethod[];
  location: string;
  city: string;
  state: string;
  country: string;
  credits: number;
  cmePassport: boolean;
  fee: Fee;
  registration: Registration;
  url: string;
  description: string;
  providership: Providership;
  jointProviders: readonly string[];
  outcomes: readonly Outcome[];
  commercialSupport: boolean;
  physicianLearners: number;
  otherLearners: number;
  moc: boolean;
  mocAttestation: boolean;
  notes: string;
};

export type SupportValues = {
  internalId: string;
  source: string;
  supportType: SupportType;
  amount: number;
};

export type MocValues = {
  internalId: string;
  board: MocBoard;
  practiceAreas: readonly string[];
  creditTypes: readonly string[];
  mocCredits: number;
  contentArea: string;
  fee: Fee;
  registration: Registration;
  url: string;
  claimDate: DayNumber;
};

export type SessionValues = {
  internalId: string;
  sessionDate: DayNumber;
  hours: number;
  physicianLearners: number;
  otherLearners: number;
  topic: string;
};

type Readers<V> = { readonly [K in keyof V]: Reader<V[K]> };

const text: Reader<string> = (c) => readText(c);
const date: Reader<DayNumber> = (c, s) => readDate(c, s);
const count: Reader<number> = (c) => readCount(c);
const yesNo: Reader<boolean> = (c) => readYesNo(c);
const list: Reader<readonly string[]> = (c) => readList(c);
const url: Reader<string> = (c) => readUrl(c);
const description: Reader<string> = (c) => readDescription(c);

/**
 * How many distinct values a column remembers before it stops: coded columns (formats, Yes/No,
 * states, dates, counts) have a few hundred at most; past this, a column is free text (titles,
 * descriptions, IDs) whose values do not repeat, and remembering them would only cost.
 */
const MEMO_LIMIT = 1024;

const ACTIVITY_READERS: Readers<ActivityValues> = {
  internalId: text,
  accmeId: text,
  title: text,
  format: (c) => readFormat(c),
  startDate: date,
  endDate: date,
  status: (c) => readCode(c, STATUSES),
  deliveryMethod: (c) => readCodeList(c, DELIVERY_METHODS),
  location: text,
  city: text,
  // Checked against the US list once the country is known (rules/values.ts).
  state: text,
  country: (c) => readCountry(c),
  credits: (c) => readCredits(c),
  cmePassport: yesNo,
  fee: (c) => readCode(c, FEES),
  registration: (c) => readCode(c, REGISTRATIONS),
  url,
  description,
  providership: (c) => readCode(c, PROVIDERSHIPS),
  jointProviders: list,
  outcomes: (c) => readOutcomes(c),
  commercialSupport: yesNo,
  physicianLearners: count,
  otherLearners: count,
  moc: yesNo,
  mocAttestation: yesNo,
  notes: text,
};

const SUPPORT_READERS: Readers<SupportValues> = {
  internalId: text,
  source: text,
  supportType: (c) => readCode(c, SUPPORT_TYPES),
  amount: (c) => readNumber(c),
};

const MOC_READERS: Readers<MocValues> = {
  internalId: text,
  board: (c) => readCode(c, MOC_BOARDS),
  practiceAreas: list,
  creditTypes: list,
  mocCredits: (c) => readCredits(c),
  contentArea: text,
  fee: (c) => readCode(c, FEES),
  registration: (c) => readCode(c, REGISTRATIONS),
  url,
  claimDate: date,
};

const SESSION_READERS: Readers<SessionValues> = {
  internalId: text,
  sessionDate: date,
  hours: (c) => readNumber(c),
  physicianLearners: count,
  otherLearners: count,
  topic: text,
};

/** One row of a table, read: its sheet row number and each known column as a field. */
export type RowOf<V> = { readonly row: number } & { readonly [K in keyof V]: Field<V[K]> };

export type ActivityRecord = RowOf<ActivityValues>;
export type SupportRecord = RowOf<SupportValues>;
export type MocRecord = RowOf<MocValues>;
export type SessionRecord = RowOf<SessionValues>;

/** A table read into records, with where each column sits. */
export type ReadTable<K extends string, V> = {
  readonly table: TableName;
  readonly sheet: string;
  readonly headerRow: number;
  readonly columns: ColumnMap<K>;
  readonly records: readonly RowOf<V>[];
  /** Where a finding about column `key` of sheet row `row` goes. */
  readonly place: (row: number, key: K) => Place;
};

/** Collects findings in the order they are made. */
export type IssueSink = (body: IssueBody, severity: Severity, place: Place) => void;

/** Turns an issue body and its place into an issue. */
export function makeIssue(body: IssueBody, severity: Severity, place: Place): Issue {
  // Object.assign and named stores: spreading two objects of varying shapes measured ~30x slower,
  // which a workbook with many findings notices. Key order is the same as `{...body, ...place}`.
  const issue = Object.assign({}, body) as IssueBody & {
    -readonly [K in keyof Place]: Place[K];
  } & {
    severity: Severity;
  };
  issue.table = place.table;
  issue.sheet = place.sheet;
  issue.row = place.row;
  issue.column = place.column;
  issue.severity = severity;
  return issue;
}

type Fields = readonly Field<unknown>[];

// Each table's record is built as one object literal, in the schema's column order: V8 then gives
// every record the same shape, which keeps 100,000-row workbooks fast.
const buildActivity = (row: number, f: Fields) =>
  ({
    row,
    internalId: f[0],
    accmeId: f[1],
    title: f[2],
    format: f[3],
    startDate: f[4],
    endDate: f[5],
    status: f[6],
    deliveryMethod: f[7],
    location: f[8],
    city: f[9],
    state: f[10],
    country: f[11],
    credits: f[12],
    cmePassport: f[13],
    fee: f[14],
    registration: f[15],
    url: f[16],
    description: f[17],
    providership: f[18],
    jointProviders: f[19],
    outcomes: f[20],
    commercialSupport: f[21],
    physicianLearners: f[22],
    otherLearners: f[23],
    moc: f[24],
    mocAttestation: f[25],
    notes: f[26],
  }) as ActivityRecord;

const buildSupport = (row: number, f: Fields) =>
  ({ row, internalId: f[0], source: f[1], supportType: f[2], amount: f[3] }) as SupportRecord;

const buildMoc = (row: number, f: Fields) =>
  ({
    row,
    internalId: f[0],
    board: f[1],
    practiceAreas: f[2],
    creditTypes: f[3],
    mocCredits: f[4],
    contentArea: f[5],
    fee: f[6],
    registration: f[7],
    url: f[8],
    claimDate: f[9],
  }) as MocRecord;

const buildSession = (row: number, f: Fields) =>
  ({
    row,
    internalId: f[0],
    sessionDate: f[1],
    hours: f[2],
    physicianLearners: f[3],
    otherLearners: f[4],
    topic: f[5],
  }) as SessionRecord;

/** The columns a finding names to say what a table's header row should hold. */
function namedColumns<K extends string>(spec: TableSpec<K>): K[] {
  const keys = spec.columns.map((c) => c.key);
  const shown: readonly string[] =
    spec.table === "Activities" ? ["title", "format", "startDate", "status"] : keys.slice(0, 3);
  return keys.filter((k) => shown.includes(k));
}

function readTable<K extends string & keyof V, V>(
  spec: TableSpec<K>,
  readers: Readers<V>,
  build: (row: number, fields: Fields) => RowOf<V>,
  located: LocatedTable | undefined,
  system: DateSystem,
  sink: IssueSink
): ReadTable<K, V> {
  const headers = located?.headers ?? [];
  const columns = mapColumns(spec, headers);
  const sheet = located?.sheet ?? spec.table;
  const headerRow = located?.headerRow ?? 1;
  const place = (row: number, key: K): Place => ({
    table: spec.table,
    sheet,
    row,
    column: columns.columns.get(key)?.header ?? canonicalHeader(spec, key),
  });
  for (const d of columns.duplicates) {
    sink({ code: "duplicate_column", columns: d.headers }, "error", place(headerRow, d.key));
  }
  // A header row naming none of the table's columns (a title, a note, another table's headers)
  // would leave every row below it unread without a word: said once, at that row.
  const body = located?.body ?? [];
  if (located !== undefined && columns.columns.size === 0 && body.some((r) => !r.every(isBlank))) {
    const named = namedColumns(spec);
    sink(
      { code: "no_known_columns", expected: named.map((k) => canonicalHeader(spec, k)) },
      // Without Activities nothing can be checked; a Support, MOC or Sessions sheet that is not
      // the PARS table (a sheet of IT support contacts) only leaves that table unread.
      spec.table === "Activities" ? "error" : "warning",
      place(headerRow, named[0] as K)
    );
  }
  const keys = spec.columns.map((c) => c.key);
  const indexes = keys.map((k) => columns.columns.get(k)?.index ?? -1);
  const fieldReaders = keys.map((k) => readers[k] as Reader<unknown>);
  // Most columns repeat the same few values on every row ("Yes", "In-Person", a city, a date
  // serial, a count): a field is immutable, so each distinct value is read once per column.
  const memos: (Map<string | number, Field<unknown>> | null)[] = fieldReaders.map(() => new Map());
  const records: RowOf<V>[] = [];
  const fields: Field<unknown>[] = new Array<Field<unknown>>(keys.length);
  const firstRow = headerRow + 1;
  for (let r = 0; r < body.length; r++) {
    const cells = body[r] as readonly CellValue[];
    const row = firstRow + r;
    let anyKnown = false;
    for (let i = 0; i < keys.length; i++) {
      const index = indexes[i] as number;
      let field: Field<unknown>;
      if (index < 0) field = EMPTY;
      else {
        const cell = cells[index];
        const memo = memos[i];
        if (
          memo !== null &&
          memo !== undefined &&
          (typeof cell === "string" || typeof cell === "number")
        ) {
          let known = memo.get(cell);
          if (known === undefined) {
            known = (fieldReaders[i] as Reader<unknown>)(cell, system);
            if (memo.size < MEMO_LIMIT) memo.set(cell, known);
            else memos[i] = null; // values that do not repeat: stop remembering
          }
          field = known;
        } else {
          field = (fieldReaders[i] as Reader<unknown>)(cell, system);
        }
      }
      fields[i] = field;
      if (field.state === "empty") continue;
      anyKnown = true;
      if (field.state === "invalid") sink(field.issue, "error", place(row, keys[i] as K));
      else if (field.note !== undefined) sink(field.note, "warning", place(row, keys[i] as K));
    }
    if (anyKnown) records.push(build(row, fields));
  }
  return { table: spec.table, sheet, headerRow, columns, records, place };
}

/** The four tables read into records; absent tables read as empty. */
export type ReadWorkbook = {
  readonly activities: ReadTable<ActivityKey, ActivityValues>;
  readonly support: ReadTable<SupportKey, SupportValues>;
  readonly moc: ReadTable<MocKey, MocValues>;
  readonly sessions: ReadTable<SessionKey, SessionValues>;
};

/** Reads the located tables cell by cell, reporting every cell that is not what its column holds. */
export function readRecords(
  located: Partial<Record<TableName, LocatedTable>>,
  system: DateSystem,
  sink: IssueSink
): ReadWorkbook {
  return {
    activities: readTable(
      ACTIVITIES,
      ACTIVITY_READERS,
      buildActivity,
      located.Activities,
      system,
      sink
    ),
    support: readTable(SUPPORT, SUPPORT_READERS, buildSupport, located.Support, system, sink),
    moc: readTable(MOC, MOC_READERS, buildMoc, located.MOC, system, sink),
    sessions: readTable(SESSIONS, SESSION_READERS, buildSession, located.Sessions, system, sink),
  };
}
