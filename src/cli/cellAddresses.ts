import {
  describeCell,
  locateTables,
  type Issue,
  type SourceTable,
  type WorkbookSource,
} from "../core";
import { cellAddress } from "./xlsx/readXlsx";

/**
 * Names the cell of each finding as Excel does (`L16`), from the header row core read the table
 * by: a finding names its sheet row and its column's header as written. Header findings (a missing
 * column) and findings about a column that is not there name no cell.
 */
export function cellAddresses(
  book: WorkbookSource,
  firstColumns: ReadonlyMap<SourceTable, number>
): (issue: Issue) => string | null {
  const located = locateTables(book);
  const byTable = new Map<string, Map<string, number>>();
  const columnsOf = (table: Issue["table"]): Map<string, number> => {
    const known = byTable.get(table);
    if (known !== undefined) return known;
    const columns = new Map<string, number>();
    const l = located[table];
    if (l !== undefined) {
      // An Excel table may start right of column A; a sheet's rows always start at A.
      const source =
        l.foundBy === "table"
          ? book.tables.find((t) => t.sheet === l.sheet && t.top === l.headerRow)
          : undefined;
      const first = source === undefined ? 1 : (firstColumns.get(source) ?? 1);
      l.headers.forEach((cell, i) => {
        const header = describeCell(cell).trim();
        // The first of two same-named columns is the one core reads.
        if (header !== "" && !columns.has(header)) columns.set(header, first + i);
      });
    }
    byTable.set(table, columns);
    return columns;
  };
  return (issue) => {
    const col = columnsOf(issue.table).get(issue.column);
    return col === undefined || issue.row < 1 ? null : cellAddress(issue.row, col);
  };
}
