// Files the command line writes (upload files, learner files, the Export Log) are whole or absent
// (ARCHITECTURE.md): the bytes go to a temporary file in the target's own folder, are flushed to
// disk, and only then is the temporary file renamed to the target's name. A rename within one
// folder is atomic, so a kill, an interrupt or a full disk at any moment leaves either the old file
// (or none) or the complete new one under the final name, never a cut-off one. A kill can leave a
// temporary file (`.<name>.<pid>-<random>.part`) beside the target; it never has the target's name.
// An interrupt (Ctrl-C, SIGINT) or a polite kill (SIGTERM) does not: the temporary files still
// being written or waiting for their name, and a lock held, are removed before the process ends
// by that signal.
//
// A file several exports update (the Export Log) is also locked while it is read and rewritten,
// so that concurrent exports each add their entry instead of overwriting one another's.
import { randomBytes } from "node:crypto";
import { promises as fs, rmSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

/** Bytes to write, in order: a buffer may be reused once the next is asked for. */
export type ByteSource = Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

/** A file written in full under a temporary name, waiting to be given its own. */
export type StagedFile = {
  readonly target: string;
  readonly temporary: string;
  /**
   * Gives the file its name. Without `overwrite` an existing target is kept and the call fails
   * with `EEXIST` (the staged file is then removed).
   */
  readonly commit: () => Promise<void>;
  /** Removes the staged file; the target is untouched. */
  readonly discard: () => Promise<void>;
};

const errno = (code: string, message: string): NodeJS.ErrnoException =>
  Object.assign(new Error(message), { code });

async function exists(p: string): Promise<boolean> {
  try {
    await fs.lstat(p);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw e;
  }
}

/**
 * Temporary files and held locks of this process not yet renamed or removed: what an interrupt
 * cleans up.
 */
const pending = new Set<string>();
const CLEANED_ON: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM"];

/**
 * Removes every pending temporary file, then ends the process by the same signal (so the shell
 * sees an interrupted command, exit status 128 + the signal's number), as it would have without
 * the handler.
 */
function removePendingAndStop(signal: NodeJS.Signals): void {
  for (const temporary of pending) rmSync(temporary, { force: true });
  pending.clear();
  for (const s of CLEANED_ON) process.removeListener(s, removePendingAndStop);
  process.kill(process.pid, signal);
}

/** Notes a temporary file as this process's to remove on an interrupt, while it exists. */
function track(temporary: string): void {
  if (pending.size === 0) for (const s of CLEANED_ON) process.on(s, removePendingAndStop);
  pending.add(temporary);
}

/** Forgets a temporary file once it is renamed or removed: no handler is left behind. */
function untrack(temporary: string): void {
  pending.delete(temporary);
  if (pending.size === 0) {
    for (const s of CLEANED_ON) process.removeListener(s, removePendingAndStop);
  }
}

/** The temporary name a target is written under: hidden, beside it, unique to this attempt. */
export function temporaryNameOf(target: string): string {
  const suffix = `${String(process.pid)}-${randomBytes(4).toString("hex")}`;
  return path.join(path.dirname(target), `.${path.basename(target)}.${suffix}.part`);
}

/**
 * Writes `bytes` in full to a temporary file beside `target` and flushes it to disk; the target
 * itself is not touched until `commit`. Without `overwrite`, an existing target is refused before
 * anything is written (`EEXIST`). When writing fails (a full disk: `ENOSPC`), the temporary file
 * is removed and the error rethrown.
 *
 * @throws the file system's error (`EEXIST`, `ENOSPC`, `EACCES`…) or the byte source's
 */
export async function stageFile(
  target: string,
  bytes: ByteSource,
  options: { readonly overwrite: boolean }
): Promise<StagedFile> {
  if (!options.overwrite && (await exists(target))) {
    throw errno("EEXIST", `EEXIST: file already exists, '${target}'`);
  }
  const temporary = temporaryNameOf(target);
  track(temporary);
  let handle: Awaited<ReturnType<typeof fs.open>>;
  try {
    handle = await fs.open(temporary, "wx");
  } catch (e) {
    untrack(temporary);
    throw e;
  }
  try {
    for await (const chunk of bytes) {
      let done = 0;
      while (done < chunk.length) {
        done += (await handle.write(chunk, done, chunk.length - done)).bytesWritten;
      }
    }
    // On disk before the rename: otherwise a power cut just after it can leave an empty file.
    await handle.sync();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await fs.rm(temporary, { force: true });
    untrack(temporary);
    throw e;
  }
  await handle.close();
  const discard = async (): Promise<void> => {
    await fs.rm(temporary, { force: true });
    untrack(temporary);
  };
  const commit = async (): Promise<void> => {
    if (options.overwrite) {
      await fs.rename(temporary, target);
      untrack(temporary);
      return;
    }
    // A hard link fails when the name exists, where a rename would replace it: the check and the
    // naming are one step. File systems without hard links fall back to check, then rename.
    try {
      await fs.link(temporary, target);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EEXIST" || !["EPERM", "ENOTSUP", "ENOSYS", "EOPNOTSUPP"].includes(code ?? "")) {
        await discard();
        throw e;
      }
      if (await exists(target)) {
        await discard();
        throw errno("EEXIST", `EEXIST: file already exists, '${target}'`);
      }
      await fs.rename(temporary, target);
      untrack(temporary);
      return;
    }
    await discard();
  };
  return { target, temporary, commit, discard };
}

/**
 * Writes `bytes` to `target` whole or not at all (`stageFile`, then `commit`).
 *
 * @throws as `stageFile`, and `EEXIST` without `overwrite` when the target exists
 */
export async function writeWholeFile(
  target: string,
  bytes: ByteSource,
  options: { readonly overwrite: boolean }
): Promise<void> {
  const staged = await stageFile(target, bytes, options);
  await staged.commit();
}

/** The lock could not be taken: another process holds it and did not let go in time. */
export class FileLockedError extends Error {
  override readonly name = "FileLockedError";
  constructor(
    readonly lockPath: string,
    readonly holder: string
  ) {
    super(
      `${lockPath} is held by ${holder}; wait for that export to finish, or delete the lock file if none is running`
    );
  }
}

type LockOwner = { readonly pid: number; readonly host: string; readonly since: string };

function readOwner(text: string): LockOwner | null {
  try {
    const o = JSON.parse(text) as Partial<LockOwner>;
    return typeof o.pid === "number" && typeof o.host === "string"
      ? { pid: o.pid, host: o.host, since: String(o.since) }
      : null;
  } catch {
    return null;
  }
}

/** True when the process that took the lock is gone: only knowable on the same machine. */
function isStale(owner: LockOwner | null): boolean {
  if (owner === null || owner.host !== hostname()) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ESRCH";
  }
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** How long to keep trying for a lock before giving up (an export takes seconds at most). */
export const LOCK_PATIENCE_MS = 60_000;

/**
 * Runs `work` holding an exclusive lock: the file `lockPath`, created only if absent (O_EXCL, so
 * one process at a time, across processes), naming this process; removed when `work` ends, however
 * it ends. While another process holds it, this one waits and tries again, a few tens of
 * milliseconds at a time, for at most `patienceMs`. A lock left by a process that no longer runs
 * on this machine (killed mid-export) is taken over.
 *
 * @throws {FileLockedError} when the lock stays held for `patienceMs`
 */
export async function withFileLock<T>(
  lockPath: string,
  work: () => Promise<T>,
  patienceMs = LOCK_PATIENCE_MS
): Promise<T> {
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.writeFile(lockPath, JSON.stringify(me), { flag: "wx" });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const text = await fs.readFile(lockPath, "utf8").catch(() => null);
    if (text === null) continue; // let go between our two calls: try again at once
    const owner = readOwner(text);
    if (isStale(owner)) {
      // Removed only if it is still the same dead process's lock, not one taken since.
      const again = await fs.readFile(lockPath, "utf8").catch(() => null);
      if (again === text) await fs.rm(lockPath, { force: true });
      continue;
    }
    if (Date.now() - started > patienceMs) {
      const holder =
        owner === null
          ? "another process"
          : `process ${String(owner.pid)} on ${owner.host} since ${owner.since}`;
      throw new FileLockedError(lockPath, holder);
    }
    // Waiting is the point here: another export is writing the log. Spread out the retries.
    await pause(10 + Math.min(attempt, 10) * 5 + Math.floor(Math.random() * 20));
  }
  // An interrupt lets go of the lock too, rather than leave it for the next export to take over.
  track(lockPath);
  try {
    return await work();
  } finally {
    await fs.rm(lockPath, { force: true });
    untrack(lockPath);
  }
}
