import { promises as fs, readFileSync } from "node:fs";
import path from "node:path";
import { checkWorkbook, dayOfIso, InvalidOptionError } from "../core";
import { parseArgs, UsageError } from "./args";
import { runExport } from "./exportCommand";
import { cellAddresses } from "./cellAddresses";
import { formulasNote, readForCommand, type ReadIo } from "./readForCommand";
import { WorkbookReadError } from "./readWorkbook";
import { runReport } from "./reportCommand";
import { formatJson, formatReport } from "./report";
import { buildParsWorkbook } from "./writeWorkbook";

/** What the CLI talks to; tests pass their own. */
export type Io = ReadIo & {
  readonly stdout: (text: string) => void;
  /** Whether standard output is a terminal (colour). */
  readonly isTTY: boolean;
  readonly columns: number;
  readonly now: Date;
  readonly env: Readonly<Record<string, string | undefined>>;
};

export const USAGE = `Usage:
  pars-ready --version
  pars-ready check <workbook.xlsx> [--today YYYY-MM-DD] [--provider-id NNNNNNN] [--json] [--quiet]
  pars-ready template <out.xlsx> [--force]
  pars-ready export <workbook.xlsx> --format xml|txt|learners [-o file] [options]
  pars-ready report <workbook.xlsx> --year YYYY [--json] [--html out.html]

check     checks every activity against its declared PARS status and its format's rules.
          Exit 0 when no row fails, 1 when some do, 2 when the file cannot be read.
          --quiet prints only the errors; a long report ends with a count per finding code.
template  writes an empty workbook with the Activities, Support, MOC, Sessions, Learner Counts
          and Learners tables.
export    writes the rows that pass their status as a PARS upload file (pars-ready export --help).
report    year-end reporting for a year: the checklist and the Program Summary figures.
`;

/**
 * The version in the product's package.json: the nearest one above this file, wherever it was
 * compiled to (`dist-cli/cli`, the bench's `dist-bench/src/cli`) or run from (`src/cli`).
 */
const VERSION = ((): string => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === "pars-ready" && typeof pkg.version === "string") return pkg.version;
    } catch {
      // No package.json here (or not ours): look one folder up.
    }
    if (path.dirname(dir) === dir) return "unknown";
  }
})();

/** Exit codes: 0 clean, 1 rows fail, 2 unreadable input or wrong usage. */
export const EXIT = { ok: 0, rowsFail: 1, unusable: 2 } as const;

const pad2 = (n: number) => String(n).padStart(2, "0");

/** Today on the user's own calendar (the CLI is a shell: it may read the clock). */
function localIsoDate(d: Date): string {
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}

async function check(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, {
    values: ["today", "provider-id"],
    flags: ["json", "quiet"],
    short: { q: "quiet" },
  });
  const [file, extra] = args.positional;
  if (file === undefined)
    throw new UsageError("check needs a workbook: pars-ready check <workbook.xlsx>");
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
  const today = (args.options.get("today") as string | undefined) ?? localIsoDate(io.now);
  if (dayOfIso(today) === null)
    throw new UsageError(`--today must be a date as YYYY-MM-DD, got "${today}"`);
  const providerId = args.options.get("provider-id") as string | undefined;
  if (providerId !== undefined && !/^\d{7}$/.test(providerId)) {
    throw new UsageError(`--provider-id must be your seven-digit ACCME ID, got "${providerId}"`);
  }
  const quiet = args.options.has("quiet");
  const read = await readForCommand(file, file, io, quiet);
  const book = read.book;
  const outcome = checkWorkbook(book, { today, providerId: providerId ?? null });
  if (!outcome.ok) {
    throw new WorkbookReadError(
      `${file}: no Activities table found (an Excel table or sheet named "Activities", or a sheet whose first row has Title, Format and Start Date headers)`
    );
  }
  const note = formulasNote(read);
  if (note !== null && !quiet) io.stderr(note);
  const address = cellAddresses(book, read.firstColumns);
  if (args.options.has("json")) io.stdout(formatJson(outcome.result, { file, address }));
  else {
    const color = io.isTTY && io.env.NO_COLOR === undefined;
    io.stdout(
      formatReport(outcome.result, path.basename(file), {
        color,
        width: Math.min(io.columns, 100),
        quiet,
        address,
      })
    );
  }
  const { activities, cancelled, failing } = outcome.result.summary;
  if (activities + cancelled === 0) {
    // A check of nothing is no clean bill: an empty table, or headers that named no column.
    io.stderr(
      `pars-ready: ${file}: the Activities table has no activity rows; nothing was checked\n`
    );
    return EXIT.unusable;
  }
  return failing > 0 ? EXIT.rowsFail : EXIT.ok;
}

async function template(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { values: [], flags: ["force"] });
  const [file, extra] = args.positional;
  if (file === undefined)
    throw new UsageError("template needs a file to write: pars-ready template <out.xlsx>");
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
  if (!/\.xlsx$/i.test(file)) {
    throw new UsageError(
      `template writes an .xlsx workbook: name it like ${path.basename(file)}.xlsx`
    );
  }
  const folder = path.dirname(file);
  const isFolder = await fs.stat(folder).then(
    (s) => s.isDirectory(),
    () => false
  );
  if (!isFolder) throw new UsageError(`${folder} is not a folder that exists`);
  if (!args.options.has("force")) {
    const exists = await fs.stat(file).then(
      () => true,
      () => false
    );
    if (exists) throw new UsageError(`${file} already exists; add --force to overwrite it`);
  }
  await buildParsWorkbook().xlsx.writeFile(file);
  io.stdout(
    `Wrote ${file}: Activities, Support, MOC, Sessions, Learner Counts and Learners tables with dropdowns.\n`
  );
  return EXIT.ok;
}

/** Runs one command line; never throws: every failure is one clear line and an exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "check":
        return await check(rest, io);
      case "template":
        return await template(rest, io);
      case "export":
        return await runExport(rest, { ...io, cwd: process.cwd() });
      case "--version":
      case "-V":
        io.stdout(`pars-ready ${VERSION}\n`);
        return EXIT.ok;
      case "report":
        return await runReport(rest, io);
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.stdout(USAGE);
        return command === undefined ? EXIT.unusable : EXIT.ok;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`pars-ready: ${e.message}\n\n${USAGE}`);
      return EXIT.unusable;
    }
    if (e instanceof WorkbookReadError || e instanceof InvalidOptionError) {
      io.stderr(`pars-ready: ${e.message}\n`);
      return EXIT.unusable;
    }
    const err = e as NodeJS.ErrnoException;
    // A file we could not write (template) or any failure we did not foresee: one line, no stack.
    io.stderr(`pars-ready: ${err.message ?? String(e)}\n`);
    return EXIT.unusable;
  }
}

/**
 * Writes to standard output until its reader goes away (`pars-ready check book.xlsx | head`), then
 * drops the rest: the command still finishes its work (an export still writes its file and log)
 * instead of dying on a broken pipe with a stack trace. Any other failure to write (a full disk)
 * is handed once to `onFail`, and what follows is dropped too.
 */
export function pipeWriter(
  stream: NodeJS.WritableStream,
  onFail: (e: NodeJS.ErrnoException) => void
): (text: string) => void {
  let closed = false;
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (closed) return;
    closed = true;
    if (e.code !== "EPIPE") onFail(e);
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}

/** The process entry point. */
export function main(): void {
  let outputFailed = false;
  const io: Io = {
    stdout: pipeWriter(process.stdout, (e) => {
      outputFailed = true;
      process.exitCode = EXIT.unusable; // the error may come after the command has finished
      process.stderr.write(`pars-ready: cannot write the output (${e.code ?? e.message})\n`);
    }),
    // Nowhere is left to say that standard error failed; the exit code still does.
    stderr: pipeWriter(process.stderr, () => {
      outputFailed = true;
      process.exitCode = EXIT.unusable;
    }),
    isTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    columns: process.stdout.columns ?? 80,
    now: new Date(),
    env: process.env,
  };
  void run(process.argv.slice(2), io).then((code) => {
    process.exitCode = outputFailed ? EXIT.unusable : code;
  });
}
