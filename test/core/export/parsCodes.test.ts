import {
  buildExport,
  exportNoteText,
  exportText,
  PARS_XML,
  previewExport,
  TEMPLATE_D,
  XML_MOC_BOARDS,
  MOC_BOARDS,
  type ExportPreview,
  type WorkbookSource,
} from "../../../src/core";
import { aBook, aRow, TODAY } from "../../support/builders";

// Values go into the file as PARS codes them, not as typed.

function preview(book: WorkbookSource): ExportPreview {
  const p = previewExport(book, { today: TODAY });
  if (!p.ok) throw new Error(p.problem);
  return p.preview;
}
const xml = (p: ExportPreview): string => exportText(buildExport(p, PARS_XML, "2025-11-25T14:05"));
const txt = (p: ExportPreview): string =>
  exportText(buildExport(p, TEMPLATE_D, "2025-11-25T14:05"));

const MOC_ROW = {
  "Internal ID": "IMGR-2024",
  Board: "ABPath",
  "Practice Areas": "Anatomic Pathology",
  "Credit Types": "Lifelong Learning",
  "MOC Credits": 1,
  Fee: "No, it's free",
  Registration: "Open to all",
  "Activity URL": "https://cme.example.org/a",
  "Claim Date": "2024-12-31",
};

describe("values as PARS codes them", () => {
  it("writes a US state typed by name as its two-letter code, and a country by name as alpha-3", () => {
    const p = preview(
      aBook({ activities: [aRow({ State: "Illinois", Country: "United States" })] })
    );
    expect(p.activities[0]?.values).toMatchObject({ state: "IL", country: "USA" });
    expect(xml(p)).toContain("<addr:StateOrProvince>IL</addr:StateOrProvince>");
    expect(xml(p)).toContain("<addr:CountryCode>USA</addr:CountryCode>");
    const line = txt(p).split("\t");
    expect(line.slice(6, 9)).toEqual(["Chicago", "IL", "USA"]);
  });

  it("leaves a province outside the USA as written", () => {
    const p = preview(
      aBook({ activities: [aRow({ City: "Montréal", State: "Québec", Country: "Canada" })] })
    );
    expect(p.activities[0]?.values).toMatchObject({ state: "Québec", country: "CAN" });
  });

  it("writes ForPublicList as the draft schema's boolean", () => {
    const yes = preview(
      aBook({
        activities: [
          aRow({
            "CME Passport": "Yes",
            "Activity URL": "https://x.example/a",
            Fee: "Yes",
            Registration: "Open to all",
          }),
        ],
      })
    );
    expect(xml(yes)).toContain("<accme:ForPublicList>true</accme:ForPublicList>");
    const no = preview(aBook({ activities: [aRow({ "CME Passport": "No" })] }));
    expect(xml(no)).toContain("<accme:ForPublicList>false</accme:ForPublicList>");
    expect(xml(no)).not.toMatch(/ForPublicList>(Yes|No)</);
  });

  it("maps every MOC board through one table: ABPath goes in as ABPATH", () => {
    expect(Object.keys(XML_MOC_BOARDS).sort()).toEqual([...MOC_BOARDS.values].sort());
    expect(XML_MOC_BOARDS.ABPath).toBe("ABPATH");
    const p = preview(
      aBook({
        activities: [aRow({ MOC: "Yes", "MOC Attestation": "Yes" })],
        moc: [MOC_ROW],
      })
    );
    expect(p.activities[0]?.moc).toHaveLength(1);
    expect(xml(p)).toContain("<accme:boardName>ABPATH</accme:boardName>");
  });
});

describe("the close request", () => {
  it("is sent for a Closed row whose every Closed field the file carries", () => {
    const p = preview(aBook({ activities: [aRow({ Status: "Closed", MOC: "No" })] }));
    expect(p.activities[0]?.close).toBe(true);
    expect(p.notes).toEqual([]);
    expect(xml(p)).toContain("<accme:closeActivityRecord>true</accme:closeActivityRecord>");
  });

  it("is withheld from a Closed row registered for MOC, and the preview says why", () => {
    const p = preview(
      aBook({
        activities: [aRow({ Status: "Closed", MOC: "Yes", "MOC Attestation": "Yes" })],
        moc: [MOC_ROW],
      })
    );
    expect(p.excluded).toEqual([]);
    expect(p.activities[0]?.close).toBe(false);
    expect(xml(p)).toContain("<accme:closeActivityRecord>false</accme:closeActivityRecord>");
    expect(p.notes.map((n) => [n.code, n.row, n.column])).toEqual([
      ["close_withheld", 2, "Status"],
    ]);
    expect(exportNoteText(p.notes[0]!)).toBe(
      "Activities row 2 Status: Closed, but sent without the request to close it: the upload has no place for MOC: Practice Areas, MOC: Fee, MOC: Registration, MOC: Activity URL, MOC Attestation, which Closed requires for MOC. Close it in PARS once uploaded."
    );
  });
});
