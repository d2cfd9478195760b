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

describe("a date typed as text", () => {
  const textResult = (rows: RowInput[], extra: Partial<Parameters<typeof aBook>[0]> = {}) => {
    const outcome = checkWorkbook(
      aBook({ activities: rows.map((r) => aRow(r)), textDates: true, ...extra }),
      { today: TODAY }
    );
    if (!outcome.ok) throw new Error("no Activities");
    return outcome.result;
  };

  it("warns, reads the day all the same, and offers the date as a fix", () => {
    const result = textResult([
      { "Internal ID": "A-1", "Start Date": 45474, "End Date": "2025-06-30" },
    ]);
    expect(result.issues).toEqual([
      {
        code: "date_as_text",
        value: "2025-06-30",
        day: "06/30/2025",
        iso: "2025-06-30",
        certain: true,
        table: "Activities",
        sheet: "Activities",
        row: 2,
        column: "End Date",
        severity: "warning",
      },
    ]);
    expect(result.rows[0]?.passes).toBe(true);
    expect(proposeFixes(result)).toEqual([
      {
        kind: "date",
        table: "Activities",
        sheet: "Activities",
        row: 2,
        column: "End Date",
        old: "2025-06-30",
        new: "06/30/2025",
        day: "2025-06-30",
        why: '"2025-06-30" is text; write it as the date 06/30/2025.',
      },
    ]);
  });

  it.each([
    ["03/15/2025", true],
    ["July 1, 2024", true],
    ["1-Jul-2024", true],
    ["04/04/2025", true],
    // Month first to the engine, day first to someone in London: only a person can say.
    ["03/04/2025", false],
    // A time of day the fix would drop.
    ["03/15/2025 08:00", false],
  ])("%j has a fix: %s", (text, certain) => {
    const result = textResult([{ "Internal ID": "A-1", "Start Date": 45474, "End Date": text }]);
    const found = result.issues.filter((i) => i.code === "date_as_text");
    expect(found.map((i) => ("certain" in i ? i.certain : null))).toEqual([certain]);
    expect(proposeFixes(result).length).toBe(certain ? 1 : 0);
  });

  it("says nothing of a date cell, an unreadable text or a formula Excel never calculated", () => {
    const result = textResult([
      { "Internal ID": "A-1", "Start Date": 45474, "End Date": 45838 },
      { "Internal ID": "A-2", "Start Date": 45474, "End Date": "06/31/2025" },
      { "Internal ID": "A-3", "Start Date": 45474, "End Date": { formula: 'TEXT(A1,"mm/dd")' } },
    ]);
    expect(result.issues.filter((i) => i.code === "date_as_text")).toEqual([]);
    expect(result.issues.map((i) => i.code)).toEqual(
      expect.arrayContaining(["invalid_date", "formula_without_result"])
    );
    expect(proposeFixes(result)).toEqual([]);
  });

  it("looks at the date columns of every table, under any of their headers", () => {
    const result = textResult([{ "Internal ID": "A-1", "Start Date": 45474, "End Date": 45838 }], {
      sessions: [{ "Internal ID": "A-1", "Session Date": "2024-09-12", Hours: 1 }],
    });
    expect(
      result.issues.filter((i) => i.code === "date_as_text").map((i) => [i.table, i.column])
    ).toEqual([["Sessions", "Session Date"]]);
  });

  it("lists the text finding after what the other rules say of the same cell", () => {
    const result = textResult([
      { "Internal ID": "A-1", "Start Date": 45474, "End Date": "2024-06-30" },
    ]);
    expect(result.issues.map((i) => [i.column, i.code])).toEqual([
      ["End Date", "end_before_start"],
      ["End Date", "date_as_text"],
    ]);
  });

  it("says nothing of a Cancelled activity's dates, and still looks at its linked rows", () => {
    const result = textResult(
      [
        {
          "Internal ID": "A-1",
          Status: "Cancelled",
          "Start Date": 45474,
          "End Date": "2025-06-30",
        },
      ],
      { sessions: [{ "Internal ID": "A-1", "Session Date": "2024-09-12", Hours: 1 }] }
    );
    expect(
      result.issues.filter((i) => i.code === "date_as_text").map((i) => [i.table, i.row])
    ).toEqual([["Sessions", 2]]);
  });

  it("reads a MM/DD/YYYY date typed into a General cell as the date cell Excel makes of it", () => {
    expect(resultOf([{ "Internal ID": "A-1", "End Date": "06/30/2025" }]).issues).toEqual([]);
  });
});
