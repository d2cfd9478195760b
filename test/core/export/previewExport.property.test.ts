import fc from "fast-check";
import {
  buildExport,
  exportText,
  PARS_XML,
  previewExport,
  TEMPLATE_D,
  type CellValue,
} from "../../../src/core";
import { ACTIVITY_HEADERS, aBook, aRow, TODAY } from "../../support/builders";
import { parseXml } from "../../support/strictXml";
import { readTemplateD } from "../../support/uploadReaders";

// Whatever the cells hold, every Activities row is accounted for exactly once (in the file, or out
// with a reason), a failing row always says why, and the files stay well-formed.
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.constantFrom("Yes", "No", "Closed", "Cancelled", "Joint", "USA", "07/01/2024", "a\tb\r\nc"),
  fc.integer({ min: -5, max: 2_000 }),
  fc.double({ noNaN: true, min: 0, max: 100 }),
  fc.boolean(),
  fc.constant({ error: "#N/A" })
);
const row = fc
  .dictionary(fc.constantFrom(...ACTIVITY_HEADERS), cell, { maxKeys: 4 })
  .map((overrides) => aRow(overrides));

describe("previewExport on arbitrary rows", () => {
  it("accounts for every row once, explains every row left out, and writes well-formed files", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 6 }), (rows) => {
        const p = previewExport(aBook({ activities: rows }), { today: TODAY });
        if (!p.ok) throw new Error(p.problem);
        const { activities, excluded } = p.preview;
        const seen = [...activities.map((a) => a.row), ...excluded.map((e) => e.row)].sort(
          (a, b) => a - b
        );
        expect(seen).toEqual(rows.map((_, i) => i + 2));
        for (const e of excluded) {
          if (e.reason === "fails_status") expect(e.messages.length).toBeGreaterThan(0);
        }
        parseXml(exportText(buildExport(p.preview, PARS_XML, "2025-11-25T14:05")));
        const txt = readTemplateD(
          exportText(buildExport(p.preview, TEMPLATE_D, "2025-11-25T14:05"))
        );
        expect(txt.rows).toHaveLength(activities.length);
      }),
      { numRuns: 200 }
    );
  });
});
