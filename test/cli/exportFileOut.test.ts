import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { writeExportFile } from "../../src/cli/exportFileOut";
import { exportText, type ExportFile } from "../../src/core";

const fileOf = (pieces: readonly string[]): ExportFile =>
  ({ fileName: "f.txt", pieces, summary: undefined }) as unknown as ExportFile;

/** Pieces enough for several of the writer's buffers, with text of one, two, three and four bytes. */
function bigFile(): ExportFile {
  const pieces: string[] = [];
  for (let i = 0; i < 60_000; i++)
    pieces.push(`Québec – ${String(i)} 😀 `, "x".repeat(i % 50), "\r\n");
  // One piece too long for the writer's buffer: written on its own.
  pieces.push("é".repeat(400_000), "end");
  return fileOf(pieces);
}

describe("writing an export file", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "pars-file-out-"));

  it("writes the text as UTF-8 without BOM and returns the SHA-256 of the bytes written", async () => {
    const file = bigFile();
    const target = path.join(dir, "big.txt");
    const sha = await writeExportFile(file, target, false);
    const expected = Buffer.from(exportText(file), "utf8");
    const written = readFileSync(target);
    expect(written.length).toBeGreaterThan(3 << 20);
    expect(written.subarray(-5).toString("utf8")).toBe("éend");
    expect(written.equals(expected)).toBe(true);
    expect(sha).toBe(createHash("sha256").update(expected).digest("hex"));
  });

  it("refuses to replace a file unless told to, leaving it as it was", async () => {
    const target = path.join(dir, "kept.txt");
    writeFileSync(target, "the coordinator's own file");
    await expect(writeExportFile(fileOf(["new"]), target, false)).rejects.toMatchObject({
      code: "EEXIST",
    });
    expect(readFileSync(target, "utf8")).toBe("the coordinator's own file");
    await writeExportFile(fileOf(["new"]), target, true);
    expect(readFileSync(target, "utf8")).toBe("new");
  });

  it("leaves no cut-off file behind when making the text fails half way", async () => {
    const pieces = ["a".repeat(2 << 20), "b"];
    Object.defineProperty(pieces, 1, {
      get: () => {
        throw new Error("out of memory");
      },
    });
    const target = path.join(dir, "cut.txt");
    await expect(writeExportFile(fileOf(pieces), target, false)).rejects.toThrow("out of memory");
    expect(existsSync(target)).toBe(false);
  });
});
