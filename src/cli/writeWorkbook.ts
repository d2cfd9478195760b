import ExcelJS from "exceljs";
import {
  CODED_COLUMNS,
  DATE_HEADERS,
  excelTableNameOf,
  dayFromParts,
  isUnsavedFormula,
  TABLE_SPECS,
  TEXT_HEADERS,
  type CellValue,
  type CodedColumn,
  type TableName,
} from "../core";

/** The dropdown lists of the coded columns, each written once to a hidden "Lists" sheet. */
const LISTS: readonly CodedColumn[] = [
  ...new Map(
    Object.values(CODED_COLUMNS)
      .flatMap((columns) => Object.values(columns))
      .map((c) => [c.list, c] as const)
  ).values(),
];

const WIDE_COLUMNS = new Set(["Title", "Description", "Notes", "Joint Providers", "Topic"]);
/** Rows that get dropdowns and date formats ahead of data. */
const PREPARED_ROWS = 500;

const columnLetter = (n: number): string => {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26))
    s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

/** Rows to put in each table, keyed by canonical header. */
export type TableRows = Partial<Record<TableName, readonly Readonly<Record<string, CellValue>>[]>>;

/**
 * A workbook with the PARS tables, each an Excel table on its own sheet with canonical
 * headers, dropdowns for coded columns, sensible widths and a frozen header row.
 */
export function buildParsWorkbook(rows: TableRows = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "PARS Ready";
  const sheets = TABLE_SPECS.map((spec) => wb.addWorksheet(spec.table));
  const lists = wb.addWorksheet("Lists", { state: "hidden" });
  const listRange = new Map<string, string>();
  LISTS.forEach((l, i) => {
    const col = columnLetter(i + 1);
    // "List of ...": a header no PARS table uses, so this sheet is never taken for Activities.
    lists.getCell(`${col}1`).value = `List of ${l.list}`;
    l.values.forEach((v, r) => (lists.getCell(`${col}${r + 2}`).value = v));
    listRange.set(l.list, `Lists!$${col}$2:$${col}$${l.values.length + 1}`);
  });

  TABLE_SPECS.forEach((spec, s) => {
    const ws = sheets[s] as ExcelJS.Worksheet;
    const headers = spec.columns.map((c) => c.header);
    const data = rows[spec.table] ?? [];
    const body = data.length > 0 ? data : [{}];
    ws.addTable({
      name: excelTableNameOf(spec.table),
      ref: "A1",
      headerRow: true,
      style: { theme: "TableStyleLight9", showRowStripes: true },
      columns: headers.map((name) => ({ name, filterButton: true })),
      rows: body.map((r) => headers.map((h) => toExcel(r[h]))),
    });
    ws.views = [{ state: "frozen", ySplit: 1 }];
    headers.forEach((h, i) => {
      const column = ws.getColumn(i + 1);
      column.width = WIDE_COLUMNS.has(h) ? 40 : Math.max(12, h.length + 4);
      if (DATE_HEADERS.has(h)) column.numFmt = "mm/dd/yyyy";
      if (TEXT_HEADERS.has(h)) column.numFmt = "@";
      const dropdown = CODED_COLUMNS[spec.table][h];
      if (dropdown === undefined) return;
      const formula = listRange.get(dropdown.list) as string;
      const last = Math.max(PREPARED_ROWS, body.length + 1);
      for (let r = 2; r <= last; r++) {
        ws.getCell(r, i + 1).dataValidation = {
          type: "list",
          allowBlank: true,
          formulae: [formula],
          // Coordinators type legacy codes and other spellings ("RSS", "Y") that the check reads:
          // other text gets a note, not a refusal, as in the task pane's tables.
          showErrorMessage: true,
          errorStyle: "information",
          errorTitle: "Not in the PARS list",
          error: `PARS expects one of the listed values for ${h}${dropdown.several ? " (several may be separated by semicolons)" : ""}. pars-ready check will say if it cannot read this one.`,
        };
      }
    });
  });
  return wb;
}

const DATE_TEXT = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/** Dates given as MM/DD/YYYY text become real Excel dates, the way a coordinator types them. */
function toExcel(v: CellValue): ExcelJS.CellValue {
  if (v === undefined) return null;
  if (isUnsavedFormula(v)) return { formula: v.formula };
  if (typeof v === "object" && v !== null) return { error: v.error } as ExcelJS.CellErrorValue;
  if (typeof v === "string") {
    const m = DATE_TEXT.exec(v);
    // A date that does not exist (02/30) stays text, as a coordinator's typo would.
    if (m !== null && dayFromParts(Number(m[3]), Number(m[1]), Number(m[2])) !== null) {
      return new Date(Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2])));
    }
  }
  return v;
}
