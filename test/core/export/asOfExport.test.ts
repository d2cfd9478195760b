import { previewExport } from "../../../src/core";
import { aBook, aRow, TODAY } from "../../support/builders";

describe("the export on the as-of day", () => {
  it("takes an Active row that has ended as Ready to Close rather than leaving it out", () => {
    const p = previewExport(aBook({ activities: [aRow({ Status: "Active" })] }), { today: TODAY });
    if (!p.ok) throw new Error(p.problem);
    expect(p.preview.excluded).toEqual([]);
    expect(p.preview.activities).toMatchObject([{ row: 2, close: false }]);
    expect(p.preview.check.rows[0]).toMatchObject({
      declaredStatus: "Active",
      heldTo: "Ready to Close",
    });
  });

  it("takes a row with no Status that has ended as Ready to Close, not asked to close", () => {
    const row = aRow({ Status: "", "Outcome Measures": "" });
    const p = previewExport(aBook({ activities: [row] }), { today: TODAY });
    if (!p.ok) throw new Error(p.problem);
    expect(p.preview.activities).toMatchObject([{ row: 2, close: false }]);
  });

  it("still leaves out a Closed row that has not ended", () => {
    const p = previewExport(aBook({ activities: [aRow()] }), { today: "2025-06-30" });
    if (!p.ok) throw new Error(p.problem);
    expect(p.preview.activities).toEqual([]);
    expect(p.preview.excluded).toMatchObject([{ row: 2, reason: "fails_status" }]);
  });
});
