import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";

/**
 * Writes `text` as UTF-8 to `target`, whole or not at all: into a temporary file in the same
 * folder, then renamed over the target, so a reader (a browser printing the report) never sees a
 * file cut short and an earlier file stays as it was if the write fails.
 */
export async function writeFileAtomic(target: string, text: string): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await fs.writeFile(temp, text, { encoding: "utf8", flag: "wx" });
    await fs.rename(temp, target);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw e;
  }
}
