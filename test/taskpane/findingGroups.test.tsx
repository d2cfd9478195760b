import { checkWorkbook } from "../../src/core";
import { findingGroups } from "../../src/taskpane/viewModels/findingGroups";
import { aBook, ACTIVITY_HEADERS, aRow, TODAY } from "../support/builders";

const result = (() => {
  const outcome = checkWorkbook(
    aBook({
      activities: [
        aRow({ "Internal ID": "OK-1" }),
        aRow({ "Internal ID": "BAD-1", City: "" }),
        aRow({ "Internal ID": "WARN-1", Country: "United States" }),
        aRow({ "Internal ID": "", Title: "Draft only", Status: "Draft", Credits: "" }),
      ],
      support: [{ "Internal ID": "NOPE", Source: "Acme", "Support Type": "Monetary", Amount: 5 }],
    }),
    { today: TODAY }
  );
  if (!outcome.ok) throw new Error("no Activities");
  return outcome.result;
})();

const summary = (groups: ReturnType<typeof findingGroups>) =>
  groups.map((g) => [g.table, g.row, g.items.map((i) => `${i.severity} ${i.column}`)]);

describe("findingGroups", () => {
  it("tells findings about the columns from those about a row", () => {
    const outcome = checkWorkbook(
      aBook({
        activities: [aRow({ "Internal ID": "X-1" })],
        headers: ACTIVITY_HEADERS.filter((h) => h !== "Physician Learners"),
      }),
      { today: TODAY }
    );
    if (!outcome.ok) throw new Error("no Activities");
    const [columns] = findingGroups(outcome.result, { severity: "all", status: "all" });
    expect(columns).toMatchObject({ table: "Activities", row: 1, header: true, achieved: null });
    expect(columns?.items.map((i) => i.column)).toEqual(["Physician Learners"]);
  });

  it("groups findings by row, activities with their statuses", () => {
    const groups = findingGroups(result, { severity: "all", status: "all" });
    expect(summary(groups)).toEqual([
      ["Activities", 3, ["error City"]],
      ["Activities", 4, ["warning Country"]],
      // Four activities share a format and start date, so each needs its Internal ID.
      ["Activities", 5, ["error Internal ID"]],
      ["Support", 2, ["error Internal ID"]],
    ]);
    const bad = groups.find((g) => g.row === 3)!;
    expect(bad).toMatchObject({
      label: "BAD-1 · Internal Medicine Grand Rounds",
      declared: "Closed",
      achieved: "Draft",
      passes: false,
    });
    expect(bad.items[0]).toMatchObject({
      severity: "error",
      column: "City",
      place: { table: "Activities", sheet: "Activities", row: 3, column: "City" },
    });
    expect(bad.items[0]?.message).toMatch(/City/);
    const support = groups.find((g) => g.table === "Support")!;
    expect(support).toMatchObject({ label: null, declared: null, achieved: null, passes: null });
  });

  it("keeps only the severity asked for, dropping rows left empty", () => {
    const groups = findingGroups(result, { severity: "warning", status: "all" });
    expect(groups.every((g) => g.items.every((i) => i.severity === "warning"))).toBe(true);
    expect(summary(groups)).toEqual([["Activities", 4, ["warning Country"]]]);
  });

  it("filters activities by failing or by achieved status, leaving other tables out", () => {
    expect(findingGroups(result, { severity: "all", status: "failing" }).map((g) => g.row)).toEqual(
      result.rows.filter((r) => !r.passes).map((r) => r.row)
    );
    const drafts = findingGroups(result, { severity: "all", status: "Draft" });
    expect(drafts.every((g) => g.table === "Activities" && g.achieved === "Draft")).toBe(true);
    expect(
      findingGroups(result, { severity: "all", status: "Closed" }).some(
        (g) => g.table === "Support"
      )
    ).toBe(false);
  });
});
