import { describeCell, type CellValue } from "../model/cell";
import { normaliseKey } from "../codes/normalise";
import type { TableSpec } from "../schema";

/** Where a known column sits in the table, and its header as the coordinator wrote it. */
export type MappedColumn = { readonly index: number; readonly header: string };

/** The header row read against a table's columns. */
export type ColumnMap<K extends string> = {
  readonly columns: ReadonlyMap<K, MappedColumn>;
  /** Columns that appear more than once; the first one is read. */
  readonly duplicates: readonly {
    readonly key: K;
    readonly headers: readonly string[];
    /** Where each of `headers` sits in the header row (0 for its first cell). */
    readonly indexes: readonly number[];
  }[];
  /** Headers that name no known column: kept in the workbook, ignored by the checks. */
  readonly unknown: readonly string[];
};

type Aliases = {
  /** normalised header → column */
  readonly byKey: ReadonlyMap<string, string>;
  /** header as written → column or null: worksheet functions read the same header row per call */
  readonly seen: Map<string, string | null>;
};

const aliasCache = new WeakMap<TableSpec<string>, Aliases>();

function aliasesOf(spec: TableSpec<string>): Aliases {
  const cached = aliasCache.get(spec);
  if (cached !== undefined) return cached;
  const byKey = new Map<string, string>();
  for (const c of spec.columns) {
    for (const name of [c.header, ...c.aliases]) byKey.set(normaliseKey(name), c.key);
  }
  const aliases = { byKey, seen: new Map<string, string | null>() };
  aliasCache.set(spec, aliases);
  return aliases;
}

/** The column a header names in a table, if any. */
export function columnOfHeader<K extends string>(
  spec: TableSpec<K>,
  header: string
): K | undefined {
  const a = aliasesOf(spec);
  let key = a.seen.get(header);
  if (key === undefined) {
    key = a.byKey.get(normaliseKey(header)) ?? null;
    if (a.seen.size < 10_000) a.seen.set(header, key);
  }
  return (key ?? undefined) as K | undefined;
}

/**
 * Matches a header row to a table's columns regardless of case, spacing and punctuation, under the
 * aliases the schema lists. Columns may come in any order.
 */
export function mapColumns<K extends string>(
  spec: TableSpec<K>,
  headers: readonly CellValue[]
): ColumnMap<K> {
  const columns = new Map<K, MappedColumn>();
  const seen = new Map<K, { headers: string[]; indexes: number[] }>();
  const unknown: string[] = [];
  headers.forEach((cell, index) => {
    const header = describeCell(cell).trim();
    if (header === "") return;
    const key = columnOfHeader(spec, header);
    if (key === undefined) {
      unknown.push(header);
      return;
    }
    const list = seen.get(key);
    if (list === undefined) {
      seen.set(key, { headers: [header], indexes: [index] });
      columns.set(key, { index, header });
    } else {
      list.headers.push(header);
      list.indexes.push(index);
    }
  });
  const duplicates = [...seen.entries()]
    .filter(([, list]) => list.headers.length > 1)
    .map(([key, list]) => ({ key, headers: list.headers, indexes: list.indexes }));
  return { columns, duplicates, unknown };
}

/** The canonical header of a column. */
export function canonicalHeader<K extends string>(spec: TableSpec<K>, key: K): string {
  const c = spec.columns.find((x) => x.key === key);
  return c === undefined ? key : c.header;
}
