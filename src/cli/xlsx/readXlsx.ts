import {
  dayFromParts,
  serialOfDay,
  type CellValue,
  type SourceSheet,
  type SourceTable,
  type WorkbookSource,
} from "../../core";
import { XlsxError } from "./XlsxError";

import { readXmlPart, type InflateBudget } from "./xmlPart";
import { listEntries, type ZipEntry } from "./zipArchive";

/** Excel's grid: rows 1 to 1,048,576, columns A to XFD. */
export const MAX_ROW = 1_048_576;
export const MAX_COLUMN = 16_384;

/** How much one workbook may inflate to: per part, and all parts read together. */
export type XlsxLimits = { readonly partBytes: number; readonly totalBytes: number };

/**
 * 256 MB of XML per part holds about 300,000 activities (a 50,000-activity sheet is 37 MB); the
 * whole workbook may inflate to 1 GB. Past either the file is refused, naming the part.
 */
export const DEFAULT_LIMITS: XlsxLimits = { partBytes: 256 * 2 ** 20, totalBytes: 2 ** 30 };

/** A workbook as core reads it, with what the command line should say about how it was read. */
export type XlsxRead = {
  readonly book: WorkbookSource;
  /** Each Excel table's first column on its sheet (1 for A), for naming cells as `L16`. */
  readonly firstColumns: ReadonlyMap<SourceTable, number>;
  /** Cells holding a formula with no saved result (the file was not last saved by Excel). */
  readonly formulasWithoutResult: { readonly count: number; readonly first: string | null };
};

export type XlsxOptions = {
  readonly limits?: XlsxLimits;
  /** Called as parts inflate: bytes so far of the parts' declared total. */
  readonly onProgress?: (done: number, total: number) => void;
};

type Attrs = Readonly<Record<string, string>>;
type Rel = { readonly type: string; readonly target: string };

/** Rows with no cells between used rows share this one (never mutated). */
const EMPTY_ROW: readonly CellValue[] = Object.freeze([]);

const relId = (a: Attrs): string | undefined => {
  for (const key in a) if (key === "id" || key.endsWith(":id")) return a[key];
  return undefined;
};

function resolvePart(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

const relsOf = (part: string): string => {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

/** Column number of a cell reference's letters (`AB12` is 28), or 0 when it has none. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const ch = ref.charCodeAt(i) & ~32; // upper case
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
    if (col > MAX_COLUMN) return MAX_COLUMN + 1;
  }
  return col;
}

const ROW_OF_REF = /^\$?[A-Za-z]+\$?(\d+)$/;

/** Row and column of an A1 reference, checked against Excel's grid. */
function cellOf(ref: string, part: string): { row: number; col: number } {
  const m = ROW_OF_REF.exec(ref);
  const col = columnOf(ref.replace(/\$/g, ""));
  if (m === null || col === 0)
    throw new XlsxError(`${part} has an unreadable cell reference "${ref}"`);
  if (col > MAX_COLUMN) throw new XlsxError(`${part}: ${ref} is past Excel's last column (XFD)`);
  const row = Number(m[1]);
  if (row < 1 || row > MAX_ROW) {
    throw new XlsxError(`${part}: ${ref} is past Excel's last row (1,048,576)`);
  }
  return { row, col };
}

/** `A1`-style name of a cell, for messages. */
export function cellAddress(row: number, col: number): string {
  let letters = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) {
    letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  }
  return `${letters}${row}`;
}

/** A table part as the reader needs it: where it sits and whether its last row is a total row. */
type TableSpan = {
  readonly name: string;
  readonly firstRow: number;
  /** The last activity row: the ref's end, less the total row. */
  readonly lastRow: number;
  readonly firstCol: number;
  readonly lastCol: number;
  /** The sheet row of its total row; null without one. */
  readonly totalRow: number | null;
  readonly top: number;
  readonly values: (readonly CellValue[])[];
};

class Reader {
  private readonly entries: Map<string, ZipEntry>;
  private readonly lowerCase = new Map<string, ZipEntry>();
  private readonly budget: InflateBudget;
  private strings: string[] = [];
  /** The workbook's date system, known from the workbook part before any sheet is read. */
  private date1904 = false;
  private formulasWithoutResult = 0;
  private firstFormula: string | null = null;
  private readonly firstColumns = new Map<SourceTable, number>();

  constructor(
    private readonly zip: Buffer,
    options: XlsxOptions
  ) {
    this.entries = listEntries(zip);
    for (const e of this.entries.values()) this.lowerCase.set(e.name.toLowerCase(), e);
    const limits = options.limits ?? DEFAULT_LIMITS;
    let done = 0;
    let total = 0;
    for (const e of this.entries.values()) if (e.name.endsWith(".xml")) total += e.declaredSize;
    const onProgress = options.onProgress;
    this.budget = {
      partBytes: limits.partBytes,
      remainingBytes: limits.totalBytes,
      ...(onProgress === undefined
        ? {}
        : { onBytes: (n: number) => onProgress((done += n), Math.max(total, done)) }),
    };
  }

  entry(part: string): ZipEntry | undefined {
    return this.entries.get(part) ?? this.lowerCase.get(part.toLowerCase());
  }

  private async xml(part: string, handlers: Parameters<typeof readXmlPart>[3]): Promise<boolean> {
    const entry = this.entry(part);
    if (entry === undefined) return false;
    await readXmlPart(this.zip, entry, this.budget, handlers);
    return true;
  }

  async rels(part: string): Promise<Map<string, Rel>> {
    const out = new Map<string, Rel>();
    const file = relsOf(part);
    await this.xml(file, {
      open: (name, a) => {
        if (name !== "Relationship" || a.Id === undefined || a.Target === undefined) return;
        const external = a.TargetMode === "External";
        out.set(a.Id, {
          type: a.Type ?? "",
          target: external ? a.Target : resolvePart(part, a.Target),
        });
      },
    });
    return out;
  }

  async read(): Promise<XlsxRead> {
    const rootRels = await this.rels("");
    const office = [...rootRels.values()].find((r) => r.type.endsWith("/officeDocument"));
    const workbookPart = office?.target ?? "xl/workbook.xml";
    const sheetRefs: { name: string; id: string }[] = [];
    let date1904 = false;
    const found = await this.xml(workbookPart, {
      open: (name, a) => {
        if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
        else if (name === "sheet") {
          const id = relId(a);
          if (a.name !== undefined && id !== undefined) sheetRefs.push({ name: a.name, id });
        }
      },
    });
    if (!found) throw new XlsxError("has no workbook part (xl/workbook.xml)");
    this.date1904 = date1904;
    const rels = await this.rels(workbookPart);
    const shared = [...rels.values()].find((r) => r.type.endsWith("/sharedStrings"));
    if (shared !== undefined) await this.readStrings(shared.target);
    const sheets: SourceSheet[] = [];
    const tables: SourceTable[] = [];
    for (const ref of sheetRefs) {
      const rel = rels.get(ref.id);
      // Chart sheets and dialog sheets hold no cells.
      if (rel === undefined || !rel.type.endsWith("/worksheet")) continue;
      const sheet = await this.readSheet(ref.name, rel.target);
      sheets.push(sheet.sheet);
      tables.push(...sheet.tables);
    }
    return {
      book: { tables, sheets, dateSystem: date1904 ? 1904 : 1900 },
      firstColumns: this.firstColumns,
      formulasWithoutResult: { count: this.formulasWithoutResult, first: this.firstFormula },
    };
  }

  /** The shared strings, rich text joined into its plain text, phonetic guides left out. */
  private async readStrings(part: string): Promise<void> {
    const strings: string[] = [];
    let text = "";
    let inText = false;
    let phonetic = 0;
    await this.xml(part, {
      open: (name) => {
        if (name === "t") inText = phonetic === 0;
        else if (name === "si") text = "";
        else if (name === "rPh") phonetic++;
      },
      close: (name) => {
        if (name === "t") inText = false;
        else if (name === "si") strings.push(text);
        else if (name === "rPh") phonetic--;
      },
      text: (t) => {
        if (inText) text += t;
      },
    });
    this.strings = strings;
  }

  private async readTable(part: string): Promise<TableSpan | null> {
    let span: TableSpan | null = null;
    const columns: string[] = [];
    let headerRows = 1;
    let totalRows = 0;
    let ref = "";
    let name = "";
    await this.xml(part, {
      open: (tag, a) => {
        if (tag === "table") {
          name = a.displayName ?? a.name ?? "";
          ref = a.ref ?? "";
          headerRows = a.headerRowCount === "0" ? 0 : 1;
          totalRows = Number(a.totalsRowCount ?? "0") > 0 ? 1 : 0;
        } else if (tag === "tableColumn") columns.push(a.name ?? "");
      },
    });
    if (ref === "" || name === "") return null;
    const [from, to = from] = ref.split(":") as [string, string?];
    const a = cellOf(from, part);
    const b = cellOf(to, part);
    // A table saved without its header row still has its column names: they become the header.
    const values: (readonly CellValue[])[] = headerRows === 0 ? [columns] : [];
    span = {
      name,
      firstRow: a.row,
      lastRow: b.row - totalRows,
      firstCol: a.col,
      lastCol: b.col,
      totalRow: totalRows > 0 ? b.row : null,
      top: headerRows === 0 ? a.row - 1 : a.row,
      values,
    };
    return span;
  }

  private async readSheet(
    name: string,
    part: string
  ): Promise<{ sheet: SourceSheet; tables: SourceTable[] }> {
    const rels = await this.rels(part);
    const spans: TableSpan[] = [];
    for (const rel of rels.values()) {
      if (!rel.type.endsWith("/table")) continue;
      const span = await this.readTable(rel.target);
      if (span !== null) spans.push(span);
    }
    const values: (readonly CellValue[])[] = [];
    let top = 0;
    const strings = this.strings;

    let inData = false;
    let rowNumber = 0;
    let nextCol = 1;
    let cols: number[] = [];
    let vals: CellValue[] = [];
    let col = 0;
    let type = "n";
    let hasFormula = false;
    let hasValue = false;
    let inValue = false;
    let inFormula = false;
    let formulaText = "";
    let inInline = false;
    let inText = false;
    let phonetic = 0;
    let valueText = "";
    let inlineText = "";
    const links: { ref: string; target: string }[] = [];
    const hiddenRows = new Set<number>();

    const malformed = (why: string) =>
      new XlsxError(`${part}: cell ${cellAddress(rowNumber, col)} ${why}`);

    const cellValue = (): CellValue => {
      if (!hasValue && type !== "inlineStr") return null;
      switch (type) {
        case "s": {
          if (valueText.trim() === "") return null;
          const s = strings[Number(valueText)];
          if (s === undefined)
            throw malformed(`names shared string ${valueText}, which is missing`);
          return s;
        }
        case "b":
          return valueText === "1" || valueText === "true";
        case "e":
          return { error: valueText };
        case "str":
          return valueText;
        case "inlineStr":
          return hasValue && inlineText === "" ? valueText : inlineText;
        case "d": {
          // An ISO 8601 date cell (Strict Open XML, LibreOffice) is a date, not text: its day's
          // serial number, as Excel holds any other date cell (the time of day is dropped, as the
          // engine drops it). Only an unreadable one stays text, for the date reader to name.
          const m = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]*Z?)?$/.exec(valueText);
          const day = m === null ? null : dayFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
          if (day === null) return valueText;
          return serialOfDay(day, this.date1904 ? 1904 : 1900);
        }
        default: {
          if (valueText.trim() === "") return null;
          const n = Number(valueText);
          if (Number.isNaN(n)) throw malformed(`holds "${valueText}" as a number`);
          return n;
        }
      }
    };

    const materialise = (from: number, to: number): CellValue[] => {
      // Dense from the first column wanted to the last cell present, unless that would be far
      // wider than the cells themselves (one cell in XFD): then an array holding only the cells.
      let last = 0;
      let count = 0;
      for (let i = 0; i < cols.length; i++) {
        const c = cols[i] as number;
        if (c >= from && c <= to) {
          count++;
          if (c > last) last = c;
        }
      }
      if (count === 0) return [];
      const width = last - from + 1;
      const dense = width <= 4 * count + 64;
      const out: CellValue[] = dense ? new Array<CellValue>(width).fill(null) : [];
      for (let i = 0; i < cols.length; i++) {
        const c = cols[i] as number;
        if (c >= from && c <= to) out[c - from] = vals[i];
      }
      return out;
    };

    const endRow = () => {
      if (cols.length === 0) return;
      const row = materialise(1, MAX_COLUMN);
      if (values.length === 0) top = rowNumber;
      while (top + values.length < rowNumber) values.push(EMPTY_ROW);
      values.push(row);
      for (const t of spans) {
        if (rowNumber < t.firstRow || rowNumber > t.lastRow) continue;
        while (t.top + t.values.length < rowNumber) t.values.push(EMPTY_ROW);
        t.values.push(
          t.firstCol === 1 && row.length <= t.lastCol ? row : materialise(t.firstCol, t.lastCol)
        );
      }
    };

    await this.xml(part, {
      open: (tag, a) => {
        if (!inData) {
          if (tag === "sheetData") inData = true;
          else if (tag === "hyperlink") {
            const id = relId(a);
            const target = id === undefined ? a.location : rels.get(id)?.target;
            if (a.ref !== undefined && target !== undefined) links.push({ ref: a.ref, target });
          }
          return;
        }
        switch (tag) {
          case "c": {
            col = a.r === undefined ? nextCol : columnOf(a.r);
            if (col === 0) throw malformed(`has an unreadable reference "${a.r ?? ""}"`);
            if (col > MAX_COLUMN) {
              throw new XlsxError(`${part}: cell ${a.r ?? ""} is past Excel's last column (XFD)`);
            }
            type = a.t ?? "n";
            hasFormula = false;
            hasValue = false;
            formulaText = "";
            valueText = "";
            inlineText = "";
            return;
          }
          case "v":
            inValue = true;
            hasValue = true;
            return;
          case "f":
            hasFormula = true;
            inFormula = true;
            return;
          case "is":
            inInline = true;
            return;
          case "t":
            inText = inInline && phonetic === 0;
            return;
          case "rPh":
            phonetic++;
            return;
          case "row": {
            const r = a.r === undefined ? rowNumber + 1 : Number(a.r);
            if (!Number.isInteger(r) || r < 1) {
              throw new XlsxError(`${part} has an unreadable row number "${a.r ?? ""}"`);
            }
            if (r > MAX_ROW) {
              throw new XlsxError(`${part}: row ${r} is past Excel's last row (1,048,576)`);
            }
            if (r <= rowNumber) {
              throw new XlsxError(`${part}: row ${r} comes after row ${rowNumber}`);
            }
            rowNumber = r;
            if (a.hidden === "1" || a.hidden === "true") hiddenRows.add(r);
            nextCol = 1;
            cols = [];
            vals = [];
            return;
          }
        }
      },
      close: (tag) => {
        if (!inData) return;
        switch (tag) {
          case "v":
            inValue = false;
            return;
          case "f":
            inFormula = false;
            return;
          case "t":
            inText = false;
            return;
          case "is":
            inInline = false;
            return;
          case "rPh":
            phonetic--;
            return;
          case "c": {
            let value = cellValue();
            if (hasFormula && !hasValue) {
              this.formulasWithoutResult++;
              this.firstFormula ??= `${name}!${cellAddress(rowNumber, col)}`;
              // Core says so on the row ("open and save the workbook in Excel") instead of taking
              // the cell for blank. A shared formula's follower cells hold no text of their own.
              value = { formula: formulaText };
            }
            if (value !== null) {
              cols.push(col);
              vals.push(value);
            }
            nextCol = col + 1;
            return;
          }
          case "row":
            endRow();
            return;
          case "sheetData":
            inData = false;
            return;
        }
      },
      text: (t) => {
        if (inValue) valueText += t;
        else if (inFormula) formulaText += t;
        else if (inText) inlineText += t;
      },
    });

    // A link cell shows its text; one with no text of its own reads as where it links to.
    for (const link of links) {
      const at = cellOf(link.ref.split(":")[0] ?? "", part);
      const setIn = (rows: (readonly CellValue[])[], rowTop: number, firstCol: number) => {
        const row = rows[at.row - rowTop];
        if (row === undefined || row === EMPTY_ROW) return;
        const i = at.col - firstCol;
        const v = row[i];
        if (v === null || v === undefined || v === "") (row as CellValue[])[i] = link.target;
      };
      setIn(values, top, 1);
      for (const t of spans)
        if (at.col >= t.firstCol && at.col <= t.lastCol) setIn(t.values, t.top, t.firstCol);
    }

    return {
      sheet: {
        name,
        top: values.length === 0 ? 1 : top,
        hiddenRows,
        totalRows: new Set(spans.flatMap((t) => (t.totalRow === null ? [] : [t.totalRow]))),
        values,
      },
      tables: spans.map((t) => {
        const table = {
          name: t.name,
          sheet: name,
          top: t.top,
          firstColumn: t.firstCol,
          hiddenRows,
          values: t.values,
        };
        this.firstColumns.set(table, t.firstCol);
        return table;
      }),
    };
  }
}

/**
 * Reads an .xlsx held in memory into what core checks: every worksheet's used cells, every Excel
 * table (its total row left out), the date system. Cells are read as Excel saved them: formulas by
 * their cached result, shared and rich text as plain text, ISO date cells as YYYY-MM-DD. Only the
 * parts that hold these are inflated, one piece at a time; styles, data validation and drawings are
 * skipped, so a dropdown over a whole column costs nothing.
 *
 * @throws {XlsxError} (rejects) for a damaged zip, a malformed part, a part past the limits, or a
 *   row or column outside Excel's grid; the message names the part
 */
export async function readXlsx(zip: Buffer, options: XlsxOptions = {}): Promise<XlsxRead> {
  return new Reader(zip, options).read();
}

/** The names of the zip's parts, for telling an .xlsx from other zips. */
export function partNames(zip: Buffer): ReadonlySet<string> {
  return new Set(listEntries(zip).keys());
}
