import {
  checkWorkbookRecords,
  type CheckOptions,
  type CheckResult,
  type Uncheckable,
} from "../check";
import { lookUp } from "../codes/normalise";
import type { IsoDate } from "../dates";
import { safeText } from "../export/safeText";
import type { ChangedCell } from "../export/model";
import { messageOf } from "../messages/en";
import type { Issue } from "../model/issue";
import type { WorkbookSource } from "../parse/locateTables";
import type { ActivityRecord, LearnerKey, LearnerRecord } from "../schema";
import {
  buildLearnerFile,
  LEARNER_ID_DOMAIN_PREFIX,
  type LearnerFileOptions,
} from "./activityReport";
import { creditTypesOf } from "./boards";
import { isMocRow } from "./learnerRules";
import type { ExportLearner } from "./model";

/** A Learners row that stays out of the learner file, and why, in words a coordinator reads. */
export type ExcludedLearner = {
  readonly sheet: string;
  readonly row: number;
  /** "First Last" as the row has it; null when it has neither. */
  readonly name: string | null;
  readonly internalId: string | null;
  /** The error messages that keep it out. */
  readonly messages: readonly string[];
};

/**
 * What a learner file would hold, computed before it is made: the completions that go in (in
 * sheet order), the rows that stay out and why, and every cell whose text is changed to keep the
 * file safe.
 */
export type LearnerPreview = {
  readonly asOf: IsoDate;
  readonly learners: readonly ExportLearner[];
  readonly excluded: readonly ExcludedLearner[];
  readonly changed: readonly ChangedCell[];
  /** The check the preview rests on, for callers that show more. */
  readonly check: CheckResult;
};

/** A learner preview, or why the workbook cannot give one. */
export type LearnerPreviewOutcome =
  { readonly ok: true; readonly preview: LearnerPreview } | Uncheckable;

/** Why a text the file needs is empty once made safe, in the words of the other findings. */
const EMPTIED = (column: string): string =>
  `${column} holds only characters a file cannot carry (tabs, line breaks, control characters); type it again.`;

/**
 * Decides which Learners rows go into a learner file: a row goes in when it belongs to one
 * activity and has no error, as checked for an upload (its activity then has its ACCME Activity
 * ID and supports at least Active). Text is made safe for the file here, and every change is
 * listed. Warnings (a late MOC completion, a board whose credit types are not known) do not keep
 * a row out.
 *
 * @throws {InvalidOptionError} as `checkWorkbook`
 */
export function previewLearners(
  book: WorkbookSource,
  options: Omit<CheckOptions, "upload">
): LearnerPreviewOutcome {
  const checked = checkWorkbookRecords(book, { ...options, upload: true });
  if (!checked.ok) return checked;
  const { result, records, learners } = checked;
  const table = records.learners;

  const errors = new Map<number, Issue[]>();
  for (const i of result.issues) {
    if (i.table !== "Learners" || i.severity !== "error") continue;
    const list = errors.get(i.row);
    if (list === undefined) errors.set(i.row, [i]);
    else list.push(i);
  }
  const activityOf = new Map<number, ActivityRecord>(
    learners.linked.map((l) => [l.learner.row, l.activity] as const)
  );

  const out: ExportLearner[] = [];
  const excluded: ExcludedLearner[] = [];
  const changed: ChangedCell[] = [];
  for (const l of table.records) {
    const id = l.internalId.kind === "ok" ? l.internalId.value : null;
    const first = l.firstName.kind === "ok" ? l.firstName.value : "";
    const last = l.lastName.kind === "ok" ? l.lastName.value : "";
    const name = `${first} ${last}`.trim();
    const exclude = (messages: readonly string[]): void => {
      excluded.push({
        sheet: table.sheet,
        row: l.row,
        name: name === "" ? null : name,
        internalId: id,
        messages,
      });
    };
    const own = errors.get(l.row);
    const activity = activityOf.get(l.row);
    if (own !== undefined || activity === undefined) {
      exclude((own ?? []).map(messageOf));
      continue;
    }
    const made = exportLearner(l, activity, (key, value) => {
      const safe = safeText(value);
      if (safe !== value) {
        changed.push({ ...table.place(l.row, key), internalId: id, before: value, after: safe });
      }
      return safe;
    });
    if (typeof made === "string") exclude([made]);
    else out.push(made);
  }
  return {
    ok: true,
    preview: { asOf: result.asOf, learners: out, excluded, changed, check: result },
  };
}

/**
 * One checked row as the file reads it, or the message that keeps it out when a text the file
 * needs is empty once made safe. `safe` makes a cell's text safe and records the change.
 */
function exportLearner(
  l: LearnerRecord,
  a: ActivityRecord,
  safe: (key: LearnerKey, value: string) => string
): ExportLearner | string {
  const text = (key: LearnerKey, f: { kind: string; value?: unknown }): string | null =>
    f.kind === "ok" && typeof f.value === "string" ? safe(key, f.value) : null;
  const firstName = text("firstName", l.firstName);
  const lastName = text("lastName", l.lastName);
  if (firstName === "" || firstName === null) return EMPTIED("First Name");
  if (lastName === "" || lastName === null) return EMPTIED("Last Name");
  const title = a.title.kind === "ok" ? safeText(a.title.value) : "";
  const accmeId = a.accmeId.kind === "ok" ? safeText(a.accmeId.value) : "";
  if (title === "") return EMPTIED("The activity's Title");
  if (accmeId === "") return EMPTIED("The activity's ACCME Activity ID");
  const state = l.licenseState.kind === "ok" ? l.licenseState.value : null;
  const number = text("licenseNumber", l.licenseNumber);
  const board = l.board.kind === "ok" ? l.board.value : null;
  const boardId = text("boardId", l.boardId);
  let moc: ExportLearner["moc"] = null;
  if (board !== null && isMocRow(l) && l.mocPoints.kind === "ok") {
    const written = text("mocCreditType", l.mocCreditType) ?? "";
    const types = creditTypesOf(board);
    // The board's own name when its types are known; as written (made safe) otherwise.
    const creditType = (types === null ? undefined : lookUp(types, written)) ?? written;
    if (creditType === "") return EMPTIED("MOC Credit Type");
    moc = { board, creditType, points: Math.round(l.mocPoints.value * 4) / 4 };
  }
  const completion = l.completionDate.kind === "ok" ? l.completionDate.value : null;
  if (completion === null) return EMPTIED("Completion Date");
  return {
    row: l.row,
    firstName,
    lastName,
    birth: l.birthDate.kind === "ok" ? l.birthDate.value : null,
    npi: l.npi.kind === "ok" ? l.npi.value : null,
    license: state !== null && number !== null && number !== "" ? { state, number } : null,
    boardId: board !== null && boardId !== null && boardId !== "" ? { board, id: boardId } : null,
    completion,
    cmeCredits: l.cmeCredits.kind === "ok" ? Math.round(l.cmeCredits.value * 4) / 4 : null,
    moc,
    action: l.action.kind === "ok" ? l.action.value : "Add",
    activity: {
      accmeId,
      title,
      internalId: a.internalId.kind === "ok" ? a.internalId.value : null,
    },
  };
}

/** What a learner file holds, for the coordinator and the Export Log. */
export type LearnerSummary = {
  readonly layout: "learners";
  readonly layoutName: string;
  readonly fileName: string;
  readonly encoding: string;
  readonly lineEnd: "LF";
  /** Completions in the file. */
  readonly rows: number;
  /** The Internal IDs of the activities the completions belong to, each once, in file order. */
  readonly internalIds: readonly string[];
  readonly excluded: readonly ExcludedLearner[];
  readonly changed: readonly ChangedCell[];
  /** What is uncertain about the file's form. */
  readonly layoutNotes: readonly string[];
};

/** A finished learner file: its name, its text in pieces, its summary. */
export type LearnerExportFile = {
  readonly fileName: string;
  readonly pieces: readonly string[];
  readonly summary: LearnerSummary;
};

/** The learner file's name in lists and logs. */
export const LEARNER_LAYOUT_NAME = "Learner completions (MedBiquitous Activity Report v2 XML)";

/** What is uncertain about the learner file (docs/upload-formats.md, learner completions). */
export const LEARNER_LAYOUT_NOTES: readonly string[] = [
  "PARS's own element names in the file (the record action's namespace, identifier domains, credit IDs, the birth-year placeholder) are not published; each is one named constant (docs/upload-formats.md).",
  `Identifiers are written with the domains ${LEARNER_ID_DOMAIN_PREFIX}NPI, ${LEARNER_ID_DOMAIN_PREFIX}<board> and ${LEARNER_ID_DOMAIN_PREFIX}<state>.`,
];

/**
 * Makes the learner file of a preview's completions. Pure: the same preview and options give the
 * same bytes.
 *
 * @throws {InvalidOptionError} as `buildLearnerFile` (malformed stamp, provider ID not seven
 *   digits, no completion to write)
 */
export function buildLearnerExport(
  preview: LearnerPreview,
  options: LearnerFileOptions
): LearnerExportFile {
  const file = buildLearnerFile(preview.learners, options);
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const l of preview.learners) {
    const id = l.activity.internalId ?? l.activity.accmeId;
    if (!seen.has(id)) {
      seen.add(id);
      ids.push(id);
    }
  }
  return {
    fileName: file.fileName,
    pieces: file.pieces,
    summary: {
      layout: "learners",
      layoutName: LEARNER_LAYOUT_NAME,
      fileName: file.fileName,
      encoding: "UTF-8",
      lineEnd: "LF",
      rows: preview.learners.length,
      internalIds: ids,
      excluded: preview.excluded,
      changed: preview.changed,
      layoutNotes: LEARNER_LAYOUT_NOTES,
    },
  };
}
