import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, openSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { EventEmitter } from "node:events";
import { pipeWriter } from "../../src/cli/main";
import { buildParsWorkbook } from "../../src/cli/writeWorkbook";
import { aRow, ACTIVITY_HEADERS } from "../support/builders";
import { runCli } from "../support/cli";
import { LEARNERS } from "../../src/core";

const dir = mkdtempSync(path.join(tmpdir(), "pars-cli-"));
const file = (name: string) => path.join(dir, name);

const cli = (argv: string[], isTTY = false) =>
  runCli(argv, { isTTY, now: new Date(2025, 10, 25, 9, 30) });

async function writeBook(name: string, rows: Record<string, unknown>[]) {
  await buildParsWorkbook({ Activities: rows as never }).xlsx.writeFile(file(name));
  return file(name);
}

describe("pars-ready check", () => {
  it("exits 0 with a summary when every row passes", async () => {
    const f = await writeBook("good.xlsx", [aRow()]);
    const r = await cli(["check", f, "--today", "2025-11-25"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("as of 2025-11-25");
    expect(r.stdout).toContain("Closed 1");
    expect(r.stdout).toContain("0 of 1 row fail their declared status");
    expect(r.stderr).toBe("");
  });

  it("exits 1 and groups the findings by row when a row fails, in 80 columns without colour", async () => {
    const f = await writeBook("bad.xlsx", [
      aRow(),
      aRow({
        "Internal ID": "B",
        Status: "Active",
        "Start Date": "07/01/2025",
        "End Date": "06/30/2026",
        Description: "",
      }),
    ]);
    const r = await cli(["check", f, "--today", "2025-11-25"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Row 3 · B · Internal Medicine Grand Rounds");
    expect(r.stdout).toContain("declared Active · achieved Draft · FAILS");
    const letter = String.fromCharCode(65 + ACTIVITY_HEADERS.indexOf("Description"));
    expect(r.stdout).toContain(`Description (${letter}3): Description is required for Active.`);
    expect(r.stdout).not.toContain("\u001b[");
    for (const line of r.stdout.split("\n")) expect(line.length).toBeLessThanOrEqual(80);
  });

  it("colours the report only on a terminal", async () => {
    const f = await writeBook("tty.xlsx", [aRow({ Status: "Active", Description: "" })]);
    expect((await cli(["check", f, "--today", "2025-11-25"], true)).stdout).toContain("\u001b[31m");
  });

  it("prints the JSON document with --json", async () => {
    const f = await writeBook("json.xlsx", [aRow({ Title: "" })]);
    const r = await cli(["check", f, "--today", "2025-11-25", "--json"]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { asOf: string; rows: unknown[]; issues: unknown[] };
    expect(doc.asOf).toBe("2025-11-25");
    expect(doc.rows).toEqual([
      {
        table: "Activities",
        row: 2,
        internalId: "IMGR-2024",
        declaredStatus: "Closed",
        heldTo: "Closed",
        achievedStatus: "Incomplete",
        passes: false,
      },
    ]);
    expect(doc.issues).toEqual([
      {
        code: "missing_field",
        severity: "error",
        table: "Activities",
        sheet: "Activities",
        row: 2,
        column: "Title",
        cell: `${String.fromCharCode(65 + ACTIVITY_HEADERS.indexOf("Title"))}2`,
        message: "Title is required for Closed.",
      },
    ]);
  });

  it("judges against today's date by default and checks the provider ID", async () => {
    const f = await writeBook("id.xlsx", [aRow({ "Internal ID": "1234567" })]);
    const r = await cli(["check", f, "--provider-id", "1234567", "--json"]);
    const doc = JSON.parse(r.stdout) as { asOf: string; issues: { code: string }[] };
    expect(doc.asOf).toBe("2025-11-25");
    expect(doc.issues.map((i) => i.code)).toEqual(["internal_id_is_provider_id"]);
  });

  it("reads formulas by their cached results, dates as real dates, and 1904 workbooks", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("My activities");
    ws.addRow(ACTIVITY_HEADERS);
    const row = aRow();
    ws.addRow(
      ACTIVITY_HEADERS.map((h) =>
        h === "Credits"
          ? { formula: "52*1", result: 52 }
          : h === "Physician Learners"
            ? { formula: "20*52", result: 1040 }
            : h === "Start Date"
              ? new Date(Date.UTC(2024, 6, 1))
              : h === "End Date"
                ? new Date(Date.UTC(2025, 5, 30))
                : (row[h] as ExcelJS.CellValue)
      )
    );
    await wb.xlsx.writeFile(file("formulas.xlsx"));
    const r = await cli(["check", file("formulas.xlsx"), "--today", "2025-11-25", "--json"]);
    const doc = JSON.parse(r.stdout) as { rows: { achievedStatus: string }[]; issues: unknown[] };
    expect(doc.issues).toEqual([]);
    expect(doc.rows[0]?.achievedStatus).toBe("Closed");
    expect(r.code).toBe(0);
  });

  it("does not take a table's total row for an activity", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Activities");
    const row = aRow();
    ws.addTable({
      name: "Activities",
      ref: "A1",
      totalsRow: true,
      columns: ACTIVITY_HEADERS.map((name) =>
        name === "Title"
          ? { name, totalsRowLabel: "Total" }
          : name === "Credits" || name === "Physician Learners"
            ? { name, totalsRowFunction: "sum" as const }
            : { name }
      ),
      rows: [ACTIVITY_HEADERS.map((h) => row[h] as ExcelJS.CellValue)],
    });
    await wb.xlsx.writeFile(file("totals.xlsx"));
    const r = await cli(["check", file("totals.xlsx"), "--today", "2025-11-25", "--json"]);
    const doc = JSON.parse(r.stdout) as { rows: { row: number }[]; issues: unknown[] };
    expect(doc.rows.map((x) => x.row)).toEqual([2]);
    expect(doc.issues).toEqual([]);
    expect(r.code).toBe(0);
  });

  it.each([
    ["a missing file", () => file("nope.xlsx"), /no such file/],
    [
      "a text file",
      () => (writeFileSync(file("notes.xlsx"), "hello"), file("notes.xlsx")),
      /is not an \.xlsx workbook/,
    ],
    [
      "a password-protected file",
      () => (
        writeFileSync(
          file("locked.xlsx"),
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])
        ),
        file("locked.xlsx")
      ),
      /password-protected/,
    ],
    [
      "a broken zip",
      () => (
        writeFileSync(file("broken.xlsx"), Buffer.from("PK\u0003\u0004broken")),
        file("broken.xlsx")
      ),
      /is damaged/,
    ],
    ["a folder", () => dir, /is a folder/],
  ])("exits 2 with one clear line for %s", async (_what, make, message) => {
    const r = await cli(["check", make()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\s+at /);
  });

  it("exits 2 for a workbook without an Activities table", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Budget").addRow(["Item", "Cost"]);
    await wb.xlsx.writeFile(file("budget.xlsx"));
    const r = await cli(["check", file("budget.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no Activities table found/);
  });

  it("exits 2 with the usage for a wrong command line", async () => {
    for (const argv of [
      ["check"],
      ["check", "a.xlsx", "--today", "11/25/2025"],
      ["check", "a.xlsx", "--provider-id", "12"],
      ["check", "a.xlsx", "--colour"],
      ["frobnicate"],
      [],
    ]) {
      const r = await cli(argv);
      expect(r.code).toBe(2);
      expect(r.stdout + r.stderr).toContain("Usage:");
    }
  });
});

describe("pars-ready template", () => {
  it("writes the tables with dropdowns, and refuses to overwrite without --force", async () => {
    const out = file("template.xlsx");
    expect((await cli(["template", out])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Activities",
      "Support",
      "MOC",
      "Sessions",
      "Learner Counts",
      "Learners",
      "Lists",
    ]);
    const learners = wb.getWorksheet("Learners")!;
    const learnerHeaders = (learners.getRow(1).values as unknown[]).slice(1);
    expect(learnerHeaders).toEqual(LEARNERS.columns.map((c) => c.header));
    const cell = (header: string) => learners.getCell(2, learnerHeaders.indexOf(header) + 1);
    for (const coded of ["Board", "MOC Credit Type", "Action", "License State"]) {
      expect(cell(coded).dataValidation).toMatchObject({ type: "list" });
    }
    // A birth month and day typed as 07/04 stays text, not July 4 of this year.
    expect(learners.getColumn(learnerHeaders.indexOf("Birth Date") + 1).numFmt).toBe("@");
    const ws = wb.getWorksheet("Activities")!;
    expect(ws.getRow(1).values).toEqual([undefined, ...ACTIVITY_HEADERS]);
    expect(ws.getCell("D2").dataValidation).toMatchObject({
      type: "list",
      formulae: [expect.stringMatching(/^Lists!/)],
    });
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const before = readFileSync(out);
    const again = await cli(["template", out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists; add --force/);
    expect(readFileSync(out).equals(before)).toBe(true);
    expect((await cli(["template", out, "--force"])).code).toBe(0);
    // An empty template has nothing to check, which is no clean bill either.
    const check = await cli(["check", out, "--json"]);
    expect(check.code).toBe(2);
    expect(check.stderr).toMatch(/has no activity rows; nothing was checked/);
  });
});

describe("pars-ready template refuses what would not be a workbook", () => {
  it.each([
    ["a name without .xlsx", "foo", /template writes an \.xlsx workbook: name it like foo\.xlsx/],
    [
      "a folder that does not exist",
      path.join("no-such-folder", "t.xlsx"),
      /no-such-folder is not a folder that exists/,
    ],
  ])("%s", async (_what, name, message) => {
    const target = path.join(dir, name);
    const r = await cli(["template", target]);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toMatch(message);
    expect(existsSync(target)).toBe(false);
  });
});

describe("the sample workbook", () => {
  it("shows the FAQ examples passing and the planted mistakes failing", async () => {
    const r = await cli([
      "check",
      path.join(__dirname, "..", "..", "examples", "activities.xlsx"),
      "--today",
      "2026-11-25",
      "--json",
    ]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { rows: { internalId: string; passes: boolean }[] };
    const failing = doc.rows.filter((x) => !x.passes).map((x) => x.internalId);
    // CARD-2025, declared Active after it ended, is what PARS shows as Ready to Close: a warning.
    expect(failing).toEqual(["ONC-TB-2025", "PEDS-RSS-2025", "NEURO-2025", "SURG-MM-2025"]);
    expect(doc.rows.find((x) => x.internalId === "IMGR-2024")?.passes).toBe(true);
  });
});

describe("output to a pipe", () => {
  const stream = () => {
    const written: string[] = [];
    const s = Object.assign(new EventEmitter(), {
      write: (t: string) => (written.push(t), true),
    }) as unknown as NodeJS.WritableStream;
    return { s, written };
  };

  it("drops what comes after its reader went away (| head) instead of failing", () => {
    const { s, written } = stream();
    const failed: unknown[] = [];
    const write = pipeWriter(s, (e) => failed.push(e));
    write("first\n");
    s.emit("error", Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
    write("second\n");
    expect(written).toEqual(["first\n"]);
    expect(failed).toEqual([]);
  });

  it("reports any other output error once, and drops what follows", () => {
    const { s, written } = stream();
    const failed: string[] = [];
    const write = pipeWriter(s, (e) => failed.push(e.code ?? ""));
    const full = Object.assign(new Error("disk full"), { code: "ENOSPC" });
    s.emit("error", full);
    s.emit("error", full);
    write("lost\n");
    expect(failed).toEqual(["ENOSPC"]);
    expect(written).toEqual([]);
  });

  it("says in one line that standard output is full, and exits 2", () => {
    const entry = path.join(dir, "entry.ts");
    writeFileSync(entry, `require(${JSON.stringify(path.resolve("src/cli/main"))}).main();\n`);
    const out = spawnSync(
      process.execPath,
      ["--import", "tsx", entry, "check", "examples/activities.xlsx"],
      { stdio: ["ignore", openSync("/dev/full", "w"), "pipe"], encoding: "utf8" }
    );
    expect(out.stderr).toBe("pars-ready: cannot write the output (ENOSPC)\n");
    expect(out.status).toBe(2);
  });
});
