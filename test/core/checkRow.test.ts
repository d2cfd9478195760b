import {
  checkRow,
  checkWorkbook,
  compileHeaders,
  compiledHeadersOf,
  InvalidOptionError,
  missingFor,
} from "../../src/core";
import { ACTIVITY_HEADERS, aBook, aRow, cellsOf, TODAY } from "../support/builders";

describe("one row, as worksheet functions see it", () => {
  it("gives the same verdict as a whole-workbook check", () => {
    const row = aRow({ Description: "", "Outcome Measures": "" });
    const single = checkRow(ACTIVITY_HEADERS, cellsOf(ACTIVITY_HEADERS, row), { today: TODAY });
    const whole = checkWorkbook(aBook({ activities: [row] }), { today: TODAY });
    if (!whole.ok) throw new Error("no table");
    expect(single.verdict?.achievedStatus).toBe(whole.result.rows[0]?.achievedStatus);
    expect(single.verdict?.achievedStatus).toBe("Draft");
    expect(single.issues).toEqual(whole.result.issues);
  });

  it("lists what a row lacks for each status", () => {
    const row = aRow({ Description: "", "Outcome Measures": "", Status: "Active" });
    const { verdict } = checkRow(ACTIVITY_HEADERS, cellsOf(ACTIVITY_HEADERS, row), {
      today: TODAY,
    });
    expect(missingFor(verdict!, "Draft")).toEqual([]);
    expect(missingFor(verdict!, "Active")).toEqual(["Description", "End Date not in the past"]);
    expect(missingFor(verdict!, "Closed")).toEqual(["Description", "Outcome Measures"]);
  });

  it("refuses a malformed today or provider ID as misuse", () => {
    expect(() => checkRow(ACTIVITY_HEADERS, [], { today: "11/25/2025" })).toThrow(
      InvalidOptionError
    );
    expect(() => checkRow(ACTIVITY_HEADERS, [], { today: TODAY, providerId: "12345" })).toThrow(
      "seven digits"
    );
  });

  it("reads a header row once and gives every row the same answer as reading it afresh", () => {
    const headers = [...ACTIVITY_HEADERS];
    expect(compiledHeadersOf(headers)).toBe(compiledHeadersOf([...ACTIVITY_HEADERS]));
    const compiled = compileHeaders(headers);
    const rows = [
      aRow(),
      aRow({ Credits: "TBD", Status: "Draft" }),
      aRow({ Status: "Active" }),
      aRow({ Title: "", Status: "" }),
      aRow({ Status: "Cancelled" }),
    ];
    for (const row of rows) {
      const cells = cellsOf(headers, row);
      const whole = checkWorkbook(aBook({ activities: [row] }), { today: TODAY });
      if (!whole.ok) throw new Error("no table");
      const once = checkRow(compiled, cells, { today: TODAY });
      expect(once).toEqual(checkRow(headers, cells, { today: TODAY }));
      expect(once).toEqual({ verdict: whole.result.rows[0] ?? null, issues: whole.result.issues });
    }
  });

  it("answers each call for its own header row and day, whatever the call before passed", () => {
    // The header row renamed, one cell blank, and the day moved: each changes the answer, and
    // calls alternate between them as a sheet of several tables recalculates.
    const row = aRow({ Status: "" });
    const cells = cellsOf(ACTIVITY_HEADERS, row);
    const renamed = ACTIVITY_HEADERS.map((h) => (h === "Description" ? "Summary" : h));
    const blanked = ACTIVITY_HEADERS.map((h) => (h === "Description" ? "" : h));
    const early = "2025-01-15";
    const wholeOf = (headers: readonly string[], today: string) => {
      const book = aBook({ activities: [row] });
      const table = book.tables[0]!;
      const whole = checkWorkbook(
        { ...book, tables: [{ ...table, values: [headers, ...table.values.slice(1)] }] },
        { today }
      );
      if (!whole.ok) throw new Error("no table");
      return { verdict: whole.result.rows[0] ?? null, issues: whole.result.issues };
    };
    const cases: [readonly string[], string][] = [
      [ACTIVITY_HEADERS, TODAY],
      [renamed, TODAY],
      [ACTIVITY_HEADERS, early],
      [blanked, early],
      [ACTIVITY_HEADERS, TODAY],
    ];
    for (let round = 0; round < 2; round++) {
      for (const [headers, today] of cases) {
        expect(checkRow([...headers], cells, { today })).toEqual(wholeOf(headers, today));
      }
    }
    expect(checkRow(renamed, cells, { today: TODAY }).verdict?.achievedStatus).toBe("Draft");
    expect(checkRow(ACTIVITY_HEADERS, cells, { today: early }).verdict?.achievedStatus).toBe(
      "Active"
    );
  });

  it("reports a duplicated column with every row checked against that header row", () => {
    const headers = [...ACTIVITY_HEADERS, "Activity Title"];
    const cells = [...cellsOf(ACTIVITY_HEADERS, aRow()), "Other title"];
    for (let i = 0; i < 2; i++) {
      expect(checkRow(headers, cells, { today: TODAY }).issues).toMatchObject([
        { code: "duplicate_column", row: 1, column: "Title" },
      ]);
    }
  });

  it("says a row of another table is no Activities header row", () => {
    expect(compileHeaders(["Internal ID", "Source", "Amount"]).isActivitiesHeader).toBe(false);
    expect(compileHeaders(ACTIVITY_HEADERS).isActivitiesHeader).toBe(true);
  });
});
