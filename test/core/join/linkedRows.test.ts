import { previewExport } from "../../../src/core";
import { aBook, aRow, TODAY } from "../../support/builders";
import { codes, run } from "../../support/check";

const activity = (id: string) => aRow({ "Internal ID": id, "Commercial Support": "Yes" });
const support = (id: string, source: string) => ({
  "Internal ID": id,
  Source: source,
  "Support Type": "Monetary",
  Amount: 5000,
});

describe("linked rows, however the table orders them", () => {
  it("an activity's Support rows apart in the table are all its own, in table order", () => {
    const p = previewExport(
      aBook({
        activities: [activity("A"), activity("B")],
        support: [
          support("a", "Acme"),
          support("B", "Beta"),
          support("A", "Apex"),
          support("A", "Atlas"),
          support("B", "Bolt"),
        ],
      }),
      { today: TODAY }
    );
    if (!p.ok) throw new Error(p.problem);
    expect(p.preview.activities.map((a) => a.support.map((s) => s.source))).toEqual([
      ["Acme", "Apex", "Atlas"],
      ["Beta", "Bolt"],
    ]);
  });

  it("a row naming no activity between two of one activity's rows is an orphan, the others stay", () => {
    const book = {
      activities: [activity("A")],
      support: [support("A", "Acme"), support("Z", "Zeta"), support("A", "Apex")],
    };
    expect(codes(run(book))).toEqual(["orphan_row@Support!3:Internal ID"]);
    const p = previewExport(aBook(book), { today: TODAY });
    if (!p.ok) throw new Error(p.problem);
    expect(p.preview.activities[0]?.support.map((s) => s.source)).toEqual(["Acme", "Apex"]);
  });
});

describe("tables that start far down their sheets", () => {
  it("link and count read findings against their activities as tables at the top do", () => {
    const input = {
      activities: [activity("A"), activity("B")],
      support: [support("A", "Acme"), { ...support("B", "Beta"), Amount: "lots" }],
    };
    const atTop = run(aBook(input));
    const book = aBook(input);
    const lowered = {
      ...book,
      tables: book.tables.map((t) => ({ ...t, top: t.name === "Support" ? 90_001 : 40_001 })),
    };
    const far = run(lowered);
    // The same findings and verdicts, each 90,000 (Support) or 40,000 (Activities) rows down.
    const shift = (c: string) =>
      c.replace(/@(\w+)!(\d+):/, (_, t: string, r: string) => {
        const down = t === "Support" ? 90_000 : 40_000;
        return `@${t}!${String(Number(r) - down)}:`;
      });
    expect(codes(far).map(shift)).toEqual(codes(atTop));
    expect(codes(atTop)).toContain("invalid_number@Support!3:Amount");
    expect(far.rows.map((r) => [r.row - 40_000, r.passes])).toEqual(
      atTop.rows.map((r) => [r.row, r.passes])
    );
    expect(far.rows.map((r) => r.passes)).toEqual([true, false]);
  });
});
