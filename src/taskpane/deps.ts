import type { IsoDate } from "../core";
import { capabilitiesOf } from "../excel/capabilities";
import { documentSettings, type SettingsStore } from "../excel/documentSettings";
import { WorkbookGateway, type ExcelRun } from "../excel/WorkbookGateway";

/** What the task pane needs of the workbook: the gateway's methods, so tests can pass a fake. */
export type WorkbookPort = Pick<
  WorkbookGateway,
  "capabilities" | "check" | "recheck" | "clearHighlights" | "select" | "watch" | "insertTables"
>;

/** Everything the pane takes from outside React: Excel, the workbook's settings, the clock. */
export type AppDeps = {
  readonly workbook: WorkbookPort;
  readonly settings: SettingsStore;
  /** Today on the coordinator's computer, as YYYY-MM-DD. */
  readonly today: () => IsoDate;
  /** Quiet time after the last edit before a live re-check, in milliseconds. */
  readonly debounceMs: number;
};

/** The local calendar day of a moment, as YYYY-MM-DD. */
export function localIsoDate(now: Date): IsoDate {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The real dependencies, for the add-in running inside Excel. Call after `Office.onReady`. */
export function officeDeps(): AppDeps {
  const run: ExcelRun = (batch, context) =>
    context === undefined ? Excel.run(batch) : Excel.run(context, batch);
  const capabilities = capabilitiesOf((name, version) =>
    Office.context.requirements.isSetSupported(name, version)
  );
  return {
    workbook: new WorkbookGateway(run, capabilities),
    settings: documentSettings(Office.context.document.settings),
    today: () => localIsoDate(new Date()),
    debounceMs: 600,
  };
}
