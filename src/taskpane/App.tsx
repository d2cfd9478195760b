import {
  Divider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useDeferredValue, useMemo, useState } from "react";
import { CheckBar } from "./components/CheckBar";
import { ErrorBar } from "./components/ErrorBar";
import { ExportPanel } from "./components/ExportPanel";
import { FeatureNotes } from "./components/FeatureNotes";
import { FindingsList } from "./components/FindingsList";
import { InsertTablesPanel } from "./components/InsertTablesPanel";
import { SettingsPanel } from "./components/SettingsPanel";
import { StatusChart } from "./components/StatusChart";
import { officeDeps, type AppDeps } from "./deps";
import { passOf, useCheck } from "./hooks/useCheck";
import { previewFor, useExport } from "./hooks/useExport";
import { useFindings } from "./hooks/useFindings";
import { useInsertTables } from "./hooks/useInsertTables";
import { useSettings } from "./hooks/useSettings";
import type { CheckPass } from "../excel/WorkbookGateway";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalM,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    minHeight: "100vh",
    boxSizing: "border-box",
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
});

const n = (x: number) => x.toLocaleString("en-US");

function marksText(pass: CheckPass): string {
  if (pass.marks === null) return "The sheet is not marked.";
  const { rows, errorCells, warningCells } = pass.marks;
  return `Marked ${n(rows)} failing ${rows === 1 ? "row" : "rows"}, ${n(errorCells)} ${errorCells === 1 ? "cell" : "cells"} at fault and ${n(warningCells)} with warnings.`;
}

function outcomeText(pass: CheckPass | null): string | null {
  if (pass === null) return null;
  if (!pass.outcome.ok) return "The check found no Activities table.";
  const { activities, failing } = pass.outcome.result.summary;
  return `${n(failing)} of ${n(activities)} ${activities === 1 ? "activity fails" : "activities fail"} their declared status.`;
}

/**
 * The task pane. The one place Office is wired in: the hooks get the workbook, the workbook's
 * settings, the clock, downloads and the clipboard from `deps`, which tests replace with fakes.
 */
export function App(props: { deps?: AppDeps }) {
  const [deps] = useState<AppDeps>(() => props.deps ?? officeDeps());
  const styles = useStyles();
  const { settings, save, saveSettings } = useSettings(deps.settings);
  const { state, live, check, clear, select } = useCheck(deps.workbook, deps.debounceMs);
  const insert = useInsertTables(deps.workbook);
  const pass = passOf(state);
  const result = pass?.outcome.ok === true ? pass.outcome.result : null;
  const findings = useFindings(result);
  const caps = deps.workbook.capabilities;
  const today = deps.today();
  const exporting = useExport(deps.workbook, deps.files, deps.now);
  const asOf = settings.asOf ?? today;
  const providerId = settings.providerId === "" ? null : settings.providerId;
  // The preview re-runs the check for upload (about 1.4 s at 100,000 rows): deferred, so the
  // check's own results are painted first and typing in the settings stays responsive.
  const previewPass = useDeferredValue(pass);
  const preview = useMemo(
    () => previewFor(previewPass, { today: asOf, providerId }, exporting.selection),
    [previewPass, asOf, providerId, exporting.selection]
  );

  return (
    <main className={styles.root}>
      <header>
        <h1 className={styles.title}>PARS Ready</h1>
        <Text size={200} className={styles.muted}>
          Checks each activity against the PARS status it declares
          {settings.asOf === null ? "" : `, as of ${settings.asOf}`}.
        </Text>
      </header>
      <FeatureNotes capabilities={caps} />
      <CheckBar
        available={caps.check}
        running={state.status === "running"}
        progress={state.status === "running" ? state.progress : null}
        canClear={caps.highlight}
        live={live}
        outcome={outcomeText(pass)}
        onCheck={() => void check({ today: asOf, providerId })}
        onClear={() => void clear()}
      />
      {state.status === "failed" && <ErrorBar error={state.error} />}
      {pass !== null && !pass.outcome.ok && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>No Activities table found.</MessageBarTitle> Name an Excel table or a
            sheet &quot;Activities&quot;, or insert the PARS tables below.
          </MessageBarBody>
        </MessageBar>
      )}
      {result !== null && pass !== null && (
        <>
          <Text size={200} className={styles.muted}>
            Checked as of {result.asOf}:{" "}
            {result.tables
              .map((t) => `${t.table} (${n(t.rows)} ${t.rows === 1 ? "row" : "rows"})`)
              .join(", ")}
            . {marksText(pass)}
          </Text>
          <StatusChart summary={result.summary} />
          <FindingsList
            filter={findings.filter}
            onFilter={findings.setFilter}
            groups={findings.groups}
            shown={findings.shown}
            onShowMore={findings.showMore}
            onSelect={(place) => void select(place)}
          />
        </>
      )}
      <Divider />
      <ExportPanel
        available={caps.check}
        layout={exporting.layout}
        onLayout={exporting.setLayout}
        selection={exporting.selection}
        onSelectionOnly={(on) => void exporting.setSelectionOnly(on)}
        onReadSelection={() => void exporting.readSelection()}
        preview={preview}
        state={exporting.state}
        copyState={exporting.copyState}
        onExport={(p) => void exporting.exportFile(p)}
        onExportAnyway={() => void exporting.exportAnyway()}
        onCancel={exporting.cancel}
        onCopy={() => void exporting.copy()}
      />
      <Divider />
      <SettingsPanel
        saved={settings}
        today={today}
        save={save}
        onSave={(next) => void saveSettings(next)}
      />
      <Divider />
      <InsertTablesPanel
        available={caps.insertTables}
        state={insert.state}
        example={insert.example}
        onExample={insert.setExample}
        onInsert={() => void insert.insert({ example: insert.example })}
      />
    </main>
  );
}
