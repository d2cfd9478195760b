// A small in-memory Excel for adapter tests: the part of the office.js surface PARS Ready uses
// (worksheets, tables, ranges, RangeAreas, conditional formats, data validation, events), with
// office.js's batching: calls are queued, run at `sync()`, and loaded properties can only be read
// after it. It counts round trips and commands and enforces the 5 MB payload and 8,192-character
// address limits, so a test fails where real Excel would.
/* eslint-disable @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any */

/** Excel's limit on one request or response on the web. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/** An office.js error as Excel raises it: a `code` such as "ItemNotFound". */
export class FakeExcelError extends Error {
  override readonly name = "RichApi.Error";
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message);
  }
}

export type CellFormat = { fill?: string; font?: string; bold?: boolean; border?: string };

export type ConditionalFormatModel = {
  id: string;
  type: string;
  sheet: SheetModel;
  areas: Area[];
  formula: string | null;
  fill: string | null;
  font: string | null;
};

export type Area = { r0: number; c0: number; nr: number; nc: number };

export type SheetModel = {
  id: string;
  name: string;
  visibility: string;
  locked: boolean;
  rows: unknown[][];
  formats: Map<string, CellFormat>;
  numberFormats: Map<string, string>;
  /** Cells holding a formula, by "row,column" (0-based); `rows` holds the formula's value. */
  formulas: Map<string, string>;
  widths: Map<number, number>;
  validations: { area: Area; rule: unknown; errorAlert?: unknown }[];
  frozenRows: number;
  /** Rows the user hid (0-based), as `Range.rowHidden` reports them. */
  hiddenRows?: Set<number>;
  /** In priority order, highest first. */
  conditionalFormats: ConditionalFormatModel[];
};

export type TableModel = {
  id: string;
  name: string;
  sheet: SheetModel;
  r0: number;
  c0: number;
  nr: number;
  nc: number;
  /** The table's last row is its total row (Table Design > Total Row). */
  totals?: boolean;
};

/** A chart the add-in made: its type, the cells it plots, and where it sits. */
export type ChartModel = {
  sheet: SheetModel;
  type: string;
  source: Area;
  seriesBy: string;
  title: string | null;
  legend: boolean;
  position: { from: string; to: string } | null;
};

export type ChangedArgs = {
  worksheetId: string;
  address: string;
  changeType: string;
  source: string;
  type: string;
};

type Handler = (args: ChangedArgs) => Promise<unknown>;

const letters = (c: number): string => {
  let n = c + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

const colOf = (l: string): number =>
  [...l.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** "A1", "A1:C3", "A:C", "2:4", with or without a sheet name. */
export function parseAddress(address: string): Area {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const s = local.replace(/\$/g, "").trim();
  let m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(s);
  if (m !== null) {
    const c1 = colOf(m[1]!);
    const r1 = Number(m[2]) - 1;
    const c2 = m[3] === undefined ? c1 : colOf(m[3]);
    const r2 = m[4] === undefined ? r1 : Number(m[4]) - 1;
    return {
      r0: Math.min(r1, r2),
      c0: Math.min(c1, c2),
      nr: Math.abs(r2 - r1) + 1,
      nc: Math.abs(c2 - c1) + 1,
    };
  }
  m = /^([A-Z]+):([A-Z]+)$/i.exec(s);
  if (m !== null) {
    const c1 = colOf(m[1]!);
    const c2 = colOf(m[2]!);
    return { r0: 0, c0: Math.min(c1, c2), nr: MAX_ROWS, nc: Math.abs(c2 - c1) + 1 };
  }
  m = /^(\d+):(\d+)$/.exec(s);
  if (m !== null) {
    const r1 = Number(m[1]) - 1;
    const r2 = Number(m[2]) - 1;
    return { r0: Math.min(r1, r2), c0: 0, nr: Math.abs(r2 - r1) + 1, nc: MAX_COLUMNS };
  }
  throw new FakeExcelError("InvalidArgument", `bad address ${address}`);
}

export function areaAddress(a: Area): string {
  const tl = `${letters(a.c0)}${String(a.r0 + 1)}`;
  const br = `${letters(a.c0 + a.nc - 1)}${String(a.r0 + a.nr)}`;
  return tl === br ? tl : `${tl}:${br}`;
}

const intersects = (a: Area, b: Area): boolean =>
  a.r0 < b.r0 + b.nr && b.r0 < a.r0 + a.nr && a.c0 < b.c0 + b.nc && b.c0 < a.c0 + a.nc;

type LoadTree = Map<string, LoadTree>;

function parseLoad(spec: string): LoadTree {
  const tree: LoadTree = new Map();
  for (const path of spec.split(",")) {
    let node = tree;
    for (const part of path.trim().split("/")) {
      if (part === "") continue;
      let next = node.get(part);
      if (next === undefined) node.set(part, (next = new Map<string, LoadTree>()));
      node = next;
    }
  }
  return tree;
}

/** The workbook and everything the add-in did to it. */
export class FakeExcel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly charts: ChartModel[] = [];
  /** Every command queued, as "Type.member", across all batches. */
  readonly ops: string[] = [];
  syncs = 0;
  /** The largest request and response Excel accepted, in bytes. */
  maxRequestBytes = 0;
  maxResponseBytes = 0;
  /** Round trips refused for exceeding the payload limit. */
  refusals = 0;
  enableEvents = true;
  /** The workbook's date system: 1904 in some old Mac workbooks. */
  dateSystem: 1900 | 1904 = 1900;
  /** A protected workbook structure: sheets cannot be added. */
  structureLocked = false;
  selected: { sheet: string; address: string } | null = null;
  activeSheet: string | null = null;
  readonly handlers: Handler[] = [];
  private nextId = 1;

  /** `Excel.run`, for the adapter under test; given a context, it runs in it, as Excel.run does. */
  readonly run = <T>(
    batch: (context: Excel.RequestContext) => Promise<T>,
    context?: Excel.RequestContext
  ): Promise<T> => batch(context ?? (new FakeContext(this) as unknown as Excel.RequestContext));

  id(prefix: string): string {
    return `${prefix}${String(this.nextId++)}`;
  }

  addSheet(name: string): SheetModel {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw new FakeExcelError("ItemAlreadyExists", `sheet ${name} exists`);
    }
    const sheet: SheetModel = {
      id: this.id("{sheet-"),
      name,
      visibility: "Visible",
      locked: false,
      rows: [],
      formats: new Map(),
      numberFormats: new Map(),
      formulas: new Map(),
      widths: new Map(),
      validations: [],
      frozenRows: 0,
      conditionalFormats: [],
    };
    this.sheets.push(sheet);
    return sheet;
  }

  /** A sheet by name (any case) or by ID, as `worksheets.getItem` finds it. */
  sheet(name: string): SheetModel {
    const s = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase() || x.id === name);
    if (s === undefined) throw new FakeExcelError("ItemNotFound", `no sheet ${name}`);
    return s;
  }

  /** Writes values with their top-left cell at `address`, as a user would type or paste them. */
  setValues(
    sheet: SheetModel,
    r0: number,
    c0: number,
    values: readonly (readonly unknown[])[]
  ): void {
    values.forEach((row, i) => {
      const target = (sheet.rows[r0 + i] ??= []);
      row.forEach((v, j) => {
        target[c0 + j] = v;
      });
    });
  }

  /** Puts a formula in one cell (0-based row and column), with the value it works out to. */
  setFormula(sheet: SheetModel, r: number, c: number, formula: string, value: unknown): void {
    this.setValues(sheet, r, c, [[value]]);
    sheet.formulas.set(`${String(r)},${String(c)}`, formula);
  }

  /** Adds an Excel table over values already on a sheet. */
  addTable(name: string, sheet: SheetModel, address: string): TableModel {
    if (this.tables.some((t) => t.name.toLowerCase() === name.toLowerCase())) {
      throw new FakeExcelError("ItemAlreadyExists", `table ${name} exists`);
    }
    const a = parseAddress(address);
    const t: TableModel = { id: this.id("table-"), name, sheet, ...a };
    this.tables.push(t);
    return t;
  }

  /** A conditional format the user made, added at the top as Excel does. */
  addUserConditionalFormat(
    sheet: SheetModel,
    address: string,
    cf: { type: string; formula?: string; fill?: string }
  ): ConditionalFormatModel {
    const model: ConditionalFormatModel = {
      id: this.id("cf-"),
      type: cf.type,
      sheet,
      areas: address.split(",").map(parseAddress),
      formula: cf.formula ?? null,
      fill: cf.fill ?? null,
      font: null,
    };
    sheet.conditionalFormats.unshift(model);
    return model;
  }

  valuesOf(sheet: SheetModel, a: Area): unknown[][] {
    const out: unknown[][] = [];
    for (let r = a.r0; r < a.r0 + a.nr; r++) {
      const row = sheet.rows[r];
      const cells: unknown[] = new Array(a.nc);
      for (let c = 0; c < a.nc; c++) cells[c] = row?.[a.c0 + c] ?? "";
      out.push(cells);
    }
    return out;
  }

  usedArea(sheet: SheetModel): Area | null {
    let r0 = Infinity;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    sheet.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === "" || v === null || v === undefined) return;
        r0 = Math.min(r0, r);
        r1 = Math.max(r1, r);
        c0 = Math.min(c0, c);
        c1 = Math.max(c1, c);
      });
    });
    return r1 < 0 ? null : { r0, c0, nr: r1 - r0 + 1, nc: c1 - c0 + 1 };
  }

  /** A user's edit: writes the values and raises the changed event as Excel would. */
  async userEdit(sheetName: string, address: string, values: unknown[][]): Promise<void> {
    const sheet = this.sheet(sheetName);
    const a = parseAddress(address);
    this.setValues(sheet, a.r0, a.c0, values);
    await this.emit(sheet, areaAddress(a), "RangeEdited");
  }

  async emit(sheet: SheetModel, address: string, changeType: string): Promise<void> {
    if (!this.enableEvents) return;
    const args: ChangedArgs = {
      worksheetId: sheet.id,
      address,
      changeType,
      source: "Local",
      type: "WorksheetChanged",
    };
    await Promise.all(this.handlers.map((h) => h(args)));
  }

  /**
   * Everything a user could see or rely on, as plain data: values, cell formats, number formats,
   * widths, validation, frozen rows, and conditional formats in priority order.
   */
  snapshot(): unknown {
    return this.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      rows: s.rows.map((r) => [...r]),
      formats: [...s.formats].sort(),
      numberFormats: [...s.numberFormats].sort(),
      formulas: [...s.formulas].sort(),
      widths: [...s.widths].sort(),
      validations: s.validations.map((v) => ({
        area: areaAddress(v.area),
        rule: v.rule,
        errorAlert: v.errorAlert,
      })),
      frozenRows: s.frozenRows,
      conditionalFormats: s.conditionalFormats.map((cf) => ({
        id: cf.id,
        type: cf.type,
        areas: cf.areas.map(areaAddress),
        formula: cf.formula,
        fill: cf.fill,
        font: cf.font,
      })),
    }));
  }

  /** Commands of a given kind queued so far. */
  count(op: string): number {
    return this.ops.filter((o) => o === op).length;
  }
}

/** One `Excel.run`'s request context. */
class FakeContext {
  readonly workbook: FakeWorkbook;
  readonly runtime: { enableEvents: boolean };
  private queue: (() => void)[] = [];
  requestBytes = 0;
  responseBytes = 0;
  private writes: { sheet: SheetModel; address: string }[] = [];

  constructor(readonly host: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
    const op = (name: string, bytes: number, run: () => void) => this.op(name, bytes, run);
    this.runtime = {
      get enableEvents(): boolean {
        throw new Error("PropertyNotLoaded: Runtime.enableEvents");
      },
      set enableEvents(v: boolean) {
        op("Runtime.enableEvents", 8, () => {
          host.enableEvents = v;
        });
      },
    };
  }

  op(name: string, bytes = 16, run?: () => void): void {
    this.host.ops.push(name);
    this.requestBytes += bytes;
    if (run !== undefined) this.queue.push(run);
  }

  wrote(sheet: SheetModel, address: string): void {
    if (this.host.enableEvents) this.writes.push({ sheet, address });
  }

  async sync(): Promise<void> {
    this.host.syncs++;
    const queue = this.queue;
    const requestBytes = this.requestBytes;
    this.queue = [];
    this.requestBytes = 0;
    this.responseBytes = 0;
    if (requestBytes > PAYLOAD_LIMIT) {
      this.host.refusals++;
      throw new FakeExcelError("RequestPayloadSizeLimitExceeded", "request over 5 MB");
    }
    this.host.maxRequestBytes = Math.max(this.host.maxRequestBytes, requestBytes);
    await Promise.resolve();
    for (const run of queue) run();
    if (this.responseBytes > PAYLOAD_LIMIT) {
      this.host.refusals++;
      throw new FakeExcelError("ResponsePayloadSizeLimitExceeded", "response over 5 MB");
    }
    this.host.maxResponseBytes = Math.max(this.host.maxResponseBytes, this.responseBytes);
    const writes = this.writes;
    this.writes = [];
    for (const w of writes) await this.host.emit(w.sheet, w.address, "RangeEdited");
  }
}

/** Base of every proxy: load() queues a snapshot; reading before the sync throws, as Excel does. */
abstract class FakeObject {
  private loaded = new Map<string, unknown>();
  private nullObject: boolean | undefined;
  abstract readonly kind: string;
  constructor(readonly ctx: FakeContext) {}

  /** The live model value of a property, at sync time; null for a null object. */
  protected abstract target(): unknown;
  protected abstract read(name: string, target: any): unknown;

  load(spec = ""): this {
    this.ctx.op(`${this.kind}.load`, 16 + spec.length, () => this.apply(parseLoad(spec)));
    return this;
  }

  apply(tree: LoadTree): void {
    const target = this.target();
    this.nullObject = target === null;
    if (target === null) return;
    for (const [key, sub] of tree) {
      const value = this.read(key, target);
      if (sub.size > 0) {
        if (Array.isArray(value)) for (const v of value as FakeObject[]) v.apply(sub);
        else if (value instanceof FakeObject) value.apply(sub);
      } else if (!(value instanceof FakeObject)) {
        this.ctx.responseBytes += JSON.stringify(value ?? null).length;
      }
      this.loaded.set(key, value);
    }
  }

  protected get(name: string): any {
    if (!this.loaded.has(name)) throw new Error(`PropertyNotLoaded: ${this.kind}.${name}`);
    return this.loaded.get(name);
  }

  get isNullObject(): boolean {
    if (this.nullObject === undefined) {
      throw new Error(`PropertyNotLoaded: ${this.kind}.isNullObject`);
    }
    return this.nullObject;
  }
}

/** A fake whose model is found, at sync time, by `resolve` (Excel proxies are lazy the same way). */
abstract class FakeResolved<T> extends FakeObject {
  constructor(
    ctx: FakeContext,
    readonly resolve: () => T
  ) {
    super(ctx);
  }

  protected target(): unknown {
    return this.resolve();
  }
}

class FakeWorkbook {
  private readonly ctx: FakeContext;
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly functions: { date: (y: number, m: number, d: number) => FakeFunctionResult };
  constructor(ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.tables = new FakeTableCollection(ctx, null);
    this.ctx = ctx;
    this.functions = {
      date: (y, m, d) => {
        ctx.op("WorkbookFunctions.date", 24);
        return new FakeFunctionResult(ctx, () => {
          // Excel's serial numbers: days since 30 Dec 1899, or since 1 Jan 1904 in that system.
          const epoch =
            ctx.host.dateSystem === 1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
          return Math.round((Date.UTC(y, m - 1, d) - epoch) / 86_400_000);
        });
      },
    };
  }

  /** The user's selection, as `host.selected` holds it (one area). */
  getSelectedRange(): FakeRange {
    this.ctx.op("Workbook.getSelectedRange", 16);
    return new FakeRange(this.ctx, () => {
      const selected = this.ctx.host.selected;
      if (selected === null) throw new FakeExcelError("ItemNotFound", "nothing is selected");
      return { sheet: this.ctx.host.sheet(selected.sheet), area: parseAddress(selected.address) };
    });
  }
}

class FakeFunctionResult extends FakeObject {
  readonly kind = "FunctionResult";
  constructor(
    ctx: FakeContext,
    readonly compute: () => number
  ) {
    super(ctx);
  }

  protected target(): unknown {
    return this.compute();
  }

  protected read(name: string, value: number): unknown {
    if (name === "value") return value;
    throw new Error(`FunctionResult.${name} not faked`);
  }

  get value(): number {
    return this.get("value");
  }
}

class FakeWorksheetCollection extends FakeObject {
  readonly kind = "WorksheetCollection";
  readonly onChanged: { add: (h: Handler) => { remove: () => void; context: FakeContext } };

  constructor(ctx: FakeContext) {
    super(ctx);
    this.onChanged = {
      add: (h: Handler) => {
        ctx.op("WorksheetCollection.onChanged.add", 16, () => ctx.host.handlers.push(h));
        return {
          context: ctx,
          remove: () => {
            ctx.op("EventHandlerResult.remove", 16, () => {
              const i = ctx.host.handlers.indexOf(h);
              if (i >= 0) ctx.host.handlers.splice(i, 1);
            });
          },
        };
      },
    };
  }

  protected target(): unknown {
    return this.ctx.host.sheets;
  }

  protected read(name: string, sheets: SheetModel[]): unknown {
    if (name === "items") return sheets.map((s) => new FakeWorksheet(this.ctx, () => s));
    throw new Error(`WorksheetCollection.${name} not faked`);
  }

  get items(): FakeWorksheet[] {
    return this.get("items");
  }

  getItem(name: string): FakeWorksheet {
    this.ctx.op("WorksheetCollection.getItem", 16 + name.length);
    return new FakeWorksheet(this.ctx, () => this.ctx.host.sheet(name));
  }

  add(name: string): FakeWorksheet {
    let made: SheetModel | null = null;
    this.ctx.op("WorksheetCollection.add", 16 + name.length, () => {
      if (this.ctx.host.structureLocked) {
        throw new FakeExcelError("AccessDenied", "the workbook structure is protected");
      }
      made = this.ctx.host.addSheet(name);
    });
    return new FakeWorksheet(this.ctx, () => {
      if (made === null) throw new FakeExcelError("ItemNotFound", "sheet not made");
      return made;
    });
  }
}

class FakeWorksheet extends FakeResolved<SheetModel> {
  readonly kind = "Worksheet";
  protected read(name: string, s: SheetModel): unknown {
    if (name === "name" || name === "id" || name === "visibility") return s[name];
    throw new Error(`Worksheet.${name} not faked`);
  }

  get name(): string {
    return this.get("name");
  }
  get id(): string {
    return this.get("id");
  }

  set visibility(v: string) {
    this.ctx.op("Worksheet.visibility", 16, () => {
      this.resolve().visibility = v;
    });
  }

  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.ctx, this);
  }

  /** Charts: only adding one, with its title, legend and position, is faked. */
  get charts(): { add: (type: string, source: FakeRange, seriesBy: string) => FakeChart } {
    return {
      add: (type, source, seriesBy) => {
        const chart: { model: ChartModel | null } = { model: null };
        this.ctx.op("ChartCollection.add", 32 + type.length, () => {
          const sheet = this.resolve();
          mustBeUnlocked(sheet);
          const range = source.resolve();
          if (range === null || range.sheet !== sheet) {
            throw new FakeExcelError("InvalidArgument", "a chart plots cells of its own sheet");
          }
          chart.model = {
            sheet,
            type,
            source: range.area,
            seriesBy,
            title: null,
            legend: true,
            position: null,
          };
          this.ctx.host.charts.push(chart.model);
        });
        return new FakeChart(this.ctx, () => {
          if (chart.model === null) throw new FakeExcelError("ItemNotFound", "chart not made");
          return chart.model;
        });
      },
    };
  }

  get freezePanes(): { freezeRows: (n: number) => void } {
    return {
      freezeRows: (n: number) =>
        this.ctx.op("WorksheetFreezePanes.freezeRows", 16, () => {
          this.resolve().frozenRows = n;
        }),
    };
  }

  activate(): void {
    this.ctx.op("Worksheet.activate", 16, () => {
      this.ctx.host.activeSheet = this.resolve().name;
    });
  }

  getRange(address?: string): FakeRange {
    this.ctx.op("Worksheet.getRange", 16 + (address?.length ?? 0));
    return new FakeRange(this.ctx, () => ({
      sheet: this.resolve(),
      area:
        address === undefined
          ? { r0: 0, c0: 0, nr: MAX_ROWS, nc: MAX_COLUMNS }
          : parseAddress(address),
    }));
  }

  getRangeByIndexes(r0: number, c0: number, nr: number, nc: number): FakeRange {
    this.ctx.op("Worksheet.getRangeByIndexes", 32);
    return new FakeRange(this.ctx, () => ({ sheet: this.resolve(), area: { r0, c0, nr, nc } }));
  }

  getRanges(address: string): FakeRangeAreas {
    this.ctx.op("Worksheet.getRanges", 16 + address.length);
    return new FakeRangeAreas(this.ctx, () => {
      if (address.length > 8192) {
        throw new FakeExcelError("InvalidArgument", "address over 8,192 characters");
      }
      return { sheet: this.resolve(), areas: address.split(",").map(parseAddress) };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this.ctx.op("Worksheet.getUsedRangeOrNullObject", 16);
    void valuesOnly;
    return new FakeRange(this.ctx, () => {
      const sheet = this.resolve();
      const area = this.ctx.host.usedArea(sheet);
      return area === null ? null : { sheet, area };
    });
  }
}

type RangeRef = { sheet: SheetModel; area: Area };

const cellKey = (r: number, c: number): string => `${String(r)},${String(c)}`;

function forCells(area: Area, f: (r: number, c: number) => void): void {
  for (let r = area.r0; r < area.r0 + area.nr; r++)
    for (let c = area.c0; c < area.c0 + area.nc; c++) f(r, c);
}

/**
 * Values as Excel stores them when written through `Range.values`: like typing, text that reads
 * as a date (MM/DD/YYYY, YYYY-MM-DD) or a number becomes one, unless the cell is formatted as
 * Text ("@"); a date also gets a date format if the cell had none.
 */
function typedAsExcelReads(
  sheet: SheetModel,
  area: Area,
  values: unknown[][],
  system: 1900 | 1904
): unknown[][] {
  return values.map((row, i) =>
    row.map((v, j) => {
      if (typeof v !== "string") return v;
      const key = cellKey(area.r0 + i, area.c0 + j);
      const format = sheet.numberFormats.get(key);
      if (format === "@") return v;
      if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
      const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
      const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
      const parts =
        us !== null ? [us[3], us[1], us[2]] : iso !== null ? [iso[1], iso[2], iso[3]] : null;
      if (parts === null) return v;
      const [y, m, d] = parts.map(Number) as [number, number, number];
      const t = Date.UTC(y, m - 1, d);
      const back = new Date(t);
      if (back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return v;
      if (format === undefined) sheet.numberFormats.set(key, "m/d/yyyy");
      const epoch = system === 1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
      return Math.round((t - epoch) / 86_400_000);
    })
  );
}

function mustBeUnlocked(sheet: SheetModel): void {
  if (sheet.locked) throw new FakeExcelError("AccessDenied", `sheet ${sheet.name} is protected`);
}

class FakeRange extends FakeResolved<RangeRef | null> {
  readonly kind = "Range";
  private must(): RangeRef {
    const r = this.resolve();
    if (r === null) throw new FakeExcelError("InvalidReference", "null range");
    return r;
  }

  protected read(name: string, ref: RangeRef): unknown {
    const a = ref.area;
    switch (name) {
      case "values":
        return this.ctx.host.valuesOf(ref.sheet, a);
      case "numberFormat":
        return this.ctx.host
          .valuesOf(ref.sheet, a)
          .map((row, i) =>
            row.map((_, j) => ref.sheet.numberFormats.get(cellKey(a.r0 + i, a.c0 + j)) ?? "General")
          );
      case "formulas":
        // Excel gives a formula where there is one, else the constant value.
        return this.ctx.host
          .valuesOf(ref.sheet, a)
          .map((row, i) =>
            row.map((v, j) => ref.sheet.formulas.get(cellKey(a.r0 + i, a.c0 + j)) ?? v)
          );
      case "rowIndex":
        return a.r0;
      case "columnIndex":
        return a.c0;
      case "rowCount":
        return a.nr;
      case "columnCount":
        return a.nc;
      case "rowHidden": {
        // As Excel: true when every row is hidden, false when none is, null when some are.
        let hidden = 0;
        for (let r = a.r0; r < a.r0 + a.nr; r++)
          if (ref.sheet.hiddenRows?.has(r) === true) hidden++;
        return hidden === a.nr ? true : hidden === 0 ? false : null;
      }
      case "address":
        return `${ref.sheet.name}!${areaAddress(a)}`;
      default:
        throw new Error(`Range.${name} not faked`);
    }
  }

  get values(): unknown[][] {
    return this.get("values");
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  get numberFormat(): unknown[][] {
    return this.get("numberFormat");
  }
  set values(v: unknown[][]) {
    this.ctx.op("Range.values", JSON.stringify(v).length, () => {
      const { sheet, area } = this.must();
      mustBeUnlocked(sheet);
      if (v.length !== area.nr || v.some((row) => row.length !== area.nc)) {
        throw new FakeExcelError("InvalidArgument", "values do not fit the range");
      }
      this.ctx.host.setValues(
        sheet,
        area.r0,
        area.c0,
        typedAsExcelReads(sheet, area, v, this.ctx.host.dateSystem)
      );
      // A value written over a formula replaces it.
      forCells(area, (r, c) => sheet.formulas.delete(cellKey(r, c)));
      this.ctx.wrote(sheet, areaAddress(area));
    });
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get rowHidden(): boolean | null {
    return this.get("rowHidden");
  }
  get address(): string {
    return this.get("address");
  }

  set numberFormat(v: unknown[][]) {
    this.ctx.op("Range.numberFormat", JSON.stringify(v).length, () => {
      const { sheet, area } = this.must();
      mustBeUnlocked(sheet);
      forCells(area, (r, c) => {
        const f = String(v[r - area.r0]?.[c - area.c0]);
        // General is every cell's format until another is set.
        if (f === "General") sheet.numberFormats.delete(cellKey(r, c));
        else sheet.numberFormats.set(cellKey(r, c), f);
      });
    });
  }

  get format(): { fill: { color: string }; font: { color: string }; columnWidth: number } {
    const ctx = this.ctx;
    const must = () => this.must();
    const setCells = (key: "fill" | "font", value: string) => {
      const { sheet, area } = must();
      mustBeUnlocked(sheet);
      forCells(area, (r, c) => {
        const f = sheet.formats.get(cellKey(r, c)) ?? {};
        sheet.formats.set(cellKey(r, c), { ...f, [key]: value });
      });
    };
    return {
      fill: {
        get color(): string {
          throw new Error("PropertyNotLoaded: RangeFill.color");
        },
        set color(v: string) {
          ctx.op("RangeFill.color", 16, () => setCells("fill", v));
        },
      },
      font: {
        get color(): string {
          throw new Error("PropertyNotLoaded: RangeFont.color");
        },
        set color(v: string) {
          ctx.op("RangeFont.color", 16, () => setCells("font", v));
        },
      },
      get columnWidth(): number {
        throw new Error("PropertyNotLoaded: RangeFormat.columnWidth");
      },
      set columnWidth(v: number) {
        ctx.op("RangeFormat.columnWidth", 16, () => {
          const { sheet, area } = must();
          for (let c = area.c0; c < area.c0 + area.nc; c++) sheet.widths.set(c, v);
        });
      },
    };
  }

  get dataValidation(): { rule: unknown; errorAlert: unknown } {
    const ctx = this.ctx;
    const must = () => this.must();
    return {
      get errorAlert(): unknown {
        throw new Error("PropertyNotLoaded: DataValidation.errorAlert");
      },
      set errorAlert(alert: unknown) {
        ctx.op("DataValidation.errorAlert", JSON.stringify(alert).length, () => {
          const { sheet, area } = must();
          mustBeUnlocked(sheet);
          const v = sheet.validations.find(
            (x) =>
              x.area.r0 === area.r0 &&
              x.area.c0 === area.c0 &&
              x.area.nr === area.nr &&
              x.area.nc === area.nc
          );
          if (v === undefined) throw new FakeExcelError("InvalidOperation", "no rule to alert for");
          v.errorAlert = alert;
        });
      },
      get rule(): unknown {
        throw new Error("PropertyNotLoaded: DataValidation.rule");
      },
      set rule(rule: unknown) {
        ctx.op("DataValidation.rule", JSON.stringify(rule).length, () => {
          const { sheet, area } = must();
          mustBeUnlocked(sheet);
          sheet.validations.push({ area, rule });
        });
      },
    };
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return new FakeConditionalFormatCollection(this.ctx, () => {
      const r = this.must();
      return { sheet: r.sheet, areas: [r.area] };
    });
  }

  private derive(name: string, f: (a: Area) => Area): FakeRange {
    this.ctx.op(`Range.${name}`, 24);
    return new FakeRange(this.ctx, () => {
      const r = this.must();
      const area = f(r.area);
      if (
        area.r0 < 0 ||
        area.c0 < 0 ||
        area.nr < 1 ||
        area.nc < 1 ||
        area.r0 + area.nr > MAX_ROWS
      ) {
        throw new FakeExcelError("InvalidArgument", `${name} outside the sheet`);
      }
      return { sheet: r.sheet, area };
    });
  }

  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.must().sheet);
  }

  getRow(i: number): FakeRange {
    return this.derive("getRow", (a) => ({ r0: a.r0 + i, c0: a.c0, nr: 1, nc: a.nc }));
  }

  getCell(r: number, c: number): FakeRange {
    return this.derive("getCell", (a) => ({ r0: a.r0 + r, c0: a.c0 + c, nr: 1, nc: 1 }));
  }

  getResizedRange(dr: number, dc: number): FakeRange {
    return this.derive("getResizedRange", (a) => ({ ...a, nr: a.nr + dr, nc: a.nc + dc }));
  }

  select(): void {
    this.ctx.op("Range.select", 16, () => {
      const { sheet, area } = this.must();
      this.ctx.host.selected = { sheet: sheet.name, address: areaAddress(area) };
    });
  }
}

class FakeChart extends FakeResolved<ChartModel> {
  readonly kind = "Chart";
  protected read(name: string): unknown {
    throw new Error(`Chart.${name} not faked`);
  }

  get title(): { text: string } {
    const ctx = this.ctx;
    const model = () => this.resolve();
    return {
      get text(): string {
        throw new Error("PropertyNotLoaded: ChartTitle.text");
      },
      set text(v: string) {
        ctx.op("ChartTitle.text", 16 + v.length, () => {
          model().title = v;
        });
      },
    };
  }

  get legend(): { visible: boolean } {
    const ctx = this.ctx;
    const model = () => this.resolve();
    return {
      get visible(): boolean {
        throw new Error("PropertyNotLoaded: ChartLegend.visible");
      },
      set visible(v: boolean) {
        ctx.op("ChartLegend.visible", 16, () => {
          model().legend = v;
        });
      },
    };
  }

  setPosition(from: string, to: string): void {
    this.ctx.op("Chart.setPosition", 32, () => {
      this.resolve().position = { from, to };
    });
  }
}

class FakeRangeAreas {
  constructor(
    readonly ctx: FakeContext,
    readonly resolve: () => { sheet: SheetModel; areas: Area[] }
  ) {}

  get conditionalFormats(): FakeConditionalFormatCollection {
    return new FakeConditionalFormatCollection(this.ctx, this.resolve);
  }
}

class FakeConditionalFormatCollection extends FakeResolved<{ sheet: SheetModel; areas: Area[] }> {
  readonly kind = "ConditionalFormatCollection";
  protected read(name: string, t: { sheet: SheetModel; areas: Area[] }): unknown {
    if (name !== "items") throw new Error(`ConditionalFormatCollection.${name} not faked`);
    return t.sheet.conditionalFormats
      .filter((cf) => cf.areas.some((a) => t.areas.some((b) => intersects(a, b))))
      .map((cf) => new FakeConditionalFormat(this.ctx, () => cf));
  }

  get items(): FakeConditionalFormat[] {
    return this.get("items");
  }

  add(type: string): FakeConditionalFormat {
    let made: ConditionalFormatModel | null = null;
    this.ctx.op("ConditionalFormatCollection.add", 16, () => {
      const { sheet, areas } = this.resolve();
      mustBeUnlocked(sheet);
      made = {
        id: this.ctx.host.id("cf-"),
        type,
        sheet,
        areas,
        formula: null,
        fill: null,
        font: null,
      };
      // Excel puts a new conditional format at the top of the priority list.
      sheet.conditionalFormats.unshift(made);
    });
    return new FakeConditionalFormat(this.ctx, () => {
      if (made === null) throw new FakeExcelError("ItemNotFound", "format not made");
      return made;
    });
  }
}

class FakeConditionalFormat extends FakeResolved<ConditionalFormatModel> {
  readonly kind = "ConditionalFormat";
  protected read(name: string, cf: ConditionalFormatModel): unknown {
    if (name === "type" || name === "id") return cf[name];
    if (name === "customOrNullObject") {
      return new FakeCustom(this.ctx, () => (cf.type === "Custom" ? cf : null));
    }
    throw new Error(`ConditionalFormat.${name} not faked`);
  }

  get type(): string {
    return this.get("type");
  }
  get id(): string {
    return this.get("id");
  }
  get customOrNullObject(): FakeCustom {
    return this.get("customOrNullObject");
  }

  /** For setting the rule and format of a custom conditional format. */
  get custom(): {
    rule: { formula: string };
    format: { fill: { color: string }; font: { color: string } };
  } {
    const ctx = this.ctx;
    const resolve = this.resolve;
    const setter = (name: string, apply: (cf: ConditionalFormatModel, v: string) => void) => ({
      get color(): string {
        throw new Error(`PropertyNotLoaded: ${name}`);
      },
      set color(v: string) {
        ctx.op(name, 16 + v.length, () => apply(resolve(), v));
      },
    });
    return {
      rule: {
        get formula(): string {
          throw new Error("PropertyNotLoaded: ConditionalFormatRule.formula");
        },
        set formula(v: string) {
          ctx.op("ConditionalFormatRule.formula", 16 + v.length, () => {
            resolve().formula = v;
          });
        },
      },
      format: {
        fill: setter("ConditionalRangeFill.color", (cf, v) => {
          cf.fill = v;
        }),
        font: setter("ConditionalRangeFont.color", (cf, v) => {
          cf.font = v;
        }),
      },
    };
  }

  delete(): void {
    this.ctx.op("ConditionalFormat.delete", 16, () => {
      const cf = this.resolve();
      mustBeUnlocked(cf.sheet);
      const i = cf.sheet.conditionalFormats.indexOf(cf);
      if (i < 0) throw new FakeExcelError("ItemNotFound", "conditional format gone");
      cf.sheet.conditionalFormats.splice(i, 1);
    });
  }
}

class FakeCustom extends FakeResolved<ConditionalFormatModel | null> {
  readonly kind = "CustomConditionalFormat";
  protected read(name: string, cf: ConditionalFormatModel): unknown {
    if (name === "rule") return new FakeRule(this.ctx, () => cf);
    throw new Error(`CustomConditionalFormat.${name} not faked`);
  }

  get rule(): FakeRule {
    return this.get("rule");
  }
}

class FakeRule extends FakeResolved<ConditionalFormatModel> {
  readonly kind = "ConditionalFormatRule";
  protected read(name: string, cf: ConditionalFormatModel): unknown {
    if (name === "formula") return cf.formula;
    throw new Error(`ConditionalFormatRule.${name} not faked`);
  }

  get formula(): string {
    return this.get("formula");
  }
}

class FakeTableCollection extends FakeObject {
  readonly kind = "TableCollection";
  constructor(
    ctx: FakeContext,
    readonly sheet: FakeWorksheet | null
  ) {
    super(ctx);
  }

  protected target(): unknown {
    return this.ctx.host.tables;
  }

  protected read(name: string, tables: TableModel[]): unknown {
    if (name !== "items") throw new Error(`TableCollection.${name} not faked`);
    const own =
      this.sheet === null ? tables : tables.filter((t) => t.sheet === this.sheet?.resolve());
    return own.map((t) => new FakeTable(this.ctx, () => t));
  }

  get items(): FakeTable[] {
    return this.get("items");
  }

  add(address: string, hasHeaders: boolean): FakeTable {
    const sheetProxy = this.sheet;
    if (sheetProxy === null) throw new Error("add tables through a worksheet in these tests");
    let made: TableModel | null = null;
    this.ctx.op("TableCollection.add", 16 + address.length, () => {
      const sheet = sheetProxy.resolve();
      mustBeUnlocked(sheet);
      if (!hasHeaders) throw new Error("tables without headers not faked");
      made = this.ctx.host.addTable(this.ctx.host.id("Table"), sheet, address);
    });
    return new FakeTable(this.ctx, () => {
      if (made === null) throw new FakeExcelError("ItemNotFound", "table not made");
      return made;
    });
  }
}

class FakeTable extends FakeResolved<TableModel> {
  readonly kind = "Table";
  protected read(name: string, t: TableModel): unknown {
    if (name === "name") return t.name;
    if (name === "worksheet") return new FakeWorksheet(this.ctx, () => t.sheet);
    if (name === "showTotals") return t.totals === true;
    throw new Error(`Table.${name} not faked`);
  }

  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.ctx.op("Table.name", 16 + v.length, () => {
      const t = this.resolve();
      if (this.ctx.host.tables.some((x) => x !== t && x.name.toLowerCase() === v.toLowerCase())) {
        throw new FakeExcelError("ItemAlreadyExists", `table ${v} exists`);
      }
      t.name = v;
    });
  }
  get worksheet(): FakeWorksheet {
    return this.get("worksheet");
  }
  get showTotals(): boolean {
    return this.get("showTotals");
  }

  getRange(): FakeRange {
    this.ctx.op("Table.getRange", 16);
    return new FakeRange(this.ctx, () => {
      const t = this.resolve();
      return { sheet: t.sheet, area: { r0: t.r0, c0: t.c0, nr: t.nr, nc: t.nc } };
    });
  }

  getHeaderRowRange(): FakeRange {
    this.ctx.op("Table.getHeaderRowRange", 16);
    return new FakeRange(this.ctx, () => {
      const t = this.resolve();
      return { sheet: t.sheet, area: { r0: t.r0, c0: t.c0, nr: 1, nc: t.nc } };
    });
  }

  /** Appends rows below the table, which grows over them; they take the last row's formats. */
  get rows(): { add: (index: number | undefined, values: unknown[][]) => void } {
    return {
      add: (index, values) => {
        this.ctx.op("TableRowCollection.add", JSON.stringify(values).length, () => {
          if (index !== undefined && index !== null)
            throw new Error("rows.add at an index not faked");
          const t = this.resolve();
          mustBeUnlocked(t.sheet);
          if (values.some((row) => row.length !== t.nc)) {
            throw new FakeExcelError("InvalidArgument", "values do not fit the table");
          }
          const last = t.r0 + t.nr - 1;
          values.forEach((_, k) => {
            for (let c = t.c0; c < t.c0 + t.nc; c++) {
              const f = t.sheet.numberFormats.get(cellKey(last, c));
              if (f !== undefined) t.sheet.numberFormats.set(cellKey(last + 1 + k, c), f);
            }
          });
          this.ctx.host.setValues(t.sheet, last + 1, t.c0, values);
          t.nr += values.length;
          this.ctx.wrote(
            t.sheet,
            areaAddress({ r0: last + 1, c0: t.c0, nr: values.length, nc: t.nc })
          );
        });
      },
    };
  }

  get columns(): { getItemAt: (i: number) => { getDataBodyRange: () => FakeRange } } {
    return {
      getItemAt: (i: number) => {
        this.ctx.op("TableColumnCollection.getItemAt", 16);
        return {
          getDataBodyRange: () => {
            this.ctx.op("TableColumn.getDataBodyRange", 16);
            return new FakeRange(this.ctx, () => {
              const t = this.resolve();
              return { sheet: t.sheet, area: { r0: t.r0 + 1, c0: t.c0 + i, nr: t.nr - 1, nc: 1 } };
            });
          },
        };
      },
    };
  }
}
