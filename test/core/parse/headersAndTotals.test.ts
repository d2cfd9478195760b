import { ACTIVITIES, messageOf, type CellValue, type WorkbookSource } from "../../../src/core";
import { suggestColumn } from "../../../src/core/parse/suggestColumn";
import { ACTIVITY_HEADERS, aRow, cellsOf, TODAY } from "../../support/builders";
import { run } from "../../support/check";

const sheet = (headers: string[], rows: CellValue[][]): WorkbookSource => ({
  tables: [],
  sheets: [{ name: "Activities", top: 1, values: [headers, ...rows] }],
  dateSystem: 1900,
});

describe("headers PARS Ready does not know", () => {
  it.each([
    ["Finish", "End Date"],
    ["Strat Date", "Start Date"],
    ["Begin", "Start Date"],
    ["Tittle", "Title"],
    ["Budget", null],
    ["Speaker", null],
  ])("%s suggests %s", (header, suggestion) => {
    expect(suggestColumn(ACTIVITIES, header)).toBe(suggestion);
  });

  it("are listed once, at the header row, with the nearest canonical header", () => {
    const headers = ACTIVITY_HEADERS.map((h) => (h === "End Date" ? "Finish" : h));
    const row = aRow();
    const r = run(sheet([...headers, "Budget"], [[...cellsOf(ACTIVITY_HEADERS, row), 100]]), TODAY);
    const found = r.issues.find((i) => i.code === "unknown_columns");
    expect(found).toMatchObject({ severity: "warning", row: 1, headers: ["Finish", "Budget"] });
    expect(messageOf(found!)).toBe(
      'Not read: "Finish" (did you mean End Date?), "Budget". Other columns are kept and ignored; rename a column to its PARS header to have it read.'
    );
    // The rows that fail for want of the column point to the header's finding.
    expect(r.issues.find((i) => i.code === "missing_column")).toMatchObject({
      column: "End Date",
      row: 1,
    });
  });
});

describe("a totals row below the data", () => {
  it.each([["Total"], ["Totals"], ["Grand Total"], ["TOTAL:"]])(
    "labelled %s is not an activity",
    (label) => {
      const cells = cellsOf(ACTIVITY_HEADERS, aRow());
      const totals = ACTIVITY_HEADERS.map((h) =>
        h === "Internal ID" ? label : h === "Credits" ? 52 : null
      );
      const r = run(sheet(ACTIVITY_HEADERS, [cells, [], totals]), TODAY);
      expect(r.rows.map((v) => v.row)).toEqual([2]);
      expect(r.issues).toEqual([]);
    }
  );

  it("is still read when other rows follow it, or when its label is not a total", () => {
    const cells = cellsOf(ACTIVITY_HEADERS, aRow());
    const label = (text: string) =>
      ACTIVITY_HEADERS.map((h) => (h === "Internal ID" ? text : null));
    const r = run(sheet(ACTIVITY_HEADERS, [label("Total"), cells, label("Totally new")]), TODAY);
    expect(r.rows.map((v) => v.row)).toEqual([2, 3, 4]);
  });
});
