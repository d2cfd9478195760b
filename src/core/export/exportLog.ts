import type { LayoutId } from "./layout";
import type { ExportFile } from "./buildExport";
import { InvalidOptionError } from "../errors";

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** One line of the Export Log: when, which layout, what went in, and the file's fingerprint. */
export type ExportLogEntry = {
  /** When the file was made, as the shell states it (ISO 8601); core never reads the clock. */
  readonly time: string;
  readonly layout: LayoutId;
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
export function exportLogEntry(file: ExportFile, time: string, sha256: string): ExportLogEntry {
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
 * would upload the same activities twice.
 */
export function findPriorExport(
  log: readonly ExportLogEntry[],
  sha256: string
): ExportLogEntry | undefined {
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
      (x.layout === "xml" || x.layout === "txt") &&
      typeof x.fileName === "string" &&
      typeof x.rows === "number" &&
      isStringArray(x.internalIds) &&
      typeof x.sha256 === "string" &&
      SHA256_HEX.test(x.sha256);
    if (!ok) throw new InvalidExportLogError(`entry ${String(i + 1)} is malformed`);
    return {
      time: x.time as string,
      layout: x.layout as LayoutId,
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
