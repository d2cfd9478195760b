// Run as a child process by test/cli/wholeFile.test.ts: stages a file of two megabytes and more,
// tells the parent when the first two are on disk, then waits to be killed mid-write.
import { stageFile } from "../../src/cli/wholeFile";

const [target] = process.argv.slice(2);

async function* bytes(): AsyncGenerator<Uint8Array> {
  yield Buffer.alloc(1 << 20, "a");
  yield Buffer.alloc(1 << 20, "b");
  process.send?.("written");
  // Never resolves: the parent kills this process while the file is still being written. The
  // timer keeps the process alive meanwhile; a bare pending promise would let it end on its own
  // once the event loop is empty, before the kill arrives.
  setInterval(() => undefined, 1 << 30);
  await new Promise<never>(() => undefined);
}

if (target === undefined) throw new Error("usage: stageAndHang <target>");
void stageFile(target, bytes(), { overwrite: true });
