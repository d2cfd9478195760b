import { constants as fsConstants, promises as fs } from "node:fs";
import path from "node:path";
import {
  appendExportLog,
  buildExport,
  dayOfIso,
  exportNoteText,
  exportLogEntry,
  findPriorExport,
  loggedExportsInBook,
  InvalidExportLogError,
  InvalidOptionError,
  layoutOf,
  previewExport,
  readExportLog,
  safeText,
  UnknownLayoutError,
  type ExportFile,
  type ExportLogEntry,
  type LoggableFile,
  type LoggedExport,
  type WorkbookSource,
  type ExportPreview,
  type ExportSelection,
  type ChangedCell,
} from "../core";
import { parseArgs, UsageError } from "./args";
import { learnerExport } from "./learnerExport";
import { stageExportFile } from "./exportFileOut";
import { formulasNote, readForCommand, type ReadIo } from "./readForCommand";
import { WorkbookReadError } from "./readWorkbook";
import { wrap } from "./report";
import { FileLockedError, stageFile, withFileLock, type StagedFile } from "./wholeFile";

/** What the export command talks to; tests pass their own. */
export type ExportIo = ReadIo & {
  readonly stdout: (s: string) => void;
  /** The folder relative paths are resolved against. */
  readonly cwd: string;
  /** The moment the export is made: names the file and stamps the Export Log. */
  readonly now: Date;
};

export const EXPORT_USAGE = `Usage:
  pars-ready export <workbook.xlsx> --format xml|txt [-o file] [--today YYYY-MM-DD]
                    [--provider-id NNNNNNN] [--rows 2,5,9] [--ids ID,ID] [--force]
  pars-ready export <workbook.xlsx> --format learners --provider-id NNNNNNN [-o file]
                    [--today YYYY-MM-DD] [--force]

export    writes the activities that pass their declared status as a PARS upload file:
          xml = PARS XML activity file, txt = tab-delimited Template D (UTF-8, CRLF).
          Prints first which rows go in and which stay out, and why.
          --rows / --ids export only those Activities rows (sheet row numbers, Internal IDs).
          The file is named pars-activities-YYYYMMDD-HHMM.<format> unless -o names it;
          each export is logged in <workbook>.export-log.json beside the workbook, and
          a file identical to one in that log or in the workbook's own Export Log
          (the task pane's) is made with a warning.
          learners = the Learners table's completions as a learner file (MedBiquitous
          Activity Report v2 XML), pars-learners-YYYYMMDD-HHMM.xml; rows with an error stay
          out, with their reasons; logged like the activity files.
          Exit 0 when every row goes in, 1 when some stay out, 2 when the file cannot be read.
`;

const pad2 = (n: number): string => String(n).padStart(2, "0");
const localDate = (d: Date): string =>
  `${String(d.getFullYear())}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
/** The coordinator's own clock, to the minute: file names are read by people in their time zone. */
const localStamp = (d: Date): string =>
  `${localDate(d)}T${pad2(d.getHours())}:${pad2(d.getMinutes())}`;

/** The sidecar file that keeps a workbook's Export Log. */
export function exportLogPath(workbook: string): string {
  return `${workbook}.export-log.json`;
}

/** The Export Log beside the workbook cannot be rewritten, so no file is made. */
export class ExportLogNotWritableError extends Error {
  override readonly name = "ExportLogNotWritableError";
  constructor(readonly logPath: string) {
    super(
      `${logPath} cannot be written (a read-only file or folder); no file was made, since it could not be logged`
    );
  }
}

/** The lock held while an export reads and rewrites the Export Log (`withFileLock`). */
export function exportLogLockPath(workbook: string): string {
  return `${exportLogPath(workbook)}.lock`;
}

/** True when both paths name one file: the same path, or (both existing) the same inode. */
async function isSameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  const [sa, sb] = await Promise.all([a, b].map((p) => fs.stat(p).catch(() => null)));
  return sa != null && sb != null && sa.dev === sb.dev && sa.ino === sb.ino;
}

/**
 * The name the log records for the file made: as the workbook's folder sees it (a bare name
 * beside the workbook), else its full path, so a later "already made" warning names the file
 * that exists.
 */
function recordedName(target: string, workbook: string): string {
  const relative = path.relative(path.dirname(workbook), target);
  return relative.startsWith("..") || path.isAbsolute(relative) ? target : relative;
}

/**
 * Checked before the upload file is made: a log that cannot be rewritten would leave a file
 * made but not logged, and the next export could not warn that it was already made.
 */
async function expectWritable(logPath: string): Promise<void> {
  try {
    await fs.access(path.dirname(logPath), fsConstants.W_OK);
    await fs.access(logPath, fsConstants.W_OK).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== "ENOENT") throw e;
    });
  } catch {
    throw new ExportLogNotWritableError(logPath);
  }
}

function listOption(value: string | true | undefined): string[] {
  if (value === undefined || value === true) return [];
  return value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

function selection(rows: string[], ids: string[]): ExportSelection | undefined {
  if (rows.length === 0 && ids.length === 0) return undefined;
  const numbers = rows.map((r) => {
    if (!/^\d+$/.test(r)) throw new UsageError(`--rows takes sheet row numbers, got "${r}"`);
    return Number(r);
  });
  return { rows: numbers, internalIds: ids };
}

const plural = (n: number, one: string, many = `${one}s`): string =>
  `${String(n)} ${n === 1 ? one : many}`;

/** A value as printed: never with a tab or line break that would break the report's layout. */
const shown = (s: string | null): string => (s === null ? "" : safeText(s));

/** The preview, as a coordinator reads it before the file is made. */
export function formatPreview(p: ExportPreview, workbook: string): string {
  const out: string[] = [];
  const failing = p.excluded.filter((e) => e.reason === "fails_status");
  const cancelled = p.excluded.filter((e) => e.reason === "cancelled");
  const unselected = p.excluded.filter((e) => e.reason === "not_selected");
  out.push(`PARS Ready export of ${workbook}, as of ${p.asOf}`);
  out.push(
    `${plural(p.activities.length, "activity", "activities")} ${p.activities.length === 1 ? "goes" : "go"} in; ${plural(failing.length, "row")} ${failing.length === 1 ? "fails its" : "fail their"} status and stay${failing.length === 1 ? "s" : ""} out` +
      (cancelled.length > 0 ? `; ${plural(cancelled.length, "cancelled row")} not reported` : "") +
      (unselected.length > 0 ? `; ${plural(unselected.length, "row")} not selected` : "") +
      "."
  );
  for (const e of [...failing, ...cancelled]) {
    const who = [`Row ${String(e.row)}`, shown(e.internalId), shown(e.title)]
      .filter((s) => s !== "")
      .join(" · ");
    out.push("");
    out.push(
      e.reason === "cancelled"
        ? `  ${who}: Cancelled, not reported`
        : `  ${who}: stays out (held to ${e.heldTo ?? ""})`
    );
    for (const m of e.messages) out.push(`    - ${m}`);
  }
  for (const u of p.unmatched) {
    out.push("");
    out.push(`  Selected ${u} matches no Activities row.`);
  }
  out.push(...changedCellLines(p.changed));
  if (p.notes.length > 0) {
    out.push("");
    out.push("Values to look at:");
    for (const n of p.notes) out.push(`  ${exportNoteText(n)}`);
  }
  return `${out.join("\n")}\n`;
}

function formatWritten(file: ExportFile, target: string, logPath: string): string {
  const s = file.summary;
  const out = [
    "",
    `Wrote ${target}: ${s.layoutName}, ${plural(s.rows, "activity", "activities")}, ${s.encoding} without byte-order mark, ${s.lineEnd} line ends.`,
    `Logged in ${logPath}.`,
  ];
  const never = s.emptyFields.filter((f) => f.source === "none").map((f) => f.field);
  const sometimes = s.emptyFields.filter((f) => f.source !== "none");
  if (sometimes.length > 0) {
    out.push("Left empty where the workbook has no value:");
    for (const f of sometimes) out.push(`  ${f.field}: ${String(f.empty)} of ${String(f.of)}`);
  }
  if (never.length > 0) {
    // One wrapped paragraph, not one line per column: these are the same for every export.
    const list = `${never.join("; ")}.`;
    out.push(
      wrap(`Always empty, not in the workbook (${String(never.length)} columns): ${list}`, 80, 2)
    );
  }
  return `${out.join("\n")}\n`;
}

async function readLog(logPath: string): Promise<ExportLogEntry[]> {
  let text: string;
  try {
    text = await fs.readFile(logPath, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw e;
  }
  try {
    return readExportLog(JSON.parse(text));
  } catch (e) {
    const detail =
      e instanceof SyntaxError ? "not JSON" : e instanceof InvalidExportLogError ? e.detail : null;
    if (detail === null) throw e;
    throw new InvalidExportLogError(`${detail} in ${logPath}; fix it or move it aside`);
  }
}

async function exportCommand(args: string[], io: ExportIo): Promise<number> {
  const parsed = parseArgs(args, {
    values: ["format", "out", "today", "provider-id", "rows", "ids"],
    flags: ["force", "help"],
    short: { o: "out", h: "help" },
  });
  if (parsed.options.has("help")) {
    io.stdout(EXPORT_USAGE);
    return 0;
  }
  const [workbookArg, extra] = parsed.positional;
  if (workbookArg === undefined) {
    throw new UsageError("export needs a workbook: pars-ready export <workbook.xlsx> --format xml");
  }
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
  const format = parsed.options.get("format");
  if (format === undefined || format === true) {
    throw new UsageError("export needs --format xml, --format txt or --format learners");
  }
  const learners = format.trim().toLowerCase() === "learners";
  const layout = learners ? null : layoutOf(format);
  const today = (parsed.options.get("today") as string | undefined) ?? localDate(io.now);
  if (dayOfIso(today) === null) {
    throw new UsageError(`--today must be a date as YYYY-MM-DD, got "${today}"`);
  }
  const providerId = parsed.options.get("provider-id") as string | undefined;
  if (providerId !== undefined && !/^\d{7}$/.test(providerId)) {
    throw new UsageError(`--provider-id must be your seven-digit ACCME ID, got "${providerId}"`);
  }
  const select = selection(
    listOption(parsed.options.get("rows")),
    listOption(parsed.options.get("ids"))
  );
  if (learners || layout === null) {
    if (select !== undefined)
      throw new UsageError("--rows and --ids select activities, not learners");
    return learnerExport(
      {
        workbookArg,
        today,
        providerId,
        out: parsed.options.get("out") as string | undefined,
        force: parsed.options.has("force"),
        stamp: localStamp(io.now),
      },
      io
    );
  }

  const workbook = path.resolve(io.cwd, workbookArg);
  const read = await readForCommand(workbook, workbookArg, io);
  const book = read.book;
  const outcome = previewExport(book, {
    today,
    providerId: providerId ?? null,
    ...(select === undefined ? {} : { select }),
  });
  if (!outcome.ok) {
    throw new WorkbookReadError(
      `${workbookArg}: no Activities table found (an Excel table or sheet named "Activities", or a sheet whose first row has Title, Format and Start Date headers)`
    );
  }
  const note = formulasNote(read);
  if (note !== null) io.stderr(note);
  const preview = outcome.preview;
  io.stdout(formatPreview(preview, path.basename(workbookArg)));
  const someOut =
    preview.excluded.some((e) => e.reason === "fails_status") || preview.unmatched.length > 0;
  if (preview.activities.length === 0) {
    io.stdout("\nNo activity goes in: no file written.\n");
    return 1;
  }

  const file = buildExport(preview, layout, localStamp(io.now));
  const out = parsed.options.get("out") as string | undefined;
  const target = path.resolve(io.cwd, out ?? file.fileName);
  const logPath = exportLogPath(workbook);
  const written = await writeLogged(file, target, out, workbook, book, {
    force: parsed.options.has("force"),
    now: io.now,
  });
  if (written.prior !== undefined) {
    io.stderr(
      `pars-ready: warning: this file is identical to ${written.prior.fileName}, already made on ${written.prior.time}; uploading it again would send the same activities twice.\n`
    );
  }
  io.stdout(formatWritten(file, target, logPath));
  return someOut ? 1 : 0;
}

/**
 * Writes an export file and its Export Log entry, both whole or absent: refuses a target that is
 * the workbook or its log, takes the log's lock (so concurrent exports keep every entry), checks
 * the log can be rewritten before the file is made, stages both, and gives each its name only
 * when both are complete. Returns the earlier export with the same bytes, if any log has one.
 *
 * @throws {UsageError} when the target is the workbook, its log or its lock, or exists without
 *   `force`; the file system's and the log's errors otherwise
 */
export async function writeLogged(
  file: Pick<ExportFile, "pieces"> & LoggableFile,
  target: string,
  out: string | undefined,
  workbook: string,
  book: WorkbookSource,
  options: { readonly force: boolean; readonly now: Date }
): Promise<{ readonly prior: LoggedExport | ExportLogEntry | undefined }> {
  const logPath = exportLogPath(workbook);
  for (const [own, what] of [
    [workbook, "the workbook itself"],
    [logPath, "the workbook's export log"],
    [exportLogLockPath(workbook), "the export log's lock"],
  ] as const) {
    if (await isSameFile(target, own)) {
      throw new UsageError(`-o ${out ?? target} names ${what}; choose another file name`);
    }
  }
  // One export at a time reads and rewrites the log, so concurrent exports keep every entry.
  return withFileLock(exportLogLockPath(workbook), async () => {
    const log = await readLog(logPath);
    await expectWritable(logPath);
    let staged: Awaited<ReturnType<typeof stageExportFile>>;
    try {
      // Without --force, a file the user did not say to replace is refused.
      staged = await stageExportFile(file, target, options.force);
    } catch (e) {
      throw refusal(e, target);
    }
    const { sha256 } = staged;
    // Both logs count: this command's, beside the workbook, and the one the task pane keeps in it.
    const prior =
      findPriorExport(log, sha256) ?? findPriorExport(loggedExportsInBook(book), sha256);
    const entry: ExportLogEntry = {
      ...exportLogEntry(file, options.now.toISOString(), sha256),
      fileName: recordedName(target, workbook),
    };
    const logText = `${JSON.stringify(appendExportLog(log, entry), null, 2)}\n`;
    // The new log is complete on disk before the upload file gets its name: a full disk leaves
    // neither, and the old log as it was.
    let stagedLog: StagedFile;
    try {
      stagedLog = await stageFile(logPath, [Buffer.from(logText, "utf8")], { overwrite: true });
    } catch (e) {
      await staged.staged.discard();
      throw e;
    }
    try {
      await staged.staged.commit();
    } catch (e) {
      await stagedLog.discard();
      throw refusal(e, target);
    }
    await stagedLog.commit();
    return { prior };
  });
}

/** An existing target without --force is the user's to decide about, not a failure. */
function refusal(e: unknown, target: string): unknown {
  return (e as NodeJS.ErrnoException).code === "EEXIST"
    ? new UsageError(`${target} already exists; add --force to overwrite it`)
    : e;
}

/**
 * `pars-ready export`: previews which rows go in, writes the upload file, appends the Export Log.
 * Never throws: every failure is one clear line on stderr and exit code 2.
 */
export async function runExport(args: string[], io: ExportIo): Promise<number> {
  try {
    return await exportCommand(args, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof UnknownLayoutError) {
      io.stderr(`pars-ready: ${e.message}\n\n${EXPORT_USAGE}`);
      return 2;
    }
    if (
      e instanceof WorkbookReadError ||
      e instanceof InvalidOptionError ||
      e instanceof InvalidExportLogError ||
      e instanceof FileLockedError ||
      e instanceof ExportLogNotWritableError
    ) {
      io.stderr(`pars-ready: ${e.message}\n`);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    io.stderr(`pars-ready: ${err.message ?? String(e)}\n`);
    return 2;
  }
}

/** The cells made safe for the file, as the preview lists them: nothing when there are none. */
export function changedCellLines(changed: readonly ChangedCell[]): string[] {
  if (changed.length === 0) return [];
  return [
    "",
    "Cells changed so they cannot break the file:",
    ...changed.map(
      (c) =>
        `  ${c.table} row ${String(c.row)} ${c.column}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`
    ),
  ];
}
