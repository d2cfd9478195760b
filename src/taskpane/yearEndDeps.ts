import { documentSettings } from "../excel/documentSettings";
import { NO_AMOUNTS, settingsAmounts, yearEndWorkbook } from "../excel/yearEndWorkbook";
import type { ExcelRun } from "../excel/WorkbookGateway";
import { localIsoDate } from "./deps";
import type { YearEndDeps } from "./hooks/useYearEnd";
import { SettingsSaveError } from "../excel/documentSettings";

/**
 * The Year end view's dependencies inside Excel: the workbook over `Excel.run`, the amounts and
 * the provider ID from the workbook's settings, and the clock. Call after `Office.onReady`.
 */
export function officeYearEndDeps(): YearEndDeps {
  const run: ExcelRun = (batch, context) =>
    context === undefined ? Excel.run(batch) : Excel.run(context, batch);
  const settings = (Office.context.document as Office.Document | undefined)?.settings;
  return {
    workbook: yearEndWorkbook(run),
    amounts:
      settings === undefined
        ? {
            read: () => NO_AMOUNTS,
            write: () =>
              Promise.reject(new SettingsSaveError("this host has no workbook to save them in")),
          }
        : settingsAmounts(settings),
    today: () => localIsoDate(new Date()),
    providerId: () => {
      const id = settings === undefined ? "" : documentSettings(settings).read().providerId;
      return id === "" ? null : id;
    },
  };
}
