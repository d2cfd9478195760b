import { checkWorkbook, type CheckResult } from "../../../src/core";
import { proposeFixes } from "../../../src/core/fixes/proposeFixes";
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
