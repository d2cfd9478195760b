import { promises as fs } from "node:fs";
import type { WorkbookSource } from "../core";
import { readXlsx, type XlsxOptions, type XlsxRead } from "./xlsx/readXlsx";
import { XlsxError } from "./xlsx/XlsxError";
import { listEntries } from "./xlsx/zipArchive";

/** A file the CLI cannot read as a workbook: missing, not .xlsx, password-protected, damaged. */
export class WorkbookReadError extends Error {
  override readonly name = "WorkbookReadError";
}

// An encrypted (password-protected) .xlsx and an old .xls are both OLE compound files, not zips.
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b]);

/** Largest file read at all; the parts inside are capped apart (see `DEFAULT_LIMITS`). */
export const MAX_FILE_BYTES = 512 * 2 ** 20;

const MAKE_XLSX = "open it in Excel and save it as Excel Workbook (.xlsx)";

const utf16 = (s: string) => Buffer.from(s, "utf16le");

/** Why an OLE compound file is not a readable workbook, from the streams it names. */
function oleKind(bytes: Buffer): string {
  if (bytes.includes(utf16("EncryptionInfo")) || bytes.includes(utf16("EncryptedPackage"))) {
    return "is password-protected; remove the password (File > Info > Protect Workbook) and save it again";
  }
  if (bytes.includes(utf16("WordDocument"))) return "is a Word document, not a workbook";
  if (bytes.includes(utf16("Workbook")) || bytes.includes(utf16("Book"))) {
    return `is an old Excel 97-2003 workbook (.xls); ${MAKE_XLSX}`;
  }
  return "is password-protected or an old Excel file (.xls); save it as an unprotected .xlsx workbook";
}

/** Why a zip that is not an .xlsx is not, from the parts it holds; null when it may be one. */
function zipKind(bytes: Buffer): string | null {
  let names: string[];
  try {
    names = [...listEntries(bytes).keys()];
  } catch {
    return null; // damaged: let the reader name what is wrong
  }
  const has = (p: string) => names.some((n) => n === p || n.startsWith(p));
  if (has("xl/workbook.xml")) return null;
  if (names.includes("mimetype")) {
    if (bytes.includes(Buffer.from("application/vnd.oasis.opendocument.spreadsheet"))) {
      return `is an OpenDocument spreadsheet (.ods); ${MAKE_XLSX}`;
    }
    return "is an OpenDocument file, not a workbook";
  }
  if (has("xl/workbook.bin")) return `is a binary workbook (.xlsb); ${MAKE_XLSX}`;
  if (has("word/")) return "is a Word document (.docx), not a workbook";
  if (has("ppt/")) return "is a PowerPoint presentation, not a workbook";
  return "is a zip archive but not an .xlsx workbook";
}

/** Why bytes that are neither zip nor OLE are not a workbook. */
function textKind(bytes: Buffer): string {
  const head = bytes
    .subarray(0, 4096)
    .toString("utf8")
    .replace(/^\uFEFF/, "");
  if (/^\s*</.test(head)) {
    return /<html|<table/i.test(head)
      ? `is a web page (HTML), not an .xlsx workbook; ${MAKE_XLSX}`
      : `is an XML file, not an .xlsx workbook; ${MAKE_XLSX}`;
  }
  const firstLine = head.split(/\r?\n/, 1)[0] ?? "";
  // Binary files hold control bytes (other than tab, line feed and carriage return); text does not.
  const printable = ![...head.slice(0, 512)].some((ch) => ch < " " && !"\t\n\r".includes(ch));
  if (printable && /[,;\t]/.test(firstLine)) {
    return `is a text (CSV) file, not an .xlsx workbook; ${MAKE_XLSX}, or paste it into a workbook made by pars-ready template`;
  }
  return "is not an .xlsx workbook";
}

/**
 * Reads an .xlsx file into what core checks, saying how it was read (formulas without a saved
 * result).
 *
 * @throws {WorkbookReadError} (rejects) when the file is missing, empty, not an .xlsx workbook
 *   (saying what it is and how to make one), password-protected, damaged or past the reader's limits
 */
export async function readWorkbookFile(path: string, options: XlsxOptions = {}): Promise<XlsxRead> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(path);
    if (stat.isDirectory()) throw new WorkbookReadError(`${path}: is a folder, not a workbook`);
    if (stat.size > MAX_FILE_BYTES) {
      throw new WorkbookReadError(
        `${path}: is ${Math.round(stat.size / 2 ** 20)} MB, past the ${MAX_FILE_BYTES / 2 ** 20} MB this tool reads`
      );
    }
    bytes = await fs.readFile(path);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new WorkbookReadError(
      code === "ENOENT"
        ? `${path}: no such file`
        : code === "EISDIR"
          ? `${path}: is a folder, not a workbook`
          : `${path}: cannot be read (${code ?? String(e)})`
    );
  }
  if (bytes.length === 0) throw new WorkbookReadError(`${path}: is empty (0 bytes)`);
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) {
    throw new WorkbookReadError(`${path}: ${oleKind(bytes)}`);
  }
  if (!bytes.subarray(0, 2).equals(ZIP_MAGIC)) {
    throw new WorkbookReadError(`${path}: ${textKind(bytes)}`);
  }
  const kind = zipKind(bytes);
  if (kind !== null) throw new WorkbookReadError(`${path}: ${kind}`);
  try {
    return await readXlsx(bytes, options);
  } catch (e) {
    if (e instanceof XlsxError) throw new WorkbookReadError(`${path}: ${e.message}`);
    throw e;
  }
}

/**
 * Reads an .xlsx file into what core checks: every Excel table and every sheet's cells.
 *
 * @throws {WorkbookReadError} (rejects) as `readWorkbookFile`
 */
export async function readWorkbook(path: string): Promise<WorkbookSource> {
  return (await readWorkbookFile(path)).book;
}
