import type { Issue, TableName } from "./model/issue";
import { columnOfHeader } from "./parse/mapColumns";
import { TABLE_SPECS, type TableSpec } from "./schema";

const TABLE_ORDER = new Map<TableName, number>(TABLE_SPECS.map((s, i) => [s.table, i]));

/** An issue with what it sorts by. */
type Decorated = {
  readonly issue: Issue;
  readonly i: number;
  readonly t: number;
  readonly c: number;
};

/**
 * Issues in report order: by table (as declared), sheet row, then column (as declared; headers no
 * table knows last), keeping the order they were found in otherwise.
 */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  // Each column's rank by table, then by header as written: found without making a key per issue.
  const columnRank = new Map<TableName, Map<string, number>>();
  // Decorate once: the comparator then only compares numbers. Index loops: a workbook can have
  // tens of thousands of issues, and `for ... of` and `map` make garbage or calls per issue.
  const decorated = new Array<Decorated>(issues.length);
  for (let i = 0; i < issues.length; i++) {
    const issue = issues[i] as Issue;
    decorated[i] = {
      issue,
      i,
      t: TABLE_ORDER.get(issue.table) ?? TABLE_ORDER.size,
      c: rank(columnRank, issue),
    };
  }
  decorated.sort((x, y) => x.t - y.t || x.issue.row - y.issue.row || x.c - y.c || x.i - y.i);
  const out = new Array<Issue>(decorated.length);
  for (let i = 0; i < decorated.length; i++) out[i] = (decorated[i] as Decorated).issue;
  return out;
}

function rank(cache: Map<TableName, Map<string, number>>, issue: Issue): number {
  let ofTable = cache.get(issue.table);
  if (ofTable === undefined) {
    ofTable = new Map<string, number>();
    cache.set(issue.table, ofTable);
  }
  let r = ofTable.get(issue.column);
  if (r === undefined) {
    const spec: TableSpec | undefined = TABLE_SPECS.find((s) => s.table === issue.table);
    const col = spec === undefined ? undefined : columnOfHeader(spec, issue.column);
    r =
      spec === undefined || col === undefined ? 999 : spec.columns.findIndex((c) => c.key === col);
    ofTable.set(issue.column, r);
  }
  return r;
}
