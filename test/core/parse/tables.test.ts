import { ACTIVITIES, locateTables, mapColumns, type CellValue } from "../../../src/core";
import { aRow, cellsOf, TODAY } from "../../support/builders";
import { codes, run } from "../../support/check";

describe("headers", () => {
  it("matches headers regardless of case, spacing and punctuation, and under legacy labels", () => {
    const map = mapColumns(ACTIVITIES, [
      "activity  TITLE",
      "Activity Type",
      "Activity Date",
      "End",
      "AMA PRA Category 1 Credits",
      "# of Physicians",
      "# of Other Learners",
      "Commercial Support Received?",
      "Sponsorship",
      "Provider Activity ID",
      "Coordinator",
    ]);
    expect([...map.columns.keys()]).toEqual([
      "title",
      "format",
      "startDate",
      "endDate",
      "credits",
      "physicianLearners",
      "otherLearners",
      "commercialSupport",
      "providership",
      "internalId",
    ]);
    expect(map.unknown).toEqual(["Coordinator"]);
  });

  it("reads columns in any order and ignores unknown ones", () => {
    const headers = ["Coordinator", "End Date", "Title", "Status", "Start Date", "Format"];
    const row = {
      Coordinator: "Pat",
      "End Date": "06/30/2025",
      Title: "GR",
      Status: "Draft",
      "Start Date": "07/01/2024",
      Format: "RSS",
    };
    const result = run({ activities: [row], headers });
    expect(result.rows[0]).toMatchObject({ achievedStatus: "Draft", passes: true });
  });

  it("reports a duplicated column once, at the header row, and reads the first", () => {
    const headers = ["Title", "Format", "Start Date", "End Date", "Status", "Title"];
    const rows = [1, 2, 3].map(() => ({
      Title: "GR",
      Format: "RSS",
      "Start Date": "07/01/2024",
      "End Date": "06/30/2025",
      Status: "Draft",
    }));
    const result = run({ activities: rows, headers });
    expect(codes(result)).toEqual([
      "missing_column@Activities!1:Internal ID",
      "duplicate_column@Activities!1:Title",
    ]);
    expect(result.issues[0]).toMatchObject({ severity: "error", rows: 3 }); // same format, same day
  });

  it("reports a missing required column once, not per row, and still fails the rows", () => {
    const headers = ACTIVITIES.columns.map((c) => c.header).filter((h) => h !== "Outcome Measures");
    const result = run({
      activities: [aRow(), aRow({ "Internal ID": "B" }), aRow({ "Internal ID": "C" })],
      headers,
    });
    expect(codes(result, "error")).toEqual(["missing_column@Activities!1:Outcome Measures"]);
    expect(result.issues[0]).toMatchObject({ rows: 3, status: "Closed" });
    expect(result.rows.map((r) => r.passes)).toEqual([false, false, false]);
  });
});

describe("finding the tables", () => {
  const values = (rows: CellValue[][]) => rows;
  const header = ["Title", "Format", "Start Date", "End Date", "Status"];
  const row = ["Journal CME", "JN", "01/01/2025", "12/31/2025", "Draft"];

  it("prefers an Excel table named Activities", () => {
    const found = locateTables({
      tables: [{ name: "tblActivities", sheet: "Data", top: 3, values: values([header, row]) }],
      sheets: [{ name: "Activities", top: 1, values: [["nothing here"]] }],
      dateSystem: 1900,
    });
    expect(found.Activities).toMatchObject({ foundBy: "table", sheet: "Data", headerRow: 3 });
    expect(found.Activities?.body).toEqual([row]);
  });

  it("falls back to the sheet name, skipping empty rows", () => {
    const found = locateTables({
      tables: [],
      sheets: [{ name: "activities", top: 1, values: values([[], [null, "  "], header, [], row]) }],
      dateSystem: 1900,
    });
    expect(found.Activities).toMatchObject({ foundBy: "sheet", headerRow: 3 });
    const result = run({
      tables: [],
      sheets: [{ name: "activities", top: 1, values: [[], [null, "  "], header, [], row] }],
      dateSystem: 1900,
    });
    expect(result.rows.map((r) => r.row)).toEqual([5]);
    expect(result.tables).toEqual([
      { table: "Activities", sheet: "activities", foundBy: "sheet", rows: 1 },
    ]);
  });

  it("falls back to the first sheet whose first row looks like an Activities header", () => {
    const found = locateTables({
      tables: [],
      sheets: [
        { name: "Read me", top: 1, values: [["How to use this workbook"]] },
        { name: "2025", top: 1, values: [header, row] },
      ],
      dateSystem: 1900,
    });
    expect(found.Activities).toMatchObject({ foundBy: "header", sheet: "2025" });
  });

  it("finds the header row below a title and notes on a sheet, and reads the rows under it", () => {
    const sheet = [
      ["FY2025 CME Activities"],
      [],
      ["Prepared by the CME office; see the Read me sheet"],
      header,
      row,
    ];
    const named = locateTables({
      tables: [],
      sheets: [{ name: "Activities", top: 2, values: sheet }],
      dateSystem: 1900,
    });
    expect(named.Activities).toMatchObject({ foundBy: "sheet", headerRow: 5 });
    expect(named.Activities?.body).toEqual([row]);
    const unnamed = locateTables({
      tables: [],
      sheets: [{ name: "FY25", top: 1, values: sheet }],
      dateSystem: 1900,
    });
    expect(unnamed.Activities).toMatchObject({ foundBy: "header", sheet: "FY25", headerRow: 4 });
    // An Excel table's first row is its header, whatever it holds.
    const table = locateTables({
      tables: [{ name: "Activities", sheet: "Data", top: 1, values: [["Note"], header, row] }],
      sheets: [],
      dateSystem: 1900,
    });
    expect(table.Activities).toMatchObject({ headerRow: 1, headers: ["Note"] });
  });

  it("keeps the first row as the header of a named sheet when no row looks like one", () => {
    const found = locateTables({
      tables: [],
      sheets: [{ name: "Activities", top: 1, values: [["Notes"], ["x"]] }],
      dateSystem: 1900,
    });
    expect(found.Activities).toMatchObject({ headerRow: 1, headers: ["Notes"] });
  });

  it("says so, at the header row, when no header of a table is one of its columns", () => {
    const result = run({
      tables: [],
      sheets: [
        {
          name: "Activities",
          top: 1,
          values: [
            ["Name", "When"],
            ["Grand rounds", "weekly"],
          ],
        },
      ],
      dateSystem: 1900,
    });
    expect(result.issues).toMatchObject([
      {
        code: "no_known_columns",
        severity: "error",
        table: "Activities",
        row: 1,
        column: "Title",
        expected: ["Title", "Format", "Start Date", "Status"],
      },
    ]);
    // A Support sheet that is not the PARS table only leaves that table unread: a warning.
    const support = run({
      tables: [],
      sheets: [
        { name: "Activities", top: 1, values: [Object.keys(aRow()), Object.values(aRow())] },
        {
          name: "Support",
          top: 1,
          values: [
            ["Help desk", "Phone"],
            ["IT", "555-0100"],
          ],
        },
      ],
      dateSystem: 1900,
    });
    expect(support.issues).toMatchObject([
      { code: "no_known_columns", severity: "warning", table: "Support", row: 1 },
    ]);
    // An empty table has nothing to read: nothing to say.
    expect(
      run({
        tables: [],
        sheets: [{ name: "Activities", top: 1, values: [["Name"]] }],
        dateSystem: 1900,
      }).issues
    ).toEqual([]);
  });

  it("finds no Activities table in a workbook without one", () => {
    expect(
      locateTables({
        tables: [],
        sheets: [{ name: "Budget", top: 1, values: [["Item", "Cost"]] }],
        dateSystem: 1900,
      }).Activities
    ).toBeUndefined();
  });

  it("skips empty rows and keeps Cancelled rows out of the checks", () => {
    const result = run({
      activities: [aRow(), {}, aRow({ "Internal ID": "X", Title: "", Status: "Cancelled" })],
    });
    expect(result.rows.map((r) => r.row)).toEqual([2]);
    expect(result.cancelledRows).toEqual([4]);
    expect(result.issues).toEqual([]);
    expect(cellsOf(["Title"], {})).toEqual([null]);
    expect(TODAY).toBe("2025-11-25");
  });
});
