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
import { exportNoteText, type ExcludedRow, type ExportPreview, type LayoutId } from "../../core";
import { shownDay } from "../shownDay";
import type { CopyState, ExportState, PreviewState, SelectionState } from "../hooks/useExport";
import { ErrorBar } from "./ErrorBar";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
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

const LAYOUT_NAMES: Readonly<Record<LayoutId, string>> = {
  xml: "PARS XML",
  txt: "Template D (.txt)",
};

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

/** The preview as a coordinator reads it before the file is made, as the CLI prints it. */
function PreviewDetails({ preview }: { preview: ExportPreview }) {
  const styles = useStyles();
  const out = preview.excluded.filter((e) => e.reason !== "not_selected");
  return (
    <>
      <Text role="status" size={200}>
        {summaryText(preview)}
      </Text>
      {out.length > 0 && (
        // Folded: at thousands of rows the list repeats the findings; the count is what matters.
        <details>
          <summary className={styles.summary}>
            <h3 id="export-out" className={styles.subheading}>
              Staying out ({out.length.toLocaleString("en-US")})
            </h3>
          </summary>
          <ul className={styles.list} aria-labelledby="export-out">
            {out.map((e) => (
              <li key={e.row}>
                <Text size={200}>
                  {who(e)}:{" "}
                  {e.reason === "cancelled"
                    ? "Cancelled, not reported"
                    : `not ready for ${e.heldTo ?? "its status"}`}
                </Text>
                {e.messages.length > 0 && (
                  <ul className={styles.list}>
                    {e.messages.map((m, i) => (
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
      )}
      {preview.changed.length > 0 && (
        <>
          <h3 id="export-changed" className={styles.subheading}>
            Cells written differently in the file
          </h3>
          <ul className={styles.list} aria-labelledby="export-changed">
            {preview.changed.map((c) => (
              <li key={`${c.table}|${String(c.row)}|${c.column}`}>
                <Text size={200}>
                  {c.table} row {c.row} {c.column}: {JSON.stringify(c.before)} →{" "}
                  {JSON.stringify(c.after)}
                </Text>
              </li>
            ))}
          </ul>
        </>
      )}
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
  const rows = plural(file.summary.rows, "activity", "activities");
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

/**
 * The Export area: the layout, an optional selection of rows, the preview of what goes in and
 * what stays out, and the one button that makes the file.
 */
export function ExportPanel(props: {
  available: boolean;
  layout: LayoutId;
  onLayout: (layout: LayoutId) => void;
  selection: SelectionState;
  onSelectionOnly: (on: boolean) => void;
  onReadSelection: () => void;
  preview: PreviewState;
  state: ExportState;
  copyState: CopyState;
  onExport: (preview: ExportPreview) => void;
  onExportAnyway: () => void;
  onCancel: () => void;
  onCopy: () => void;
}) {
  const styles = useStyles();
  const { preview, state, selection } = props;
  const ready = preview.status === "ready" ? preview.preview : null;
  const nothingGoesIn = ready !== null && ready.activities.length === 0;
  const busy = state.status === "running" || state.status === "duplicate";
  const notice = previewNotice(preview);
  const made = state.status === "done" || state.status === "failed" ? state.made : null;
  return (
    <section className={styles.root} aria-labelledby="export-heading">
      <h2 id="export-heading" className={styles.heading}>
        Export
      </h2>
      <Text size={200}>
        Makes the PARS batch-upload file of the activities that pass their declared status.
      </Text>
      <RadioGroup
        aria-label="Upload layout"
        value={props.layout}
        onChange={(_, d) => props.onLayout(d.value === "txt" ? "txt" : "xml")}
      >
        <Radio value="xml" label={LAYOUT_NAMES.xml} />
        <Radio value="txt" label={LAYOUT_NAMES.txt} />
      </RadioGroup>
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
      {selection.status === "rows" && selection.rows.length > 0 && (
        <Text size={200} className={styles.muted}>
          {selectionText(selection)}
        </Text>
      )}
      {notice !== null && (
        <Text role="status" size={200}>
          {notice}
        </Text>
      )}
      {preview.status === "failed" && <ErrorBar error={preview.error} />}
      {ready !== null && <PreviewDetails preview={ready} />}
      {nothingGoesIn && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>No activity passes its status: no file is made.</MessageBarTitle> Fix
            the rows listed above, or select other rows.
          </MessageBarBody>
        </MessageBar>
      )}
      <Button
        appearance="primary"
        disabled={!props.available || ready === null || nothingGoesIn || busy}
        onClick={() => {
          if (ready !== null) props.onExport(ready);
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
            Uploading it again would send the same activities twice.
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
        </details>
      )}
    </section>
  );
}
