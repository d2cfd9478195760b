import {
  buildExport,
  exportText,
  PARS_XML,
  previewExport,
  type ExportPreview,
  messageOf,
  type WorkbookSource,
} from "../../../src/core";
import { ACTIVITY_HEADERS, aBook, aRow, TODAY } from "../../support/builders";

// What an activity is known by in PARS, judged on the text the file will hold.

function preview(book: WorkbookSource): ExportPreview {
  const p = previewExport(book, { today: TODAY });
  if (!p.ok) throw new Error(p.problem);
  return p.preview;
}
const outOf = (p: ExportPreview) => p.excluded.map((e) => [e.row, e.reason, e.messages] as const);

describe("an upload row's identity", () => {
  it("writes no row without an Internal ID: no column fails every row, with the check's one finding", () => {
    const headers = ACTIVITY_HEADERS.filter((h) => h !== "Internal ID");
    const p = preview(aBook({ headers, activities: [aRow(), aRow({ Title: "Second" })] }));
    expect(p.activities).toEqual([]);
    const missing = p.check.issues.filter(
      (i) => i.code === "missing_column" && i.column === "Internal ID"
    );
    expect(missing).toHaveLength(1);
    const finding = 'The Activities table has no "Internal ID" column; 2 rows need it.';
    expect(outOf(p)).toEqual([
      [2, "fails_status", [finding]],
      [3, "fails_status", [finding]],
    ]);
  });

  it("fails two IDs that become one text once made safe, naming both rows", () => {
    const p = preview(
      aBook({
        activities: [
          aRow({ "Internal ID": "GR 2024" }),
          aRow({ "Internal ID": "GR\t2024", Title: "Another series" }),
          aRow({ "Internal ID": "OTHER-1" }),
        ],
      })
    );
    expect(p.activities.map((a) => a.values.internalId)).toEqual(["OTHER-1"]);
    expect(outOf(p)).toEqual([
      [
        2,
        "fails_status",
        [
          'Internal ID "GR 2024" is written "GR 2024", the same as row 3\'s "GR\\t2024": PARS would take the two for one activity. Make the IDs differ in letters or digits.',
        ],
      ],
      [
        3,
        "fails_status",
        [
          'Internal ID "GR\\t2024" is written "GR 2024", the same as row 2\'s "GR 2024": PARS would take the two for one activity. Make the IDs differ in letters or digits.',
        ],
      ],
    ]);
    // The check says it first, in the same words: no row passes the check and then stays out.
    expect(p.check.rows.map((r) => r.passes)).toEqual([false, false, true]);
    expect(
      p.check.issues.filter((i) => i.code === "internal_id_same_once_safe").map(messageOf)
    ).toEqual(outOf(p).flatMap(([, , m]) => m));
    // The one that went in is whole; nothing is said about the rows that stayed out.
    expect(p.changed).toEqual([]);
    expect(exportText(buildExport(p, PARS_XML, "2025-11-25T14:05"))).not.toContain("GR 2024");
  });

  it("counts a required text made only of control characters as empty: the row stays out", () => {
    const p = preview(
      aBook({ activities: [aRow({ Title: "\u0085\u0086\u0087" }), aRow({ "Internal ID": "B" })] })
    );
    expect(p.activities.map((a) => a.values.internalId)).toEqual(["B"]);
    expect(outOf(p)).toEqual([
      [
        2,
        "fails_status",
        [
          "Title holds only characters an upload cannot carry (control characters); with them removed it is empty.",
        ],
      ],
    ]);
  });

  it("drops an item of a list that is empty once made safe, and says so", () => {
    const p = preview(
      aBook({
        activities: [aRow({ Providership: "Joint", "Joint Providers": "Acme; \u0008" })],
      })
    );
    expect(p.check.rows[0]!.passes).toBe(true);
    expect(p.excluded).toEqual([]);
    expect(p.activities).toHaveLength(1);
    const values = p.activities[0]!.values;
    expect(values.jointProviders).toEqual(["Acme"]);
    expect(p.changed.map((c) => [c.column, c.before, c.after])).toEqual([
      ["Joint Providers", "Acme; \u0008", "Acme"],
    ]);
  });
});
