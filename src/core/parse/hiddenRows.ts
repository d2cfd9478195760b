import type { Issue, TableName } from "../model/issue";
import type { LocatedTable } from "./locateTables";

/**
 * The issues with those on a row Excel hides marked `hidden`, so that a coordinator who cannot see
 * the row is told why. Walks the issues, not the rows; the same array when no table hides a row.
 */
export function markHiddenRows(
  issues: readonly Issue[],
  located: Partial<Record<TableName, LocatedTable>>
): readonly Issue[] {
  const hidden = new Map<string, ReadonlySet<number>>();
  for (const l of Object.values(located)) {
    if (l?.hiddenRows !== undefined && l.hiddenRows.size > 0) hidden.set(l.table, l.hiddenRows);
  }
  if (hidden.size === 0) return issues;
  return issues.map((i) => (hidden.get(i.table)?.has(i.row) === true ? { ...i, hidden: true } : i));
}
