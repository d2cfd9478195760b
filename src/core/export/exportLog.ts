import type { LayoutId } from "./layout";
import { InvalidOptionError } from "../errors";
import type { WorkbookSource } from "../parse/locateTables";

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The files the Export Log records: an upload layout's, or the learner file. */
export type LoggedLayout = LayoutId | "learners";

/** What the log needs of a file made: its name, its layout, what went in. */
export type LoggableFile = {
  readonly fileName: string;
  readonly summary: {
    readonly layout: LoggedLayout;
    readonly rows: number;
    readonly internalIds: readonly string[];
  };
};

/** One line of the Export Log: when, which layout, what went in, and the file's fingerprint. */
export type ExportLogEntry = {
  /** When the file was made, as the shell states it (ISO 8601); core never reads the clock. */
  readonly time: string;
  readonly layout: LoggedLayout;
  readonly fileName: string;
  readonly rows: number;
  readonly internalIds: readonly string[];
  /** SHA-256 of the file's bytes, 64 lower-case hex digits (`sha256Hex`). */
  readonly sha256: string;
};

/**
 * The Export Log entry of a file made at `time` whose bytes hash to `sha256`.
 *
 * @throws {InvalidOptionError} when `sha256` is not 64 lower-case hex digits
 */
export function exportLogEntry(file: LoggableFile, time: string, sha256: string): ExportLogEntry {
  if (!SHA256_HEX.test(sha256)) {
    throw new InvalidOptionError("sha256", sha256, "64 lower-case hex digits");
  }
  return {
    time,
    layout: file.summary.layout,
    fileName: file.fileName,
    rows: file.summary.rows,
    internalIds: file.summary.internalIds,
    sha256,
  };
}

/**
 * The earliest logged export whose file had exactly these bytes, if any: exporting it again
 * would upload the same activities twice. Any log will do: the command line's entries, or the
 * workbook's Export Log table (`loggedExportsOf`).
 */
export function findPriorExport<E extends { readonly sha256: string }>(
  log: readonly E[],
  sha256: string
): E | undefined {
  return log.find((e) => e.sha256 === sha256);
}

/** A stored Export Log is not what it should be. */
export class InvalidExportLogError extends Error {
  override readonly name = "InvalidExportLogError";
  constructor(readonly detail: string) {
    super(`The export log is not valid: ${detail}`);
  }
}

const isStringArray = (x: unknown): x is string[] =>
  Array.isArray(x) && x.every((s) => typeof s === "string");

/**
 * The entries of an Export Log as stored (`{ "version": 1, "entries": [...] }`), checked field by
 * field so that a hand-edited log is refused rather than misread.
 *
 * @throws {InvalidExportLogError} when the value is not a version 1 log
 */
export function readExportLog(value: unknown): ExportLogEntry[] {
  if (typeof value !== "object" || value === null) throw new InvalidExportLogError("not an object");
  const log = value as { version?: unknown; entries?: unknown };
  if (log.version !== 1) throw new InvalidExportLogError("version is not 1");
  if (!Array.isArray(log.entries)) throw new InvalidExportLogError("entries is not a list");
  return log.entries.map((e: unknown, i): ExportLogEntry => {
    const x = (typeof e === "object" && e !== null ? e : {}) as Record<string, unknown>;
    const ok =
      typeof x.time === "string" &&
      (x.layout === "xml" || x.layout === "txt" || x.layout === "learners") &&
      typeof x.fileName === "string" &&
      typeof x.rows === "number" &&
      isStringArray(x.internalIds) &&
      typeof x.sha256 === "string" &&
      SHA256_HEX.test(x.sha256);
    if (!ok) throw new InvalidExportLogError(`entry ${String(i + 1)} is malformed`);
    return {
      time: x.time as string,
      layout: x.layout as LoggedLayout,
      fileName: x.fileName as string,
      rows: x.rows as number,
      internalIds: x.internalIds as string[],
      sha256: x.sha256 as string,
    };
  });
}

/** The stored form of an Export Log with `entry` appended. */
export function appendExportLog(
  log: readonly ExportLogEntry[],
  entry: ExportLogEntry
): { readonly version: 1; readonly entries: readonly ExportLogEntry[] } {
  return { version: 1, entries: [...log, entry] };
}

// The Export Log kept inside the workbook, as an Excel table the task pane appends to. Its layout
// is here, beside the log's entries, so that the task pane writing it and the command line reading
// it agree on one definition.

/**
 * The Excel table that keeps the workbook's Export Log. Excel table names cannot contain spaces,
 * so the table is `ExportLog` on a sheet named `Export Log`.
 */
export const EXPORT_LOG_TABLE = "ExportLog";
/** The sheet a new Export Log is put on (another free name when a sheet of the user's has it). */
export const EXPORT_LOG_SHEET = "Export Log";
/** The Export Log table's columns, left to right. */
export const EXPORT_LOG_HEADERS = [
  "Time",
  "Layout",
  "File",
  "Rows",
  "Internal IDs",
  "SHA-256",
] as const;

/** An export as the workbook's log records it: enough to warn before the same file is made twice. */
export type LoggedExport = {
  readonly time: string;
  readonly fileName: string;
  readonly sha256: string;
};

/** A log cell as text: the log's cells are text-formatted, but a user may have typed into them. */
export const logCellText = (v: unknown): string =>
  typeof v === "string"
    ? v.trim()
    : typeof v === "number" || typeof v === "boolean"
      ? String(v)
      : "";

/**
 * The exports an Export Log table records, oldest first, from its values (header row first). By
 * header, not position: a user may have moved the log's columns. Rows whose SHA-256 cell holds no
 * fingerprint (a row a user blanked or typed over) name no file, so they are left out; a table
 * without a SHA-256 column records nothing.
 */
export function loggedExportsOf(values: readonly (readonly unknown[])[]): LoggedExport[] {
  const [header = [], ...rows] = values;
  const heads = header.map(logCellText);
  const [time, file, sha] = ["Time", "File", "SHA-256"].map((h) => heads.indexOf(h)) as [
    number,
    number,
    number,
  ];
  if (sha < 0) return [];
  return rows
    .map((r) => ({
      time: logCellText(r[time]),
      fileName: logCellText(r[file]),
      sha256: logCellText(r[sha]).toLowerCase(),
    }))
    .filter((e) => SHA256_HEX.test(e.sha256));
}

/** The exports the Export Log table of a workbook read from a file records; none without one. */
export function loggedExportsInBook(book: WorkbookSource): LoggedExport[] {
  const name = EXPORT_LOG_TABLE.toLowerCase();
  const table = book.tables.find((t) => t.name.toLowerCase() === name);
  return table === undefined ? [] : loggedExportsOf(table.values);
}
