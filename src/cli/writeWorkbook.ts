import ExcelJS from "exceljs";
import {
  dayFromParts,
  DELIVERY_METHODS,
  FEES,
  FORMAT_KEYS,
  formatName,
  MOC_BOARDS,
  OUTCOME_NAMES,
  PROVIDERSHIPS,
  REGISTRATIONS,
  STATUSES,
  SUPPORT_TYPES,
  TABLE_SPECS,
  US_STATES,
  type CellValue,
  type TableName,
} from "../core";

/** The dropdown lists of the coded columns, written once to a hidden "Lists" sheet. */
const LISTS: readonly { readonly name: string; readonly values: readonly string[] }[] = [
  { name: "Format", values: FORMAT_KEYS.map(formatName) },
  { name: "Status", values: STATUSES.values },
  { name: "Delivery Method", values: DELIVERY_METHODS.values },
  { name: "Yes/No", values: ["Yes", "No"] },
  { name: "Fee", values: FEES.values },
  { name: "Registration", values: REGISTRATIONS.values },
  { name: "Providership", values: PROVIDERSHIPS.values },
  { name: "Outcome Measure", values: OUTCOME_NAMES.values },
  { name: "State", values: US_STATES.values },
  { name: "Support Type", values: SUPPORT_TYPES.values },
  { name: "Board", values: MOC_BOARDS.values },
];

/**
 * Which list each coded column offers. `strict` lists refuse other text; the others (columns that
 * hold several values separated by semicolons) only suggest.
 */
const DROPDOWNS: Readonly<
  Record<TableName, Readonly<Record<string, { list: string; strict: boolean }>>>
> = {
  Activities: {
    Format: { list: "Format", strict: true },
    Status: { list: "Status", strict: true },
    "Delivery Method": { list: "Delivery Method", strict: false },
    State: { list: "State", strict: false },
    "CME Passport": { list: "Yes/No", strict: true },
    Fee: { list: "Fee", strict: true },
    Registration: { list: "Registration", strict: true },
    Providership: { list: "Providership", strict: true },
    "Outcome Measures": { list: "Outcome Measure", strict: false },
    "Commercial Support": { list: "Yes/No", strict: true },
    MOC: { list: "Yes/No", strict: true },
    "MOC Attestation": { list: "Yes/No", strict: true },
  },
  Support: { "Support Type": { list: "Support Type", strict: true } },
  MOC: {
    Board: { list: "Board", strict: true },
    Fee: { list: "Fee", strict: true },
    Registration: { list: "Registration", strict: true },
  },
  Sessions: {},
};

const DATE_COLUMNS = new Set(["Start Date", "End Date", "Session Date", "Claim Date"]);
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
 * A workbook with the four PARS tables, each an Excel table on its own sheet with canonical
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
    lists.getCell(`${col}1`).value = `List of ${l.name}`;
    l.values.forEach((v, r) => (lists.getCell(`${col}${r + 2}`).value = v));
    listRange.set(l.name, `Lists!$${col}$2:$${col}$${l.values.length + 1}`);
  });

  TABLE_SPECS.forEach((spec, s) => {
    const ws = sheets[s] as ExcelJS.Worksheet;
    const headers = spec.columns.map((c) => c.header);
    const data = rows[spec.table] ?? [];
    const body = data.length > 0 ? data : [{}];
    ws.addTable({
      name: spec.table,
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
      if (DATE_COLUMNS.has(h)) column.numFmt = "mm/dd/yyyy";
      const dropdown = DROPDOWNS[spec.table][h];
      if (dropdown === undefined) return;
      const formula = listRange.get(dropdown.list) as string;
      const last = Math.max(PREPARED_ROWS, body.length + 1);
      for (let r = 2; r <= last; r++) {
        ws.getCell(r, i + 1).dataValidation = {
          type: "list",
          allowBlank: true,
          formulae: [formula],
          showErrorMessage: dropdown.strict,
          errorTitle: h,
          error: `Choose a value from the list for ${h}.`,
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
