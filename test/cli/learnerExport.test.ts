import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CellValue } from "../../src/core";
import { exportLogPath, runExport, type ExportIo } from "../../src/cli/exportCommand";
import { buildParsWorkbook } from "../../src/cli/writeWorkbook";
import { aRow } from "../support/builders";
import { learnerFileProblems } from "../support/learnerSchema";

// `pars-ready export --format learners` end to end: a real .xlsx, the learner file on disk, the
// Export Log beside the workbook.

const GOLDEN = path.join(__dirname, "..", "golden", "learners-workbook.xml");
type Rows = Readonly<Record<string, CellValue>>[];

const ACTIVITIES: Rows = [
  aRow({ "ACCME Activity ID": "201900001", MOC: "Yes", "MOC Attestation": "Yes" }),
  aRow({
    "Internal ID": "JCME-2025-01",
    "ACCME Activity ID": "202500011",
    Title: "Journal CME: Anticoagulation in Atrial Fibrillation",
    Format: "Journal-based CME",
    "Start Date": "01/01/2025",
    "End Date": "12/31/2025",
    Status: "Active",
    Credits: 1,
    "Physician Learners": "",
  }),
];
const MOC: Rows = [
  {
    "Internal ID": "IMGR-2024",
    Board: "ABIM",
    "Practice Areas": "Internal Medicine",
    "Credit Types": "Medical Knowledge",
    "MOC Credits": 52,
    Fee: "No",
    Registration: "Open to all",
    "Activity URL": "https://cme.example.org/imgr",
    "Claim Date": "07/31/2025",
  },
];
const LEARNERS: Rows = [
  {
    "Internal ID": "IMGR-2024",
    "First Name": "Maria",
    "Last Name": "Lopez",
    "Birth Date": "03/14",
    NPI: "1234567893",
    "License State": "Illinois",
    "License Number": "036-112233",
    "Completion Date": "09/12/2024",
    "CME Credits": 1,
    Action: "Add",
  },
  {
    "Internal ID": "IMGR-2024",
    "First Name": "Priya",
    "Last Name": "Patel",
    "Birth Date": "02/29/1980",
    Board: "ABIM",
    "Board ID": "012345",
    "Completion Date": "06/30/2025",
    "MOC Credit Type": "MK",
    "MOC Points": 1,
  },
  // Boards reject these: no board ID; a birth date no year has.
  {
    "Internal ID": "IMGR-2024",
    "First Name": "Robert",
    "Last Name": "Miller",
    "Birth Date": "06/31",
    Board: "ABIM",
    "Completion Date": "06/30/2025",
    "MOC Credit Type": "Medical Knowledge",
    "MOC Points": 1,
  },
  {
    "ACCME Activity ID": "202500011",
    "First Name": "Ahmed\tK.",
    "Last Name": "Khan",
    "Birth Date": "11/02",
    "Completion Date": "02/10/2025",
    "CME Credits": 1,
  },
];

async function workbook(dir: string): Promise<string> {
  const file = path.join(dir, "learners.xlsx");
  await buildParsWorkbook({ Activities: ACTIVITIES, MOC, Learners: LEARNERS }).xlsx.writeFile(file);
  return file;
}

async function exportCli(args: string[], cwd: string) {
  let stdout = "";
  let stderr = "";
  const io: ExportIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd,
    now: new Date(2025, 6, 15, 9, 30),
  };
  const code = await runExport(args, io);
  return { code, stdout, stderr };
}

const ARGS = [
  "learners.xlsx",
  "--format",
  "learners",
  "--provider-id",
  "0001234",
  "--today",
  "2025-07-15",
];

describe("pars-ready export --format learners", () => {
  it("writes the completions that pass, lists the others with their reasons, and logs the file", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pars-learners-"));
    const book = await workbook(dir);
    const r = await exportCli(ARGS, dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("3 completions go in; 1 row stays out.");
    expect(r.stdout).toContain("Learners row 4 · Robert Miller · IMGR-2024: stays out");
    expect(r.stdout).toContain(
      '    - "06/31" is not a birth month and day; expected MM/DD (02/29 is allowed, the year is not needed).'
    );
    expect(r.stdout).toContain(
      "    - Board ID is required by ABIM, which rejects completions without it."
    );
    expect(r.stdout).toContain('Learners row 5 First Name: "Ahmed\\tK." → "Ahmed K."');
    const written = readFileSync(path.join(dir, "pars-learners-20250715-0930.xml"));
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(GOLDEN, written);
    expect(written.equals(readFileSync(GOLDEN))).toBe(true);
    expect(await learnerFileProblems(written.toString("utf8"))).toEqual([]);
    // The year of the birth date typed with one is not in the file.
    expect(written.toString("utf8")).not.toContain("1980");
    const log = JSON.parse(readFileSync(exportLogPath(book), "utf8")) as {
      entries: { layout: string; rows: number; internalIds: string[]; sha256: string }[];
    };
    expect(log.entries).toEqual([
      expect.objectContaining({
        layout: "learners",
        rows: 3,
        internalIds: ["IMGR-2024", "JCME-2025-01"],
        sha256: createHash("sha256").update(written).digest("hex"),
      }),
    ]);
  });

  it("warns when the same file was made before", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pars-learners-"));
    await workbook(dir);
    expect((await exportCli([...ARGS, "-o", "a.xml"], dir)).code).toBe(1);
    const again = await exportCli([...ARGS, "-o", "b.xml"], dir);
    expect(again.stderr).toContain("this file is identical to a.xml, already made on 2025-07-15");
    expect(again.stderr).toContain("would report the same completions twice");
  });

  it("needs the provider ID, and selects no activities", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pars-learners-"));
    await workbook(dir);
    const noId = await exportCli(["learners.xlsx", "--format", "learners"], dir);
    expect(noId.code).toBe(2);
    expect(noId.stderr).toContain("--format learners needs --provider-id");
    const rows = await exportCli([...ARGS, "--rows", "2"], dir);
    expect(rows.code).toBe(2);
    expect(rows.stderr).toContain("--rows and --ids select activities, not learners");
  });

  it("writes no file when no completion goes in", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pars-learners-"));
    const file = path.join(dir, "none.xlsx");
    await buildParsWorkbook({ Activities: ACTIVITIES, Learners: [LEARNERS[2]!] }).xlsx.writeFile(
      file
    );
    const r = await exportCli(["none.xlsx", ...ARGS.slice(1)], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("No completion goes in: no file written.");
  });
});
