import {
  buildExport,
  exportText,
  exportFileName,
  InvalidOptionError,
  layoutOf,
  PARS_XML,
  previewExport,
  TEMPLATE_D,
  TEMPLATE_D_BLOCK_COLUMNS,
  TEMPLATE_D_FIXED_COLUMNS,
  UnknownLayoutError,
  type ExportOptions,
  type ExportPreview,
  type WorkbookSource,
} from "../../../src/core";
import { ACTIVITY_HEADERS, aBook, aRow, TODAY } from "../../support/builders";

function preview(book: WorkbookSource, options: Partial<ExportOptions> = {}): ExportPreview {
  const p = previewExport(book, { today: TODAY, ...options });
  if (!p.ok) throw new Error(p.problem);
  return p.preview;
}
const ids = (p: ExportPreview): (string | undefined)[] =>
  p.activities.map((a) => a.values.internalId);

describe("previewExport: what goes in", () => {
  it("takes rows that pass their status and leaves out failing and cancelled rows, saying why", () => {
    const p = preview(
      aBook({
        activities: [
          aRow({ "Internal ID": "A" }),
          aRow({ "Internal ID": "B", "Physician Learners": "" }),
          aRow({ "Internal ID": "C", Status: "Cancelled" }),
          aRow({ "Internal ID": "", Title: "No ID" }),
        ],
      })
    );
    expect(ids(p)).toEqual(["A"]);
    expect(p.excluded.map((e) => [e.row, e.internalId, e.reason, e.messages])).toEqual([
      [3, "B", "fails_status", ["Physician Learners is required for Closed."]],
      [4, "C", "cancelled", []],
      [5, null, "fails_status", ["Internal ID is required for batch upload."]],
    ]);
  });

  it("says a row stays out for a column the table lacks", () => {
    const headers = ACTIVITY_HEADERS.filter((h) => h !== "Outcome Measures");
    const p = preview(aBook({ headers, activities: [aRow()] }));
    expect(p.activities).toEqual([]);
    expect(p.excluded[0]?.messages).toEqual([
      'The Activities table has no "Outcome Measures" column; 1 row needs it (for Closed).',
    ]);
  });

  it("keeps out a description over 2,500 characters", () => {
    const p = preview(aBook({ activities: [aRow({ Description: "x".repeat(2501) })] }));
    expect(p.activities).toEqual([]);
    expect(p.excluded[0]?.messages).toEqual([
      "Description is 2501 characters; PARS takes at most 2500.",
    ]);
  });

  it("exports only the rows selected by sheet row or Internal ID, and names selections that match none", () => {
    const book = aBook({
      activities: ["A", "B", "C", "D"].map((id) => aRow({ "Internal ID": id })),
    });
    const p = preview(book, { select: { rows: [2, 99], internalIds: ["c", "Z"] } });
    expect(ids(p)).toEqual(["A", "C"]);
    expect(p.excluded.map((e) => [e.internalId, e.reason])).toEqual([
      ["B", "not_selected"],
      ["D", "not_selected"],
    ]);
    expect(p.unmatched).toEqual(["row 99", "Z"]);
  });

  it("asks PARS to add rows without an ACCME Activity ID, update the others, and close only rows declared Closed", () => {
    const p = preview(
      aBook({
        activities: [
          aRow({ "Internal ID": "A" }),
          aRow({ "Internal ID": "B", "ACCME Activity ID": "201234567", Status: "Ready to Close" }),
          aRow({ "Internal ID": "C", Status: "" }),
        ],
      })
    );
    expect(p.activities.map((a) => [a.values.internalId, a.action, a.close])).toEqual([
      ["A", "Add", true],
      ["B", "Update", false],
      ["C", "Add", false],
    ]);
  });

  it("joins Support and MOC rows by Internal ID, only for activities that say Yes to them", () => {
    const p = preview(
      aBook({
        activities: [
          aRow({ "Internal ID": "A", "Commercial Support": "Yes" }),
          aRow({ "Internal ID": "B", MOC: "No" }),
        ],
        support: [
          { "Internal ID": "a", Source: "Acme", "Support Type": "Monetary", Amount: 100 },
          { "Internal ID": "A", Source: "Beta", "Support Type": "In-kind" },
        ],
        moc: [{ "Internal ID": "B", Board: "ABIM" }],
      })
    );
    expect(p.activities[0]?.support).toEqual([
      { row: 2, source: "Acme", supportType: "Monetary", amount: 100 },
      { row: 3, source: "Beta", supportType: "In-kind" },
    ]);
    expect(p.activities[1]?.moc).toEqual([]);
  });
});

describe("previewExport: values never break the file", () => {
  it("replaces tabs, line breaks and control characters by a space and lists the cells changed", () => {
    const p = preview(
      aBook({
        activities: [
          aRow({
            Title: "Grand\tRounds",
            Description: "Line one\r\nline two\u0007.",
            // No layout writes these, so they are not sent and not listed.
            Notes: "see\tbinder",
            Location: "Hall\nB",
          }),
        ],
      })
    );
    expect(p.activities[0]?.values.title).toBe("Grand Rounds");
    expect(p.activities[0]?.values.description).toBe("Line one line two .");
    expect(p.activities[0]?.values.notes).toBeUndefined();
    expect(p.changed.map((c) => [c.column, c.row, c.before, c.after])).toEqual([
      ["Title", 2, "Grand\tRounds", "Grand Rounds"],
      ["Description", 2, "Line one\r\nline two\u0007.", "Line one line two ."],
    ]);
  });

  it("puts credits carrying a formula's floating-point noise on their 0.25 step, and says so", () => {
    const p = preview(aBook({ activities: [aRow({ Credits: 52.0000000001 })] }));
    expect(p.activities[0]?.values.credits).toBe(52);
    expect(p.changed.map((c) => [c.column, c.before, c.after])).toEqual([
      ["Credits", "52.0000000001", "52"],
    ]);
  });

  it("notes amounts that are not whole dollars and in-kind amounts that are not reported", () => {
    const p = preview(
      aBook({
        activities: [aRow({ "Commercial Support": "Yes" })],
        support: [
          { "Internal ID": "IMGR-2024", Source: "A", "Support Type": "Monetary", Amount: 99.5 },
          { "Internal ID": "IMGR-2024", Source: "B", "Support Type": "In-kind", Amount: 40 },
        ],
      })
    );
    expect(p.notes.map((n) => [n.code, n.row, n.value, n.written])).toEqual([
      ["amount_not_whole", 2, "99.5", "100"],
      ["in_kind_amount_dropped", 3, "40", null],
    ]);
    // Whole dollars, as MEMS types the amount: half a dollar rounds up.
    expect(p.activities[0]?.support[0]?.amount).toBe(100);
    expect(p.activities[0]?.support[1]).toEqual({ row: 3, source: "B", supportType: "In-kind" });
  });
});

describe("previewExport: misuse and unreadable workbooks", () => {
  it("returns a problem when there is no Activities table", () => {
    expect(previewExport({ tables: [], sheets: [], dateSystem: 1900 }, { today: TODAY })).toEqual({
      ok: false,
      problem: "no_activities_table",
    });
  });

  it("throws InvalidOptionError for a malformed today", () => {
    expect(() => previewExport(aBook({ activities: [aRow()] }), { today: "11/25/2025" })).toThrow(
      InvalidOptionError
    );
  });
});

describe("buildExport", () => {
  const p = preview(aBook({ activities: [aRow({ Title: "A\tB" })] }));

  it("names the file from the caller's timestamp", () => {
    expect(exportFileName(PARS_XML, "2026-01-05T09:07")).toBe("pars-activities-20260105-0907.xml");
    expect(exportFileName(TEMPLATE_D, "2026-12-31T23:59")).toBe(
      "pars-activities-20261231-2359.txt"
    );
  });

  it.each(["2026-02-30T10:00", "2026-01-05T24:00", "2026-01-05 09:07", "today"])(
    "refuses the timestamp %s",
    (stamp) => {
      expect(() => exportFileName(PARS_XML, stamp)).toThrow(InvalidOptionError);
    }
  );

  it("finds layouts by id in any case and refuses others", () => {
    expect(layoutOf(" TXT ")).toBe(TEMPLATE_D);
    expect(layoutOf("xml")).toBe(PARS_XML);
    expect(() => layoutOf("csv")).toThrow(UnknownLayoutError);
  });

  it("summarises the file: encoding, line ends, rows, changed cells and fields left empty", () => {
    const file = buildExport(p, TEMPLATE_D, "2025-11-25T14:05");
    const s = file.summary;
    expect([s.layout, s.encoding, s.lineEnd, s.rows, s.internalIds]).toEqual([
      "txt",
      "UTF-8",
      "CRLF",
      1,
      ["IMGR-2024"],
    ]);
    expect(s.changed.map((c) => c.after)).toEqual(["A B"]);
    const empty = new Map(s.emptyFields.map((f) => [f.field, f]));
    expect(empty.get("Hours of Instruction")).toEqual({
      field: "Hours of Instruction",
      source: "none",
      empty: 1,
      of: 1,
    });
    expect(empty.get("ACCME Activity ID")?.source).toBe("ACCME Activity ID");
    expect(empty.has("Activity Title")).toBe(false);
    expect(buildExport(p, PARS_XML, "2025-11-25T14:05").summary.lineEnd).toBe("LF");
  });

  it("writes Template D's legacy type IL or IEM for a course or enduring material reached only over the internet", () => {
    const rows = [
      ["C1", "Live Course", "In-Person"],
      ["C2", "Live Course", "Live-Streamed"],
      ["C3", "Live Course", "Online"],
      ["C4", "Live Course", "In-Person; Live-Streamed"],
      ["E1", "Enduring Material", "Online"],
      ["E2", "Enduring Material", "Print/Other"],
      ["E3", "Enduring Material", "Online; Print/Other"],
    ].map(([id, format, delivery]) =>
      aRow({
        "Internal ID": id,
        Format: format,
        "Delivery Method": delivery,
        "End Date": format === "Live Course" ? "07/01/2024" : "06/30/2025",
      })
    );
    const p = preview(aBook({ activities: rows }));
    expect(p.excluded).toEqual([]);
    const lines = exportText(buildExport(p, TEMPLATE_D, "2025-11-25T14:05"))
      .split("\r\n")
      .filter((l) => l !== "");
    // Columns 3 (Provider Activity ID), 7-9 (City, State, Country: only for C and RSS) and 11.
    expect(lines.map((l) => l.split("\t")).map((c) => [c[2], c[6], c[7], c[8], c[10]])).toEqual([
      ["C1", "Chicago", "IL", "USA", "C"],
      ["C2", "", "", "", "IL"],
      ["C3", "", "", "", "IL"],
      ["C4", "Chicago", "IL", "USA", "C"],
      ["E1", "", "", "", "IEM"],
      ["E2", "", "", "", "EM"],
      ["E3", "", "", "", "EM"],
    ]);
  });

  it("declares Template D's 47 fixed columns and 8 per supporter in the order of §A", () => {
    expect(TEMPLATE_D.fixed).toHaveLength(TEMPLATE_D_FIXED_COLUMNS);
    expect(TEMPLATE_D.block).toHaveLength(TEMPLATE_D_BLOCK_COLUMNS);
    const at = (n: number): string | undefined => TEMPLATE_D.fixed[n - 1]?.header;
    expect([
      at(1),
      at(2),
      at(3),
      at(11),
      at(15),
      at(22),
      at(29),
      at(30),
      at(31),
      at(32),
      at(47),
    ]).toEqual([
      "Template",
      "ACCME Activity ID",
      "Provider Activity ID",
      "Activity Type",
      "Commercial Support Received?",
      "Sub-category: Case based discussion",
      "Joint Provider(s)",
      "AMA PRA Category 1 Credits Designated",
      "Description of Content",
      "ABMS/ACGME - Patient Care and Procedural Skills",
      "Other Competencies",
    ]);
  });
});
