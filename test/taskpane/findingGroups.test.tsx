import { checkWorkbook, MESSAGES, type IssueCode } from "../../src/core";
import {
  ALL_FINDINGS,
  causeOf,
  filterChoices,
  findingGroups,
  needsText,
  type FindingFilter,
} from "../../src/taskpane/viewModels/findingGroups";
import { aBook, ACTIVITY_HEADERS, aRow, TODAY } from "../support/builders";

const result = (() => {
  const outcome = checkWorkbook(
    aBook({
      activities: [
        aRow({ "Internal ID": "OK-1" }),
        aRow({ "Internal ID": "BAD-1", City: "" }),
        aRow({ "Internal ID": "WARN-1", Country: "United States" }),
        aRow({ "Internal ID": "", Title: "Draft only", Status: "Draft", Credits: "" }),
        aRow({ "Internal ID": "BAD-2", City: "", Country: "United States" }),
      ],
      support: [{ "Internal ID": "NOPE", Source: "Acme", "Support Type": "Monetary", Amount: 5 }],
    }),
    { today: TODAY }
  );
  if (!outcome.ok) throw new Error("no Activities");
  return outcome.result;
})();

const byRow = (f: Partial<FindingFilter> = {}) =>
  findingGroups(result, { ...ALL_FINDINGS, groupBy: "row", ...f });
const byCause = (f: Partial<FindingFilter> = {}) =>
  findingGroups(result, { ...ALL_FINDINGS, groupBy: "cause", ...f });
const summary = (groups: ReturnType<typeof findingGroups>) =>
  groups.map((g) => [g.title, g.items.map((i) => `${i.severity} ${i.column}`)]);

describe("findingGroups by row", () => {
  it("tells findings about the columns from those about a row", () => {
    const outcome = checkWorkbook(
      aBook({
        activities: [aRow({ "Internal ID": "X-1" })],
        headers: ACTIVITY_HEADERS.filter((h) => h !== "Physician Learners"),
      }),
      { today: TODAY }
    );
    if (!outcome.ok) throw new Error("no Activities");
    const [columns] = findingGroups(outcome.result, { ...ALL_FINDINGS, groupBy: "row" });
    expect(columns).toMatchObject({ title: "Activities columns", detail: null, needs: null });
    expect(columns?.items.map((i) => i.column)).toEqual(["Physician Learners"]);
  });

  it("puts rows with errors first, errors before warnings inside a row", () => {
    expect(summary(byRow())).toEqual([
      ["Row 3 · BAD-1 · Internal Medicine Grand Rounds", ["error City"]],
      // Five activities share a format and start date, so the one without an ID needs it.
      ["Row 5 · Draft only", ["error Internal ID"]],
      ["Row 6 · BAD-2 · Internal Medicine Grand Rounds", ["error City", "warning Country"]],
      ["Support row 2", ["error Internal ID"]],
      ["Row 4 · WARN-1 · Internal Medicine Grand Rounds", ["warning Country"]],
    ]);
  });

  it("points a row's needs to the header row for a column the table lacks", () => {
    const headers = ACTIVITY_HEADERS.filter((h) => h !== "Credits");
    const row = aRow({ City: "" });
    const outcome = checkWorkbook(
      {
        tables: [],
        sheets: [
          { name: "Activities", top: 1, values: [headers, headers.map((h) => row[h] ?? null)] },
        ],
        dateSystem: 1900,
      },
      { today: TODAY }
    );
    if (!outcome.ok) throw new Error("no Activities");
    const g = findingGroups(outcome.result, { ...ALL_FINDINGS, groupBy: "row" }).find((x) =>
      x.title.startsWith("Row 2")
    )!;
    expect(needsText(g.needs!)).toBe(
      "Not ready for Closed: needs City, Credits (no such column: see header row 1)."
    );
  });

  it("gives a row failing only for a missing column its own group, in sheet order", () => {
    const outcome = checkWorkbook(
      aBook({
        activities: [
          aRow({ "Internal ID": "P-1" }),
          aRow({ "Internal ID": "P-2", Status: "Draft" }),
          aRow({ "Internal ID": "P-3", Country: "United States" }),
        ],
        support: [{ "Internal ID": "NOPE", Source: "Acme", "Support Type": "Monetary", Amount: 5 }],
        headers: ACTIVITY_HEADERS.filter((h) => h !== "Credits"),
      }),
      { today: TODAY }
    );
    if (!outcome.ok) throw new Error("no Activities");
    const groups = (f: Partial<FindingFilter> = {}) =>
      findingGroups(outcome.result, { ...ALL_FINDINGS, groupBy: "row", ...f });
    expect(summary(groups())).toEqual([
      ["Activities columns", ["error Credits"]],
      ["Row 2 · P-1 · Internal Medicine Grand Rounds", ["error Credits"]],
      // P-2 is a Draft, which needs no Credits: it passes, so nothing points from it.
      ["Row 4 · P-3 · Internal Medicine Grand Rounds", ["error Credits", "warning Country"]],
      ["Support row 2", ["error Internal ID"]],
    ]);
    const [header, p1] = groups();
    expect(p1?.items[0]).toMatchObject({
      code: "missing_column",
      refersTo: header?.items[0]?.key,
      place: { table: "Activities", sheet: "Activities", row: 1, column: "Credits" },
      message:
        "The Activities table has no Credits column, which this row needs for Closed: see Activities columns, header row 1.",
    });
    expect(needsText(p1!.needs!)).toBe(
      "Not ready for Closed: needs Credits (no such column: see header row 1)."
    );
    // The filters treat the line as the error it points to.
    expect(summary(groups({ severity: "warning" }))).toEqual([
      ["Row 4 · P-3 · Internal Medicine Grand Rounds", ["warning Country"]],
    ]);
    expect(groups({ column: "Credits" }).map((g) => g.title)).toEqual([
      "Activities columns",
      "Row 2 · P-1 · Internal Medicine Grand Rounds",
      "Row 4 · P-3 · Internal Medicine Grand Rounds",
    ]);
    expect(groups({ search: "p-1 credits" }).map((g) => g.title)).toEqual([
      "Row 2 · P-1 · Internal Medicine Grand Rounds",
    ]);
    expect(groups({ table: "Support" }).map((g) => g.title)).toEqual(["Support row 2"]);
    // By cause the header's finding stands alone, as before.
    expect(
      findingGroups(outcome.result, { ...ALL_FINDINGS, groupBy: "cause" })
        .find((g) => g.title === "Column missing")
        ?.items.map((i) => i.where)
    ).toEqual(["Activities columns"]);
  });

  it("says a row's statuses in a coordinator's words, and what it still needs", () => {
    const bad = byRow().find((g) => g.title.startsWith("Row 3"))!;
    expect(bad.detail).toBe("Data supports Draft; declared Closed.");
    expect(bad.needs).toEqual({ status: "Closed", columns: ["City"] });
    expect(needsText(bad.needs!)).toBe("Not ready for Closed: needs City.");
    const warned = byRow().find((g) => g.title.startsWith("Row 4"))!;
    expect(warned).toMatchObject({ detail: "Data supports Closed; declared Closed.", needs: null });
    expect(byRow().find((g) => g.title === "Support row 2")).toMatchObject({
      detail: null,
      needs: null,
    });
  });

  it("places each finding on its cell", () => {
    const bad = byRow().find((g) => g.title.startsWith("Row 3"))!;
    expect(bad.items[0]).toMatchObject({
      severity: "error",
      code: "missing_field",
      place: { table: "Activities", sheet: "Activities", row: 3, column: "City" },
    });
    expect(bad.items[0]?.message).toMatch(/City/);
  });
});

describe("findingGroups by cause", () => {
  it("gathers the findings of one kind under one explanation, the most common error first", () => {
    const groups = byCause();
    expect(groups.map((g) => [g.title, g.errors, g.warnings])).toEqual([
      ["Required value missing", 2, 0],
      ["Internal ID missing", 1, 0],
      ["Row belongs to no activity", 1, 0],
      ["Value read as its PARS code", 0, 2],
    ]);
    expect(groups[0]?.detail).toBe(causeOf("missing_field").why);
    expect(groups[0]?.items.map((i) => i.where)).toEqual([
      "Row 3 · BAD-1 · Internal Medicine Grand Rounds",
      "Row 6 · BAD-2 · Internal Medicine Grand Rounds",
    ]);
  });

  it("gives every finding code a heading and a sentence in words, not the code", () => {
    // The message table is keyed by every finding code, the Learners ones included.
    const codes = Object.keys(MESSAGES) as IssueCode[];
    expect(codes).toContain("url_scheme_added");
    expect(codes).toContain("learner_duplicate");
    for (const code of codes) {
      const { title, why } = causeOf(code);
      expect([code, title]).not.toEqual([code, code]);
      expect([code, title]).not.toEqual([code, code.replace(/_/g, " ")]);
      expect([code, why.length]).not.toEqual([code, 0]);
    }
    expect(causeOf("url_scheme_added").title).toBe("Web address given https://");
  });
});

describe("findingGroups filters", () => {
  it("keeps only the severity asked for, dropping groups left empty", () => {
    expect(summary(byRow({ severity: "warning" }))).toEqual([
      ["Row 4 · WARN-1 · Internal Medicine Grand Rounds", ["warning Country"]],
      ["Row 6 · BAD-2 · Internal Medicine Grand Rounds", ["warning Country"]],
    ]);
  });

  it("filters by table and by column", () => {
    expect(summary(byRow({ table: "Support" }))).toEqual([
      ["Support row 2", ["error Internal ID"]],
    ]);
    expect(byCause({ column: "Country" }).map((g) => g.title)).toEqual([
      "Value read as its PARS code",
    ]);
  });

  it("searches the row, column and message, every word in any case", () => {
    expect(byRow({ search: "bad-2 country" }).flatMap((g) => g.items.map((i) => i.column))).toEqual(
      ["Country"]
    );
    expect(byRow({ search: "nothing like this" })).toEqual([]);
  });

  it("filters activities by failing or by achieved status, leaving other tables out", () => {
    const failing = byRow({ status: "failing" }).map((g) => g.items[0]?.place.row);
    expect(failing).toEqual(result.rows.filter((r) => !r.passes).map((r) => r.row));
    expect(byRow({ status: "Closed" }).some((g) => g.title.startsWith("Support"))).toBe(false);
  });

  it("offers the tables and columns the findings name", () => {
    expect(filterChoices(result)).toEqual({
      tables: ["Activities", "Support"],
      columns: ["City", "Country", "Internal ID"],
    });
  });
});
