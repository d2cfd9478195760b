import { checkRow, checkWorkbook, InvalidOptionError, missingFor } from "../../src/core";
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
});
