import { fork, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdtempSync,
  promises as fsp,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import type { CellValue } from "../../src/core";
import { FileLockedError, stageFile, withFileLock, writeWholeFile } from "../../src/cli/wholeFile";
import { buildParsWorkbook } from "../../src/cli/writeWorkbook";
import { EXPORT_TODAY, FAQ_EXAMPLES } from "../support/exportBooks";

// xmllint and child processes are slow on a loaded machine: no test leans on the 5 s default.
jest.setTimeout(60_000);

// Files written whole or not at all, and a lock that keeps concurrent read-modify-writes whole.

const fresh = (): string => mkdtempSync(path.join(tmpdir(), "pars-whole-"));
const enc = (s: string): Buffer => Buffer.from(s, "utf8");

/** Makes the next temporary file's writes fail with ENOSPC after `after` bytes, as a full disk. */
function fullDiskAfter(after: number): jest.SpyInstance {
  const open = fsp.open.bind(fsp);
  const spy = jest.spyOn(fsp, "open").mockImplementation(async (...args) => {
    const handle = await open(...args);
    if (!String(args[0]).endsWith(".part")) return handle;
    let written = 0;
    const write = handle.write.bind(handle) as (
      ...a: unknown[]
    ) => Promise<{ bytesWritten: number }>;
    (handle as unknown as { write: unknown }).write = async (
      buf: Uint8Array,
      off = 0,
      len = buf.length - off
    ) => {
      if (written + len > after) {
        throw Object.assign(new Error("ENOSPC: no space left on device, write"), {
          code: "ENOSPC",
        });
      }
      written += len;
      return write(buf, off, len);
    };
    return handle;
  });
  return spy;
}

describe("writeWholeFile", () => {
  afterEach(() => jest.restoreAllMocks());

  it("writes the bytes under the target's name and leaves no temporary file", async () => {
    const dir = fresh();
    const target = path.join(dir, "upload.xml");
    await writeWholeFile(target, [enc("one "), enc("two")], { overwrite: false });
    expect(readFileSync(target, "utf8")).toBe("one two");
    expect(readdirSync(dir)).toEqual(["upload.xml"]);
  });

  it("refuses an existing file without overwrite before writing anything, and keeps it", async () => {
    const dir = fresh();
    const target = path.join(dir, "upload.xml");
    writeFileSync(target, "older upload");
    let asked = false;
    function* bytes(): Generator<Buffer> {
      asked = true;
      yield enc("new");
    }
    await expect(writeWholeFile(target, bytes(), { overwrite: false })).rejects.toMatchObject({
      code: "EEXIST",
    });
    expect(asked).toBe(false);
    expect(readFileSync(target, "utf8")).toBe("older upload");
    await writeWholeFile(target, [enc("new")], { overwrite: true });
    expect(readFileSync(target, "utf8")).toBe("new");
    expect(readdirSync(dir)).toEqual(["upload.xml"]);
  });

  it("keeps a file made under its name while this one was staged, rather than replacing it", async () => {
    const dir = fresh();
    const target = path.join(dir, "upload.xml");
    const staged = await stageFile(target, [enc("mine")], { overwrite: false });
    writeFileSync(target, "someone else's");
    await expect(staged.commit()).rejects.toMatchObject({ code: "EEXIST" });
    expect(readFileSync(target, "utf8")).toBe("someone else's");
    expect(readdirSync(dir)).toEqual(["upload.xml"]);
  });

  it("leaves the older file intact and no temporary file when the disk fills mid-write", async () => {
    const dir = fresh();
    const target = path.join(dir, "log.json");
    writeFileSync(target, '{"version":1,"entries":[]}\n');
    fullDiskAfter(1000);
    const bytes = [enc("x".repeat(800)), enc("y".repeat(800))];
    await expect(writeWholeFile(target, bytes, { overwrite: true })).rejects.toMatchObject({
      code: "ENOSPC",
    });
    expect(readFileSync(target, "utf8")).toBe('{"version":1,"entries":[]}\n');
    expect(readdirSync(dir)).toEqual(["log.json"]);
  });

  it("leaves nothing under the final name, and an older file as it was, when killed mid-write", async () => {
    const dir = fresh();
    const target = path.join(dir, "upload.xml");
    writeFileSync(target, "the upload made yesterday");
    const child = fork(path.join(__dirname, "..", "support", "stageAndHang.ts"), [target], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    });
    await new Promise<void>((resolve, reject) => {
      child.once("message", () => resolve());
      child.once("exit", (code) => reject(new Error(`child exited early with ${String(code)}`)));
    });
    const exited = new Promise((resolve) => child.once("exit", (_, signal) => resolve(signal)));
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    expect(readFileSync(target, "utf8")).toBe("the upload made yesterday");
    // What was being written is under a temporary name, cut short: never the target's.
    const others = readdirSync(dir).filter((f) => f !== "upload.xml");
    expect(others).toHaveLength(1);
    expect(others[0]).toMatch(/^\.upload\.xml\.\d+-[0-9a-f]{8}\.part$/);
    expect(readFileSync(path.join(dir, others[0]!)).length).toBe(2 << 20);
  });
});

describe("an interrupted export", () => {
  it.each<NodeJS.Signals>(["SIGINT", "SIGTERM"])(
    "leaves neither the upload nor its temporary file when stopped by %s mid-write",
    async (signal) => {
      const dir = fresh();
      const rows = (FAQ_EXAMPLES.activities ?? []) as Readonly<Record<string, CellValue>>[];
      await buildParsWorkbook({ Activities: rows, Support: [], MOC: [] }).xlsx.writeFile(
        path.join(dir, "book.xlsx")
      );
      const before = readdirSync(dir);
      const child = fork(
        path.join(__dirname, "..", "support", "exportAndHang.ts"),
        [dir, "book.xlsx", "--format", "xml", "--today", EXPORT_TODAY],
        { execArgv: ["--import", "tsx"], stdio: ["ignore", "ignore", "inherit", "ipc"] }
      );
      await new Promise<void>((resolve, reject) => {
        child.once("message", () => resolve());
        child.once("exit", (code) => reject(new Error(`child exited early with ${String(code)}`)));
      });
      // The upload is being written under its temporary name at this moment.
      expect(readdirSync(dir).filter((f) => f.endsWith(".part"))).toHaveLength(1);
      const exited = new Promise((resolve) => child.once("exit", (_, s) => resolve(s)));
      child.kill(signal);
      // Ended by the signal itself, as an interrupted command is.
      expect(await exited).toBe(signal);
      expect(readdirSync(dir)).toEqual(before);
    }
  );
});

describe("withFileLock", () => {
  it("keeps every update when many read-modify-write one file at once", async () => {
    const dir = fresh();
    const file = path.join(dir, "count.json");
    const lock = `${file}.lock`;
    writeFileSync(file, JSON.stringify({ entries: [] }));
    const add = (n: number): Promise<void> =>
      withFileLock(lock, async () => {
        const log = JSON.parse(await fsp.readFile(file, "utf8")) as { entries: number[] };
        // Yield between read and write, as an export does while it writes its file.
        await new Promise((resolve) => setImmediate(resolve));
        log.entries.push(n);
        await writeWholeFile(file, [enc(JSON.stringify(log))], { overwrite: true });
      });
    await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map(add));
    const { entries } = JSON.parse(readFileSync(file, "utf8")) as { entries: number[] };
    expect([...entries].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(existsSync(lock)).toBe(false);
  });

  it("lets go of the lock when the work fails", async () => {
    const lock = path.join(fresh(), "f.lock");
    await expect(withFileLock(lock, () => Promise.reject(new Error("boom")))).rejects.toThrow(
      "boom"
    );
    expect(existsSync(lock)).toBe(false);
  });

  it("takes over a lock left by a process that was killed", async () => {
    const lock = path.join(fresh(), "f.lock");
    // The pid of a process that has ended.
    const pid = spawnSync(process.execPath, ["-e", "0"]).pid;
    writeFileSync(lock, JSON.stringify({ pid, host: hostname(), since: "2025-11-25T14:05:00Z" }));
    expect(await withFileLock(lock, () => Promise.resolve("done"), 0)).toBe("done");
    expect(existsSync(lock)).toBe(false);
  });

  it("says who holds a lock that stays held, and leaves that lock alone", async () => {
    const lock = path.join(fresh(), "f.lock");
    const held = JSON.stringify({
      pid: process.pid,
      host: hostname(),
      since: "2025-11-25T14:05:00Z",
    });
    writeFileSync(lock, held);
    const error = await withFileLock(lock, () => Promise.resolve(1), 0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileLockedError);
    expect((error as Error).message).toContain(
      `held by process ${String(process.pid)} on ${hostname()} since 2025-11-25T14:05:00Z`
    );
    expect(readFileSync(lock, "utf8")).toBe(held);
  });
});
