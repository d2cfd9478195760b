import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Io } from "../../src/cli/main";
import { progressLine } from "../../src/cli/progressLine";
import { buildParsWorkbook } from "../../src/cli/writeWorkbook";
import { aRow, ACTIVITY_HEADERS } from "../support/builders";
import { runCli } from "../support/cli";

const dir = mkdtempSync(path.join(tmpdir(), "pars-report-"));

const cli = (argv: string[], extra: Partial<Io> = {}) =>
  runCli(argv, { now: new Date(2025, 10, 25, 9, 30), ...extra });

async function book(name: string, rows: Record<string, unknown>[]): Promise<string> {
  const file = path.join(dir, name);
  await buildParsWorkbook({ Activities: rows as never }).xlsx.writeFile(file);
  return file;
}

const TODAY = ["--today", "2025-11-25"];

describe("what pars-ready check says", () => {
  it("prints its version", async () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    const r = await cli(["--version"]);
    expect(r).toEqual({ code: 0, stdout: `pars-ready ${pkg.version}\n`, stderr: "" });
  });

  it("gets singular and plural right", async () => {
    const one = await cli(["check", await book("one.xlsx", [aRow({ Description: "" })]), ...TODAY]);
    expect(one.stdout).toContain("1 of 1 row fails its declared status · 1 error · 0 warnings");
    const two = await cli([
      "check",
      await book("two.xlsx", [aRow(), aRow({ "Internal ID": "B", Description: "" })]),
      ...TODAY,
    ]);
    expect(two.stdout).toContain("1 of 2 rows fails its declared status");
  });

  it("with --quiet prints only the errors, under their rows", async () => {
    const f = await book("quiet.xlsx", [
      aRow({ Country: "United States" }),
      aRow({ "Internal ID": "B", Description: "" }),
    ]);
    const loud = await cli(["check", f, ...TODAY]);
    expect(loud.stdout).toMatch(/warning Country/);
    const r = await cli(["check", f, ...TODAY, "--quiet"]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/PARS Ready check of|warning|Achieved status/);
    expect(r.stdout.split("\n")[0]).toBe("Row 3 · B · Internal Medicine Grand Rounds");
    expect(r.stdout).toMatch(/error {3}Description \([A-Z]+3\): Description is required/);
    const clean = await cli(["check", await book("clean.xlsx", [aRow()]), ...TODAY, "-q"]);
    expect(clean).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("ends a long report with one line per finding code", async () => {
    const rows = Array.from({ length: 12 }, (_, i) =>
      aRow({ "Internal ID": `R-${i}`, Description: "", Country: i === 0 ? "United States" : "USA" })
    );
    const r = await cli(["check", await book("long.xlsx", rows), ...TODAY]);
    const tail = r.stdout.slice(r.stdout.indexOf("Findings by code"));
    expect(tail.split("\n").filter((l) => l !== "")).toEqual([
      "Findings by code (13 findings):",
      "  12  error    missing_field",
      expect.stringMatching(/^ {3}1 {2}warning {2}\w+$/),
    ]);
    const short = await cli(["check", await book("short.xlsx", rows.slice(0, 2)), ...TODAY]);
    expect(short.stdout).not.toContain("Findings by code");
  });

  it("names each finding's cell, also for a table that does not start in column A", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("FY2025");
    ws.getCell("A1").value = "Activities of the year";
    const row = aRow({ Credits: "lots" });
    ws.addTable({
      name: "Activities",
      ref: "C3",
      headerRow: true,
      columns: ACTIVITY_HEADERS.map((name) => ({ name })),
      rows: [ACTIVITY_HEADERS.map((h) => (row as Record<string, unknown>)[h] ?? null)],
    });
    const file = path.join(dir, "offset.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await cli(["check", file, ...TODAY, "--json"]);
    const doc = JSON.parse(r.stdout) as {
      file: string;
      tables: { table: string; sheet: string; foundBy: string; rows: number }[];
      issues: { column: string; row: number; sheet: string; cell: string | null }[];
    };
    expect(doc.file).toBe(file);
    expect(doc.tables).toEqual([
      { table: "Activities", sheet: "FY2025", foundBy: "table", rows: 1 },
    ]);
    // Credits is column 13 of the table, which starts in C: column O.
    const credits = ACTIVITY_HEADERS.indexOf("Credits");
    const letter = String.fromCharCode(65 + 2 + credits);
    expect(doc.issues.find((i) => i.column === "Credits")).toMatchObject({
      sheet: "FY2025",
      row: 4,
      cell: `${letter}4`,
    });
    const text = await cli(["check", file, ...TODAY]);
    expect(text.stdout).toContain(`Credits (${letter}4):`);
  });

  it("names no cell for a column that is not there", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Activities");
    ws.addRow(["Title", "Format", "Start Date"]);
    ws.addRow(["Rounds", "RSS", "07/01/2025"]);
    const file = path.join(dir, "narrow.xlsx");
    await wb.xlsx.writeFile(file);
    const doc = JSON.parse((await cli(["check", file, ...TODAY, "--json"])).stdout) as {
      issues: { code: string; cell: string | null }[];
    };
    const missing = doc.issues.filter((i) => i.code === "missing_column");
    expect(missing.length).toBeGreaterThan(0);
    for (const i of missing) expect(i.cell).toBeNull();
  });

  it("notes formulas saved without a result, and names each on its row", async () => {
    const wb = buildParsWorkbook({ Activities: [aRow()] as never });
    const ws = wb.getWorksheet("Activities");
    const col = ACTIVITY_HEADERS.indexOf("Description") + 1;
    ws!.getCell(2, col).value = { formula: 'CONCAT("a","b")' };
    const file = path.join(dir, "formula.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await cli(["check", file, ...TODAY]);
    const letter = String.fromCharCode(64 + col);
    expect(r.stderr).toBe(
      `pars-ready: note: 1 cell holds a formula with no saved result (first Activities!${letter}2), each named on its row; open the file in Excel and save it to compute them\n`
    );
    expect(r.stdout).toContain(
      `Description (${letter}2): The cell holds the formula =CONCAT("a","b") but no`
    );
    expect(r.stdout).not.toContain("Description is required");
  });

  it("shows progress only on a terminal, and only for a big file", async () => {
    const f = await book("small.xlsx", [aRow()]);
    expect((await cli(["check", f, ...TODAY], { stderrIsTTY: true })).stderr).toBe("");
    const written: string[] = [];
    const p = progressLine("big.xlsx", (t) => written.push(t), 100);
    p.update(10, 50); // a small file: nothing
    p.update(50, 200);
    p.update(60, 200); // the same percent: not redrawn
    p.update(150, 200);
    p.done();
    expect(written).toEqual([
      "\r\u001b[KReading big.xlsx: 25%",
      "\r\u001b[KReading big.xlsx: 30%",
      "\r\u001b[KReading big.xlsx: 75%",
      "\r\u001b[K",
    ]);
  });
});
