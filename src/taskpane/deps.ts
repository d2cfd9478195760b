import type { IsoDate } from "../core";
import { capabilitiesOf } from "../excel/capabilities";
import { documentSettings, SettingsSaveError, type SettingsStore } from "../excel/documentSettings";
import { WorkbookGateway, type ExcelRun } from "../excel/WorkbookGateway";
import {
  NO_AMOUNTS,
  settingsAmounts,
  yearEndWorkbook,
  type AmountsStore,
} from "../excel/yearEndWorkbook";
import { browserFileHost, canDownloadOn, type FileHost } from "./fileHost";
import type { YearEndDeps } from "./hooks/useYearEnd";

/** What the task pane needs of the workbook: the gateway's methods, so tests can pass a fake. */
export type WorkbookPort = Pick<
  WorkbookGateway,
  | "capabilities"
  | "check"
  | "recheck"
  | "clearHighlights"
  | "select"
  | "watch"
  | "insertTables"
  | "selectedActivityRows"
  | "loggedExports"
  | "recordExport"
  | "applyFixes"
  | "undoLastFixes"
> &
  // Optional: a port without them is taken to hold no marks until a check says otherwise, and
  // no fixes to undo until some are applied.
  Partial<Pick<WorkbookGateway, "marksInWorkbook" | "fixBatchesToUndo">>;

/**
 * What the Year end view takes of the workbook: its own reader and the amounts entered by hand.
 * The pane adds the clock and the provider ID from its own settings.
 */
export type YearEndPorts = Pick<YearEndDeps, "workbook" | "amounts">;

/**
 * Everything the pane takes from outside React: Excel, the workbook's settings, the clock, and
 * the browser's downloads and clipboard.
 */
export type AppDeps = {
  readonly workbook: WorkbookPort;
  readonly settings: SettingsStore;
  /** Today on the coordinator's computer, as YYYY-MM-DD. */
  readonly today: () => IsoDate;
  /** The moment an export is made: it names the file and stamps the Export Log. */
  readonly now: () => Date;
  /** Downloads and the clipboard. */
  readonly files: FileHost;
  /** The Year end view's workbook and hand-entered amounts. */
  readonly yearEnd: YearEndPorts;
  /** Quiet time after the last edit before a live re-check, in milliseconds. */
  readonly debounceMs: number;
};

/** The local calendar day of a moment, as YYYY-MM-DD. */
export function localIsoDate(now: Date): IsoDate {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Where the host has no document to keep settings in (the pane opened outside Office): defaults,
 * and a save that says why it cannot.
 */
const NO_DOCUMENT: SettingsStore = {
  read: () => ({ providerId: "", asOf: null }),
  write: () => Promise.reject(new SettingsSaveError("this host has no workbook to save them in")),
};

/** The hand-entered amounts where there is no document: none, and a save that says why not. */
const NO_DOCUMENT_AMOUNTS: AmountsStore = {
  read: () => NO_AMOUNTS,
  write: () => Promise.reject(new SettingsSaveError("this host has no workbook to save them in")),
};

/** The real dependencies, for the add-in running inside Excel. Call after `Office.onReady`. */
export function officeDeps(): AppDeps {
  // Outside Excel (a browser, another Office host) `Excel` is not defined: every feature is then
  // off, and the pane says so instead of failing on the first click.
  const inExcel = typeof Excel !== "undefined";
  const run: ExcelRun = (batch, context) =>
    context === undefined ? Excel.run(batch) : Excel.run(context, batch);
  const capabilities = capabilitiesOf(
    (name, version) => inExcel && Office.context.requirements.isSetSupported(name, version)
  );
  // Absent outside Office, where the pane runs in a plain browser.
  const platform = (Office.context as Partial<Office.Context> | undefined)?.platform;
  const settings = (Office.context.document as Office.Document | undefined)?.settings;
  return {
    workbook: new WorkbookGateway(run, capabilities),
    settings: settings === undefined ? NO_DOCUMENT : documentSettings(settings),
    today: () => localIsoDate(new Date()),
    now: () => new Date(),
    files: browserFileHost(canDownloadOn(platform === undefined ? undefined : String(platform))),
    yearEnd: {
      workbook: yearEndWorkbook(run),
      amounts: settings === undefined ? NO_DOCUMENT_AMOUNTS : settingsAmounts(settings),
    },
    debounceMs: 600,
  };
}
