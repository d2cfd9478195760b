import type { Issue, TableName } from "./model/issue";
import { columnOfHeader } from "./parse/mapColumns";
import { TABLE_SPECS, type TableSpec } from "./schema";

const TABLE_ORDER = new Map<TableName, number>(TABLE_SPECS.map((s, i) => [s.table, i]));

/**
 * Issues in report order: by table (as declared), sheet row, then column (as declared; headers no
 * table knows last), keeping the order they were found in otherwise.
 */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  const columnRank = new Map<string, number>();
  // Decorate once: the comparator then only compares numbers.
  return issues
    .map((issue, i) => ({
      issue,
      i,
      t: TABLE_ORDER.get(issue.table) ?? TABLE_ORDER.size,
      c: rank(columnRank, issue),
    }))
    .sort((x, y) => x.t - y.t || x.issue.row - y.issue.row || x.c - y.c || x.i - y.i)
    .map((x) => x.issue);
}

function rank(cache: Map<string, number>, issue: Issue): number {
  const key = `${issue.table}|${issue.column}`;
  let r = cache.get(key);
  if (r === undefined) {
    const spec: TableSpec | undefined = TABLE_SPECS.find((s) => s.table === issue.table);
    const col = spec === undefined ? undefined : columnOfHeader(spec, issue.column);
    r =
      spec === undefined || col === undefined ? 999 : spec.columns.findIndex((c) => c.key === col);
    cache.set(key, r);
  }
  return r;
}
