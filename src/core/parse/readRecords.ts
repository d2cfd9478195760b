import { isBlank, type CellValue } from "../model/cell";
import type { IssueBody, Place, Severity } from "../model/issue";
import type { DateSystem } from "../dates";
import {
  specOf,
  TABLE_SPECS,
  type AnyTableSpec,
  type ActivityKey,
  type ActivityRecord,
  type ActivityValues,
  type ColumnSpec,
  type KeyOf,
  type MocKey,
  type MocRecord,
  type MocValues,
  type Reader,
  type RowOf,
  type SessionKey,
  type SessionRecord,
  type SessionValues,
  type SupportKey,
  type SupportRecord,
  type SupportValues,
  type TableName,
  type TableSpec,
  type ValuesOfTable,
} from "../schema";
import { EMPTY, type Field } from "./cells";
import { canonicalHeader, mapColumns, type ColumnMap } from "./mapColumns";
import { suggestColumn } from "./suggestColumn";
import { columnLetters, type LocatedTable } from "./locateTables";
import { writingCheckOf, type WritingCheck } from "./writingChecks";

export type {
  ActivityKey,
  ActivityRecord,
  ActivityValues,
  MocKey,
  MocRecord,
  MocValues,
  RowOf,
  SessionKey,
  SessionRecord,
  SessionValues,
  SupportKey,
  SupportRecord,
  SupportValues,
};

/**
 * How many distinct values a column remembers before it stops: coded columns (formats, Yes/No,
 * states, dates, counts) have a few hundred at most; past this, a column is free text (titles,
 * descriptions, IDs) whose values do not repeat, and remembering them would only cost.
 */
const MEMO_LIMIT = 1024;

/** A table read into records, with where each column sits. */
export type ReadTable<K extends string, V> = {
  readonly table: TableName;
  readonly sheet: string;
  readonly headerRow: number;
  readonly columns: ColumnMap<K>;
  readonly records: readonly RowOf<V>[];
  /** The cells the records were read from, shared with the shell (`body[i]` is sheet row `headerRow + 1 + i`). */
  readonly body: readonly (readonly CellValue[])[];
  /** Where a finding about column `key` of sheet row `row` goes. */
  readonly place: (row: number, key: K) => Place;
  /**
   * Findings about how a valid cell is written rather than what it means (a Yes/No written "Y", a
   * date typed as text), in sheet order, made as the cells were read (`writingChecks.ts`). The
   * writing rules report them; until then they are not findings of the check.
   */
  readonly writing: readonly WritingFinding[];
};

/** A finding about how a cell is written, and where it goes (always a warning). */
export type WritingFinding = { readonly body: IssueBody; readonly place: Place };

const NO_WRITING: readonly WritingFinding[] = [];

/** A table's records as `readRecords` gives them. */
export type TableRecords<S> = ReadTable<KeyOf<S>, ValuesOfTable<S>>;

/** Collects findings in the order they are made. */
export type IssueSink = (body: IssueBody, severity: Severity, place: Place) => void;

/** A table's header row read against its declaration, ready to read rows. */
export type PreparedTable<K extends string, V> = {
  /** The table read so far: where it is and its columns; no records. */
  readonly table: ReadTable<K, V>;
  readonly spec: TableSpec<K, V>;
  /** Each declared column's index in a row, -1 when the header row lacks it. */
  readonly indexes: readonly number[];
  readonly readers: readonly Reader<unknown>[];
  /** Each declared column's writing check (`writingChecks.ts`), null for most. */
  readonly writing: readonly (WritingCheck | null)[];
};

/**
 * Reads a table's header row against its declaration, reporting duplicated columns and a header
 * row that names none of them.
 */
export function prepareTable<K extends string, V>(
  spec: TableSpec<K, V>,
  located: LocatedTable | undefined,
  sink: IssueSink
): PreparedTable<K, V> {
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
    const first = located?.firstColumn;
    sink(
      {
        code: "duplicate_column",
        columns: d.headers,
        meaning: canonicalHeader(spec, d.key),
        letters: first === undefined ? null : d.indexes.map((i) => columnLetters(first + i)),
      },
      "error",
      place(headerRow, d.key)
    );
  }
  if (located !== undefined && columns.columns.size > 0 && columns.unknown.length > 0) {
    // Said once per table: a misspelt header leaves its column unread, which the coordinator
    // would otherwise only see as "required" findings on every row.
    sink(
      {
        code: "unknown_columns",
        headers: columns.unknown,
        suggestions: columns.unknown.map((h) => suggestColumn(spec, h)),
      },
      "warning",
      { table: spec.table, sheet, row: headerRow, column: columns.unknown[0] as string }
    );
  }
  // A header row naming none of the table's columns (a title, a note, another table's headers)
  // would leave every row below it unread without a word: said once, at that row.
  const body = located?.body ?? [];
  if (located !== undefined && columns.columns.size === 0 && body.some((r) => !r.every(isBlank))) {
    const named = spec.expected;
    sink(
      { code: "no_known_columns", expected: named.map((k) => canonicalHeader(spec, k)) },
      // Without Activities nothing can be checked; a Support, MOC or Sessions sheet that is not
      // the PARS table (a sheet of IT support contacts) only leaves that table unread.
      spec.table === "Activities" ? "error" : "warning",
      place(headerRow, named[0] as K)
    );
  }
  return {
    table: {
      table: spec.table,
      sheet,
      headerRow,
      columns,
      records: [],
      body,
      place,
      writing: NO_WRITING,
    },
    spec,
    indexes: spec.columns.map((c) => columns.columns.get(c.key)?.index ?? -1),
    readers: spec.columns.map((c) => c.read),
    writing: spec.columns.map(writingCheckOf),
  };
}

/** Field values a column has read before, by cell value; null once it stops remembering. */
type Memo = Map<string | number, Field<unknown>> | null;

/**
 * What each column of a table has read before: the last cell and its field (a column often holds
 * the same value row after row, which one comparison finds), and the memo of earlier values.
 */
export type Memos = {
  readonly maps: Memo[];
  readonly lastCells: (string | number | undefined)[];
  readonly lastFields: Field<unknown>[];
  /** Writing findings already made, by cell value; null once a column stops remembering. */
  readonly written: (Map<string | number, IssueBody> | null)[];
};

/** Empty memos for a table of `columns` columns; `remember` false for memos that never fill. */
export function newMemos(columns: number, remember = true): Memos {
  const maps: Memo[] = [];
  const lastCells: (string | number | undefined)[] = [];
  const lastFields: Field<unknown>[] = [];
  const written: (Map<string | number, IssueBody> | null)[] = [];
  for (let i = 0; i < columns; i++) {
    maps.push(remember ? new Map() : null);
    lastCells.push(undefined);
    lastFields.push(EMPTY);
    written.push(remember ? new Map() : null);
  }
  return { maps, lastCells, lastFields, written };
}

/** The writing finding of a cell `check` applies to, made once per distinct value when remembered. */
function writingFinding(
  check: WritingCheck,
  cell: string | number,
  field: Field<unknown> & { kind: "ok" },
  memos: Memos,
  i: number
): IssueBody {
  const memo = memos.written[i] as Map<string | number, IssueBody> | null;
  if (memo === null) return check.finding(cell, field);
  let body = memo.get(cell);
  if (body === undefined) {
    body = check.finding(cell, field);
    if (memo.size < MEMO_LIMIT) memo.set(cell, body);
    else memos.written[i] = null;
  }
  return body;
}

/**
 * Reads rows `body[0]` to `body[end - 1]` (sheet rows from `firstRow`) of a prepared table into
 * `records`, reporting their unreadable cells; a row whose known columns hold nothing makes no
 * record. One loop over the whole table, not a call per row: the memos and the column lists stay
 * in local variables, and a blank cell (most of a sparse table) is EMPTY without a reader call.
 */
function readRows<K extends string, V>(
  t: PreparedTable<K, V>,
  body: readonly (readonly CellValue[])[],
  end: number,
  firstRow: number,
  system: DateSystem,
  sink: IssueSink,
  fields: Field<unknown>[],
  memos: Memos,
  writing: WritingFinding[] | null,
  records: RowOf<V>[]
): void {
  const { indexes, readers } = t;
  const checks = t.writing;
  const keys = t.spec.columns;
  const build = t.spec.build;
  const place = t.table.place;
  const { maps, lastCells, lastFields } = memos;
  const columns = indexes.length;
  for (let r = 0; r < end; r++) {
    const cells = body[r] as readonly CellValue[];
    const row = firstRow + r;
    let anyKnown = false;
    for (let i = 0; i < columns; i++) {
      const index = indexes[i] as number;
      let field: Field<unknown>;
      if (index < 0) field = EMPTY;
      else {
        const cell = cells[index];
        // The last cell is text or a number, or at first undefined with EMPTY as its field.
        if (cell === lastCells[i]) field = lastFields[i] as Field<unknown>;
        else if (cell === null || cell === undefined) field = EMPTY;
        else if (typeof cell === "string" || typeof cell === "number") {
          const memo = maps[i] as Memo;
          let known = memo === null ? undefined : memo.get(cell);
          if (known === undefined) {
            known = (readers[i] as Reader<unknown>)(cell, system);
            if (memo === null) {
              // a column whose values do not repeat: nothing remembered
            } else if (memo.size < MEMO_LIMIT) memo.set(cell, known);
            else maps[i] = null; // values that do not repeat: stop remembering
          }
          lastCells[i] = cell;
          lastFields[i] = known;
          field = known;
        } else field = (readers[i] as Reader<unknown>)(cell, system);
      }
      fields[i] = field;
      if (field.kind === "empty") continue;
      anyKnown = true;
      if (field.kind === "invalid") {
        sink(field.issue, "error", place(row, (keys[i] as ColumnSpec<K>).key));
        continue;
      }
      if (field.note !== undefined) {
        sink(field.note, "warning", place(row, (keys[i] as ColumnSpec<K>).key));
      }
      const check = checks[i] as WritingCheck | null;
      if (check !== null && writing !== null) {
        const cell = cells[index];
        if ((typeof cell === "string" || typeof cell === "number") && check.applies(cell)) {
          const finding = writingFinding(check, cell, field, memos, i);
          writing.push({ body: finding, place: place(row, (keys[i] as ColumnSpec<K>).key) });
        }
      }
    }
    if (anyKnown) records.push(build(row, fields));
  }
}

/**
 * Reads one row of a prepared table into a record, reporting its unreadable cells; null when no
 * known column holds anything. A cell equal to the one the same column read last time is that
 * field again (`lastOnly`). No writing findings are made: they belong to a check of whole tables.
 */
export function readRow<K extends string, V>(
  t: PreparedTable<K, V>,
  cells: readonly CellValue[],
  row: number,
  system: DateSystem,
  sink: IssueSink,
  fields: Field<unknown>[]
): RowOf<V> | null {
  const records: RowOf<V>[] = [];
  readRows(t, [cells], 1, row, system, sink, fields, lastOnly(t), null, records);
  return records[0] ?? null;
}

/**
 * Memos that remember only each column's last cell, one set per prepared table: a column of
 * worksheet calls checks row after row against one prepared header row, and fields are
 * immutable, so a cell equal to the previous call's is its field again.
 */
const LAST_ONLY = new WeakMap<PreparedTable<string, unknown>, Memos>();
function lastOnly<K extends string, V>(t: PreparedTable<K, V>): Memos {
  const key = t as unknown as PreparedTable<string, unknown>;
  let m = LAST_ONLY.get(key);
  if (m === undefined) {
    m = newMemos(t.readers.length, false);
    LAST_ONLY.set(key, m);
  }
  return m;
}

const TOTALS = /^(grand\s+)?totals?:?$/i;

/**
 * A totals row below the data: its first filled cell says "Total" or "Totals" (a coordinator's
 * SUM row, or an Excel table's total row read as plain cells). It is not an activity.
 */
function isTotalsRow(cells: readonly CellValue[]): boolean {
  const first = cells.find((c) => !isBlank(c));
  return typeof first === "string" && TOTALS.test(first.trim());
}

/**
 * Reads one located table (or an absent one, as empty) against its declaration, reporting every
 * cell that is not what its column holds.
 */
export function readTable<K extends string, V>(
  spec: TableSpec<K, V>,
  located: LocatedTable | undefined,
  system: DateSystem,
  sink: IssueSink
): ReadTable<K, V> {
  const t = prepareTable(spec, located, sink);
  const body = located?.body ?? [];
  // Most columns repeat the same few values on every row ("Yes", "In-Person", a city, a date
  // serial, a count): a field is immutable, so each distinct value is read once per column.
  const memos = newMemos(t.readers.length);
  const records: RowOf<V>[] = [];
  const fields: Field<unknown>[] = new Array<Field<unknown>>(t.readers.length).fill(EMPTY);
  const writing: WritingFinding[] = [];
  let last = body.length - 1;
  while (last >= 0 && (body[last] as readonly CellValue[]).every(isBlank)) last--;
  const end = last >= 0 && isTotalsRow(body[last] as readonly CellValue[]) ? last : body.length;
  readRows(t, body, end, t.table.headerRow + 1, system, sink, fields, memos, writing, records);
  return { ...t.table, records, writing };
}

/**
 * The workbook's tables read into typed records, by table id; absent tables read as empty. (The
 * shells' `readWorkbook` reads a file or a live workbook into cells; this is what core makes of
 * them.)
 */
export type WorkbookRecords = {
  readonly [S in AnyTableSpec as S["id"]]: TableRecords<S>;
};

/** Reads the located tables cell by cell, reporting every cell that is not what its column holds. */
export function readRecords(
  located: Partial<Record<TableName, LocatedTable>>,
  system: DateSystem,
  sink: IssueSink
): WorkbookRecords {
  const out: Record<string, unknown> = {};
  for (const spec of TABLE_SPECS as readonly TableSpec[]) {
    out[spec.id] = readTable(spec, located[spec.table], system, sink);
  }
  return out as WorkbookRecords;
}

/** The records of the table named `table`. */
export function recordsOf(read: WorkbookRecords, table: TableName): ReadTable<string, unknown> {
  return read[specOf(table).id] as ReadTable<string, unknown>;
}
