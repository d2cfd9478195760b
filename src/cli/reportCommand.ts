import path from "node:path";
import { yearEndReport } from "../core";
import { parseArgs, UsageError } from "./args";
import { readWorkbook, WorkbookReadError } from "./readWorkbook";
import { writeWholeFile } from "./wholeFile";
import { yearEndHtml } from "./yearEndHtml";
import { yearEndJson } from "./yearEndJson";
import { yearEndText } from "./yearEndText";

/** What the report command talks to; tests pass their own. */
export type ReportIo = {
  readonly stdout: (s: string) => void;
  readonly columns: number;
};

export const REPORT_USAGE = `Usage:
  pars-ready report <workbook.xlsx> --year YYYY [--json] [--html out.html]
                    [--provider-id NNNNNNN]

report    year-end reporting for YYYY, judged as of January 1 of the next year: the
          checklist (activities to enter, to close and what each lacks, continuing,
          enduring materials' cumulative learners) and the Program Summary figures.
          --json prints them as JSON; --html also writes a printable page.
          Exit 0 when the checklist is done, 1 when something is left, 2 when the
          file cannot be read.
`;

/**
 * `pars-ready report`: returns the exit code (0 done, 1 something left on the checklist).
 *
 * @throws {UsageError} for a wrong command line
 * @throws {WorkbookReadError} for a file that cannot be read as a PARS workbook
 */
export async function runReport(argv: readonly string[], io: ReportIo): Promise<number> {
  const args = parseArgs(argv, {
    values: ["year", "html", "provider-id"],
    flags: ["json", "help"],
    short: { h: "help" },
  });
  if (args.options.has("help")) {
    io.stdout(REPORT_USAGE);
    return 0;
  }
  const [file, extra] = args.positional;
  if (file === undefined) {
    throw new UsageError("report needs a workbook: pars-ready report <workbook.xlsx> --year YYYY");
  }
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
  const yearText = args.options.get("year");
  if (typeof yearText !== "string" || !/^\d{4}$/.test(yearText) || Number(yearText) < 1900) {
    throw new UsageError(
      yearText === undefined
        ? "report needs the year: --year YYYY"
        : `--year must be a year as YYYY, got "${String(yearText)}"`
    );
  }
  const providerId = args.options.get("provider-id") as string | undefined;
  if (providerId !== undefined && !/^\d{7}$/.test(providerId)) {
    throw new UsageError(`--provider-id must be your seven-digit ACCME ID, got "${providerId}"`);
  }
  const html = args.options.get("html") as string | undefined;
  const book = await readWorkbook(file);
  const outcome = yearEndReport(book, Number(yearText), { providerId: providerId ?? null });
  if (!outcome.ok) {
    throw new WorkbookReadError(
      `${file}: no Activities table found (an Excel table or sheet named "Activities", or a sheet whose first row has Title, Format and Start Date headers)`
    );
  }
  const name = path.basename(file);
  // Whole or absent, replacing an earlier page only once the new one is complete.
  if (html !== undefined) {
    await writeWholeFile(html, [Buffer.from(yearEndHtml(outcome.report, name), "utf8")], {
      overwrite: true,
    });
  }
  if (args.options.has("json")) io.stdout(yearEndJson(outcome.report));
  else {
    io.stdout(yearEndText(outcome.report, name, Math.min(io.columns, 100)));
    if (html !== undefined) io.stdout(`Wrote ${html}.\n`);
  }
  return outcome.report.done ? 0 : 1;
}
