import {
  checklistSteps,
  HAND_ENTERED_AMOUNTS,
  type AnnualReport,
  type Figures,
  type HandEnteredAmounts,
} from "../core";
import { columnLetters } from "./addresses";
import { freeName } from "./insertTables";

/** One Excel table of the summary sheet, as values. */
export type SummaryTable = {
  /** The table's name before a clash is resolved ("PARSSummary2025Formats"). */
  readonly name: string;
  /** The caption written in the row above the table. */
  readonly caption: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
  /** A number format per column, "" to leave Excel's. */
  readonly numberFormats: readonly string[];
};

/** What the summary sheet holds, computed from the report alone. */
export type SummaryPlan = {
  readonly sheetName: string;
  readonly title: string;
  readonly subtitle: string;
  readonly tables: readonly SummaryTable[];
  /** The chart: a clustered bar of the first table's first two columns (activities by format). */
  readonly chartTitle: string;
};

const COUNT = "#,##0";
const CREDITS = "#,##0.##";
const MONEY = "$#,##0.00";

const figureRow = (name: string, f: Figures): (string | number)[] => [
  name,
  f.activities,
  f.credits,
  f.physicianLearners,
  f.otherLearners,
];
const FIGURE_HEADERS = ["Activities", "Credits", "Physician Learners", "Other Learners"];
const FIGURE_FORMATS = ["", COUNT, CREDITS, COUNT, COUNT];

/**
 * The "PARS Summary YYYY" sheet as tables of values: figures by format (with the chart over it),
 * by providership with the total, commercial support by source, the checklist's counts, and the
 * four amounts PARS asks for by hand. Pure: the adapter only writes it.
 */
export function summaryPlan(report: AnnualReport, amounts: HandEnteredAmounts): SummaryPlan {
  const y = String(report.year);
  const formats = Object.entries(report.byFormat);
  const cs = report.commercialSupport;
  return {
    sheetName: `PARS Summary ${y}`,
    title: `PARS Program Summary ${y}`,
    subtitle: `Judged as of ${report.asOf}; due in PARS by ${report.dueBy}.`,
    chartTitle: `Activities by format, ${y}`,
    tables: [
      {
        name: `PARSSummary${y}Formats`,
        caption: "By format",
        headers: ["Format", ...FIGURE_HEADERS],
        rows:
          formats.length === 0
            ? [["(none counted)", 0, 0, 0, 0]]
            : formats.map(([name, f]) => figureRow(name, f)),
        numberFormats: FIGURE_FORMATS,
      },
      {
        name: `PARSSummary${y}Providership`,
        caption: "By providership",
        headers: ["Providership", ...FIGURE_HEADERS],
        rows: [
          ...Object.entries(report.byProvidership).map(([name, f]) => figureRow(name, f)),
          figureRow("Total", report.totals),
        ],
        numberFormats: FIGURE_FORMATS,
      },
      {
        name: `PARSSummary${y}Support`,
        caption: `Commercial support received in ${y}`,
        headers: ["Source", "Support Type", "Amount"],
        rows: [
          ...Object.entries(cs.bySource).map(([name, amount]) => [name, "Monetary", amount]),
          ...cs.inKindSources.map((name) => [name, "In-kind", ""]),
          ["Total monetary", "Monetary", cs.monetary],
        ],
        numberFormats: ["", "", MONEY],
      },
      {
        name: `PARSSummary${y}Checklist`,
        caption: "Checklist",
        headers: ["Step", "Rows", "To Do"],
        rows: checklistSteps(report).map((s) => [s.label, s.rows, s.open]),
        numberFormats: ["", COUNT, COUNT],
      },
      {
        name: `PARSSummary${y}ByHand`,
        caption: "Entered by hand in PARS",
        headers: ["Amount", "Dollars"],
        rows: HAND_ENTERED_AMOUNTS.map((a) => [a.label, amounts[a.key] ?? ""]),
        numberFormats: ["", MONEY],
      },
    ],
  };
}

/** The sheet and tables made, with the names they got after resolving clashes. */
export type WrittenSummary = { readonly sheet: string; readonly tables: readonly string[] };

/**
 * Adds the summary as a new sheet: a title, each table with its caption above it, one blank row
 * between, and a native clustered bar chart of activities by format beside the tables. Never
 * touches an existing sheet: a taken sheet or table name gets a number. Two round trips; events
 * are paused so the add-in's own writes are not taken for edits.
 */
export async function writeSummarySheet(
  context: Excel.RequestContext,
  plan: SummaryPlan
): Promise<WrittenSummary> {
  const sheetList = context.workbook.worksheets.load("items/name");
  const tableList = context.workbook.tables.load("items/name");
  await context.sync();
  const sheetName = freeName(
    plan.sheetName,
    new Set(sheetList.items.map((s) => s.name)),
    (n) => ` (${String(n)})`
  );
  const tableNames = new Set(tableList.items.map((t) => t.name));

  context.runtime.enableEvents = false;
  const sheet = context.workbook.worksheets.add(sheetName);
  sheet.getRange("A1:A2").values = [[plan.title], [plan.subtitle]];
  let row = 4; // 1-based sheet row of the next caption
  const made: string[] = [];
  let chartSource: Excel.Range | null = null;
  for (const t of plan.tables) {
    sheet.getRange(`A${String(row)}`).values = [[t.caption]];
    const top = row + 1;
    const bottom = top + t.rows.length;
    const last = columnLetters(t.headers.length - 1);
    const address = `A${String(top)}:${last}${String(bottom)}`;
    sheet.getRange(address).values = [[...t.headers], ...t.rows.map((r) => r.map((v) => v))];
    const table = sheet.tables.add(address, true);
    const name = freeName(t.name, tableNames, (n) => `_${String(n)}`);
    tableNames.add(name);
    table.name = name;
    made.push(name);
    t.numberFormats.forEach((format, i) => {
      if (format === "") return;
      const letter = columnLetters(i);
      sheet.getRange(`${letter}${String(top + 1)}:${letter}${String(bottom)}`).numberFormat =
        t.rows.map(() => [format]);
    });
    chartSource ??= sheet.getRange(`A${String(top)}:B${String(bottom)}`);
    row = bottom + 2;
  }
  if (chartSource !== null) {
    const chart = sheet.charts.add("BarClustered", chartSource, "Columns");
    chart.title.text = plan.chartTitle;
    chart.legend.visible = false;
    chart.setPosition("H4", "O20");
  }
  sheet.getRange("A:A").format.columnWidth = 260;
  sheet.getRange("B:E").format.columnWidth = 90;
  sheet.activate();
  context.runtime.enableEvents = true;
  try {
    await context.sync();
  } catch (e) {
    // A failed batch stops before its last command, which would leave events off.
    context.runtime.enableEvents = true;
    await context.sync().catch(() => undefined);
    throw e;
  }
  return { sheet: sheetName, tables: made };
}
