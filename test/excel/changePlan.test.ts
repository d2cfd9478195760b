import { changePlan, MAX_ROWS_REREAD, type SheetChange } from "../../src/excel/changePlan";
import type { TableLayout } from "../../src/excel/layout";

const table: TableLayout = {
  table: "Activities",
  sheet: "Activities",
  sheetId: "s1",
  excelTable: "Activities",
  headerRow: 1,
  lastRow: 100,
  firstColumn: 0,
  headers: ["Internal ID", "Title", "City"],
};
const usedRange: TableLayout = {
  ...table,
  table: "Support",
  sheet: "Support",
  sheetId: "s2",
  excelTable: null,
  lastRow: 20,
};
const edit = (address: string, sheetId = "s1", changeType = "RangeEdited"): SheetChange => ({
  sheetId,
  address,
  changeType,
});

describe("changePlan", () => {
  it("re-reads the data rows edited, once each", () => {
    expect(changePlan([edit("C5"), edit("A5:B7"), edit("B40")], [table])).toEqual({
      kind: "rows",
      rows: new Map([["Activities", [5, 6, 7, 40]]]),
    });
  });

  it.each([
    ["a header", edit("B1")],
    ["a row inserted", edit("5:5", "s1", "RowInserted")],
    ["a column deleted", edit("B:B", "s1", "ColumnDeleted")],
    ["typing just below an Excel table", edit("B101")],
    ["typing just right of an Excel table", edit("D10")],
    ["anything below a sheet's used range", edit("Z500", "s2")],
  ])("reads everything again after %s", (_, change) => {
    expect(changePlan([change], [table, usedRange])).toEqual({ kind: "full" });
  });

  it("ignores edits on other sheets and far from an Excel table", () => {
    expect(changePlan([edit("A1", "other"), edit("H10"), edit("A300")], [table])).toEqual({
      kind: "none",
    });
  });

  it("reads everything again when more rows changed than row reads are worth", () => {
    expect(
      changePlan([edit(`A2:A${String(MAX_ROWS_REREAD + 2)}`)], [{ ...table, lastRow: 10_000 }])
    ).toEqual({
      kind: "full",
    });
  });
});
