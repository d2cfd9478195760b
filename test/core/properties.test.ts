import fc from "fast-check";
import {
  ACTIVITIES,
  checkWorkbook,
  messageOf,
  SUPPORT,
  type CellValue,
  type WorkbookSource,
} from "../../src/core";
import { ACTIVITY_HEADERS, aRow, cellsOf } from "../support/builders";

// Cells as Excel and coordinators produce them, including the awkward ones.
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.string(),
  fc.constantFrom(
    "",
    " ",
    "Yes",
    "n",
    "RSS",
    "Grand Rounds",
    "07/01/2024",
    "02/30/2025",
    "2024-13-01",
    "1,040",
    "#N/A",
    "\t",
    "Closed",
    "Cancelled",
    "USA",
    "In-Person"
  ),
  fc.double({ noNaN: false }),
  fc.integer({ min: -10, max: 60000 }),
  fc.boolean(),
  fc.constantFrom<CellValue>({ error: "#N/A" }, { error: "#REF!" })
);

const header: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(
    ...ACTIVITY_HEADERS,
    ...SUPPORT.columns.map((c) => c.header),
    "Activity Title",
    "# of Physicians",
    "Notes"
  ),
  fc.string(),
  fc.constant(null)
);

const sheet = fc.record({
  headers: fc.array(header, { minLength: 1, maxLength: 30 }),
  rows: fc.array(fc.array(cell, { maxLength: 30 }), { maxLength: 12 }),
});

describe("the engine on arbitrary cells", () => {
  it("never throws, and names only rows and columns that exist", () => {
    fc.assert(
      fc.property(
        sheet,
        fc.constantFrom<1900 | 1904>(1900, 1904),
        ({ headers, rows }, dateSystem) => {
          const book: WorkbookSource = {
            tables: [
              { name: "Activities", sheet: "Activities", top: 1, values: [headers, ...rows] },
            ],
            sheets: [],
            dateSystem,
          };
          const out = checkWorkbook(book, { today: "2025-11-25" });
          expect(out.ok).toBe(true);
          if (!out.ok) return;
          const written = new Set(
            headers.filter((h): h is string => typeof h === "string").map((h) => h.trim())
          );
          const canonical = new Set(ACTIVITIES.columns.map((c) => c.header));
          for (const issue of out.result.issues) {
            expect(issue.row).toBeGreaterThanOrEqual(1);
            expect(issue.row).toBeLessThanOrEqual(rows.length + 1);
            expect(written.has(issue.column) || canonical.has(issue.column)).toBe(true);
            expect(messageOf(issue).length).toBeGreaterThan(0);
          }
          for (const r of out.result.rows) {
            expect(r.row).toBeGreaterThanOrEqual(2);
            expect(r.row).toBeLessThanOrEqual(rows.length + 1);
          }
        }
      ),
      { numRuns: 300 }
    );
  });

  it("gives the same verdict for a row wherever it sits among others (rows are judged on their own)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("Title", "Credits", "Description", "Outcome Measures", "City"), {
          maxLength: 3,
        }),
        (blanks) => {
          const row = aRow(Object.fromEntries(blanks.map((b) => [b, ""])));
          const alone = checkWorkbook(
            {
              tables: [
                {
                  name: "Activities",
                  sheet: "A",
                  top: 1,
                  values: [ACTIVITY_HEADERS, cellsOf(ACTIVITY_HEADERS, row)],
                },
              ],
              sheets: [],
              dateSystem: 1900,
            },
            { today: "2025-11-25" }
          );
          const other = cellsOf(ACTIVITY_HEADERS, aRow({ "Internal ID": "OTHER", Format: "JN" }));
          const among = checkWorkbook(
            {
              tables: [
                {
                  name: "Activities",
                  sheet: "A",
                  top: 1,
                  values: [
                    ACTIVITY_HEADERS,
                    other,
                    cellsOf(ACTIVITY_HEADERS, row),
                    other.map(() => null),
                  ],
                },
              ],
              sheets: [],
              dateSystem: 1900,
            },
            { today: "2025-11-25" }
          );
          if (!alone.ok || !among.ok) throw new Error("no table");
          const pick = (r: { achievedStatus: string; passes: boolean }) => [
            r.achievedStatus,
            r.passes,
          ];
          expect(pick(among.result.rows[1]!)).toEqual(pick(alone.result.rows[0]!));
        }
      )
    );
  });
});
