import { dayFromParts } from "../dates";
import { InvalidOptionError } from "../errors";
import { UnknownLayoutError } from "./errors";
import type { LayoutId, UploadLayout } from "./layout";
import type { ChangedCell, ExcludedRow } from "./model";
import { PARS_XML } from "./parsXml";
import type { ExportNote, ExportPreview } from "./previewExport";
import { renderExport, type EmptyField } from "./renderExport";
import { TEMPLATE_D } from "./templateD";

/** Every upload layout core writes, by id. A new ACCME template is one more entry. */
export const UPLOAD_LAYOUTS: Readonly<Record<LayoutId, UploadLayout>> = {
  xml: PARS_XML,
  txt: TEMPLATE_D,
};

/**
 * The layout of an id as a user typed it ("xml", "TXT").
 *
 * @throws {UnknownLayoutError} when no layout has that id
 */
export function layoutOf(id: string): UploadLayout {
  const key = id.trim().toLowerCase();
  if (key === "xml" || key === "txt") return UPLOAD_LAYOUTS[key];
  throw new UnknownLayoutError(id);
}

const STAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The file name of an export made at `stamp` ("YYYY-MM-DDTHH:MM", in the caller's local time:
 * core never reads the clock): `pars-activities-YYYYMMDD-HHMM.xml` or `.txt`.
 *
 * @throws {InvalidOptionError} when `stamp` is not a real date and time in that form
 */
export function exportFileName(layout: UploadLayout, stamp: string): string {
  const m = STAMP.exec(stamp);
  const n = (i: number): number => Number(m?.[i]);
  if (m === null || dayFromParts(n(1), n(2), n(3)) === null || n(4) > 23 || n(5) > 59) {
    throw new InvalidOptionError("stamp", stamp, "a date and time as YYYY-MM-DDTHH:MM");
  }
  return `pars-activities-${m[1]}${m[2]}${m[3]}-${m[4]}${m[5]}.${layout.extension}`;
}

/** What an export file holds and what was done to make it, for the coordinator and the log. */
export type ExportSummary = {
  readonly layout: LayoutId;
  readonly layoutName: string;
  readonly fileName: string;
  /** The character encoding of the file's bytes (always stated: PARS does not document one). */
  readonly encoding: string;
  readonly lineEnd: "CRLF" | "LF";
  /** How many activities went in, and their Internal IDs in file order. */
  readonly rows: number;
  readonly internalIds: readonly string[];
  readonly excluded: readonly ExcludedRow[];
  readonly changed: readonly ChangedCell[];
  readonly notes: readonly ExportNote[];
  readonly emptyFields: readonly EmptyField[];
  /** What is uncertain about the layout itself. */
  readonly layoutNotes: readonly string[];
};

/** A finished export: its file name, its text, its summary. */
export type ExportFile = {
  readonly fileName: string;
  /**
   * The file's text in pieces, in order, to be written one after the other as UTF-8 without
   * byte-order mark (`exportChunks`). Not one string: a 100,000-activity file is 240 million
   * characters, which cost a third of the export to copy into one string only for the shell to
   * copy them again when it writes the file, and a file past V8's longest string (about 500
   * million characters) could not be made at all. `exportText` joins them where one string is
   * needed.
   */
  readonly pieces: readonly string[];
  readonly summary: ExportSummary;
};

/**
 * An export file's whole text as one string (for a sheet, the clipboard, or a test): an activity
 * file's or a learner file's, both kept in pieces.
 */
export function exportText(file: Pick<ExportFile, "pieces">): string {
  return file.pieces.join("");
}

/**
 * Chunk size for `exportChunks`, in characters: small enough that each chunk is made and dropped
 * in the browser's or Node's young generation, large enough that writing one is worth a call.
 */
const CHUNK = 1 << 15;

/**
 * An export file's text in consecutive chunks of about `chars` characters (a piece longer than
 * that is one chunk), for writing, hashing or downloading the file a chunk at a time.
 */
export function* exportChunks(
  file: Pick<ExportFile, "pieces">,
  chars: number = CHUNK
): Generator<string> {
  const batch: string[] = [];
  let size = 0;
  for (const piece of file.pieces) {
    batch.push(piece);
    size += piece.length;
    if (size >= chars) {
      yield batch.join("");
      batch.length = 0;
      size = 0;
    }
  }
  if (batch.length > 0) yield batch.join("");
}

/**
 * Makes the upload file of a preview's activities in a layout. Pure: the same preview, layout and
 * stamp give the same bytes.
 *
 * @throws {InvalidOptionError} when `stamp` is malformed (see `exportFileName`)
 */
export function buildExport(
  preview: ExportPreview,
  layout: UploadLayout,
  stamp: string
): ExportFile {
  const fileName = exportFileName(layout, stamp);
  const { pieces, emptyFields } = renderExport(preview.activities, layout);
  return {
    fileName,
    pieces,
    summary: {
      layout: layout.id,
      layoutName: layout.name,
      fileName,
      encoding: layout.encoding,
      lineEnd: layout.lineEnd === "\r\n" ? "CRLF" : "LF",
      rows: preview.activities.length,
      internalIds: preview.activities.map((a) => a.values.internalId ?? ""),
      excluded: preview.excluded,
      changed: preview.changed,
      notes: preview.notes,
      emptyFields,
      layoutNotes: layout.notes,
    },
  };
}
