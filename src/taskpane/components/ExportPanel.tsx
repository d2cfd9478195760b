import {
  Button,
  Checkbox,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from "@fluentui/react-components";
import {
  exportNoteText,
  LEARNER_LAYOUT_NOTES,
  type ChangedCell,
  type ExcludedLearner,
  type ExcludedRow,
  type ExportPreview,
  type LayoutId,
  type LearnerPreview,
} from "../../core";
import { shownDay } from "../shownDay";
import type {
  ChoicePreview,
  CopyState,
  ExportChoice,
  ExportState,
  LearnerPreviewState,
  PreviewState,
  SelectionState,
} from "../hooks/useExport";
import { ErrorBar } from "./ErrorBar";
import { PanelSection } from "./PanelSection";

const useStyles = makeStyles({
  subheading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  row: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  mono: { fontFamily: tokens.fontFamilyMonospace, wordBreak: "break-all" },
  summary: { cursor: "pointer", "& > h3": { display: "inline" } },
});

const LAYOUT_NAMES: Readonly<Record<ExportChoice, string>> = {
  xml: "PARS XML",
  txt: "Template D (.txt)",
  learners: "Learner completions, XML",
};

const choiceOf = (value: string): ExportChoice =>
  value === "txt" || value === "learners" ? value : "xml";

const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

function who(e: ExcludedRow): string {
  return [`Row ${String(e.row)}`, e.internalId ?? "", e.title ?? ""]
    .filter((s) => s !== "")
    .join(" · ");
}

/** A logged moment (ISO 8601) as a coordinator reads it: "11/25/2025 at 14:30 UTC". */
export function shownMoment(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  if (m === null) return iso;
  const zone = iso.endsWith("Z") ? " UTC" : "";
  return `${shownDay(m[1] ?? "")} at ${m[2] ?? ""}${zone}`;
}

function summaryText(p: ExportPreview): string {
  const failing = p.excluded.filter((e) => e.reason === "fails_status").length;
  const cancelled = p.excluded.filter((e) => e.reason === "cancelled").length;
  const unselected = p.excluded.filter((e) => e.reason === "not_selected").length;
  return (
    `${plural(p.activities.length, "activity", "activities")} ${p.activities.length === 1 ? "goes" : "go"} in as of ${shownDay(p.asOf)}; ` +
    `${plural(failing, "row")} ${failing === 1 ? "fails its" : "fail their"} status and stay${failing === 1 ? "s" : ""} out` +
    (cancelled > 0 ? `; ${plural(cancelled, "cancelled row")} not reported` : "") +
    (unselected > 0 ? `; ${plural(unselected, "row")} not selected` : "") +
    "."
  );
}

/** The cells whose text the file carries differently (made safe), one line each. */
function ChangedCells({ changed }: { changed: readonly ChangedCell[] }) {
  const styles = useStyles();
  if (changed.length === 0) return null;
  return (
    <>
      <h3 id="export-changed" className={styles.subheading}>
        Cells written differently in the file
      </h3>
      <ul className={styles.list} aria-labelledby="export-changed">
        {changed.map((c) => (
          <li key={`${c.table}|${String(c.row)}|${c.column}`}>
            <Text size={200}>
              {c.table} row {c.row} {c.column}: {JSON.stringify(c.before)} →{" "}
              {JSON.stringify(c.after)}
            </Text>
          </li>
        ))}
      </ul>
    </>
  );
}

function learnerWho(e: ExcludedLearner): string {
  return [`Learners row ${String(e.row)}`, e.name ?? "", e.internalId ?? ""]
    .filter((s) => s !== "")
    .join(" · ");
}

function learnerSummaryText(p: LearnerPreview): string {
  const n = p.learners.length;
  const out = p.excluded.length;
  return (
    `${plural(n, "completion")} ${n === 1 ? "goes" : "go"} in as of ${shownDay(p.asOf)}; ` +
    `${plural(out, "row")} ${out === 1 ? "has an error and stays" : "have errors and stay"} out.`
  );
}

type OutRow = { readonly key: string; readonly line: string; readonly messages: readonly string[] };

/**
 * The rows a file leaves out, each with its reasons, folded under their count: at thousands of
 * rows the list repeats the findings, and the count is what matters first.
 */
function StayingOut({ id, rows }: { id: string; rows: readonly OutRow[] }) {
  const styles = useStyles();
  if (rows.length === 0) return null;
  return (
    <details>
      <summary className={styles.summary}>
        <h3 id={id} className={styles.subheading}>
          Staying out ({rows.length.toLocaleString("en-US")})
        </h3>
      </summary>
      <ul className={styles.list} aria-labelledby={id}>
        {rows.map((r) => (
          <li key={r.key}>
            <Text size={200}>{r.line}</Text>
            {r.messages.length > 0 && (
              <ul className={styles.list}>
                {r.messages.map((m, i) => (
                  <li key={i}>
                    <Text size={200}>{m}</Text>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * The learner file's preview, as `pars-ready export --format learners` prints it: how many
 * completions go in, and which rows stay out with their error messages, folded like the
 * activities'.
 */
function LearnerPreviewDetails({ preview }: { preview: LearnerPreview }) {
  const out = preview.excluded;
  return (
    <>
      <Text role="status" size={200}>
        {learnerSummaryText(preview)}
      </Text>
      <StayingOut
        id="export-learners-out"
        rows={out.map((e) => ({
          key: `${e.sheet}|${String(e.row)}`,
          line: `${learnerWho(e)}: stays out`,
          messages: e.messages,
        }))}
      />
      <ChangedCells changed={preview.changed} />
    </>
  );
}

function learnerNotice(preview: LearnerPreviewState): string | null {
  switch (preview.status) {
    case "unchecked":
      return "Press Check first: the export takes the rows as checked.";
    case "no_activities":
      return "There is no Activities table, so no learner can be joined to an activity.";
    case "no_learners_table":
      return "This workbook has no Learners table. Add one with Insert PARS tables in Settings (existing sheets are left as they are), enter one row per completion, then press Check.";
    case "failed":
    case "ready":
      return null;
  }
}

/** The preview as a coordinator reads it before the file is made, as the CLI prints it. */
function PreviewDetails({ preview }: { preview: ExportPreview }) {
  const styles = useStyles();
  const out = preview.excluded.filter((e) => e.reason !== "not_selected");
  return (
    <>
      <Text role="status" size={200}>
        {summaryText(preview)}
      </Text>
      <StayingOut
        id="export-out"
        rows={out.map((e) => ({
          key: String(e.row),
          line: `${who(e)}: ${
            e.reason === "cancelled"
              ? "Cancelled, not reported"
              : `not ready for ${e.heldTo ?? "its status"}`
          }`,
          messages: e.messages,
        }))}
      />
      <ChangedCells changed={preview.changed} />
      {preview.notes.length > 0 && (
        <>
          <h3 id="export-notes" className={styles.subheading}>
            Values to look at
          </h3>
          <ul className={styles.list} aria-labelledby="export-notes">
            {preview.notes.map((n) => (
              <li key={`${n.table}|${String(n.row)}|${n.column}`}>
                <Text size={200}>{exportNoteText(n)}</Text>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function previewNotice(preview: PreviewState): string | null {
  switch (preview.status) {
    case "unchecked":
      return "Press Check first: the export takes the rows as checked.";
    case "no_activities":
      return "There is no Activities table to export.";
    case "waiting_for_selection":
      return "Reading the selection…";
    case "empty_selection":
      return "The selection covers no rows of the Activities table. Select the rows to export in the sheet, then press Use selection.";
    case "failed":
    case "ready":
      return null;
  }
}

function selectionText(selection: SelectionState): string {
  if (selection.status !== "rows" || selection.rows.length === 0) return "";
  const first = selection.rows[0] ?? 0;
  const last = selection.rows[selection.rows.length - 1] ?? 0;
  return first === last
    ? `Sheet row ${String(first)}.`
    : `Sheet rows ${String(first)}–${String(last)}.`;
}

function DoneMessage({ state }: { state: Extract<ExportState, { status: "done" }> }) {
  const { file } = state.made;
  const rows =
    file.summary.layout === "learners"
      ? plural(file.summary.rows, "completion")
      : plural(file.summary.rows, "activity", "activities");
  const logged = `Logged in the Export Log on sheet "${state.recorded.logSheet}".`;
  if (state.downloaded) {
    return (
      <MessageBar intent="success">
        <MessageBarBody>
          <MessageBarTitle>Downloaded {file.fileName}</MessageBarTitle> {rows}, UTF-8. {logged}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const why =
    state.downloadFailure === null
      ? "This Excel cannot download files from an add-in, so"
      : `The download failed (${state.downloadFailure}), so`;
  return (
    <MessageBar intent="info">
      <MessageBarBody>
        <MessageBarTitle>Wrote {file.fileName} to a new sheet</MessageBarTitle> {why} the
        file&apos;s text ({rows}) is on sheet &quot;{state.recorded.exportSheet ?? ""}&quot;, one
        line per cell in column A. Copy it below and save it as {file.fileName} (UTF-8). {logged}
      </MessageBarBody>
    </MessageBar>
  );
}

/** What the chosen file's preview allows: the button's action, or nothing to make. */
type Ready =
  | { readonly kind: "activities"; readonly preview: ExportPreview; readonly layout: LayoutId }
  | { readonly kind: "learners"; readonly preview: LearnerPreview; readonly providerId: string };

/**
 * The Export area: the file to make (an activity layout or the learner file), an optional
 * selection of activity rows, the preview of what goes in and what stays out, and the one button
 * that makes the file.
 */
export function ExportPanel(props: {
  available: boolean;
  layout: ExportChoice;
  onLayout: (layout: ExportChoice) => void;
  selection: SelectionState;
  onSelectionOnly: (on: boolean) => void;
  onReadSelection: () => void;
  preview: ChoicePreview;
  state: ExportState;
  copyState: CopyState;
  onExport: (preview: ExportPreview, layout: LayoutId) => void;
  onExportLearners: (preview: LearnerPreview, providerId: string) => void;
  onExportAnyway: () => void;
  onCancel: () => void;
  onCopy: () => void;
}) {
  const styles = useStyles();
  const { state, selection } = props;
  // The preview is worked out after the choice is shown; until then it is of the earlier choice.
  const current = props.preview.choice === props.layout ? props.preview : null;
  const learners = props.layout === "learners";
  const activityState: PreviewState | null =
    current !== null && current.choice !== "learners" ? current.state : null;
  const learnerState: LearnerPreviewState | null =
    current !== null && current.choice === "learners" ? current.state : null;
  const activityReady = activityState?.status === "ready" ? activityState.preview : null;
  const learnerReady = learnerState?.status === "ready" ? learnerState : null;
  const nothingGoesIn =
    (activityReady !== null && activityReady.activities.length === 0) ||
    (learnerReady !== null && learnerReady.preview.learners.length === 0);
  const needsProviderId = learnerReady !== null && learnerReady.providerId === null;
  let ready: Ready | null = null;
  if (current !== null && current.choice !== "learners" && activityReady !== null) {
    ready = { kind: "activities", preview: activityReady, layout: current.choice };
  } else if (learnerReady !== null && learnerReady.providerId !== null) {
    ready = {
      kind: "learners",
      preview: learnerReady.preview,
      providerId: learnerReady.providerId,
    };
  }
  const busy = state.status === "running" || state.status === "duplicate";
  const notice =
    current === null
      ? "Working out what goes in…"
      : current.choice === "learners"
        ? learnerNotice(current.state)
        : previewNotice(current.state);
  const failed =
    activityState?.status === "failed"
      ? activityState.error
      : learnerState?.status === "failed"
        ? learnerState.error
        : null;
  const made = state.status === "done" || state.status === "failed" ? state.made : null;
  const madeLearners = made !== null && made.file.summary.layout === "learners";
  return (
    <PanelSection id="export" title="Export">
      <Text size={200}>
        {learners
          ? "Makes the learner file (MedBiquitous Activity Report v2) of the Learners table's completions that have no error, for PARS to pass on to the boards and CME Passport."
          : "Makes the PARS batch-upload file of the activities that pass their declared status."}
      </Text>
      <RadioGroup
        aria-label="File to make"
        value={props.layout}
        onChange={(_, d) => props.onLayout(choiceOf(d.value))}
      >
        <Radio value="xml" label={LAYOUT_NAMES.xml} />
        <Radio value="txt" label={LAYOUT_NAMES.txt} />
        <Radio value="learners" label={LAYOUT_NAMES.learners} />
      </RadioGroup>
      {!learners && (
        <div className={styles.row}>
          <Checkbox
            checked={selection.status !== "all"}
            disabled={!props.available}
            onChange={(_, d) => props.onSelectionOnly(d.checked === true)}
            label="Only the rows selected in the sheet"
          />
          {selection.status !== "all" && (
            <Button
              size="small"
              disabled={selection.status === "reading"}
              onClick={props.onReadSelection}
            >
              Use selection
            </Button>
          )}
        </div>
      )}
      {!learners && selection.status === "rows" && selection.rows.length > 0 && (
        <Text size={200} className={styles.muted}>
          {selectionText(selection)}
        </Text>
      )}
      {notice !== null && (
        <Text role="status" size={200}>
          {notice}
        </Text>
      )}
      {failed !== null && <ErrorBar error={failed} />}
      {activityReady !== null && <PreviewDetails preview={activityReady} />}
      {learnerReady !== null && <LearnerPreviewDetails preview={learnerReady.preview} />}
      {nothingGoesIn && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {learners ? (
              <>
                <MessageBarTitle>No completion is free of errors: no file is made.</MessageBarTitle>{" "}
                Fix the rows listed above, then press Check.
              </>
            ) : (
              <>
                <MessageBarTitle>No activity passes its status: no file is made.</MessageBarTitle>{" "}
                Fix the rows listed above, or select other rows.
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {needsProviderId && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>A provider ID is needed for the learner file.</MessageBarTitle> The
            file names the provider that reports the completions. Enter your seven-digit ACCME
            provider ID in Settings and save it; the file can then be made.
          </MessageBarBody>
        </MessageBar>
      )}
      <Button
        appearance="primary"
        disabled={!props.available || ready === null || nothingGoesIn || busy}
        onClick={() => {
          if (ready?.kind === "activities") props.onExport(ready.preview, ready.layout);
          else if (ready?.kind === "learners")
            props.onExportLearners(ready.preview, ready.providerId);
        }}
      >
        {`Export ${LAYOUT_NAMES[props.layout]}`}
      </Button>
      {state.status === "running" && (
        <Text role="status" size={200}>
          Making the file…
        </Text>
      )}
      {state.status === "duplicate" && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>
            <MessageBarTitle>
              {`This file was already made on ${shownMoment(state.prior.time)} (${state.prior.fileName}).`}
            </MessageBarTitle>{" "}
            {state.made.file.summary.layout === "learners"
              ? "Uploading it again would report the same completions twice."
              : "Uploading it again would send the same activities twice."}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={props.onExportAnyway}>Export anyway</Button>
            <Button onClick={props.onCancel}>Cancel</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {state.status === "done" && <DoneMessage state={state} />}
      {state.status === "failed" && <ErrorBar error={state.error} />}
      {made !== null && (
        <div className={styles.row}>
          <Button onClick={props.onCopy}>Copy to clipboard</Button>
          <Text role="status" size={200}>
            {props.copyState.status === "copied" ? `Copied the text of ${made.file.fileName}.` : ""}
          </Text>
        </div>
      )}
      {props.copyState.status === "failed" && <ErrorBar error={props.copyState.error} />}
      {made !== null && (
        <details>
          <summary className={styles.summary}>
            <Text size={200}>Details</Text>
          </summary>
          <Text size={200} className={styles.muted}>
            The file&apos;s SHA-256 fingerprint, as the Export Log keeps it, tells this file from
            any other:{" "}
          </Text>
          <Text size={100} className={mergeClasses(styles.muted, styles.mono)}>
            {made.sha256}
          </Text>
          {madeLearners && (
            <ul className={styles.list} aria-label="About the learner file">
              {LEARNER_LAYOUT_NOTES.map((n) => (
                <li key={n}>
                  <Text size={200} className={styles.muted}>
                    {n}
                  </Text>
                </li>
              ))}
            </ul>
          )}
        </details>
      )}
    </PanelSection>
  );
}
