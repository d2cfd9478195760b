// Run as a child process by test/cli/wholeFile.test.ts: runs `pars-ready export` in the folder
// given first, with the arguments after it. The first write to a temporary (.part) file goes to
// disk, the parent is told, and the write then never finishes: the parent interrupts the export
// while its file is being written.
import { promises as fsp } from "node:fs";
import { runExport } from "../../src/cli/exportCommand";

const [cwd, ...args] = process.argv.slice(2);
if (cwd === undefined) throw new Error("usage: exportAndHang <folder> <export arguments>");

const open = fsp.open.bind(fsp);
(fsp as { open: typeof fsp.open }).open = async (...a: Parameters<typeof fsp.open>) => {
  const handle = await open(...a);
  if (!String(a[0]).endsWith(".part")) return handle;
  const write = handle.write.bind(handle) as (...w: unknown[]) => Promise<unknown>;
  (handle as unknown as { write: unknown }).write = async (...w: unknown[]) => {
    await write(...w);
    // Never resolves: the parent interrupts this process while the file is still being written.
    // The IPC channel alone does not keep a child alive, so an idle timer holds it until then.
    setInterval(() => undefined, 60_000);
    process.send?.("writing");
    return new Promise<never>(() => undefined);
  };
  return handle;
};

void runExport(args, {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd,
  now: new Date(2025, 10, 25, 14, 5),
});
