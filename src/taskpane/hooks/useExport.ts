import { useCallback, useState } from "react";
import {
  buildExport,
  buildLearnerExport,
  exportChunks,
  exportLogEntry,
  exportText,
  findPriorExport,
  previewExport,
  previewLearners,
  UPLOAD_LAYOUTS,
  type ExportFile,
  type ExportPreview,
  type LayoutId,
  type LearnerExportFile,
  type LearnerPreview,
} from "../../core";
import { fileSha256 } from "../fileDigest";
import type { LoggedExport, RecordedExport } from "../../excel/exportLogTable";
import { SYNC_BYTES } from "../../excel/readWorkbook";
import type { CheckPass } from "../../excel/WorkbookGateway";
import type { WorkbookPort } from "../deps";
import type { FileHost } from "../fileHost";
import { toPaneError, type PaneError } from "../paneError";

/** Which rows an export takes: all of them, or those selected in the sheet when last read. */
export type SelectionState =
  | { readonly status: "all" }
  | { readonly status: "reading" }
  | { readonly status: "rows"; readonly rows: readonly number[] }
  | { readonly status: "failed"; readonly error: PaneError };

/** The export preview as the pane can show it, or why there is none. */
export type PreviewState =
  | { readonly status: "unchecked" }
  | { readonly status: "no_activities" }
  | { readonly status: "waiting_for_selection" }
  | { readonly status: "empty_selection" }
  | { readonly status: "failed"; readonly error: PaneError }
  | { readonly status: "ready"; readonly preview: ExportPreview };

/** What the Export view makes: an upload layout's activity file, or the learner file. */
export type ExportChoice = LayoutId | "learners";

/** The learner file's preview as the pane can show it, or why there is none. */
export type LearnerPreviewState =
  | { readonly status: "unchecked" }
  | { readonly status: "no_activities" }
  | { readonly status: "no_learners_table" }
  | { readonly status: "failed"; readonly error: PaneError }
  | {
      readonly status: "ready";
      readonly preview: LearnerPreview;
      /** From the pane's settings; null when none is saved, and then no file can be made. */
      readonly providerId: string | null;
    };

/** The preview of the file chosen, tagged with the choice it was worked out for. */
export type ChoicePreview =
  | { readonly choice: LayoutId; readonly state: PreviewState }
  | { readonly choice: "learners"; readonly state: LearnerPreviewState };

/** A file the pane makes: an activity upload file or a learner file. */
export type PaneFile = ExportFile | LearnerExportFile;

/** A file made and fingerprinted, not yet handed over. */
export type MadeFile = {
  readonly file: PaneFile;
  /** Its text in chunks (`exportChunks`), as the download and the digest take it. */
  readonly chunks: readonly string[];
  readonly sha256: string;
  /** When it was made, as the Export Log records it (ISO 8601). */
  readonly time: string;
  /** The sheet its text goes on where it cannot be downloaded. */
  readonly sheetName: string;
};

/** One export, as one union. */
export type ExportState =
  | { readonly status: "idle" }
  | { readonly status: "running" }
  | { readonly status: "duplicate"; readonly made: MadeFile; readonly prior: LoggedExport }
  | {
      readonly status: "done";
      readonly made: MadeFile;
      readonly downloaded: boolean;
      /** Why a download that was tried did not happen; null when none was tried or it worked. */
      readonly downloadFailure: string | null;
      readonly recorded: RecordedExport;
    }
  | { readonly status: "failed"; readonly error: PaneError; readonly made: MadeFile | null };

/** Copying the file's text, as one union. */
export type CopyState =
  | { readonly status: "idle" }
  | { readonly status: "copied" }
  | { readonly status: "failed"; readonly error: PaneError };

const pad2 = (n: number): string => String(n).padStart(2, "0");

/**
 * The coordinator's local time to the minute, as `buildExport` takes it ("YYYY-MM-DDTHH:MM"):
 * file and sheet names are read by people in their own time zone.
 */
export function exportStamp(now: Date): string {
  return `${String(now.getFullYear())}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}T${pad2(now.getHours())}:${pad2(now.getMinutes())}`;
}

/** The sheet a file made at `stamp` is written to: "PARS Export 20261125-1430". */
export function exportSheetName(stamp: string): string {
  return `PARS Export ${stamp.slice(0, 10).replaceAll("-", "")}-${stamp.slice(11, 16).replace(":", "")}`;
}

/** A file's text cannot be put on a sheet exactly; the message says which line and why. */
export class UnsheetableFileError extends Error {
  override readonly name = "UnsheetableFileError";
}

/** The most characters an Excel cell holds; a longer line would be cut short on the sheet. */
export const MAX_CELL_CHARS = 32_767;

/**
 * A file's lines, one per sheet cell, such that joining them with `lineEnd` after each gives the
 * text back exactly.
 *
 * @throws {UnsheetableFileError} when the text does not split that way (a stray line break), the
 *   whole is more than Excel takes in one request (`maxBytes`), or a line is longer than a cell
 *   holds: a sheet that did not hold the file exactly would be worse than none
 */
export function fileLines(text: string, lineEnd: string, maxBytes = SYNC_BYTES): string[] {
  const lines = text.split(lineEnd);
  if (lines[lines.length - 1] === "") lines.pop();
  if (lines.map((l) => l + lineEnd).join("") !== text || lines.some((l) => /[\r\n]/.test(l))) {
    throw new UnsheetableFileError(
      "The file's line ends are not its layout's, so it cannot be put on a sheet exactly."
    );
  }
  // The sheet is written in one request (values, and a text format per cell), and Excel on the
  // web refuses one over 5 MB; the adapter's budget keeps room for the rest. Written in pieces it
  // could fail half way, so a file this large is refused up front, with a way out.
  if (JSON.stringify(lines).length + lines.length * '["@"],'.length > maxBytes) {
    throw new UnsheetableFileError(
      `The file is too large (${(text.length / 1_000_000).toFixed(1)} million characters) for Excel to take onto a sheet in one piece.`
    );
  }
  const long = lines.findIndex((l) => l.length > MAX_CELL_CHARS);
  if (long >= 0) {
    throw new UnsheetableFileError(
      `Line ${String(long + 1)} of the file is longer than the 32,767 characters an Excel cell holds, so it cannot be put on a sheet.`
    );
  }
  return lines;
}

/**
 * What would be exported from the last check with the pane's settings: the same `previewExport`
 * the command line runs, so the pane and `pars-ready export` agree row for row.
 */
export function previewFor(
  pass: CheckPass | null,
  options: { readonly today: string; readonly providerId: string | null },
  selection: SelectionState
): PreviewState {
  if (pass === null) return { status: "unchecked" };
  if (!pass.outcome.ok) return { status: "no_activities" };
  if (selection.status === "reading") return { status: "waiting_for_selection" };
  if (selection.status === "failed") return { status: "failed", error: selection.error };
  // An empty selection would mean "every row" to core; here it means the user selected none.
  if (selection.status === "rows" && selection.rows.length === 0) {
    return { status: "empty_selection" };
  }
  try {
    const outcome = previewExport(pass.source, {
      ...options,
      ...(selection.status === "rows" ? { select: { rows: selection.rows } } : {}),
    });
    return outcome.ok ? { status: "ready", preview: outcome.preview } : { status: "no_activities" };
  } catch (e) {
    return { status: "failed", error: toPaneError(e) };
  }
}

/**
 * What the learner file would hold, from the last check's workbook with the pane's settings: the
 * same `previewLearners` that `pars-ready export --format learners` runs. A workbook without a
 * Learners table is said so, not previewed.
 */
export function learnerPreviewFor(
  pass: CheckPass | null,
  options: { readonly today: string; readonly providerId: string | null }
): LearnerPreviewState {
  if (pass === null) return { status: "unchecked" };
  if (!pass.outcome.ok) return { status: "no_activities" };
  if (!pass.outcome.result.tables.some((t) => t.table === "Learners")) {
    return { status: "no_learners_table" };
  }
  try {
    const outcome = previewLearners(pass.source, options);
    return outcome.ok
      ? { status: "ready", preview: outcome.preview, providerId: options.providerId }
      : { status: "no_activities" };
  } catch (e) {
    return { status: "failed", error: toPaneError(e) };
  }
}

/**
 * The preview of the file chosen, and only of that one: each re-runs the check for upload, so
 * the choice not on show costs nothing. The learner file takes every Learners row; the selection
 * is of Activities rows and applies to the activity files alone.
 */
export function choicePreview(
  pass: CheckPass | null,
  options: { readonly today: string; readonly providerId: string | null },
  choice: ExportChoice,
  selection: SelectionState
): ChoicePreview {
  return choice === "learners"
    ? { choice, state: learnerPreviewFor(pass, options) }
    : { choice, state: previewFor(pass, options, selection) };
}

const MIME: Readonly<Record<ExportChoice, string>> = {
  xml: "application/xml;charset=utf-8",
  txt: "text/plain;charset=utf-8",
  learners: "application/xml;charset=utf-8",
};

/** The line end a file is written with, as its summary states it. */
function lineEndOf(file: PaneFile): string {
  return file.summary.lineEnd === "CRLF" ? "\r\n" : "\n";
}

/**
 * Exporting from the pane: the choice of file (an activity layout or the learner file) and the
 * selection, making the file, warning when the Export Log
 * already has the same file, downloading it (or writing it to a new sheet where the host cannot),
 * logging it, and copying its text.
 */
export function useExport(
  workbook: WorkbookPort,
  files: FileHost,
  now: () => Date
): {
  layout: ExportChoice;
  setLayout: (layout: ExportChoice) => void;
  selection: SelectionState;
  setSelectionOnly: (on: boolean) => Promise<void>;
  readSelection: () => Promise<void>;
  state: ExportState;
  copyState: CopyState;
  exportFile: (preview: ExportPreview, layout: LayoutId) => Promise<void>;
  exportLearners: (preview: LearnerPreview, providerId: string) => Promise<void>;
  exportAnyway: () => Promise<void>;
  cancel: () => void;
  copy: () => Promise<void>;
} {
  const [layout, setLayout] = useState<ExportChoice>("xml");
  const [selection, setSelection] = useState<SelectionState>({ status: "all" });
  const [state, setState] = useState<ExportState>({ status: "idle" });
  const [copyState, setCopyState] = useState<CopyState>({ status: "idle" });

  const readSelection = useCallback(async () => {
    setSelection({ status: "reading" });
    try {
      setSelection({ status: "rows", rows: await workbook.selectedActivityRows() });
    } catch (e) {
      setSelection({ status: "failed", error: toPaneError(e) });
    }
  }, [workbook]);

  const setSelectionOnly = useCallback(
    async (on: boolean) => {
      if (on) await readSelection();
      else setSelection({ status: "all" });
    },
    [readSelection]
  );

  const deliver = useCallback(
    async (made: MadeFile) => {
      setState({ status: "running" });
      const { file } = made;
      let downloaded = false;
      let downloadFailure: string | null = null;
      if (files.canDownload) {
        try {
          files.download(file.fileName, made.chunks, MIME[file.summary.layout]);
          downloaded = true;
        } catch (e) {
          // Not swallowed: the sheet below takes the file, and the pane says why.
          downloadFailure = e instanceof Error ? e.message : String(e);
        }
      }
      try {
        const sheet = downloaded
          ? null
          : {
              name: made.sheetName,
              lines: fileLines(exportText(file), lineEndOf(file)),
            };
        const recorded = await workbook.recordExport(
          exportLogEntry(file, made.time, made.sha256),
          sheet
        );
        setState({ status: "done", made, downloaded, downloadFailure, recorded });
      } catch (e) {
        const error =
          e instanceof UnsheetableFileError
            ? {
                title:
                  downloadFailure === null
                    ? e.message
                    : `The download failed (${downloadFailure}). ${e.message}`,
                remedy: `Use Copy to clipboard and save the text as ${file.fileName} (UTF-8), export in Excel on the web where the file downloads, or export the rows in parts with "Only the rows selected in the sheet".`,
              }
            : toPaneError(e);
        setState({
          status: "failed",
          made,
          error: downloaded
            ? {
                title: `${file.fileName} was downloaded but not logged in the workbook: ${error.title}`,
                remedy: `${error.remedy} Until it is logged, PARS Ready cannot warn you before this file is made again.`,
              }
            : error,
        });
      }
    },
    [files, workbook]
  );

  /** Makes a file at this minute, warns if the Export Log has its bytes already, else delivers it. */
  const make = useCallback(
    async (build: (stamp: string) => PaneFile) => {
      setCopyState({ status: "idle" });
      setState({ status: "running" });
      try {
        const at = now();
        const stamp = exportStamp(at);
        const file = build(stamp);
        const chunks = [...exportChunks(file)];
        const made: MadeFile = {
          file,
          chunks,
          sha256: await fileSha256(chunks),
          time: at.toISOString(),
          sheetName: exportSheetName(stamp),
        };
        const prior = findPriorExport(await workbook.loggedExports(), made.sha256);
        if (prior !== undefined) {
          setState({ status: "duplicate", made, prior });
          return;
        }
        await deliver(made);
      } catch (e) {
        setState({ status: "failed", error: toPaneError(e), made: null });
      }
    },
    [deliver, now, workbook]
  );

  const exportFile = useCallback(
    (preview: ExportPreview, layout: LayoutId) =>
      make((stamp) => buildExport(preview, UPLOAD_LAYOUTS[layout], stamp)),
    [make]
  );

  const exportLearners = useCallback(
    (preview: LearnerPreview, providerId: string) =>
      make((stamp) => buildLearnerExport(preview, { providerId, stamp })),
    [make]
  );

  const exportAnyway = useCallback(async () => {
    if (state.status === "duplicate") await deliver(state.made);
  }, [deliver, state]);

  const cancel = useCallback(() => setState({ status: "idle" }), []);

  const copy = useCallback(async () => {
    if (state.status !== "done" && state.status !== "failed") return;
    const made = state.made;
    if (made === null) return;
    try {
      await files.copy(exportText(made.file));
      setCopyState({ status: "copied" });
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      setCopyState({
        status: "failed",
        error: {
          title: `The text could not be copied: the host refused the clipboard (${detail}).`,
          remedy:
            "Select column A of the export sheet and copy it with Ctrl+C, or use Excel on the web, where downloads work.",
        },
      });
    }
  }, [files, state]);

  return {
    layout,
    setLayout,
    selection,
    setSelectionOnly,
    readSelection,
    state,
    copyState,
    exportFile,
    exportLearners,
    exportAnyway,
    cancel,
    copy,
  };
}
