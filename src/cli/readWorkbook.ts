import { promises as fs } from "node:fs";
import ExcelJS from "exceljs";
import type { CellValue, SourceSheet, SourceTable, WorkbookSource } from "../core";

/** A file the CLI cannot read as a workbook: missing, not .xlsx, password-protected. */
export class WorkbookReadError extends Error {
  override readonly name = "WorkbookReadError";
}

// An encrypted (password-protected) .xlsx is an OLE compound file, not a zip.
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b]);

const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * One exceljs cell value as core reads it: formulas by their cached result, rich text and links by
 * their text, dates (already shifted for the 1904 system by exceljs) as YYYY-MM-DD.
 */
export function cellFromExcelJs(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return value;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { error: "#VALUE!" };
    return `${value.getUTCFullYear()}-${pad2(value.getUTCMonth() + 1)}-${pad2(value.getUTCDate())}`;
  }
  if ("error" in value) return { error: value.error };
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const f = value as { formula?: string; sharedFormula?: string; result?: ExcelJS.CellValue };
    // A file written by a program and never calculated in Excel holds formulas without results.
    if (f.result === undefined) return { formula: f.formula ?? f.sharedFormula ?? "" };
    return cellFromExcelJs(f.result);
  }
  if ("hyperlink" in value) {
    const link = value as { text?: unknown; hyperlink: string };
    return typeof link.text === "string" && link.text !== "" ? link.text : link.hyperlink;
  }
  return null;
}

const COLUMN = /^([A-Z]+)(\d+)$/;

function decodeCell(address: string): { row: number; col: number } {
  const m = COLUMN.exec(address.replace(/\$/g, "").toUpperCase());
  if (m === null) throw new WorkbookReadError(`Unreadable cell address "${address}"`);
  let col = 0;
  for (const ch of m[1] ?? "") col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/** Sheet values from row 1, column A: `values[r - 1][c - 1]`. */
function sheetValues(ws: ExcelJS.Worksheet): CellValue[][] {
  const rows: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const raw = row.values as (ExcelJS.CellValue | undefined)[];
    const cells: CellValue[] = new Array<CellValue>(Math.max(0, raw.length - 1));
    for (let c = 1; c < raw.length; c++) cells[c - 1] = cellFromExcelJs(raw[c]);
    while (rows.length < rowNumber - 1) rows.push([]);
    rows.push(cells);
  });
  return rows;
}

/**
 * Reads an .xlsx file into what core checks: every Excel table and every sheet's cells.
 *
 * @throws {WorkbookReadError} when the file is missing, not an .xlsx workbook, or password-protected
 */
export async function readWorkbook(path: string): Promise<WorkbookSource> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new WorkbookReadError(
      code === "ENOENT"
        ? `${path}: no such file`
        : code === "EISDIR"
          ? `${path}: is a folder, not a workbook`
          : `${path}: cannot be read (${code ?? String(e)})`
    );
  }
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) {
    throw new WorkbookReadError(
      `${path}: is password-protected or an old .xls file; save it as an unprotected .xlsx workbook`
    );
  }
  if (!bytes.subarray(0, 2).equals(ZIP_MAGIC)) {
    throw new WorkbookReadError(`${path}: is not an .xlsx workbook`);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new WorkbookReadError(
      `${path}: is not a readable .xlsx workbook (${e instanceof Error ? e.message : String(e)})`
    );
  }
  const tables: SourceTable[] = [];
  const sheets: SourceSheet[] = [];
  wb.eachSheet((ws) => {
    const values = sheetValues(ws);
    sheets.push({ name: ws.name, top: 1, values });
    for (const t of ws.getTables()) {
      const model = (
        t as unknown as {
          table: { name: string; tableRef?: string; ref?: string; totalsRow?: boolean };
        }
      ).table;
      const ref = model.tableRef ?? model.ref;
      if (ref === undefined) continue;
      const [from, to = from] = ref.split(":") as [string, string?];
      const a = decodeCell(from);
      const b = decodeCell(to);
      // A total row (Table Design > Total Row) sums the activities; it is not one of them.
      const last = model.totalsRow === true ? b.row - 1 : b.row;
      const slice: CellValue[][] = [];
      for (let r = a.row; r <= last; r++) {
        const row = values[r - 1] ?? [];
        const cells: CellValue[] = [];
        for (let c = a.col; c <= b.col; c++) cells.push(row[c - 1] ?? null);
        slice.push(cells);
      }
      tables.push({ name: model.name, sheet: ws.name, top: a.row, values: slice });
    }
  });
  const date1904 = (wb.properties as { date1904?: boolean }).date1904 === true;
  return { tables, sheets, dateSystem: date1904 ? 1904 : 1900 };
}
