import {
  messageOf,
  missingColumnsFor,
  missingFor,
  type CellValue,
  type WorkbookSource,
} from "../../../src/core";
import { ACTIVITY_HEADERS, aRow, cellsOf, TODAY } from "../../support/builders";
import { run } from "../../support/check";

const sheet = (
  headers: readonly string[],
  rows: CellValue[][],
  extra: Partial<WorkbookSource["sheets"][number]> = {}
): WorkbookSource => ({
  tables: [],
  sheets: [{ name: "Activities", top: 1, values: [[...headers], ...rows], ...extra }],
  dateSystem: 1900,
});

describe("a row that fails for a column its table lacks", () => {
  const headers = ACTIVITY_HEADERS.filter((h) => h !== "End Date");
  const rows = [cellsOf(headers, aRow()), cellsOf(headers, aRow({ "Internal ID": "GR-2" }))];

  it("points to the one finding at the header row instead of repeating it", () => {
    const r = run(sheet(headers, rows), TODAY);
    const missing = r.issues.filter((i) => i.code === "missing_column");
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ row: 1, column: "End Date", rows: 2 });
    expect(r.issues.filter((i) => i.row > 1 && i.column === "End Date")).toEqual([]);
    for (const v of r.rows) {
      expect(v.passes).toBe(false);
      expect(missingColumnsFor(v, v.heldTo)).toEqual([
        { table: "Activities", column: "End Date", headerRow: 1 },
      ]);
      expect(missingFor(v, v.heldTo)).toContain("End Date (no such column: see header row 1)");
    }
  });

  it("names the header row where a title sits above it", () => {
    const r = run(sheet(["Activities 2025"], [[], [...headers], ...rows]), TODAY);
    expect(r.issues.find((i) => i.code === "missing_column")?.row).toBe(3);
    const v = r.rows[0]!;
    expect(missingColumnsFor(v, v.heldTo)).toEqual([
      { table: "Activities", column: "End Date", headerRow: 3 },
    ]);
  });

  it("says nothing of the kind when the column is there but the cell is blank", () => {
    const r = run(sheet(ACTIVITY_HEADERS, [cellsOf(ACTIVITY_HEADERS, aRow({ "End Date": "" }))]));
    const v = r.rows[0]!;
    expect(v.passes).toBe(false);
    expect(missingColumnsFor(v, v.heldTo)).toEqual([]);
    expect(missingFor(v, v.heldTo)).toContain("End Date");
    expect(r.issues.map(messageOf).join(" ")).not.toContain("no such column");
  });
});

describe("two columns with one meaning", () => {
  const headers = ["Title", "Format", "Activity Title", "Title"];
  const rows = [["Rounds", "Internet Enduring Material", "Rounds", "Rounds"]];

  it("are named by their sheet columns, counted from the table's first column", () => {
    const r = run(sheet(headers, rows, { firstColumn: 2 }), TODAY);
    const dup = r.issues.find((i) => i.code === "duplicate_column")!;
    expect(dup).toMatchObject({ row: 1, column: "Title", letters: ["B", "D", "E"] });
    expect(messageOf(dup)).toBe(
      'Columns B, D and E all read as Title ("Title", "Activity Title", "Title"); column B is read, the others are ignored.'
    );
  });

  it("start at column A when the shell does not say", () => {
    const r = run(sheet(headers.slice(0, 3), [rows[0]!.slice(0, 3)]), TODAY);
    expect(r.issues.find((i) => i.code === "duplicate_column")).toMatchObject({
      letters: ["A", "C"],
    });
  });

  it("past column Z take two letters", () => {
    const wide = [...Array.from({ length: 26 }, (_, i) => `Note ${String(i)}`), "Title", "Title"];
    const r = run(sheet(wide, [wide.map(() => "x")]), TODAY);
    expect(r.issues.find((i) => i.code === "duplicate_column")).toMatchObject({
      letters: ["AA", "AB"],
    });
  });
});

describe("a hidden row", () => {
  const rows = [
    cellsOf(ACTIVITY_HEADERS, aRow({ "Internal ID": "SHOWN", City: "" })),
    cellsOf(ACTIVITY_HEADERS, aRow({ "Internal ID": "HIDDEN", City: "" })),
  ];

  it("has findings that say it is hidden, and only it", () => {
    const r = run(sheet(ACTIVITY_HEADERS, rows, { hiddenRows: new Set([3]) }), TODAY);
    const city = r.issues.filter((i) => i.column === "City");
    expect(city.map((i) => [i.row, i.hidden])).toEqual([
      [2, undefined],
      [3, true],
    ]);
  });

  it("changes nothing when no row is hidden", () => {
    const plain = run(sheet(ACTIVITY_HEADERS, rows), TODAY);
    const none = run(sheet(ACTIVITY_HEADERS, rows, { hiddenRows: new Set() }), TODAY);
    expect(none.issues).toEqual(plain.issues);
    expect(plain.issues.some((i) => "hidden" in i)).toBe(false);
  });
});

describe("an Excel table's total row on a sheet found by its name or header", () => {
  const totals = ACTIVITY_HEADERS.map((h) => (h === "Credits" ? 52 : null));
  const rows = [cellsOf(ACTIVITY_HEADERS, aRow()), totals];

  it("is not an activity, even with no Total label", () => {
    const r = run(sheet(ACTIVITY_HEADERS, rows, { totalRows: new Set([3]) }), TODAY);
    expect(r.rows.map((v) => v.row)).toEqual([2]);
    expect(r.issues).toEqual([]);
  });

  it("is read as a row when the shell names no total row", () => {
    const r = run(sheet(ACTIVITY_HEADERS, rows), TODAY);
    expect(r.rows.map((v) => v.row)).toEqual([2, 3]);
  });
});
