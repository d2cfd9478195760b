import type { TableName } from "../core";

/**
 * Where one PARS table sits in the workbook, as the adapter found it: enough to turn an issue's
 * sheet row and column header into a cell, and to tell which edits touch the table.
 */
export type TableLayout = {
  readonly table: TableName;
  readonly sheet: string;
  readonly sheetId: string;
  /** The Excel table (ListObject) name, or null when the table is a sheet's used range. */
  readonly excelTable: string | null;
  /** Sheet row (1-based) of the header row. */
  readonly headerRow: number;
  /** Sheet row (1-based) of the last row read. */
  readonly lastRow: number;
  /** 0-based sheet column of the first column. */
  readonly firstColumn: number;
  /** Headers as written, left to right. */
  readonly headers: readonly string[];
};

/** The 0-based sheet column of a header as written, or undefined when the table lacks it. */
export function columnOf(layout: TableLayout, header: string): number | undefined {
  const i = layout.headers.indexOf(header);
  return i < 0 ? undefined : layout.firstColumn + i;
}

/** The 0-based sheet column of the table's last column. */
export function lastColumnOf(layout: TableLayout): number {
  return layout.firstColumn + Math.max(layout.headers.length, 1) - 1;
}
