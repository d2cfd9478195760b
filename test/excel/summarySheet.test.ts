import { yearEndReport, type AnnualReport } from "../../src/core";
import { summaryPlan } from "../../src/excel/summarySheet";
import { NO_AMOUNTS, yearEndWorkbook } from "../../src/excel/yearEndWorkbook";
import { ExcelAccessError } from "../../src/excel/excelErrors";
import { aBook, aRow, ACTIVITY_HEADERS } from "../support/builders";
import { addTableSheet } from "../support/fakeWorkbooks";
import { FakeExcel } from "../support/fakeExcel";

function report2025(): AnnualReport {
  const out = yearEndReport(
    aBook({
      activities: [
        aRow(),
        aRow({
          "Internal ID": "C-1",
          Format: "Live Course",
          "Start Date": "03/14/2025",
          "End Date": "03/15/2025",
          Credits: 12.5,
          "Physician Learners": 200,
          "Other Learners": 40,
          "Commercial Support": "Yes",
        }),
      ],
      support: [{ "Internal ID": "C-1", Source: "Acme", "Support Type": "Monetary", Amount: 900 }],
    }),
    2025
  );
  if (!out.ok) throw new Error(out.problem);
  return out.report;
}

describe("the PARS Summary sheet", () => {
  it("plans the figures as tables, the hand-entered amounts beside them", () => {
    const plan = summaryPlan(report2025(), { ...NO_AMOUNTS, registrationFees: 12000 });
    expect(plan.sheetName).toBe("PARS Summary 2025");
    expect(plan.tables.map((t) => t.caption)).toEqual([
      "By format",
      "By providership",
      "Commercial support received in 2025",
      "Checklist",
      "Entered by hand in PARS",
    ]);
    expect(plan.tables[0]!.rows).toEqual([
      ["Regularly Scheduled Series", 1, 52, 1040, 0],
      ["Live Course", 1, 12.5, 200, 40],
    ]);
    expect(plan.tables[1]!.rows.at(-1)).toEqual(["Total", 2, 64.5, 1240, 40]);
    expect(plan.tables[2]!.rows).toEqual([
      ["Acme", "Monetary", 900],
      ["Total monetary", "Monetary", 900],
    ]);
    expect(plan.tables[4]!.rows).toContainEqual(["Registration fees", 12000]);
    expect(plan.tables[4]!.rows).toContainEqual(["Government monetary grants", ""]);
  });

  it("adds a new sheet with Excel tables and a native chart in two round trips, touching no other sheet", async () => {
    const fake = new FakeExcel();
    addTableSheet(fake, "Activities", ACTIVITY_HEADERS, [aRow()]);
    fake.addSheet("PARS Summary 2025");
    const before = JSON.stringify(fake.snapshot());
    const syncs = fake.syncs;
    const written = await yearEndWorkbook(fake.run).writeSummary(report2025(), NO_AMOUNTS);
    expect(fake.syncs - syncs).toBe(2);
    expect(written.sheet).toBe("PARS Summary 2025 (2)");
    expect(written.tables).toEqual([
      "PARSSummary2025Formats",
      "PARSSummary2025Providership",
      "PARSSummary2025Support",
      "PARSSummary2025Checklist",
      "PARSSummary2025ByHand",
    ]);
    // Everything that was there before is as it was.
    const after = fake.snapshot() as unknown[];
    expect(JSON.stringify(after.slice(0, (JSON.parse(before) as unknown[]).length))).toBe(before);
    const sheet = fake.sheet("PARS Summary 2025 (2)");
    expect(sheet.rows[0]?.[0]).toBe("PARS Program Summary 2025");
    expect(sheet.rows[4]).toEqual([
      "Format",
      "Activities",
      "Credits",
      "Physician Learners",
      "Other Learners",
    ]);
    expect(fake.charts).toEqual([
      expect.objectContaining({
        sheet,
        type: "BarClustered",
        source: { r0: 4, c0: 0, nr: 3, nc: 2 },
        title: "Activities by format, 2025",
      }),
    ]);
    expect(fake.activeSheet).toBe("PARS Summary 2025 (2)");
    expect(fake.enableEvents).toBe(true);
  });

  it("says what failed when the workbook structure is protected, and leaves no sheet", async () => {
    const fake = new FakeExcel();
    fake.structureLocked = true;
    const write = yearEndWorkbook(fake.run).writeSummary(report2025(), NO_AMOUNTS);
    await expect(write).rejects.toBeInstanceOf(ExcelAccessError);
    expect(fake.sheets).toEqual([]);
    expect(fake.enableEvents).toBe(true);
  });
});
