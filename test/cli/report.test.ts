import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildParsWorkbook } from "../../src/cli/writeWorkbook";
import { aRow } from "../support/builders";
import { runCli } from "../support/cli";

const dir = mkdtempSync(path.join(tmpdir(), "pars-report-"));
const file = (name: string) => path.join(dir, name);
// UPDATE_GOLDEN=1 to accept a deliberate change, then review the diff of test/golden/ in the commit.
const GOLDEN = path.join(__dirname, "..", "golden", "year-end-2025.html");

const cli = (argv: string[]) => runCli(argv, { now: new Date(2026, 1, 10, 9, 30) });

const COURSE = {
  "Internal ID": "CARD-25",
  Title: "Annual Cardiology Update",
  Format: "Live Course",
  "Start Date": "03/14/2025",
  "End Date": "03/15/2025",
  Credits: 12.5,
  "Physician Learners": 200,
  "Other Learners": 40,
  Providership: "Joint",
  "Joint Providers": "Heart Society",
  "Commercial Support": "Yes",
};

/** A year of a small provider: the FAQ's grand rounds, a course, one to close, two continuing. */
async function yearBook(name: string) {
  await buildParsWorkbook({
    Activities: [
      aRow(),
      aRow(COURSE),
      aRow({
        ...COURSE,
        "Internal ID": "ECG-25",
        Title: "ECG Workshop <hands-on>",
        "Start Date": "10/02/2025",
        "End Date": "10/02/2025",
        Credits: 3,
        Providership: "Direct",
        "Joint Providers": "",
        "Outcome Measures": "",
        "Commercial Support": "No",
      }),
      aRow({
        "Internal ID": "EM-25",
        Title: "Heart Failure Update (online)",
        Format: "Enduring Material",
        "Start Date": "07/01/2025",
        "End Date": "12/31/2026",
        Status: "Active",
        "Delivery Method": "Online",
        City: "",
        State: "",
        Country: "",
        Credits: 2,
        "Physician Learners": "",
        "Other Learners": "",
        "ACCME Activity ID": "202500001",
      }),
      aRow({
        "Internal ID": "IMGR-2025",
        "Start Date": "07/01/2025",
        "End Date": "06/30/2026",
        Status: "Active",
        "Physician Learners": "",
      }),
    ] as never,
    Support: [
      { "Internal ID": "CARD-25", Source: "Acme Pharma", "Support Type": "Monetary", Amount: 5000 },
      {
        "Internal ID": "CARD-25",
        Source: "Beta Devices",
        "Support Type": "Monetary",
        Amount: 7250.5,
      },
      { "Internal ID": "CARD-25", Source: "Gamma Labs", "Support Type": "In-kind" },
    ] as never,
  }).xlsx.writeFile(file(name));
  return file(name);
}

describe("pars-ready report", () => {
  it("prints the checklist with the rows behind each step and exits 1 while something is left", async () => {
    const f = await yearBook("year.xlsx");
    const r = await cli(["report", f, "--year", "2025"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Judged as of 2026-01-01; due in PARS by 2026-03-31.");
    expect(r.stdout).toContain("2. Close the activities that ended in 2025: 1 · 1 to do");
    expect(r.stdout.replace(/\s+/g, " ")).toContain(
      "row 4 · ECG-25 · ECG Workshop <hands-on>: ended 2025-10-02, supports Ready to Close; lacks Outcome Measures"
    );
    expect(r.stdout).toContain("row 5 · EM-25 · Heart Failure Update (online): no count");
    expect(r.stdout).toContain(
      "Commercial support received in 2025: $12,250.50 monetary from 2 sources"
    );
    expect(r.stdout).toMatch(/Regularly Scheduled Series\s+1\s+52\s+1,040\s+0/);
    for (const line of r.stdout.split("\n")) expect(line.length).toBeLessThanOrEqual(80);
  });

  it("gives --json in the documented shape", async () => {
    const f = await yearBook("json.xlsx");
    const r = await cli(["report", f, "--year", "2025", "--json"]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual([
      "year",
      "asOf",
      "dueBy",
      "byFormat",
      "byProvidership",
      "totals",
      "commercialSupport",
      "checklist",
    ]);
    expect(doc).toMatchObject({
      year: 2025,
      asOf: "2026-01-01",
      dueBy: "2026-03-31",
      byFormat: {
        "Regularly Scheduled Series": {
          activities: 1,
          credits: 52,
          physicianLearners: 1040,
          otherLearners: 0,
        },
        "Live Course": { activities: 2, credits: 15.5, physicianLearners: 400, otherLearners: 80 },
      },
      byProvidership: {
        Direct: { activities: 3 },
        Joint: { activities: 1, credits: 12.5 },
      },
      totals: { activities: 4, credits: 69.5, physicianLearners: 1440, otherLearners: 80 },
      commercialSupport: {
        monetary: 12250.5,
        bySource: { "Beta Devices": 7250.5, "Acme Pharma": 5000 },
        inKindSources: ["Gamma Labs"],
      },
    });
    const checklist = doc.checklist as Record<string, Record<string, unknown>[]>;
    expect(Object.keys(checklist)).toEqual(["toEnter", "toClose", "continuing", "enduringCounts"]);
    expect(checklist.toClose).toEqual([
      {
        table: "Activities",
        row: 4,
        internalId: "ECG-25",
        title: "ECG Workshop <hands-on>",
        endDate: "2025-10-02",
        achievedStatus: "Ready to Close",
        lacks: ["Outcome Measures"],
      },
    ]);
    expect(checklist.continuing!.map((c) => [c.internalId, c.inPars])).toEqual([
      ["EM-25", true],
      ["IMGR-2025", false],
    ]);
    expect(checklist.enduringCounts![0]).toMatchObject({
      internalId: "EM-25",
      physicianLearners: null,
      problem: "missing",
    });
    expect(checklist.toEnter!.map((t) => [t.internalId, t.action, t.ready])).toEqual([
      ["CARD-25", "enter", true],
      ["ECG-25", "enter", true],
      ["EM-25", "update", true],
      ["IMGR-2025", "enter", true],
    ]);
  });

  it("exits 0 when nothing is left on the checklist", async () => {
    await buildParsWorkbook({ Activities: [aRow()] as never }).xlsx.writeFile(file("done.xlsx"));
    const r = await cli(["report", file("done.xlsx"), "--year", "2025"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("1. Enter the activities that started in 2025: 0 · done");
  });

  it("writes the printable page byte for byte as the golden file, with no script or network", async () => {
    const f = await yearBook("page.xlsx");
    const out = file("page.html");
    const r = await cli(["report", f, "--year", "2025", "--html", out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`Wrote ${out}.`);
    const bytes = readFileSync(out);
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(GOLDEN, bytes);
    expect(bytes.equals(readFileSync(GOLDEN))).toBe(true);
    const html = bytes.toString("utf8");
    expect(html).not.toMatch(/<script|\ssrc=|\shref=|url\(|@import/i);
    expect(html).toContain("ECG Workshop &lt;hands-on&gt;");
    expect(html.match(/<svg /g)).toHaveLength(3);
  });

  it("replaces an earlier page whole, and leaves nothing behind when it cannot write", async () => {
    const f = await yearBook("again.xlsx");
    const out = file("again.html");
    writeFileSync(out, "old");
    expect((await cli(["report", f, "--year", "2025", "--html", out])).code).toBe(1);
    expect(readFileSync(out, "utf8")).toMatch(/^<!DOCTYPE html>/);
    const missing = path.join(dir, "no-such-folder", "page.html");
    const r = await cli(["report", f, "--year", "2025", "--html", missing]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^pars-ready: .*no-such-folder/);
    expect(existsSync(missing)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.endsWith(".part"))).toEqual([]);
  });

  it("says what is wrong with the command line", async () => {
    const f = await yearBook("usage.xlsx");
    expect((await cli(["report", f])).stderr).toContain("report needs the year: --year YYYY");
    expect((await cli(["report", f, "--year", "25"])).stderr).toContain(
      '--year must be a year as YYYY, got "25"'
    );
    expect((await cli(["report", f, "--year", "25"])).code).toBe(2);
    expect((await cli(["report", file("absent.xlsx"), "--year", "2025"])).code).toBe(2);
  });
});
