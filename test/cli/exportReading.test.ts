import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Io } from "../../src/cli/main";
import { buildParsWorkbook } from "../../src/cli/writeWorkbook";
import { ACTIVITY_HEADERS, aRow } from "../support/builders";
import { runCli } from "../support/cli";
import { EXPORT_TODAY } from "../support/exportBooks";

// Reading .xlsx files and writing uploads on a loaded machine: no test leans on the 5 s default.
jest.setTimeout(60_000);

// `export` reads a workbook as `check` does: progress on a terminal, one note for formulas.

const cli = (argv: string[], extra: Partial<Io> = {}) =>
  runCli(argv, { now: new Date(2025, 10, 25, 14, 5), ...extra });

const fresh = (): string => mkdtempSync(path.join(tmpdir(), "pars-export-read-"));

async function bookWithFormula(dir: string): Promise<{ file: string; cell: string }> {
  const wb = buildParsWorkbook({ Activities: [aRow(), aRow({ "Internal ID": "B" })] as never });
  const col = ACTIVITY_HEADERS.indexOf("Description") + 1;
  wb.getWorksheet("Activities")!.getCell(3, col).value = { formula: 'CONCAT("a","b")' };
  const file = path.join(dir, "formula.xlsx");
  await wb.xlsx.writeFile(file);
  return { file, cell: `Activities!${String.fromCharCode(64 + col)}3` };
}

const NOTE = (cell: string) =>
  `pars-ready: note: 1 cell holds a formula with no saved result (first ${cell}), each named on its row; open the file in Excel and save it to compute them\n`;

describe("pars-ready export reading the workbook", () => {
  it.each([
    ["--format", "xml"],
    ["--format", "learners", "--provider-id", "1234567"],
  ])("notes formulas saved without a result, as check does (%s %s)", async (...format) => {
    const dir = fresh();
    const { file, cell } = await bookWithFormula(dir);
    const out = path.join(dir, "out.file");
    const r = await cli(["export", file, ...format, "--today", EXPORT_TODAY, "-o", out]);
    const checked = await cli(["check", file, "--today", EXPORT_TODAY]);
    expect(checked.stderr).toBe(NOTE(cell));
    expect(r.stderr).toBe(NOTE(cell));
  });

  it("says nothing of formulas when every cell has its value", async () => {
    const dir = fresh();
    const wb = buildParsWorkbook({ Activities: [aRow()] as never });
    const file = path.join(dir, "plain.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await cli([
      "export",
      file,
      "--format",
      "xml",
      "--today",
      EXPORT_TODAY,
      "-o",
      path.join(dir, "a.xml"),
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
  });

  it.each<[string, Partial<Io>, boolean]>([
    ["on a terminal", { stderrIsTTY: true, progressFromBytes: 1 }, true],
    ["not on a pipe", { stderrIsTTY: false, progressFromBytes: 1 }, false],
    ["not for a small file", { stderrIsTTY: true }, false],
  ])("shows read progress %s", async (_, io, shown) => {
    const dir = fresh();
    const wb = buildParsWorkbook({ Activities: [aRow()] as never });
    const file = path.join(dir, "book.xlsx");
    await wb.xlsx.writeFile(file);
    const args = ["export", file, "--format", "xml", "--today", EXPORT_TODAY];
    const r = await cli([...args, "-o", path.join(dir, "a.xml")], io);
    expect(r.code).toBe(0);
    if (!shown) {
      expect(r.stderr).toBe("");
      return;
    }
    // Redrawn in place as the file is read, and wiped before the preview is printed.
    expect(r.stderr.startsWith(`\r\u001b[KReading ${file}: `)).toBe(true);
    expect(r.stderr.endsWith("\r\u001b[K")).toBe(true);
    expect(r.stdout).not.toContain("Reading");
  });
});
