import { checkWorkbook, proposeFixes, type CheckResult } from "../../../src/core";
import { aBook, aRow, TODAY } from "../../support/builders";

function resultOf(rows: Parameters<typeof aRow>[0][]): CheckResult {
  const outcome = checkWorkbook(aBook({ activities: rows.map((r) => aRow(r)) }), { today: TODAY });
  if (!outcome.ok) throw new Error("no Activities");
  return outcome.result;
}

describe("proposeFixes", () => {
  it("writes a value PARS knows under another spelling as PARS expects it", () => {
    const fixes = proposeFixes(resultOf([{ "Internal ID": "A-1", Country: "United States" }]));
    expect(fixes).toEqual([
      {
        kind: "code",
        table: "Activities",
        sheet: "Activities",
        row: 2,
        column: "Country",
        old: "United States",
        new: "USA",
        why: 'PARS reads "United States" as USA; write it as PARS expects.',
      },
    ]);
  });

  it("gives a scheme-less web address https://, and leaves anything else alone", () => {
    const fixes = proposeFixes(
      resultOf([
        { "Internal ID": "A-1", "Activity URL": "www.example.org/grand-rounds" },
        { "Internal ID": "A-2", "Activity URL": "see the brochure" },
        { "Internal ID": "A-3", "Activity URL": "ftp://example.org" },
      ])
    );
    expect(fixes.map((f) => [f.row, f.kind, f.old, f.new])).toEqual([
      [2, "url", "www.example.org/grand-rounds", "https://www.example.org/grand-rounds"],
    ]);
  });

  it("writes a US state's name as its two-letter code", () => {
    const fixes = proposeFixes(resultOf([{ "Internal ID": "A-1", State: "Illinois" }]));
    expect(fixes.map((f) => [f.kind, f.column, f.old, f.new])).toEqual([
      ["code", "State", "Illinois", "IL"],
    ]);
  });

  it("writes another word for a listed value as the value PARS lists", () => {
    const fixes = proposeFixes(resultOf([{ "Internal ID": "A-1", Status: "Completed" }]));
    expect(fixes).toEqual([
      {
        kind: "code",
        table: "Activities",
        sheet: "Activities",
        row: 2,
        column: "Status",
        old: "Completed",
        new: "Closed",
        why: '"Completed" means Closed; write the value PARS lists.',
      },
    ]);
  });

  it("leaves Co-provided alone: reporting it as Direct depends on who awards the credit", () => {
    const result = resultOf([{ "Internal ID": "A-1", Providership: "Co-provided" }]);
    expect(result.issues.some((i) => i.code === "word_read_as")).toBe(true);
    expect(proposeFixes(result)).toEqual([]);
  });

  it("proposes nothing for a date or Yes/No with more than one reading", () => {
    const result = resultOf([
      { "Internal ID": "A-1", "Start Date": "07/01/24" },
      { "Internal ID": "A-2", "CME Passport": "maybe" },
      { "Internal ID": "A-3", "End Date": "02/30/2025" },
    ]);
    expect(result.issues.map((i) => i.code)).toEqual(
      expect.arrayContaining(["invalid_date", "invalid_yes_no"])
    );
    expect(proposeFixes(result)).toEqual([]);
  });

  it("proposes nothing for a value only a person can supply", () => {
    expect(proposeFixes(resultOf([{ "Internal ID": "A-1", City: "" }]))).toEqual([]);
  });

  it("sets the declared status to the one the data supports only when asked", () => {
    const result = resultOf([{ "Internal ID": "A-1", City: "" }]);
    expect(proposeFixes(result).some((f) => f.kind === "status")).toBe(false);
    expect(proposeFixes(result, { statuses: true })).toEqual([
      {
        kind: "status",
        table: "Activities",
        sheet: "Activities",
        row: 2,
        column: "Status",
        old: "Closed",
        new: "Draft",
        why: "The data supports Draft; declared Closed.",
      },
    ]);
  });
});
