import {
  buildExport,
  exportNoteText,
  exportText,
  PARS_XML,
  previewExport,
  safeText,
  TEMPLATE_D,
  type ExportPreview,
  type WorkbookSource,
} from "../../../src/core";
import { aBook, aRow, TODAY } from "../../support/builders";

function preview(book: WorkbookSource): ExportPreview {
  const p = previewExport(book, { today: TODAY });
  if (!p.ok) throw new Error(p.problem);
  return p.preview;
}

describe("safe text", () => {
  it.each([
    ["a line separator", "a\u2028b", "a b"],
    ["a paragraph separator beside CRLF", "a\u2029\r\nb", "a b"],
    ["an override and an isolate", "admin\u202e\u2066gnp.exe\u2069\u202c", "admingnp.exe"],
    ["right-to-left and left-to-right marks", "\u200fשלום\u200e ok", "שלום ok"],
    ["the Arabic letter mark", "A\u061cB", "AB"],
    ["nothing", "plain", "plain"],
  ])("removes %s", (_, before, after) => {
    expect(safeText(before)).toBe(after);
  });

  it("lists each cell it changes, and neither file carries a separator or a bidi control", () => {
    const p = preview(
      aBook({
        activities: [
          aRow({ Title: "Grand\u2028Rounds", Description: "Cases \u202eAB\u202c weekly." }),
        ],
      })
    );
    expect(p.changed.map((c) => [c.column, c.before, c.after])).toEqual([
      ["Title", "Grand\u2028Rounds", "Grand Rounds"],
      ["Description", "Cases \u202eAB\u202c weekly.", "Cases AB weekly."],
    ]);
    for (const layout of [PARS_XML, TEMPLATE_D]) {
      const text = exportText(buildExport(p, layout, "2025-11-25T14:05"));
      expect(text).not.toMatch(/[\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    }
  });
});

describe("text Excel would run as a formula", () => {
  it("is named in the preview for each of = + - @, and written as typed", () => {
    const p = preview(
      aBook({
        activities: [
          aRow({
            Title: '=HYPERLINK("http://x.example","Rounds")',
            Description: "+1 session weekly",
            City: "@Chicago",
            "Joint Providers": "Plain Partner; -Minus Society",
            Providership: "Joint",
          }),
        ],
      })
    );
    expect(p.excluded).toEqual([]);
    const formula = p.notes.filter((n) => n.code === "formula_like");
    expect(formula.map((n) => [n.column, n.value])).toEqual([
      ["Title", '=HYPERLINK("http://x.example","Rounds")'],
      ["City", "@Chicago"],
      ["Description", "+1 session weekly"],
      ["Joint Providers", "-Minus Society"],
    ]);
    expect(exportNoteText(formula[1]!)).toBe(
      'Activities row 2 City: "@Chicago" starts with "@", so Excel would run it as a formula if the file is opened in Excel to review it; it is written as typed. Review the file in a text editor, or open it in Excel with that column set to Text.'
    );
    const txt = exportText(buildExport(p, TEMPLATE_D, "2025-11-25T14:05"));
    expect(txt.split("\t")[4]).toBe('=HYPERLINK("http://x.example","Rounds")');
  });

  it("says nothing of text that merely contains those characters", () => {
    const p = preview(aBook({ activities: [aRow({ Title: "Grand Rounds: A=B, C+D, x@y" })] }));
    expect(p.notes).toEqual([]);
  });
});
