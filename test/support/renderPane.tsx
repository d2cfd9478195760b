import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render } from "@testing-library/react";
import type { PaneSettings, SettingsStore } from "../../src/excel/documentSettings";
import type { Capabilities } from "../../src/excel/capabilities";
import { WorkbookGateway } from "../../src/excel/WorkbookGateway";
import { NO_AMOUNTS, yearEndWorkbook, type AmountsStore } from "../../src/excel/yearEndWorkbook";
import type { HandEnteredAmounts } from "../../src/core";
import { App } from "../../src/taskpane/App";
import type { AppDeps, WorkbookPort } from "../../src/taskpane/deps";
import type { FileHost } from "../../src/taskpane/fileHost";
import { TODAY } from "./builders";
import type { FakeExcel } from "./fakeExcel";

export const ALL_CAPABILITIES: Capabilities = {
  check: true,
  highlight: true,
  live: true,
  insertTables: true,
};

/** Settings kept in memory, recording every save. */
export function memorySettings(
  initial: PaneSettings = { providerId: "", asOf: null }
): SettingsStore & {
  saved: PaneSettings[];
} {
  let current = initial;
  const saved: PaneSettings[] = [];
  return {
    saved,
    read: () => current,
    write: (next) => {
      current = next;
      saved.push(next);
      return Promise.resolve();
    },
  };
}

/** Hand-entered Program Summary amounts kept in memory, by year. */
export function memoryAmounts(): AmountsStore {
  const byYear = new Map<number, HandEnteredAmounts>();
  return {
    read: (year) => byYear.get(year) ?? NO_AMOUNTS,
    write: (year, amounts) => {
      byYear.set(year, amounts);
      return Promise.resolve();
    },
  };
}

/** The moment the pane's tests export at: 14:30 local time on the test day. */
export const EXPORT_NOW = new Date(2025, 10, 25, 14, 30);

/**
 * Downloads and a clipboard kept in memory. `canDownload` false stands for desktop Excel;
 * `failDownload` and `refuseCopy` make the browser refuse, as some hosts do.
 */
export function memoryFiles(
  options: { canDownload?: boolean; failDownload?: boolean; refuseCopy?: boolean } = {}
): FileHost & {
  downloads: { fileName: string; text: string; mimeType: string }[];
  copied: string[];
} {
  const downloads: { fileName: string; text: string; mimeType: string }[] = [];
  const copied: string[] = [];
  return {
    downloads,
    copied,
    canDownload: options.canDownload ?? true,
    download: (fileName, chunks, mimeType) => {
      if (options.failDownload === true) throw new Error("downloads are blocked");
      downloads.push({ fileName, text: chunks.join(""), mimeType });
    },
    copy: (text) => {
      if (options.refuseCopy === true) {
        return Promise.reject(new DOMException("Write permission denied.", "NotAllowedError"));
      }
      copied.push(text);
      return Promise.resolve();
    },
  };
}

/** Renders the pane over a fake Excel, with the real adapter in between. */
export function renderPane(
  fake: FakeExcel,
  options: {
    capabilities?: Capabilities;
    settings?: SettingsStore;
    workbook?: (gateway: WorkbookGateway) => WorkbookPort;
    files?: FileHost;
    now?: () => Date;
  } = {}
) {
  const gateway = new WorkbookGateway(fake.run, options.capabilities ?? ALL_CAPABILITIES, () =>
    Promise.resolve()
  );
  const deps: AppDeps = {
    workbook: options.workbook?.(gateway) ?? gateway,
    settings: options.settings ?? memorySettings(),
    today: () => TODAY,
    now: options.now ?? (() => EXPORT_NOW),
    files: options.files ?? memoryFiles(),
    yearEnd: { workbook: yearEndWorkbook(fake.run), amounts: memoryAmounts() },
    debounceMs: 5,
  };
  return render(
    <FluentProvider theme={webLightTheme}>
      <App deps={deps} />
    </FluentProvider>
  );
}
