import fc from "fast-check";
import { yearEndReport, type AnnualReport, type Figures } from "../../../src/core";
import { aBook, aRow, type RowInput } from "../../support/builders";

const FORMATS = [
  "Regularly Scheduled Series",
  "Live Course",
  "Enduring Material",
  "Journal CME",
  "Grand Rounds",
  "",
];

const date = fc
  .record({
    y: fc.integer({ min: 2022, max: 2027 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${String(m).padStart(2, "0")}/${String(d).padStart(2, "0")}/${String(y)}`);

const row: fc.Arbitrary<RowInput> = fc.record({
  "Internal ID": fc.constantFrom("A", "B", "C", "D", ""),
  Format: fc.constantFrom(...FORMATS),
  "Start Date": fc.oneof(date, fc.constant(""), fc.constant("TBD")),
  "End Date": fc.oneof(date, fc.constant("")),
  Credits: fc.oneof(
    fc.integer({ min: 0, max: 40 }).map((q) => q / 4),
    fc.constant("")
  ),
  "Physician Learners": fc.oneof(fc.nat(2000), fc.constant(""), fc.constant("many")),
  "Other Learners": fc.oneof(fc.nat(50), fc.constant("")),
  Providership: fc.constantFrom("Direct", "Joint", "", "Co-provided"),
  Status: fc.constantFrom("", "Closed", "Active", "Cancelled", "Draft"),
});

const sum = (fs: readonly Figures[]): Figures =>
  fs.reduce(
    (t, f) => ({
      activities: t.activities + f.activities,
      credits: Math.round((t.credits + f.credits) * 4) / 4,
      physicianLearners: t.physicianLearners + f.physicianLearners,
      otherLearners: t.otherLearners + f.otherLearners,
    }),
    { activities: 0, credits: 0, physicianLearners: 0, otherLearners: 0 }
  );

describe("year-end figures, on any workbook", () => {
  it("never throw, add up by format and by providership, and count an activity of a 12-month format once", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (rows) => {
        const book = aBook({ activities: rows.map((r) => aRow(r)) });
        const reports: AnnualReport[] = [];
        for (let year = 2021; year <= 2028; year++) {
          const out = yearEndReport(book, year);
          if (!out.ok) throw new Error(out.problem);
          const r = out.report;
          expect(sum(Object.values(r.byFormat))).toEqual(r.totals);
          expect(sum(Object.values(r.byProvidership))).toEqual(r.totals);
          expect(r.counted).toHaveLength(r.totals.activities);
          reports.push(r);
        }
        const years = new Map<number, number>();
        for (const r of reports) {
          for (const c of r.counted) years.set(c.row, (years.get(c.row) ?? 0) + 1);
        }
        const enduring = new Set(
          reports.flatMap((r) => r.checklist.enduringCounts.map((e) => e.row))
        );
        for (const [rowNumber, times] of years) {
          if (!enduring.has(rowNumber)) expect(times).toBe(1);
        }
      }),
      { numRuns: 60 }
    );
  });
});
