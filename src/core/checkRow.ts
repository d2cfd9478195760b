import { checkRecords, parseOptions, type CheckOptions, type CheckResult } from "./check";
import { describeCell, type CellValue } from "./model/cell";
import type { Issue } from "./model/issue";
import type { LocatedTable } from "./parse/locateTables";
import { looksLikeActivitiesHeader } from "./parse/locateTables";
import type { Field } from "./parse/cells";
import {
  prepareTable,
  readRecords,
  readRow,
  type IssueSink,
  type PreparedTable,
  type WorkbookRecords,
} from "./parse/readRecords";
import type { Finding } from "./rules/context";
import { ACTIVITIES, type ActivityKey, type ActivityValues } from "./schema";
import type { RowVerdict } from "./verdicts";

/**
 * An Activities header row read once, for checking many rows against it (a worksheet column of
 * `=PARS.STATUS(...)` recalculates one row per call, all with the same header row).
 */
export type CompiledHeaders = {
  /** True when the row names enough Activities columns to be its header row. */
  readonly isActivitiesHeader: boolean;
  readonly activities: PreparedTable<ActivityKey, ActivityValues>;
  /** Findings about the header row itself (a duplicated column), reported with every row. */
  readonly headerFindings: readonly Finding[];
};

const SHEET = "Activities";
const NO_FINDINGS: never[] = [];
/** Every table but Activities, as absent: a one-row check has no other rows to join. */
const absent = readRecords({}, 1900, () => undefined);

/** Reads a header row once: which column is which, and what is wrong with the row itself. */
export function compileHeaders(headers: readonly CellValue[]): CompiledHeaders {
  const located: LocatedTable = {
    table: "Activities",
    sheet: SHEET,
    foundBy: "table",
    headerRow: 1,
    headers,
    body: [],
  };
  const headerFindings: Finding[] = [];
  const sink: IssueSink = (body, severity, place) =>
    headerFindings.push({ body, severity, place, owner: null });
  return {
    isActivitiesHeader: looksLikeActivitiesHeader(headers),
    activities: prepareTable(ACTIVITIES, located, sink),
    headerFindings,
  };
}

// The header rows seen last, by their text: one workbook has a few Activities tables at most.
const compiled = new Map<string, CompiledHeaders>();
const COMPILED_KEPT = 16;

// The header row of the last call, with what it compiled to: a column of calls passes the same
// header cells every time, which comparing cell by cell finds without making the key.
let last: { readonly headers: readonly CellValue[]; readonly compiled: CompiledHeaders } | null =
  null;

/** `compileHeaders`, remembered for the last few header rows seen. */
export function compiledHeadersOf(headers: readonly CellValue[]): CompiledHeaders {
  if (last !== null && sameCells(last.headers, headers)) return last.compiled;
  let key = "";
  for (const h of headers) key += `${describeCell(h)}\u0000`;
  let c = compiled.get(key);
  if (c === undefined) {
    c = compileHeaders(headers);
    if (compiled.size >= COMPILED_KEPT) compiled.delete(compiled.keys().next().value as string);
    compiled.set(key, c);
  }
  last = { headers: headers.slice(), compiled: c };
  return c;
}

/**
 * True when two rows hold the same cells: the same text, number, boolean or blank (an error cell
 * or a formula, an object, matches only itself, and is then read by its key).
 */
function sameCells(a: readonly CellValue[], b: readonly CellValue[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const TABLES: CheckResult["tables"] = [
  { table: "Activities", sheet: SHEET, foundBy: "table", rows: 1 },
];

/**
 * Checks one activity row given with its header row, as worksheet functions see it: the same
 * engine and rules as a whole workbook, without the other tables. The header row is read once
 * and remembered (`compiledHeadersOf`), so a column of calls pays for it once.
 *
 * @throws {InvalidOptionError} as `checkWorkbook`
 */
export function checkRow(
  headers: readonly CellValue[] | CompiledHeaders,
  cells: readonly CellValue[],
  options: CheckOptions
): { readonly verdict: RowVerdict | null; readonly issues: readonly Issue[] } {
  const parsed = parseOptions(options);
  const h = "activities" in headers ? headers : compiledHeadersOf(headers);
  const readFindings: Finding[] = h.headerFindings.length === 0 ? [] : h.headerFindings.slice();
  const sink: IssueSink = (body, severity, place) =>
    readFindings.push({ body, severity, place, owner: null });
  const fields = new Array<Field<unknown>>(h.activities.readers.length);
  const record = readRow(h.activities, cells, 2, 1900, sink, fields);
  if (record === null && readFindings.length === 0) return { verdict: null, issues: NO_FINDINGS };
  const records: WorkbookRecords = {
    ...absent,
    activities: { ...h.activities.table, records: record === null ? [] : [record] },
  };
  const { result } = checkRecords(records, readFindings, TABLES, parsed, options);
  return { verdict: result.rows[0] ?? null, issues: result.issues };
}
