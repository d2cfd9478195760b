import path from "node:path";
import {
  buildLearnerExport,
  previewLearners,
  safeText,
  type LearnerExportFile,
  type LearnerPreview,
} from "../core";
import { UsageError } from "./args";
import { changedCellLines, exportLogPath, writeLogged } from "./exportCommand";
import { formulasNote, readForCommand, type ReadIo } from "./readForCommand";
import { WorkbookReadError } from "./readWorkbook";

/** What a learner export is asked for, once the command line is read. */
export type LearnerExportRequest = {
  readonly workbookArg: string;
  readonly today: string;
  readonly providerId: string | undefined;
  readonly out: string | undefined;
  readonly force: boolean;
  /** "YYYY-MM-DDTHH:MM" on the coordinator's clock: names the file. */
  readonly stamp: string;
};

const plural = (n: number, one: string, many = `${one}s`): string =>
  `${String(n)} ${n === 1 ? one : many}`;
const shown = (s: string | null): string => (s === null ? "" : safeText(s));

/** The learner preview, as a coordinator reads it before the file is made. */
export function formatLearnerPreview(p: LearnerPreview, workbook: string): string {
  const out: string[] = [];
  out.push(`PARS Ready learner export of ${workbook}, as of ${p.asOf}`);
  out.push(
    `${plural(p.learners.length, "completion")} go${p.learners.length === 1 ? "es" : ""} in; ${plural(p.excluded.length, "row")} stay${p.excluded.length === 1 ? "s" : ""} out.`
  );
  for (const e of p.excluded) {
    const who = [`Learners row ${String(e.row)}`, shown(e.name), shown(e.internalId)]
      .filter((s) => s !== "")
      .join(" · ");
    out.push("");
    out.push(`  ${who}: stays out`);
    for (const m of e.messages) out.push(`    - ${m}`);
  }
  out.push(...changedCellLines(p.changed));
  return `${out.join("\n")}\n`;
}

function formatLearnerWritten(file: LearnerExportFile, target: string, logPath: string): string {
  const s = file.summary;
  return [
    "",
    `Wrote ${target}: ${s.layoutName}, ${plural(s.rows, "completion")}, ${s.encoding} without byte-order mark, ${s.lineEnd} line ends.`,
    `Logged in ${logPath}.`,
    ...s.layoutNotes.map((n) => `Note: ${n}`),
    "",
  ].join("\n");
}

/**
 * `pars-ready export <workbook> --format learners`: previews which completions go in and why the
 * others stay out, writes the learner file (MedBiquitous Activity Report v2) and logs it, with
 * the same safe writing and Export Log as the activity files.
 *
 * @throws {UsageError} without a provider ID (the file names the provider) and as `writeLogged`;
 *   {WorkbookReadError} when the workbook cannot be read or has no Activities table
 */
export async function learnerExport(
  request: LearnerExportRequest,
  io: ReadIo & {
    readonly stdout: (s: string) => void;
    readonly cwd: string;
    readonly now: Date;
  }
): Promise<number> {
  if (request.providerId === undefined) {
    throw new UsageError(
      "--format learners needs --provider-id: the learner file names the provider that reports it"
    );
  }
  const workbook = path.resolve(io.cwd, request.workbookArg);
  const read = await readForCommand(workbook, request.workbookArg, io);
  const book = read.book;
  const outcome = previewLearners(book, { today: request.today, providerId: request.providerId });
  if (!outcome.ok) {
    throw new WorkbookReadError(
      `${request.workbookArg}: no Activities table found (an Excel table or sheet named "Activities", or a sheet whose first row has Title, Format and Start Date headers)`
    );
  }
  const note = formulasNote(read);
  if (note !== null) io.stderr(note);
  const preview = outcome.preview;
  io.stdout(formatLearnerPreview(preview, path.basename(request.workbookArg)));
  if (preview.learners.length === 0) {
    io.stdout("\nNo completion goes in: no file written.\n");
    return 1;
  }
  const file = buildLearnerExport(preview, {
    providerId: request.providerId,
    stamp: request.stamp,
  });
  const target = path.resolve(io.cwd, request.out ?? file.fileName);
  const written = await writeLogged(file, target, request.out, workbook, book, {
    force: request.force,
    now: io.now,
  });
  if (written.prior !== undefined) {
    io.stderr(
      `pars-ready: warning: this file is identical to ${written.prior.fileName}, already made on ${written.prior.time}; uploading it again would report the same completions twice.\n`
    );
  }
  io.stdout(formatLearnerWritten(file, target, exportLogPath(workbook)));
  return preview.excluded.length > 0 ? 1 : 0;
}
