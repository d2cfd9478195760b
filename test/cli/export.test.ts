import {
  existsSync,
  linkSync,
  mkdtempSync,
  promises as fsp,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CellValue } from "../../src/core";
import { exportLogPath, runExport, type ExportIo } from "../../src/cli/exportCommand";
import { buildParsWorkbook } from "../../src/cli/writeWorkbook";
import type { BookInput } from "../support/builders";
import { runCli } from "../support/cli";
import { EXPORT_TODAY, FAQ_EXAMPLES, FULL_FIELDS } from "../support/exportBooks";

// End to end: a real .xlsx written with exceljs, read by the CLI's reader, exported to disk.
const GOLDEN = path.join(__dirname, "..", "golden");

async function xlsx(dir: string, name: string, input: BookInput): Promise<string> {
  const rows = (list: BookInput["activities"] | undefined) =>
    (list ?? []) as Readonly<Record<string, CellValue>>[];
  const file = path.join(dir, name);
  await buildParsWorkbook({
    Activities: rows(input.activities),
    Support: rows(input.support),
    MOC: rows(input.moc),
  }).xlsx.writeFile(file);
  return file;
}

async function exportCli(args: string[], cwd: string, now = new Date(2025, 10, 25, 14, 5)) {
  let stdout = "";
  let stderr = "";
  const io: ExportIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, now };
  const code = await runExport(args, io);
  return { code, stdout, stderr };
}

describe("pars-ready export", () => {
  it("writes the every-field workbook byte for byte as the golden XML, exit 0, and logs it", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pars-export-"));
    const book = await xlsx(dir, "full.xlsx", FULL_FIELDS);
    const r = await exportCli(["full.xlsx", "--format", "xml", "--today", EXPORT_TODAY], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("3 activities go in; 0 rows fail their status and stay out.");
    expect(r.stdout).toContain('Activities row 2 Title: "Cardiology Symposium:\\tA & B <Update>"');
    const written = readFileSync(path.join(dir, "pars-activities-20251125-1405.xml"));
    expect(written.equals(readFileSync(path.join(GOLDEN, "full-fields.xml")))).toBe(true);
    const log = JSON.parse(readFileSync(exportLogPath(book), "utf8")) as {
      version: number;
      entries: { layout: string; rows: number; internalIds: string[]; sha256: string }[];
    };
    expect(log.version).toBe(1);
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]).toMatchObject({
      layout: "xml",
      rows: 3,
      internalIds: ["CARD-2025-SYM", "EM-2025-ECG", "CML-2025-PT"],
      sha256: createHash("sha256").update(written).digest("hex"),
    });
  });

  it("writes the FAQ examples as the golden Template D, lists the rows that stay out, exit 1", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pars-export-"));
    await xlsx(dir, "faq.xlsx", FAQ_EXAMPLES);
    const r = await exportCli(
      ["faq.xlsx", "--format", "txt", "-o", "upload.txt", "--today", EXPORT_TODAY],
      dir
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "7 activities go in; 1 row fails its status and stays out; 1 cancelled row not reported."
    );
    expect(r.stdout).toContain(
      "Row 10 · IMGR-2023 · Internal Medicine Grand Rounds: stays out (held to Closed)"
    );
    expect(r.stdout).toContain("- Physician Learners is required for Closed.");
    expect(r.stdout).toContain(
      "Row 9 · C-2025-CANCELLED · Spring Symposium: Cancelled, not reported"
    );
    expect(r.stdout).toContain("UTF-8 without byte-order mark, CRLF line ends");
    expect(r.stdout).toContain(
      "Left empty where the workbook has no value:\n  ACCME Activity ID: 7 of 7"
    );
    expect(r.stdout).toMatch(
      /Always empty, not in the workbook \(27 columns\): Hours of Instruction; /
    );
    const written = readFileSync(path.join(dir, "upload.txt"));
    expect(written.equals(readFileSync(path.join(GOLDEN, "faq-examples.txt")))).toBe(true);
  });

  it("warns when the file is identical to one already logged, and refuses to overwrite without --force", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pars-export-"));
    const book = await xlsx(dir, "full.xlsx", FULL_FIELDS);
    const args = ["full.xlsx", "--format", "txt", "--today", EXPORT_TODAY];
    expect((await exportCli(args, dir)).stderr).toBe("");
    const again = await exportCli(args, dir, new Date(2025, 10, 26, 8, 0));
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(
      "warning: this file is identical to pars-activities-20251125-1405.txt"
    );
    const log = JSON.parse(readFileSync(exportLogPath(book), "utf8")) as { entries: unknown[] };
    expect(log.entries).toHaveLength(2);
    const clash = await exportCli(args, dir);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain("already exists; add --force to overwrite it");
    expect((await exportCli([...args, "--force"], dir)).code).toBe(0);
  });

  it("warns when the workbook's own Export Log (kept by the task pane) records an identical file", async () => {
    const first = mkdtempSync(path.join(tmpdir(), "pars-export-"));
    await xlsx(first, "full.xlsx", FULL_FIELDS);
    const args = ["full.xlsx", "--format", "txt", "--today", EXPORT_TODAY];
    expect((await exportCli(args, first)).code).toBe(0);
    const made = readFileSync(path.join(first, "pars-activities-20251125-1405.txt"));
    const sha = createHash("sha256").update(made).digest("hex");

    // A second copy of the workbook, with no log beside it, whose Export Log table holds the file.
    const dir = mkdtempSync(path.join(tmpdir(), "pars-export-"));
    const wb = buildParsWorkbook({
      Activities: FULL_FIELDS.activities,
      Support: FULL_FIELDS.support ?? [],
      MOC: FULL_FIELDS.moc ?? [],
    });
    wb.addWorksheet("Export Log").addTable({
      name: "ExportLog",
      ref: "A1",
      columns: ["Time", "Layout", "File", "Rows", "Internal IDs", "SHA-256"].map((name) => ({
        name,
      })),
      rows: [
        ["2025-11-20T09:00:00.000Z", "Template D (.txt)", "from-the-pane.txt", 3, "", sha],
        ["2025-11-21T09:00:00.000Z", "PARS XML", "typed-over.xml", 3, "", "not a fingerprint"],
      ],
    });
    await wb.xlsx.writeFile(path.join(dir, "full.xlsx"));
    const r = await exportCli(args, dir, new Date(2025, 10, 26, 8, 0));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      "warning: this file is identical to from-the-pane.txt, already made on 2025-11-20T09:00:00.000Z"
    );
    // A different layout is a different file: no warning.
    const xml = await exportCli(["full.xlsx", "--format", "xml", "--today", EXPORT_TODAY], dir);
    expect(xml.stderr).toBe("");
  });

  it("says one activity goes in when one is selected", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pars-export-"));
    await xlsx(dir, "faq.xlsx", FAQ_EXAMPLES);
    const r = await exportCli(
      ["faq.xlsx", "--format", "txt", "--ids", "jn-2025-03", "--today", EXPORT_TODAY],
      dir
    );
    expect(r.stdout).toContain("1 activity goes in; 0 rows fail their status and stay out;");
  });

  it("exports only the selected rows and names a selection that matches none", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pars-export-"));
    await xlsx(dir, "faq.xlsx", FAQ_EXAMPLES);
    const r = await exportCli(
      [
        "faq.xlsx",
        "--format",
        "txt",
        "--rows",
        "2,99",
        "--ids",
        "jn-2025-03",
        "--today",
        EXPORT_TODAY,
      ],
      dir
    );
    expect(r.stdout).toContain(
      "2 activities go in; 0 rows fail their status and stay out; 7 rows not selected."
    );
    expect(r.stdout).toContain("Selected row 99 matches no Activities row.");
    expect(r.code).toBe(1);
    const lines = readFileSync(path.join(dir, "pars-activities-20251125-1405.txt"), "utf8")
      .split("\r\n")
      .filter((l) => l !== "");
    expect(lines.map((l) => l.split("\t")[2])).toEqual(["IMGR-2024", "JN-2025-03"]);
  });

  it.each([
    [["missing.xlsx", "--format", "xml"], "missing.xlsx: no such file"],
    [["book.xlsx"], "export needs --format xml, --format txt or --format learners"],
    [["book.xlsx", "--format", "csv"], 'No upload layout "csv"'],
    [["book.xlsx", "--format", "xml", "--rows", "two"], "--rows takes sheet row numbers"],
    [["book.xlsx", "--format", "xml", "--today", "25/11/2025"], "--today must be a date"],
  ])("exits 2 for %j", async (args, message) => {
    const dir = mkdtempSync(path.join(tmpdir(), "pars-export-"));
    const r = await exportCli(args, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it("exits 2 and writes nothing when the Export Log is not readable", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pars-export-"));
    const book = await xlsx(dir, "full.xlsx", FULL_FIELDS);
    writeFileSync(exportLogPath(book), "{ not json");
    const r = await exportCli(["full.xlsx", "--format", "xml", "--today", EXPORT_TODAY], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("not JSON in");
    expect(existsSync(path.join(dir, "pars-activities-20251125-1405.xml"))).toBe(false);
  });

  it("refuses an output path that is the workbook or its log: exit 2, both unchanged", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pars-export-"));
    const book = await xlsx(dir, "full.xlsx", FULL_FIELDS);
    const base = ["full.xlsx", "--format", "xml", "--today", EXPORT_TODAY];
    await exportCli([...base, "-o", "first.xml"], dir);
    const bookBytes = readFileSync(book);
    const logBytes = readFileSync(exportLogPath(book));
    for (const out of ["full.xlsx", "./sub/../full.xlsx", "full.xlsx.export-log.json"]) {
      const r = await exportCli([...base, "-o", out, "--force"], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/names the workbook itself|names the workbook's export log/);
    }
    expect(readFileSync(book).equals(bookBytes)).toBe(true);
    expect(readFileSync(exportLogPath(book)).equals(logBytes)).toBe(true);
    // The same file under another name (a hard link) is the workbook too.
    linkSync(book, path.join(dir, "alias.xlsx"));
    const r = await exportCli([...base, "-o", "alias.xlsx", "--force"], dir);
    expect(r.code).toBe(2);
    expect(readFileSync(book).equals(bookBytes)).toBe(true);
  });

  it("keeps every entry when eight exports run at once, each naming the file it made", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pars-export-"));
    const book = await xlsx(dir, "full.xlsx", FULL_FIELDS);
    const names = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `out-${String(n)}.xml`);
    const runs = await Promise.all(
      names.map((o) =>
        exportCli(["full.xlsx", "--format", "xml", "--today", EXPORT_TODAY, "-o", o], dir)
      )
    );
    expect(runs.map((r) => r.code)).toEqual(names.map(() => 0));
    const log = JSON.parse(readFileSync(exportLogPath(book), "utf8")) as {
      version: number;
      entries: { fileName: string }[];
    };
    expect(log.version).toBe(1);
    expect(log.entries.map((e) => e.fileName).sort()).toEqual(names);
    // Identical files: every export after the first warns, naming a file that exists.
    const warned = runs.filter((r) => r.stderr.includes("warning: this file is identical to"));
    expect(warned).toHaveLength(7);
    for (const r of warned) {
      const named = /identical to (\S+),/.exec(r.stderr)![1]!;
      expect(existsSync(path.join(dir, named))).toBe(true);
    }
    expect(readdirSync(dir).filter((f) => f.endsWith(".part") || f.endsWith(".lock"))).toEqual([]);
  });

  it("leaves the previous log intact and makes no file when the disk fills as the log is written", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pars-export-"));
    const book = await xlsx(dir, "full.xlsx", FULL_FIELDS);
    const base = ["full.xlsx", "--format", "xml", "--today", EXPORT_TODAY];
    expect((await exportCli([...base, "-o", "first.xml"], dir)).code).toBe(0);
    const logBytes = readFileSync(exportLogPath(book));
    const open = fsp.open.bind(fsp);
    const spy = jest.spyOn(fsp, "open").mockImplementation(async (...args) => {
      const handle = await open(...args);
      if (/export-log\.json\.[^/]*\.part$/.test(String(args[0]))) {
        (handle as unknown as { write: unknown }).write = () =>
          Promise.reject(
            Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" })
          );
      }
      return handle;
    });
    try {
      const r = await exportCli([...base, "-o", "second.xml"], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("ENOSPC");
    } finally {
      spy.mockRestore();
    }
    expect(readFileSync(exportLogPath(book)).equals(logBytes)).toBe(true);
    expect(existsSync(path.join(dir, "second.xml"))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual([
      "first.xml",
      "full.xlsx",
      "full.xlsx.export-log.json",
    ]);
    // The next export, with room on the disk, finds a valid log and adds to it.
    expect((await exportCli([...base, "-o", "second.xml"], dir)).code).toBe(0);
    const log = JSON.parse(readFileSync(exportLogPath(book), "utf8")) as { entries: unknown[] };
    expect(log.entries).toHaveLength(2);
  });

  it("is reached from the pars-ready command line", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pars-export-"));
    const book = await xlsx(dir, "full.xlsx", FULL_FIELDS);
    const out = path.join(dir, "out.xml");
    const { code, stdout } = await runCli(
      ["export", book, "--format", "xml", "-o", out, "--today", EXPORT_TODAY],
      { now: new Date(2025, 10, 25, 14, 5) }
    );
    expect(code).toBe(0);
    expect(stdout).toContain(`Wrote ${out}`);
    expect(readFileSync(out).equals(readFileSync(path.join(GOLDEN, "full-fields.xml")))).toBe(true);
  });
});
