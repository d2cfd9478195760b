import {
  cellFromHost,
  checkWorkbook,
  InvalidOptionError,
  type CellValue,
  type CheckOptions,
  type CheckOutcome,
  type ExportLogEntry,
  type Fix,
  type TableName,
  type WorkbookSource,
} from "../core";
import { cellAddress, runsOf } from "./addresses";
import {
  applyFixesIn,
  fixBatchesToUndoIn,
  undoLastFixesIn,
  type FixesApplied,
  type FixesUndone,
  type FixTarget,
  type SkippedFix,
} from "./applyFixes";
import { applyHighlights, queueMarkScan, queueMarkScanBySheet } from "./applyHighlights";
import type { Capabilities } from "./capabilities";
import { changePlan, type SheetChange } from "./changePlan";
import { ExcelAccessError, excelProblem, sheetChange, toExcelAccessError } from "./excelErrors";
import {
  readExportLogTable,
  writeExportRecord,
  type ExportSheet,
  type LoggedExport,
  type RecordedExport,
} from "./exportLogTable";
import { highlightPlan, type HighlightPlan } from "./highlightPlan";
import { insertTables, type InsertedTables, type InsertOptions } from "./insertTables";
import { columnOf, type TableLayout } from "./layout";
import { readWorkbook, type SheetName } from "./readWorkbook";

/** `Excel.run` in the add-in, a fake host's run in tests. */
export type ExcelRun = <T>(
  batch: (context: Excel.RequestContext) => Promise<T>,
  context?: Excel.RequestContext
) => Promise<T>;

/**
 * Where a long check has got, for a progress indicator. While reading, `done` of `total` counts
 * the Activities table's rows (header excluded); both are 0 when it has none.
 */
export type CheckProgress =
  | { readonly phase: "reading"; readonly done: number; readonly total: number }
  | { readonly phase: "checking" }
  | { readonly phase: "marking" };

/** One check of the workbook, and what was marked for it. */
export type CheckPass = {
  readonly outcome: CheckOutcome;
  /** The workbook as checked, for an export preview; re-checks update it in place. */
  readonly source: WorkbookSource;
  readonly layouts: readonly TableLayout[];
  /** What the sheet now shows; null when marking is off (cleared, or Excel too old). */
  readonly marks: HighlightPlan["counts"] | null;
  /**
   * Why the marks could not be made (a protected sheet), when Excel refused them: the findings
   * stand, and the sheet keeps the marks it had.
   */
  readonly markProblem: ExcelAccessError | null;
  /** Sheet rows read from Excel for this pass; a live re-check reads only the rows edited. */
  readonly rowsRead: number;
};

/** A check stopped by the coordinator before it ended: nothing was changed, the last result stands. */
export class CheckCancelled extends Error {
  override readonly name = "CheckCancelled";
  constructor() {
    super("the check was cancelled");
  }
}

/** A cell a finding points at. */
export type CellPlace = {
  readonly table: TableName;
  readonly sheet: string;
  readonly row: number;
  readonly column: string;
};

type Session = {
  readonly options: CheckOptions;
  readonly layouts: readonly TableLayout[];
  readonly source: Parameters<typeof checkWorkbook>[0];
  /** The rows of each table as read, in sheet order from `top`; edited in place by re-checks. */
  readonly grids: ReadonlyMap<TableName, { readonly top: number; readonly rows: CellValue[][] }>;
};

type Marked = Pick<CheckPass, "marks" | "markProblem">;

const NO_MARKS: HighlightPlan = { marks: [], counts: { rows: 0, errorCells: 0, warningCells: 0 } };

/**
 * Everything the task pane does to the workbook, over an injected `Excel.run`. Keeps the last
 * check in memory so that edits re-read only the rows they touched, and knows its own writes so
 * that they are not taken for edits.
 */
export class WorkbookGateway {
  private session: Session | null = null;
  private marking = false;
  private ownWrites = 0;

  constructor(
    private readonly run: ExcelRun,
    readonly capabilities: Capabilities,
    private readonly yieldToUi: () => Promise<void> = () =>
      new Promise((resolve) => setTimeout(resolve, 0))
  ) {}

  /**
   * Reads the PARS tables, checks them, and (where Excel can) replaces the add-in's marks with
   * those for this result.
   *
   * `cancelled` is asked between round trips; once it says yes, the check stops before it changes
   * anything (the last check and its marks stand).
   *
   * @throws {ExcelAccessError} when Excel refuses a read
   * @throws {InvalidOptionError} when `today` or the provider ID is malformed
   * @throws {CheckCancelled} when `cancelled` said yes
   */
  check(
    options: CheckOptions,
    onProgress: (p: CheckProgress) => void = () => undefined,
    cancelled: () => boolean = () => false
  ): Promise<CheckPass> {
    return this.fullCheck(options, onProgress, this.capabilities.highlight, cancelled);
  }

  private fullCheck(
    options: CheckOptions,
    onProgress: (p: CheckProgress) => void,
    mark: boolean,
    cancelled: () => boolean = () => false
  ): Promise<CheckPass> {
    const stopIfCancelled = () => {
      if (cancelled()) throw new CheckCancelled();
    };
    // The sheets as the read first listed them, to name one renamed or deleted meanwhile.
    let listed: readonly SheetName[] = [];
    return this.guard(() =>
      this.run(async (context) => {
        // Filled in by readWorkbook's callback, once the sheets are known.
        const scan: { collect: (() => Map<string, Excel.ConditionalFormat[]>) | null } = {
          collect: null,
        };
        const read = await readWorkbook(
          context,
          (done, total) => {
            stopIfCancelled();
            onProgress({ phase: "reading", done, total });
          },
          (sheets) => {
            listed = sheets;
            // By ID: a sheet renamed since it was listed is still found.
            if (mark)
              scan.collect = queueMarkScanBySheet(
                context,
                sheets.map((x) => x.id)
              );
          }
        );
        const moved = sheetChange(
          read.sheets.filter((x) => read.layouts.some((l) => l.sheetId === x.id)),
          read.sheetsAtEnd
        );
        if (moved !== null) throw moved;
        stopIfCancelled();
        onProgress({ phase: "checking" });
        await this.yieldToUi();
        stopIfCancelled();
        const outcome = checkWorkbook(read.source, options);
        const grids = new Map<TableName, { top: number; rows: CellValue[][] }>();
        for (const layout of read.layouts) {
          const src =
            layout.excelTable === null
              ? read.source.sheets.find((s) => s.name === layout.sheet)
              : read.source.tables.find((t) => t.name === layout.excelTable);
          // The adapter built these arrays itself a moment ago; re-checks update them in place.
          if (src !== undefined)
            grids.set(layout.table, { top: src.top, rows: src.values as CellValue[][] });
        }
        const session: Session = { options, layouts: read.layouts, source: read.source, grids };
        let marked: Marked = { marks: null, markProblem: null };
        const collect = scan.collect;
        if (collect !== null) {
          onProgress({ phase: "marking" });
          const plan = outcome.ok ? highlightPlan(outcome.result, read.layouts) : NO_MARKS;
          const bySheet = collect();
          marked = await this.mark(
            context,
            [...bySheet.values()].flat(),
            plan,
            read.layouts,
            [...bySheet.keys()],
            read.sheets.filter((x) => read.layouts.some((l) => l.sheetId === x.id))
          );
          if (marked.markProblem === null) this.marking = true;
          // A sheet deleted or renamed after the last read: the old result and marks stand.
          if (marked.markProblem?.problem === "table_gone") throw marked.markProblem;
        }
        this.session = session;
        const rowsRead = read.layouts.reduce((n, l) => n + l.lastRow - l.headerRow + 1, 0);
        return { outcome, source: read.source, layouts: read.layouts, ...marked, rowsRead };
      })
    ).catch(async (e: unknown) => {
      throw e instanceof ExcelAccessError && e.problem === "table_gone" && e.sheetChange === null
        ? ((await this.explainGone(listed)) ?? e)
        : e;
    });
  }

  /** Names the sheet that went away since `listed`, in one round trip of its own; null if none. */
  private async explainGone(listed: readonly SheetName[]): Promise<ExcelAccessError | null> {
    if (listed.length === 0) return null;
    try {
      const now = await this.run(async (context) => {
        const sheets = context.workbook.worksheets.load("items/name,items/id");
        await context.sync();
        return sheets.items.map(({ name, id }) => ({ name, id }));
      });
      return sheetChange(listed, now);
    } catch {
      // Excel fails again: the first failure, unexplained, is what the pane shows.
      return null;
    }
  }

  /**
   * Brings the last check up to date after edits: reads only the edited rows (or everything, when
   * a table changed shape), checks again in memory and refreshes the marks. Null when the edits
   * touch no checked table, or nothing was checked yet.
   *
   * @throws {ExcelAccessError} when a table was removed or Excel refuses a read
   */
  async recheck(
    changes: readonly SheetChange[],
    onProgress: (p: CheckProgress) => void = () => undefined
  ): Promise<CheckPass | null> {
    const session = this.session;
    if (session === null) return null;
    const plan = changePlan(changes, session.layouts);
    if (plan.kind === "none") return null;
    // Marks the coordinator cleared stay cleared until the next Check.
    if (plan.kind === "full") return this.fullCheck(session.options, onProgress, this.marking);
    return this.guard(() =>
      this.run(async (context) => {
        const reads: {
          grid: { top: number; rows: CellValue[][] };
          first: number;
          range: Excel.Range;
        }[] = [];
        let rowsRead = 0;
        for (const [table, rows] of plan.rows) {
          const layout = session.layouts.find((l) => l.table === table);
          const grid = session.grids.get(table);
          if (layout === undefined || grid === undefined) continue;
          // By ID: a sheet renamed since the check is still the sheet checked.
          const sheet = context.workbook.worksheets.getItem(layout.sheetId);
          for (const [a, b] of runsOf(rows)) {
            const range = sheet
              .getRangeByIndexes(a - 1, layout.firstColumn, b - a + 1, layout.headers.length)
              .load("values");
            reads.push({ grid, first: a, range });
            rowsRead += b - a + 1;
          }
        }
        const scan = this.marking
          ? queueMarkScanBySheet(context, [...new Set(session.layouts.map((l) => l.sheetId))])
          : null;
        await context.sync();
        for (const { grid, first, range } of reads) {
          range.values.forEach((cells, k) => {
            grid.rows[first + k - grid.top] = cells.map(cellFromHost);
          });
        }
        onProgress({ phase: "checking" });
        const outcome = checkWorkbook(session.source, session.options);
        let marked: Marked = { marks: null, markProblem: null };
        if (scan !== null) {
          onProgress({ phase: "marking" });
          const plan = outcome.ok ? highlightPlan(outcome.result, session.layouts) : NO_MARKS;
          const bySheet = scan();
          marked = await this.mark(context, [...bySheet.values()].flat(), plan, session.layouts, [
            ...bySheet.keys(),
          ]);
        }
        return {
          outcome,
          source: session.source,
          layouts: session.layouts,
          ...marked,
          rowsRead,
        };
      })
    );
  }

  /**
   * Removes every mark the add-in made, on every sheet, and nothing else. Returns how many
   * conditional formats were removed.
   *
   * @throws {ExcelAccessError}
   */
  clearHighlights(): Promise<number> {
    return this.guard(() =>
      this.run(async (context) => {
        const sheets = context.workbook.worksheets.load("items/name");
        await context.sync();
        const collect = queueMarkScan(
          context,
          sheets.items.map((s) => s.name)
        );
        await context.sync();
        const ours = collect();
        for (const cf of ours) cf.delete();
        await context.sync();
        this.marking = false;
        return ours.length;
      })
    );
  }

  /**
   * How many marks the add-in left in the workbook, from this session or an earlier one, so that
   * Clear highlights is offered only when there is something to clear. Two round trips whatever
   * the number of sheets: one lists them, one reads all their conditional formats.
   *
   * @throws {ExcelAccessError}
   */
  marksInWorkbook(): Promise<number> {
    return this.guard(() =>
      this.run(async (context) => {
        const sheets = context.workbook.worksheets.load("items/id");
        await context.sync();
        const collect = queueMarkScan(
          context,
          sheets.items.map((s) => s.id)
        );
        await context.sync();
        return collect().length;
      })
    );
  }

  /**
   * Selects the cell a finding points at (its row's first cell when the column is absent) and
   * shows its sheet.
   *
   * @throws {ExcelAccessError} when the sheet is gone
   */
  select(place: CellPlace): Promise<void> {
    const layout = this.session?.layouts.find(
      (l) => l.table === place.table && l.sheet === place.sheet
    );
    const column =
      layout === undefined ? 0 : (columnOf(layout, place.column) ?? layout.firstColumn);
    return this.guard(() =>
      this.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(layout?.sheetId ?? place.sheet);
        sheet.activate();
        sheet.getRange(cellAddress(column, place.row)).select();
        await context.sync();
      })
    );
  }

  /**
   * Calls `listener` for every edit to any worksheet, except those the add-in makes itself.
   * Returns a function that stops listening.
   *
   * @throws {ExcelAccessError} when Excel lacks the workbook-wide changed event
   */
  async watch(listener: (change: SheetChange) => void): Promise<() => Promise<void>> {
    if (!this.capabilities.live) throw excelProblem("api_missing");
    const handler = await this.guard(() =>
      this.run(async (context) => {
        const result = context.workbook.worksheets.onChanged.add((args) => {
          if (this.ownWrites === 0) {
            listener({
              sheetId: args.worksheetId,
              address: args.address,
              changeType: args.changeType,
            });
          }
          return Promise.resolve();
        });
        await context.sync();
        return result;
      })
    );
    return () =>
      this.guard(() =>
        this.run(async (context) => {
          handler.remove();
          await context.sync();
        }, handler.context as Excel.RequestContext)
      );
  }

  /**
   * Adds the PARS tables on new sheets (see `insertTables`).
   *
   * @throws {ExcelAccessError} when the workbook's structure is protected, or Excel is too old
   */
  async insertTables(options: InsertOptions): Promise<InsertedTables> {
    if (!this.capabilities.insertTables) throw excelProblem("api_missing");
    this.ownWrites++;
    try {
      return await this.guard(() => this.run((context) => insertTables(context, options)));
    } finally {
      this.ownWrites--;
    }
  }

  /**
   * The sheet rows of the checked Activities table that the selection in Excel covers, top to
   * bottom: none when the selection is on another sheet, on the header, or nothing was checked.
   * One round trip.
   *
   * @throws {ExcelAccessError} when Excel refuses the read (a selection of several areas)
   */
  selectedActivityRows(): Promise<number[]> {
    const layout = this.session?.layouts.find((l) => l.table === "Activities");
    if (layout === undefined) return Promise.resolve([]);
    return this.guard(() =>
      this.run(async (context) => {
        const range = context.workbook.getSelectedRange().load("rowIndex,rowCount");
        const sheet = range.worksheet.load("id");
        await context.sync();
        if (sheet.id !== layout.sheetId) return [];
        const first = Math.max(range.rowIndex + 1, layout.headerRow + 1);
        const last = Math.min(range.rowIndex + range.rowCount, layout.lastRow);
        const rows: number[] = [];
        for (let r = first; r <= last; r++) rows.push(r);
        return rows;
      })
    );
  }

  /**
   * The exports the workbook's Export Log records (see `readExportLogTable`).
   *
   * @throws {ExcelAccessError} when Excel refuses the read
   */
  loggedExports(): Promise<LoggedExport[]> {
    return this.guard(() => this.run((context) => readExportLogTable(context)));
  }

  /**
   * Logs an export in the workbook and, where the file could not be downloaded, puts its text on
   * a new sheet (see `writeExportRecord`).
   *
   * @throws {ExcelAccessError} when the workbook is protected or the text is too large for Excel
   */
  async recordExport(entry: ExportLogEntry, sheet: ExportSheet | null): Promise<RecordedExport> {
    // The log and the export sheet are the add-in's own writes, not edits to re-check.
    this.ownWrites++;
    try {
      return await this.guard(() =>
        this.run((context) => writeExportRecord(context, entry, sheet))
      );
    } finally {
      this.ownWrites--;
    }
  }

  /**
   * Applies fixes proposed for the last check (see `applyFixesIn`): each to the cell its table and
   * column are now in, by sheet ID; a fix whose column the check did not find is skipped. The
   * writes are the add-in's own: the caller checks again after.
   *
   * @throws {ExcelAccessError} when Excel refuses (a protected sheet or workbook)
   */
  async applyFixes(fixes: readonly Fix[], appliedAt: string): Promise<FixesApplied> {
    const targets: FixTarget[] = [];
    const gone: SkippedFix[] = [];
    for (const fix of fixes) {
      const layout = this.session?.layouts.find(
        (l) => l.table === fix.table && l.sheet === fix.sheet
      );
      const column = layout === undefined ? undefined : columnOf(layout, fix.column);
      if (layout === undefined || column === undefined) {
        gone.push({ fix, address: null, reason: "gone" });
      } else {
        targets.push({ fix, sheetId: layout.sheetId, address: cellAddress(column, fix.row) });
      }
    }
    if (targets.length === 0) return { batch: null, applied: [], skipped: gone };
    const done = await this.own(() =>
      this.run((context) => applyFixesIn(context, targets, appliedAt))
    );
    return { ...done, skipped: [...done.skipped, ...gone] };
  }

  /**
   * Gives the cells of the last batch of fixes their old values back (see `undoLastFixesIn`).
   *
   * @throws {ExcelAccessError} when Excel refuses
   */
  undoLastFixes(undoneAt: string): Promise<FixesUndone> {
    return this.own(() => this.run((context) => undoLastFixesIn(context, undoneAt)));
  }

  /**
   * How many batches of fixes the "PARS Fixes" sheet holds not yet undone, from this session or
   * an earlier one, so that Undo last fixes is offered only when there is something to undo (see
   * `fixBatchesToUndoIn`).
   *
   * @throws {ExcelAccessError} when Excel refuses the read
   */
  fixBatchesToUndo(): Promise<number> {
    return this.guard(() => this.run((context) => fixBatchesToUndoIn(context)));
  }

  /** Runs writes of the add-in's own, which the change listener is not to report as edits. */
  private async own<T>(work: () => Promise<T>): Promise<T> {
    this.ownWrites++;
    try {
      return await this.guard(work);
    } finally {
      this.ownWrites--;
    }
  }

  /**
   * Applies a plan, finding each sheet by the ID it had when read, so a full check and a re-check
   * mark the same sheets. A refusal (a protected sheet) leaves the old marks and is reported, not
   * thrown: the findings were read and stand.
   *
   * Every checked sheet, and every sheet holding one of the old marks (`markedSheets`), is asked
   * for first, in the same round trip as the first marks: Excel stops a round trip at its first
   * failure, so a sheet deleted since the read, even one that would get no mark, stops the pass
   * before it adds or deletes any mark (`table_gone`), and the old marks stay whole.
   *
   * `asRead`, for a full check, holds the checked sheets with the names the findings give them.
   * Each is also asked for by that name in the same round trip, so a sheet renamed since the read
   * stops the pass the same way, before any mark changes: its findings would name a sheet that is
   * no longer there. A re-check passes none, as it follows a sheet renamed since the check. A
   * sheet renamed whose old name another sheet took within the same moment is found by name; it
   * is caught only once the round trip is done (the marks, by ID, are then the new ones), and
   * reported all the same.
   */
  private async mark(
    context: Excel.RequestContext,
    ours: readonly Excel.ConditionalFormat[],
    plan: HighlightPlan,
    layouts: readonly TableLayout[],
    markedSheets: readonly string[],
    asRead: readonly SheetName[] = []
  ): Promise<Marked> {
    const ids = new Map(layouts.map((l) => [l.sheet, l.sheetId] as const));
    try {
      const byId = new Map<string, Excel.Worksheet>();
      for (const id of new Set([...layouts.map((l) => l.sheetId), ...markedSheets])) {
        byId.set(id, context.workbook.worksheets.getItem(id).load("id,name"));
      }
      for (const s of asRead) context.workbook.worksheets.getItem(s.name).load("id");
      await applyHighlights(context, ours, plan, (name) => ids.get(name) ?? name);
      const moved = sheetChange(
        asRead,
        asRead.flatMap((s) => {
          const now = byId.get(s.id);
          return now === undefined ? [] : [{ name: now.name, id: now.id }];
        })
      );
      if (moved !== null) return { marks: null, markProblem: moved };
      return { marks: plan.counts, markProblem: null };
    } catch (e) {
      return { marks: null, markProblem: toExcelAccessError(e) };
    }
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      if (e instanceof InvalidOptionError || e instanceof CheckCancelled) throw e;
      throw toExcelAccessError(e);
    }
  }
}
