import { promises as fs } from "node:fs";
import path from "node:path";
import { checkWorkbook, dayOfIso, InvalidOptionError } from "../core";
import { parseArgs, UsageError } from "./args";
import { runExport } from "./exportCommand";
import { readWorkbook, WorkbookReadError } from "./readWorkbook";
import { formatJson, formatReport } from "./report";
import { buildParsWorkbook } from "./writeWorkbook";

/** What the CLI talks to; tests pass their own. */
export type Io = {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isTTY: boolean;
  readonly columns: number;
  readonly now: Date;
  readonly env: Readonly<Record<string, string | undefined>>;
};

export const USAGE = `Usage:
  pars-ready check <workbook.xlsx> [--today YYYY-MM-DD] [--provider-id NNNNNNN] [--json]
  pars-ready template <out.xlsx> [--force]
  pars-ready export <workbook.xlsx> --format xml|txt|learners [-o file] [options]

check     checks every activity against its declared PARS status and its format's rules.
          Exit 0 when no row fails, 1 when some do, 2 when the file cannot be read.
template  writes an empty workbook with the Activities, Support, MOC, Sessions and Learners
          tables.
export    writes the rows that pass their status as a PARS upload file (pars-ready export --help).
`;

/** Exit codes: 0 clean, 1 rows fail, 2 unreadable input or wrong usage. */
export const EXIT = { ok: 0, rowsFail: 1, unusable: 2 } as const;

const pad2 = (n: number) => String(n).padStart(2, "0");

/** Today on the user's own calendar (the CLI is a shell: it may read the clock). */
function localIsoDate(d: Date): string {
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}

async function check(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { values: ["today", "provider-id"], flags: ["json"] });
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
  const book = await readWorkbook(file);
  const outcome = checkWorkbook(book, { today, providerId: providerId ?? null });
  if (!outcome.ok) {
    throw new WorkbookReadError(
      `${file}: no Activities table found (an Excel table or sheet named "Activities", or a sheet whose first row has Title, Format and Start Date headers)`
    );
  }
  if (args.options.has("json")) io.stdout(formatJson(outcome.result));
  else {
    const color = io.isTTY && io.env.NO_COLOR === undefined;
    io.stdout(
      formatReport(outcome.result, path.basename(file), { color, width: Math.min(io.columns, 100) })
    );
  }
  return outcome.result.summary.failing > 0 ? EXIT.rowsFail : EXIT.ok;
}

async function template(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { values: [], flags: ["force"] });
  const [file, extra] = args.positional;
  if (file === undefined)
    throw new UsageError("template needs a file to write: pars-ready template <out.xlsx>");
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
  if (!args.options.has("force")) {
    const exists = await fs.stat(file).then(
      () => true,
      () => false
    );
    if (exists) throw new UsageError(`${file} already exists; add --force to overwrite it`);
  }
  await buildParsWorkbook().xlsx.writeFile(file);
  io.stdout(
    `Wrote ${file}: Activities, Support, MOC, Sessions and Learners tables with dropdowns.\n`
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
 * instead of dying on a broken pipe with a stack trace.
 */
export function pipeWriter(stream: NodeJS.WritableStream): (text: string) => void {
  let closed = false;
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
    closed = true;
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}

/** The process entry point. */
export function main(): void {
  const io: Io = {
    stdout: pipeWriter(process.stdout),
    stderr: pipeWriter(process.stderr),
    isTTY: process.stdout.isTTY === true,
    columns: process.stdout.columns ?? 80,
    now: new Date(),
    env: process.env,
  };
  void run(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
