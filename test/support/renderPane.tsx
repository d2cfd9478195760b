import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render } from "@testing-library/react";
import type { PaneSettings, SettingsStore } from "../../src/excel/documentSettings";
import type { Capabilities } from "../../src/excel/capabilities";
import { WorkbookGateway } from "../../src/excel/WorkbookGateway";
import { App } from "../../src/taskpane/App";
import type { AppDeps, WorkbookPort } from "../../src/taskpane/deps";
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

/** Renders the pane over a fake Excel, with the real adapter in between. */
export function renderPane(
  fake: FakeExcel,
  options: {
    capabilities?: Capabilities;
    settings?: SettingsStore;
    workbook?: (gateway: WorkbookGateway) => WorkbookPort;
  } = {}
) {
  const gateway = new WorkbookGateway(fake.run, options.capabilities ?? ALL_CAPABILITIES, () =>
    Promise.resolve()
  );
  const deps: AppDeps = {
    workbook: options.workbook?.(gateway) ?? gateway,
    settings: options.settings ?? memorySettings(),
    today: () => TODAY,
    debounceMs: 5,
  };
  return render(
    <FluentProvider theme={webLightTheme}>
      <App deps={deps} />
    </FluentProvider>
  );
}
