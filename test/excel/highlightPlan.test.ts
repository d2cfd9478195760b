import type { CheckResult, Issue, RowVerdict } from "../../src/core";
import { AREA_CHUNK, MAX_ADDRESS_CHARS } from "../../src/excel/addresses";
import {
  highlightPlan,
  isMarkFormula,
  markFormula,
  MARK_KINDS,
} from "../../src/excel/highlightPlan";
import type { TableLayout } from "../../src/excel/layout";

const ACTIVITIES: TableLayout = {
  table: "Activities",
  sheet: "Activities",
  sheetId: "s1",
  excelTable: "Activities",
  headerRow: 1,
  lastRow: 100_001,
  firstColumn: 0,
  headers: ["Internal ID", "Title", "City", "Credits"],
};
const SUPPORT: TableLayout = {
  table: "Support",
  sheet: "Money",
  sheetId: "s2",
  excelTable: "Support",
  headerRow: 3,
  lastRow: 10,
  firstColumn: 2,
  headers: ["Internal ID", "Source", "Support Type", "Amount"],
};

const verdict = (row: number, passes: boolean): RowVerdict => ({
  table: "Activities",
  sheet: "Activities",
  row,
  internalId: null,
  title: null,
  declaredStatus: "Closed",
  heldTo: "Closed",
  achievedStatus: passes ? "Closed" : "Draft",
  passes,
  gaps: [],
  ended: true,
});

const issue = (
  row: number,
  column: string,
  severity: "error" | "warning" = "error",
  table: "Activities" | "Support" = "Activities"
): Issue => ({
  code: "missing_field",
  status: "Closed",
  condition: null,
  severity,
  table,
  sheet: table === "Activities" ? "Activities" : "Money",
  row,
  column,
});

const resultOf = (rows: RowVerdict[], issues: Issue[]): CheckResult => ({
  asOf: "2025-11-25",
  tables: [],
  rows,
  issues,
  cancelledRows: [],
  summary: {
    activities: rows.length,
    byAchieved: { Incomplete: 0, Draft: 0, Active: 0, "Ready to Close": 0, Closed: 0 },
    failing: rows.filter((r) => !r.passes).length,
    errors: 0,
    warnings: 0,
    cancelled: 0,
  },
});

describe("highlightPlan", () => {
  it("bands failing rows across the table, merging neighbours, and marks cells by severity", () => {
    const plan = highlightPlan(
      resultOf(
        [verdict(2, true), verdict(3, false), verdict(4, false), verdict(6, false)],
        [
          issue(3, "City"),
          issue(4, "City"),
          issue(6, "Credits"),
          issue(6, "Title", "warning"),
          issue(5, "Source", "error", "Support"),
        ]
      ),
      [ACTIVITIES, SUPPORT]
    );
    expect(plan.marks).toEqual([
      { kind: "row", sheet: "Activities", areas: "A3:D4,A6:D6" },
      { kind: "warning", sheet: "Activities", areas: "B6" },
      { kind: "error", sheet: "Activities", areas: "C3:C4,D6" },
      { kind: "error", sheet: "Money", areas: "D5" },
    ]);
    expect(plan.counts).toEqual({ rows: 3, errorCells: 4, warningCells: 1 });
  });

  it("adds the weakest kind first so that Excel, which puts the latest on top, shows errors over rows", () => {
    expect(MARK_KINDS).toEqual(["row", "warning", "error"]);
  });

  it("leaves findings without a cell (a missing column, a header, another table's sheet) to the list", () => {
    const plan = highlightPlan(
      resultOf(
        [verdict(2, true)],
        [
          issue(2, "Physician Learners"),
          issue(1, "City"),
          { ...issue(2, "City"), sheet: "Elsewhere" },
          issue(4, "Source", "warning", "Support"),
        ]
      ),
      [ACTIVITIES]
    );
    expect(plan.marks).toEqual([]);
    expect(plan.counts).toEqual({ rows: 0, errorCells: 0, warningCells: 0 });
  });

  it("marks a cell named twice once", () => {
    const plan = highlightPlan(
      resultOf([verdict(2, false)], [issue(2, "City"), issue(2, "City")]),
      [ACTIVITIES]
    );
    expect(plan.counts.errorCells).toBe(1);
    expect(plan.marks.filter((m) => m.kind === "error")).toEqual([
      { kind: "error", sheet: "Activities", areas: "C2" },
    ]);
  });

  it("splits very many areas into address strings Excel accepts", () => {
    const rows: RowVerdict[] = [];
    const issues: Issue[] = [];
    for (let r = 2; r < 100_002; r++) {
      rows.push(verdict(r, r % 2 === 0));
      if (r % 2 === 1) issues.push(issue(r, "City"));
    }
    const plan = highlightPlan(resultOf(rows, issues), [ACTIVITIES]);
    expect(plan.counts).toEqual({ rows: 50_000, errorCells: 50_000, warningCells: 0 });
    for (const mark of plan.marks) {
      expect(mark.areas.length).toBeLessThanOrEqual(AREA_CHUNK.chars);
      expect(mark.areas.length).toBeLessThan(MAX_ADDRESS_CHARS);
      expect(mark.areas.split(",").length).toBeLessThanOrEqual(AREA_CHUNK.areas);
    }
    const areas = plan.marks.filter((m) => m.kind === "row").flatMap((m) => m.areas.split(","));
    expect(areas).toHaveLength(50_000);
    expect(areas[0]).toBe("A3:D3");
    expect(areas.at(-1)).toBe("A100001:D100001");
  });
});

describe("mark formulas", () => {
  it("recognises the add-in's own marks and nothing a user would write", () => {
    for (const kind of MARK_KINDS) expect(isMarkFormula(markFormula(kind))).toBe(true);
    expect(isMarkFormula('=istext("PARS Ready mark: row")')).toBe(true);
    expect(isMarkFormula('=$G2="Closed"')).toBe(false);
    expect(isMarkFormula('=ISTEXT("PARS Ready")')).toBe(false);
    expect(isMarkFormula(null)).toBe(false);
  });
});
