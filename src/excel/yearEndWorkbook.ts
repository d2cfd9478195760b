import {
  HAND_ENTERED_AMOUNTS,
  type HandEnteredAmounts,
  type TableName,
  type WorkbookSource,
} from "../core";
import { cellAddress } from "./addresses";
import { SettingsSaveError } from "./documentSettings";
import { toExcelAccessError } from "./excelErrors";
import type { TableLayout } from "./layout";
import { readWorkbook } from "./readWorkbook";
import { summaryPlan, writeSummarySheet, type WrittenSummary } from "./summarySheet";
import type { AnnualReport } from "../core";
import type { ExcelRun } from "./WorkbookGateway";

/** A row the year-end checklist points at. */
export type RowPlace = { readonly table: TableName; readonly sheet: string; readonly row: number };

/** What the Year end view needs of the workbook. */
export type YearEndWorkbook = {
  /**
   * The PARS tables as core reads them.
   *
   * @throws {ExcelAccessError} when Excel refuses the read
   */
  read(): Promise<WorkbookSource>;
  /**
   * Selects a row's first cell and shows its sheet.
   *
   * @throws {ExcelAccessError} when the sheet is gone
   */
  select(place: RowPlace): Promise<void>;
  /**
   * Adds the "PARS Summary YYYY" sheet.
   *
   * @throws {ExcelAccessError} when Excel refuses (a protected workbook structure)
   */
  writeSummary(report: AnnualReport, amounts: HandEnteredAmounts): Promise<WrittenSummary>;
};

/** The year-end adapter over `Excel.run`: reads, navigates and writes; nothing else. */
export function yearEndWorkbook(run: ExcelRun): YearEndWorkbook {
  let layouts: readonly TableLayout[] = [];
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (e) {
      throw toExcelAccessError(e);
    }
  };
  return {
    read: () =>
      guard(() =>
        run(async (context) => {
          const read = await readWorkbook(context);
          layouts = read.layouts;
          return read.source;
        })
      ),
    select: (place) =>
      guard(() =>
        run(async (context) => {
          const layout = layouts.find((l) => l.table === place.table && l.sheet === place.sheet);
          const first = layout?.firstColumn ?? 0;
          const sheet = context.workbook.worksheets.getItem(layout?.sheetId ?? place.sheet);
          sheet.activate();
          sheet.getRange(cellAddress(first, place.row)).select();
          await context.sync();
        })
      ),
    writeSummary: (report, amounts) =>
      guard(() => run((context) => writeSummarySheet(context, summaryPlan(report, amounts)))),
  };
}

/** Where the hand-entered amounts of each year are kept. */
export type AmountsStore = {
  read(year: number): HandEnteredAmounts;
  /** @throws {SettingsSaveError} when the host cannot save them */
  write(year: number, amounts: HandEnteredAmounts): Promise<void>;
};

/** No amount entered. */
export const NO_AMOUNTS: HandEnteredAmounts = {
  advertisingExhibits: null,
  registrationFees: null,
  governmentGrants: null,
  privateDonations: null,
};

const keyOf = (year: number) => `parsReady.programSummary.${String(year)}`;

/**
 * The amounts kept in the workbook's settings, one entry per year, so that they travel with the
 * file. A value read back that is not a number of dollars, 0 or more, reads as not entered.
 */
export function settingsAmounts(settings: Office.Settings): AmountsStore {
  return {
    read(year) {
      const raw: unknown = settings.get(keyOf(year));
      if (typeof raw !== "object" || raw === null) return NO_AMOUNTS;
      const rec = raw as Record<string, unknown>;
      const out: Record<string, number | null> = {};
      for (const a of HAND_ENTERED_AMOUNTS) {
        const v = rec[a.key];
        out[a.key] = typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : null;
      }
      return out as HandEnteredAmounts;
    },
    write(year, amounts) {
      settings.set(keyOf(year), { ...amounts });
      return new Promise((resolve, reject) => {
        settings.saveAsync((result) => {
          if (result.status === Office.AsyncResultStatus.Failed) {
            reject(new SettingsSaveError(result.error.message));
          } else resolve();
        });
      });
    },
  };
}
