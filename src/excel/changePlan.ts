import type { TableName } from "../core";
import { parseArea } from "./addresses";
import type { TableLayout } from "./layout";

/** One change Excel reported on a worksheet. */
export type SheetChange = {
  readonly sheetId: string;
  /** The changed range, e.g. "C5" or "A5:D9" (Excel gives it without the sheet name). */
  readonly address: string;
  /** Excel's `changeType`: "RangeEdited", "RowInserted", "RowDeleted"... */
  readonly changeType: string;
};

/** What a batch of changes asks for. */
export type ChangePlan =
  | { readonly kind: "none" }
  /** The shape of a table may have changed: read everything again. */
  | { readonly kind: "full" }
  /** Only cells in these data rows changed: read those rows. */
  | { readonly kind: "rows"; readonly rows: ReadonlyMap<TableName, readonly number[]> };

/** Past this many changed rows (a large paste), one full read costs less than many row reads. */
export const MAX_ROWS_REREAD = 5000;

/**
 * Decides how to bring a check up to date after edits. Edits inside the data rows of a checked
 * table re-read those rows; edits to a header row, rows inserted or deleted, or edits just beyond a
 * table (which Excel may absorb into it) call for a full read; edits elsewhere are ignored. Pure.
 */
export function changePlan(
  changes: readonly SheetChange[],
  layouts: readonly TableLayout[]
): ChangePlan {
  const rows = new Map<TableName, Set<number>>();
  let count = 0;
  for (const change of changes) {
    const onSheet = layouts.filter((l) => l.sheetId === change.sheetId);
    if (onSheet.length === 0) continue;
    if (change.changeType !== "RangeEdited") return { kind: "full" };
    const area = parseArea(change.address);
    if (area === null) return { kind: "full" };
    for (const l of onSheet) {
      const lastColumn = l.firstColumn + Math.max(l.headers.length, 1) - 1;
      // One column or row beyond an Excel table is where typing extends it.
      const reach = l.excelTable === null ? Number.POSITIVE_INFINITY : 1;
      const left = l.firstColumn - reach;
      const right = lastColumn + reach;
      if (area.lastColumn < left || area.firstColumn > right) continue;
      if (area.lastRow < l.headerRow) continue;
      if (area.firstRow > l.lastRow + (l.excelTable === null ? Number.POSITIVE_INFINITY : 1)) {
        continue;
      }
      const inside =
        area.firstColumn >= l.firstColumn &&
        area.lastColumn <= lastColumn &&
        area.firstRow > l.headerRow &&
        area.lastRow <= l.lastRow;
      if (!inside) return { kind: "full" };
      let set = rows.get(l.table);
      if (set === undefined) rows.set(l.table, (set = new Set()));
      for (let r = area.firstRow; r <= area.lastRow; r++) {
        if (!set.has(r)) {
          set.add(r);
          count++;
        }
      }
      if (count > MAX_ROWS_REREAD) return { kind: "full" };
    }
  }
  if (rows.size === 0) return { kind: "none" };
  return {
    kind: "rows",
    rows: new Map([...rows].map(([t, s]) => [t, [...s].sort((a, b) => a - b)] as const)),
  };
}
