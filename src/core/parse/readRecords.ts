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
import type { LocatedTable } from "./locateTables";

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
  /** Where a finding about column `key` of sheet row `row` goes. */
  readonly place: (row: number, key: K) => Place;
};

/** A table's records as `readRecords` gives them. */
export type TableRecords<S> = ReadTable<KeyOf<S>, ValuesOfTable<S>>;

/** Collects findings in the order they are made. */
export type IssueSink = (body: IssueBody, severity: Severity, place: Place) => void;

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
    const named = spec.expected;
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
  const fieldReaders: Reader<unknown>[] = spec.columns.map((c) => c.read);
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
      if (field.kind === "empty") continue;
      anyKnown = true;
      if (field.kind === "invalid") sink(field.issue, "error", place(row, keys[i] as K));
      else if (field.note !== undefined) sink(field.note, "warning", place(row, keys[i] as K));
    }
    if (anyKnown) records.push(spec.build(row, fields));
  }
  return { table: spec.table, sheet, headerRow, columns, records, place };
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
