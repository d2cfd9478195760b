/**
 * An Excel error value as the host reports it (`#N/A`, `#REF!`, `#VALUE!`...). office.js returns
 * these as strings in `values`; exceljs as `{ error }` objects. Shells convert both to this shape so
 * that core can tell an error from text that merely starts with `#`.
 */
export type CellError = { readonly error: string };

/**
 * A formula whose result the file does not hold: a workbook written by a program, never opened
 * and saved in Excel; shells that read files hand it over so that the finding says so, instead of
 * taking the cell for blank.
 */
export type UnsavedFormula = { readonly formula: string };

/** One cell as a shell hands it to core: formulas already replaced by their cached results. */
export type CellValue = string | number | boolean | null | undefined | CellError | UnsavedFormula;

/** The Excel error literals. */
export const EXCEL_ERRORS: ReadonlySet<string> = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
]);

/** True for an Excel error value in either of its shapes. */
export function isCellError(value: CellValue): value is CellError {
  return (
    typeof value === "object" &&
    value !== null &&
    "error" in value &&
    typeof value.error === "string"
  );
}

/** True for a formula without a saved result. */
export function isUnsavedFormula(value: CellValue): value is UnsavedFormula {
  return typeof value === "object" && value !== null && "formula" in value;
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/**
 * office.js hands error values over as plain strings: turn the known literals into `CellError`.
 * A JavaScript Date (how .xlsx readers give a date cell, ISO `t="d"` cells included) becomes its
 * calendar day as ISO text, `YYYY-MM-DD`, which the date reader takes as that day. Readers give
 * such cells as UTC midnight, so the day is the UTC one: never shifted by the local time zone.
 */
export function cellFromHost(value: unknown): CellValue {
  if (value instanceof Date) {
    const t = value.getTime();
    if (Number.isNaN(t)) return { error: "#VALUE!" };
    return `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1, 2)}-${pad(value.getUTCDate(), 2)}`;
  }
  if (typeof value === "string") {
    return EXCEL_ERRORS.has(value) ? { error: value } : value;
  }
  if (typeof value === "number" || typeof value === "boolean" || value === null) return value;
  if (value === undefined) return null;
  if (typeof value === "object" && typeof (value as { error?: unknown }).error === "string") {
    return { error: (value as { error: string }).error };
  }
  if (typeof value === "bigint") return Number(value);
  // Anything else (a symbol, a function, an object without an error) is no cell value Excel makes.
  return { error: "#VALUE!" };
}

/** True when a cell holds nothing a coordinator typed (blank, or only spaces). */
export function isBlank(value: CellValue): boolean {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

/** How a cell reads in a message: text as typed, numbers as Excel shows them without format. */
export function describeCell(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (isCellError(value)) return value.error;
  if (isUnsavedFormula(value)) return `=${value.formula}`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}
