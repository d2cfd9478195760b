import { createHash } from "node:crypto";
import { exportChunks, type ExportFile } from "../core";
import { stageFile, type StagedFile } from "./wholeFile";

/** Bytes encoded before each write: a 240 MB file is written in a few hundred calls. */
const BUFFER = 1 << 20;

/**
 * An export file's UTF-8 bytes, a buffer at a time. The same buffer is refilled for the next one,
 * so each must be used (hashed, written) before the next is asked for: the file's text is never
 * encoded into one 240 MB buffer.
 */
function* fileBytes(file: Pick<ExportFile, "pieces">): Generator<Buffer> {
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
 * Writes the file under a temporary name beside `target` (`stageFile`), as UTF-8 without
 * byte-order mark, and returns it staged with the SHA-256 of the bytes written (64 lower-case hex
 * digits: Node's digest, the same digits as core's portable `sha256Hex` and the pane's Web
 * Crypto), hashed as they are written so the file is encoded once. Nothing has the target's name
 * until the staged file is committed. Unless `overwrite`, an existing target is refused
 * (`EEXIST`) before anything is written.
 *
 * @throws the file system's error; the temporary file is then already removed
 */
export async function stageExportFile(
  file: Pick<ExportFile, "pieces">,
  target: string,
  overwrite: boolean
): Promise<{ readonly staged: StagedFile; readonly sha256: string }> {
  const hash = createHash("sha256");
  function* hashed(): Generator<Buffer> {
    for (const bytes of fileBytes(file)) {
      hash.update(bytes);
      yield bytes;
    }
  }
  const staged = await stageFile(target, hashed(), { overwrite });
  return { staged, sha256: hash.digest("hex") };
}

/**
 * Writes the file to `target` whole or not at all (`stageExportFile`, then commit) and returns
 * the SHA-256 of its bytes. A kill or a failed write leaves no partial file under the target's
 * name, and an older file there is replaced (with `overwrite`) only by the complete new one.
 *
 * @throws the file system's error (`EEXIST` without `overwrite` when the target exists)
 */
export async function writeExportFile(
  file: Pick<ExportFile, "pieces">,
  target: string,
  overwrite: boolean
): Promise<string> {
  const { staged, sha256 } = await stageExportFile(file, target, overwrite);
  await staged.commit();
  return sha256;
}
