import { checkWorkbook, proposeFixes, type CheckResult } from "../../../src/core";
import { aBook, aRow, TODAY, type RowInput } from "../../support/builders";

function resultOf(rows: RowInput[]): CheckResult {
  const outcome = checkWorkbook(aBook({ activities: rows.map((r) => aRow(r)) }), { today: TODAY });
  if (!outcome.ok) throw new Error("no Activities");
  return outcome.result;
}

describe("Yes/No written as PARS's template lists it", () => {
  it.each([
    ["Y", "Yes"],
    ["yes", "Yes"],
    ["YES", "Yes"],
    ["TRUE", "Yes"],
    ["x", "Yes"],
    ["n", "No"],
    ["False", "No"],
    ["0", "No"],
    [" No ", "No"],
  ])(
    "warns about %j in a Yes/No column and offers %s, never changing the verdict",
    (written, as) => {
      const result = resultOf([{ "Internal ID": "A-1", "Commercial Support": written }]);
      const listed = resultOf([{ "Internal ID": "A-1", "Commercial Support": as }]);
      expect(result.issues.filter((i) => i.code === "word_read_as")).toEqual([
        {
          code: "word_read_as",
          value: written,
          as,
          why: null,
          table: "Activities",
          sheet: "Activities",
          row: 2,
          column: "Commercial Support",
          severity: "warning",
        },
      ]);
      expect(result.issues.filter((i) => i.code !== "word_read_as")).toEqual(listed.issues);
      expect(result.rows).toEqual(listed.rows);
      expect(proposeFixes(result)).toEqual([
        {
          kind: "code",
          table: "Activities",
          sheet: "Activities",
          row: 2,
          column: "Commercial Support",
          old: written,
          new: as,
          why: `"${written}" means ${as}; write the value PARS lists.`,
        },
      ]);
    }
  );

  it("reads a number 1 or 0 the same, and its fix names it as Excel shows it", () => {
    const result = resultOf([{ "Internal ID": "A-1", MOC: 0, "CME Passport": 1 }]);
    const read = result.issues.filter((i) => i.code === "word_read_as");
    expect(read.map((i) => [i.column, i.code, "value" in i ? i.value : null])).toEqual([
      ["CME Passport", "word_read_as", "1"],
      ["MOC", "word_read_as", "0"],
    ]);
    expect(proposeFixes(result).map((f) => [f.column, f.old, f.new])).toEqual([
      ["CME Passport", "1", "Yes"],
      ["MOC", "0", "No"],
    ]);
  });

  it("says nothing about Yes, No, an Excel boolean (a checkbox) or a blank", () => {
    const result = resultOf([
      { "Internal ID": "A-1", "Commercial Support": "Yes", MOC: "No" },
      { "Internal ID": "A-2", "Commercial Support": true, MOC: false },
      { "Internal ID": "A-3", "CME Passport": "" },
    ]);
    expect(result.issues.filter((i) => i.code === "word_read_as")).toEqual([]);
    expect(proposeFixes(result)).toEqual([]);
  });

  it("leaves a value that is no Yes/No to its own error, with no fix", () => {
    const result = resultOf([{ "Internal ID": "A-1", "Commercial Support": "maybe" }]);
    expect(result.issues.map((i) => i.code)).toEqual(["invalid_yes_no"]);
    expect(proposeFixes(result)).toEqual([]);
  });

  it("leaves a Cancelled activity alone, as every other check does", () => {
    const result = resultOf([{ "Internal ID": "A-1", Status: "Cancelled", MOC: "Y" }]);
    expect(result.issues).toEqual([]);
  });

  it("reads the Yes/No columns under their other headers too", () => {
    const outcome = checkWorkbook(
      aBook({
        headers: ["Title", "Format", "Start Date", "Status", "Commercial Support Received?"],
        activities: [
          {
            Title: "Grand Rounds",
            Format: "RSS",
            "Start Date": "07/01/2025",
            Status: "Draft",
            "Commercial Support Received?": "N",
          },
        ],
      }),
      { today: TODAY }
    );
    if (!outcome.ok) throw new Error("no Activities");
    expect(
      outcome.result.issues
        .filter((i) => i.code === "word_read_as")
        .map((i) => [i.column, "as" in i ? i.as : null])
    ).toEqual([["Commercial Support Received?", "No"]]);
  });
});
