import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useDeferredValue, useMemo, useState } from "react";
import type { CheckOptions, CheckResult } from "../core";
import { shownDay } from "./shownDay";
import { CheckBar } from "./components/CheckBar";
import { ErrorBar } from "./components/ErrorBar";
import { ExportPanel } from "./components/ExportPanel";
import { FeatureNotes } from "./components/FeatureNotes";
import { FindingsList } from "./components/FindingsList";
import { FixesPanel } from "./components/FixesPanel";
import { InsertTablesPanel } from "./components/InsertTablesPanel";
import { PaneTabs, PaneViewPanels, type PaneView } from "./components/PaneViews";
import { SettingsPanel } from "./components/SettingsPanel";
import { StatusChart } from "./components/StatusChart";
import { YearEndView } from "./components/YearEndView";
import { officeDeps, type AppDeps } from "./deps";
import { passOf, useCheck } from "./hooks/useCheck";
import { choicePreview, useExport } from "./hooks/useExport";
import { useFindings } from "./hooks/useFindings";
import { useFixes } from "./hooks/useFixes";
import { useInsertTables } from "./hooks/useInsertTables";
import { useSettings } from "./hooks/useSettings";
import type { YearEndDeps } from "./hooks/useYearEnd";
import { filterChoices } from "./viewModels/findingGroups";
import type { TableLayout } from "../excel/layout";
import type { CheckPass } from "../excel/WorkbookGateway";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    minHeight: "100vh",
    boxSizing: "border-box",
    minWidth: 0,
  },
  // Stays at the top while the view scrolls, except where the pane is too short to spare it
  // (a short pane, or 200% zoom).
  header: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalXL,
    paddingRight: tokens.spacingHorizontalXL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    "@media (max-height: 480px)": { position: "static" },
    "@media (max-width: 240px)": {
      paddingLeft: tokens.spacingHorizontalS,
      paddingRight: tokens.spacingHorizontalS,
    },
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  body: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    minWidth: 0,
    "@media (max-width: 240px)": {
      paddingLeft: tokens.spacingHorizontalS,
      paddingRight: tokens.spacingHorizontalS,
    },
  },
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
  if (failing === 0) {
    return `All ${n(activities)} ${activities === 1 ? "activity meets its" : "activities meet their"} declared status.`;
  }
  return `${n(failing)} of ${n(activities)} ${activities === 1 ? "activity fails" : "activities fail"} their declared status.`;
}

const NO_LAYOUTS: readonly TableLayout[] = [];

const isClean = (r: CheckResult) => r.summary.failing === 0 && r.summary.errors === 0;

/**
 * The task pane. The one place Office is wired in: the hooks get the workbook, the workbook's
 * settings, the clock, downloads and the clipboard from `deps`, which tests replace with fakes.
 *
 * A header that stays (Check, the day checked as of, the counts) over one view at a time, chosen
 * by tabs; the views are the `views` list below, one entry each.
 */
export function App(props: { deps?: AppDeps }) {
  const [deps] = useState<AppDeps>(() => props.deps ?? officeDeps());
  const styles = useStyles();
  const { settings, save, saveSettings } = useSettings(deps.settings);
  const { state, live, check, cancel, cancelled, clear, select, earlierMarks } = useCheck(
    deps.workbook,
    deps.debounceMs
  );
  const insert = useInsertTables(deps.workbook);
  const pass = passOf(state);
  const result = pass?.outcome.ok === true ? pass.outcome.result : null;
  const findings = useFindings(result);
  const choices = useMemo(
    () => (result === null ? { tables: [], columns: [] } : filterChoices(result)),
    [result]
  );
  const caps = deps.workbook.capabilities;
  const today = deps.today();
  const exporting = useExport(deps.workbook, deps.files, deps.now);
  const asOf = settings.asOf ?? today;
  const providerId = settings.providerId === "" ? null : settings.providerId;
  const [view, setView] = useState("findings");
  // The Year end view reads the provider ID from the pane's settings, as saved now.
  const yearEndDeps = useMemo<YearEndDeps>(
    () => ({ ...deps.yearEnd, today: deps.today, providerId: () => providerId }),
    [deps, providerId]
  );
  const running = state.status === "running";
  // The preview re-runs the check for upload (about 1.4 s at 100,000 rows): deferred, so the
  // check's own results are painted first and typing in the settings stays responsive.
  const previewPass = useDeferredValue(pass);
  // Deferred too: a new choice of file is shown checked at once, its preview as soon as made.
  const previewChoice = useDeferredValue(exporting.layout);
  const preview = useMemo(
    () =>
      choicePreview(previewPass, { today: asOf, providerId }, previewChoice, exporting.selection),
    [previewPass, asOf, providerId, previewChoice, exporting.selection]
  );
  const runCheck = (options: CheckOptions) => void check(options);
  const insertTables = async () => {
    const made = await insert.insert({ example: insert.example });
    // The tables just added are what the next check reads: check now, so no message about a
    // workbook without them stays on show.
    if (made && caps.check) runCheck({ today: asOf, providerId });
  };
  const go = (item: (typeof findings.items)[number]) => {
    findings.choose(item);
    void select(item.place);
  };
  const canClear =
    caps.highlight &&
    // Before any check, marks from an earlier session; after one, the pass says what is marked.
    (pass === null
      ? earlierMarks
      : pass.marks !== null &&
        pass.marks.rows + pass.marks.errorCells + pass.marks.warningCells > 0);

  // Fixes change cells, then the workbook is checked again so the findings on show are current.
  const fixes = useFixes(deps.workbook, result, pass?.layouts ?? NO_LAYOUTS, deps.now, () =>
    runCheck({ today: asOf, providerId })
  );
  const chosenFix = findings.selected === null ? null : fixes.fixAt(findings.selected.place);
  // Shown with nothing left to fix too while a batch, this session's or an earlier one's, can be undone.
  const showFixes = fixes.groups.length > 0 || fixes.state.status !== "idle" || fixes.canUndo;

  const findingsView = (
    <>
      {pass !== null && !pass.outcome.ok && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>No Activities table found.</MessageBarTitle> Name an Excel table or a
            sheet &quot;Activities&quot;, or start from the PARS tables.
          </MessageBarBody>
          <MessageBarActions>
            <Button
              size="small"
              disabled={!caps.insertTables || insert.state.status === "running"}
              onClick={() => void insertTables()}
            >
              Insert PARS tables
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {result === null && pass === null && (
        <Text size={200} className={styles.muted}>
          Press Check to read the workbook&apos;s PARS tables and list what each activity still
          needs.
        </Text>
      )}
      {result !== null && pass !== null && (
        <>
          {pass.markProblem !== null && (
            <MessageBar intent="warning" role="alert" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>
                  The findings are listed, but the sheet is not marked.
                </MessageBarTitle>{" "}
                {pass.markProblem.message} {pass.markProblem.remedy}
              </MessageBarBody>
            </MessageBar>
          )}
          {isClean(result) && (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Ready to report.</MessageBarTitle>
                Every activity meets its declared status. Next: export the upload file.
              </MessageBarBody>
              <MessageBarActions>
                <Button size="small" onClick={() => setView("export")}>
                  Go to Export
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
          <Text size={200} className={styles.muted}>
            {result.tables
              .map((t) => `${t.table}: ${n(t.rows)} ${t.rows === 1 ? "row" : "rows"}`)
              .join(", ")}
            . {marksText(pass)}
          </Text>
          <StatusChart summary={result.summary} />
          {showFixes && (
            <FixesPanel
              available={caps.check && !running}
              state={fixes.state}
              groups={fixes.groups}
              chosen={chosenFix}
              statuses={fixes.statuses}
              canUndo={fixes.canUndo}
              onStatuses={fixes.setStatuses}
              onPreview={fixes.preview}
              onCancel={fixes.cancel}
              onApply={() => void fixes.apply()}
              onUndo={() => void fixes.undo()}
            />
          )}
          <FindingsList
            filter={findings.filter}
            onFilter={findings.setFilter}
            tables={choices.tables}
            columns={choices.columns}
            total={result.issues.length}
            items={findings.items}
            lines={findings.lines}
            more={findings.more}
            onShowMore={findings.showMore}
            onToggle={findings.toggle}
            selected={findings.selected}
            onChoose={go}
            previous={findings.neighbour(-1)}
            next={findings.neighbour(1)}
          />
        </>
      )}
    </>
  );

  const views: readonly PaneView[] = [
    { id: "findings", label: "Findings", content: findingsView },
    {
      id: "export",
      label: "Export",
      content: (
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
          onExport={(p, layout) => void exporting.exportFile(p, layout)}
          onExportLearners={(p, id) => void exporting.exportLearners(p, id)}
          onExportAnyway={() => void exporting.exportAnyway()}
          onCancel={exporting.cancel}
          onCopy={() => void exporting.copy()}
        />
      ),
    },
    {
      id: "year-end",
      label: "Year end",
      content: <YearEndView deps={yearEndDeps} available={caps.check} />,
    },
    {
      id: "settings",
      label: "Settings",
      content: (
        <>
          <SettingsPanel
            saved={settings}
            today={shownDay(today)}
            save={save}
            onSave={(next) =>
              void saveSettings(next).then((ok) => {
                // A check on show was made with the old settings: make it again with the new.
                if (ok && pass !== null && caps.check) {
                  runCheck({
                    today: next.asOf ?? today,
                    providerId: next.providerId === "" ? null : next.providerId,
                  });
                }
              })
            }
          />
          <InsertTablesPanel
            available={caps.insertTables}
            state={insert.state}
            example={insert.example}
            onExample={insert.setExample}
            onInsert={() => void insertTables()}
          />
        </>
      ),
    },
  ];

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <h1 className={styles.title}>PARS Ready</h1>
        <CheckBar
          available={caps.check}
          running={running}
          progress={state.status === "running" ? state.progress : null}
          canClear={canClear}
          live={live}
          asOf={shownDay(result?.asOf ?? asOf)}
          summary={result?.summary ?? null}
          outcome={outcomeText(pass)}
          cancelled={cancelled}
          onCheck={() => runCheck({ today: asOf, providerId })}
          onCancel={cancel}
          onClear={() => void clear()}
        />
        <PaneTabs views={views} selected={view} onSelect={setView} />
      </header>
      <div className={styles.body}>
        <FeatureNotes capabilities={caps} />
        {state.status === "failed" && <ErrorBar error={state.error} />}
        <PaneViewPanels views={views} selected={view} />
      </div>
    </main>
  );
}
