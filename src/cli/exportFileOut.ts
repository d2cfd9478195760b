import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import { exportChunks, type ExportFile } from "../core";

/** Bytes encoded before each write: a 240 MB file is written in a few hundred calls. */
const BUFFER = 1 << 20;

/**
 * An export file's UTF-8 bytes, a buffer at a time. The same buffer is refilled for the next one,
 * so each must be used (hashed, written) before the next is asked for: the file's text is never
 * encoded into one 240 MB buffer.
 */
function* fileBytes(file: ExportFile): Generator<Buffer> {
  const buffer = Buffer.allocUnsafe(BUFFER);
  let used = 0;
  for (const chunk of exportChunks(file)) {
    // At most three bytes per UTF-16 unit: a chunk that might not fit is written after the rest.
    if (used + chunk.length * 3 > buffer.length) {
      if (used > 0) yield buffer.subarray(0, used);
      used = 0;
      if (chunk.length * 3 > buffer.length) {
        yield Buffer.from(chunk, "utf8");
        continue;
      }
    }
    used += buffer.write(chunk, used, "utf8");
  }
  if (used > 0) yield buffer.subarray(0, used);
}

/**
 * Writes the file to `target` as UTF-8 without byte-order mark, and returns the SHA-256 of the
 * bytes written (64 lower-case hex digits: Node's digest, the same digits as core's portable
 * `sha256Hex` and the pane's Web Crypto), hashed as they are written so the file is encoded once.
 * Unless `overwrite`, an existing file is refused (`EEXIST`); a file left cut short by a failed
 * write is removed, so no partial upload file stays behind.
 */
export async function writeExportFile(
  file: ExportFile,
  target: string,
  overwrite: boolean
): Promise<string> {
  const handle = await fs.open(target, overwrite ? "w" : "wx");
  const hash = createHash("sha256");
  try {
    for (const bytes of fileBytes(file)) {
      hash.update(bytes);
      let done = 0;
      while (done < bytes.length) {
        done += (await handle.write(bytes, done, bytes.length - done)).bytesWritten;
      }
    }
  } catch (e) {
    await handle.close();
    await fs.rm(target, { force: true });
    throw e;
  }
  await handle.close();
  return hash.digest("hex");
}
