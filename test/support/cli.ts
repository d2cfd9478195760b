import { run, type Io } from "../../src/cli/main";

/** What one `pars-ready` run printed and returned. */
export type CliRun = { readonly code: number; readonly stdout: string; readonly stderr: string };

/**
 * Runs `pars-ready` with `argv` in this process, capturing what it prints: not a terminal, 80
 * columns, no environment, unless `io` says otherwise (each test file gives its own `now`).
 */
export async function runCli(argv: string[], io: Partial<Io> & { now: Date }): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    isTTY: false,
    columns: 80,
    env: {},
    ...io,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}
