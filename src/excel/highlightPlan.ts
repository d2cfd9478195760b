import type { CheckResult, Issue } from "../core";
import { blockAddress, cellAddress, chunkAreas, runsOf } from "./addresses";
import { columnOf, lastColumnOf, type TableLayout } from "./layout";

/**
 * The three kinds of mark, weakest first: a row failing its declared status, a cell with a
 * warning, a cell at fault. Excel gives the latest-added conditional format the top priority, so
 * the adapter adds them in this order and a cell at fault shows its own colour over its row's.
 */
export const MARK_KINDS = ["row", "warning", "error"] as const;
export type MarkKind = (typeof MARK_KINDS)[number];

/** How a mark looks. Excel needs colours as hex; these are Excel's own preset highlight colours. */
export const MARK_STYLES: Readonly<Record<MarkKind, { fill: string; font: string | null }>> = {
  row: { fill: "#FDE9E7", font: null },
  warning: { fill: "#FFF2CC", font: null },
  error: { fill: "#FFC7CE", font: "#9C0006" },
};

/**
 * Every mark the add-in makes is a custom conditional format whose rule is this always-true
 * formula with its kind in the text, so a later pass recognises its own marks (and a person reading
 * Excel's rule manager sees whose they are) without any record kept outside the workbook.
 */
export function markFormula(kind: MarkKind): string {
  return `=ISTEXT("${MARK_PREFIX} ${kind}")`;
}

const MARK_PREFIX = "PARS Ready mark:";

/** True when a conditional format's rule formula is one of the add-in's marks. */
export function isMarkFormula(formula: string | null | undefined): boolean {
  return (
    typeof formula === "string" &&
    formula.replace(/\s+/g, " ").toUpperCase().startsWith(`=ISTEXT("${MARK_PREFIX.toUpperCase()}`)
  );
}

/** One conditional format to add: a kind of mark over areas of one sheet. */
export type PlannedMark = {
  readonly kind: MarkKind;
  readonly sheet: string;
  /** Comma-separated areas without the sheet name, within `AREA_CHUNK`. */
  readonly areas: string;
};

/** What a highlight pass paints, in the order to add it. */
export type HighlightPlan = {
  readonly marks: readonly PlannedMark[];
  readonly counts: {
    readonly rows: number;
    readonly errorCells: number;
    readonly warningCells: number;
  };
};

type SheetCells = Map<number, Set<number>>; // column → sheet rows

/**
 * Plans the marks for a check: each Activities row failing its declared status across the table's
 * columns, each cell an error names, each cell a warning names. Issues whose column the table lacks
 * (a missing column) have no cell and are only listed. Pure: the same result and layouts give the
 * same plan, and the plan's size follows the number of contiguous blocks, not of rows.
 */
export function highlightPlan(result: CheckResult, layouts: readonly TableLayout[]): HighlightPlan {
  const byTable = new Map(layouts.map((l) => [l.table, l] as const));
  const activities = byTable.get("Activities");

  const rowAreas = new Map<string, string[]>();
  let rows = 0;
  if (activities !== undefined) {
    const failing = result.rows.filter((r) => !r.passes).map((r) => r.row);
    rows = failing.length;
    const last = lastColumnOf(activities);
    rowAreas.set(
      activities.sheet,
      runsOf(failing).map(([a, b]) => blockAddress(activities.firstColumn, last, a, b))
    );
  }

  const cells: Record<"error" | "warning", Map<string, SheetCells>> = {
    error: new Map(),
    warning: new Map(),
  };
  const seen: Record<"error" | "warning", Set<string>> = { error: new Set(), warning: new Set() };
  for (const issue of result.issues) {
    const place = cellOf(issue, byTable);
    if (place === null) continue;
    const key = `${place.sheet}!${cellAddress(place.column, issue.row)}`;
    if (seen[issue.severity].has(key)) continue;
    seen[issue.severity].add(key);
    let sheet = cells[issue.severity].get(place.sheet);
    if (sheet === undefined)
      cells[issue.severity].set(place.sheet, (sheet = new Map<number, Set<number>>()));
    let column = sheet.get(place.column);
    if (column === undefined) sheet.set(place.column, (column = new Set<number>()));
    column.add(issue.row);
  }

  const marks: PlannedMark[] = [];
  const push = (kind: MarkKind, sheet: string, areas: readonly string[]) => {
    for (const chunk of chunkAreas(areas)) marks.push({ kind, sheet, areas: chunk });
  };
  for (const [sheet, areas] of rowAreas) push("row", sheet, areas);
  for (const kind of ["warning", "error"] as const) {
    for (const [sheet, columns] of cells[kind]) {
      const areas: string[] = [];
      for (const [column, sheetRows] of [...columns].sort((a, b) => a[0] - b[0])) {
        for (const [a, b] of runsOf(sheetRows)) areas.push(blockAddress(column, column, a, b));
      }
      push(kind, sheet, areas);
    }
  }
  return {
    marks,
    counts: { rows, errorCells: seen.error.size, warningCells: seen.warning.size },
  };
}

function cellOf(
  issue: Issue,
  byTable: ReadonlyMap<string, TableLayout>
): { sheet: string; column: number } | null {
  const layout = byTable.get(issue.table);
  if (layout === undefined || layout.sheet !== issue.sheet) return null;
  // A finding placed on the header row (a missing or duplicate column) is about the column, not
  // a cell a coordinator should fix in place.
  if (issue.row <= layout.headerRow) return null;
  const column = columnOf(layout, issue.column);
  return column === undefined ? null : { sheet: layout.sheet, column };
}
