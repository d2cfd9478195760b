import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { validateXML } from "xmllint-wasm";
import { join } from "node:path";
import {
  buildExport,
  exportText,
  declaredPaths,
  PARS_XML,
  previewExport,
  TEMPLATE_D,
  type ExportPreview,
  type ExportFile,
  type UploadLayout,
  type WorkbookSource,
  type XmlElement,
} from "../../../src/core";
import {
  EXPORT_STAMP,
  EXPORT_TODAY,
  faqExamplesBook,
  fullFieldsBook,
} from "../../support/exportBooks";
import { parseXml, type XmlNode } from "../../support/strictXml";
import { readParsXml, readTemplateD, txtViewOf, xmlViewOf } from "../../support/uploadReaders";

// Golden files: the exact bytes each layout writes for two workbooks. A difference fails; run with
// UPDATE_GOLDEN=1 to accept a deliberate change, then review the diff of test/golden/ in the commit.
const GOLDEN = join(__dirname, "..", "..", "golden");

function preview(book: WorkbookSource): ExportPreview {
  const p = previewExport(book, { today: EXPORT_TODAY });
  if (!p.ok) throw new Error(p.problem);
  return p.preview;
}

function compareGolden(name: string, file: ExportFile): void {
  const path = join(GOLDEN, name);
  // Each piece encoded on its own, as the shells write them: a piece that split a character
  // would show here as a byte difference.
  const bytes = Buffer.concat(file.pieces.map((piece) => Buffer.from(piece, "utf8")));
  const text = exportText(file);
  if (process.env.UPDATE_GOLDEN === "1") {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, bytes);
  }
  const golden = readFileSync(path);
  // Compare bytes, and on a difference show the first differing line rather than two blobs.
  if (!golden.equals(bytes)) {
    const a = golden.toString("utf8").split("\n");
    const b = text.split("\n");
    const i = a.findIndex((line, k) => line !== b[k]);
    expect({ line: i + 1, text: b[i] }).toEqual({ line: i + 1, text: a[i] });
    expect(bytes.length).toBe(golden.length);
  }
}

/** Checks that every element's children come in the order the layout declares. */
function expectDeclaredOrder(node: XmlNode, decl: XmlElement<never>, path: string): void {
  expect(node.name).toBe(decl.name);
  let last = -1;
  for (const child of node.children) {
    const index = decl.children.findIndex((d) => d.name === child.name);
    if (index < 0) throw new Error(`${path}/${child.name} is not declared`);
    const d = decl.children[index]!;
    if (index < last || (index === last && !d.repeated)) {
      throw new Error(`${path}/${child.name} is out of the declared order`);
    }
    last = index;
    expectDeclaredOrder(child, d, `${path}/${child.name}`);
  }
}

const CASES = [
  { name: "faq-examples", book: faqExamplesBook },
  { name: "full-fields", book: fullFieldsBook },
] as const;

const LAYOUTS: readonly UploadLayout[] = [PARS_XML, TEMPLATE_D];

describe.each(CASES)("golden export of $name", ({ name, book }) => {
  const p = preview(book());

  it.each(LAYOUTS.map((l) => [l.extension, l] as const))(
    "writes the %s file byte for byte",
    (_, layout) => {
      const file = buildExport(p, layout, EXPORT_STAMP);
      expect(file.fileName).toBe(`pars-activities-20251125-1405.${layout.extension}`);
      compareGolden(`${name}.${layout.extension}`, file);
    }
  );

  it("is deterministic: the same workbook read again gives the same bytes", () => {
    for (const layout of LAYOUTS) {
      const again = exportText(buildExport(preview(book()), layout, EXPORT_STAMP));
      expect(again).toBe(exportText(buildExport(p, layout, EXPORT_STAMP)));
    }
  });

  it("writes well-formed XML, UTF-8 without BOM, in the declared element order", () => {
    const text = exportText(buildExport(p, PARS_XML, EXPORT_STAMP));
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    const root = parseXml(text);
    expect(root.name).toBe("ACCMEActivities");
    expect(root.children).toHaveLength(p.activities.length);
    for (const m of root.children) expectDeclaredOrder(m, PARS_XML.activity, m.name);
  });

  it("is well-formed for libxml2 too (xmllint), not only for our own checker", async () => {
    const text = exportText(buildExport(p, PARS_XML, EXPORT_STAMP));
    const result = await validateXML({
      xml: [{ fileName: `${name}.xml`, contents: text }],
      normalization: "format",
    });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("reads back the values that went in, from both files", () => {
    expect(readParsXml(exportText(buildExport(p, PARS_XML, EXPORT_STAMP)))).toEqual(
      p.activities.map(xmlViewOf)
    );
    const txt = readTemplateD(exportText(buildExport(p, TEMPLATE_D, EXPORT_STAMP)));
    expect(txt.rows).toEqual(p.activities.map(txtViewOf));
    const blocks = Math.max(0, ...p.activities.map((a) => a.support.length));
    expect(new Set(txt.columns)).toEqual(new Set([47 + 8 * blocks]));
  });
});

describe("the declared XML element order", () => {
  it("follows MEMS v2: the healthcare LOM inside ActivityDescription, ACCME's names in XtensibleInfo", () => {
    const top = PARS_XML.activity.children.map((c) => c.name);
    expect(top).toEqual([
      "ReportDescription",
      "ActivityDescription",
      "ParticipationMetrics",
      "XtensibleInfo",
    ]);
    const paths = declaredPaths(PARS_XML.activity);
    const pos = (p: string): number => paths.indexOf(`MedicalEducationMetrics/${p}`);
    const lom = "ActivityDescription/lom:lom";
    expect(pos(`${lom}/lom:general/lom:identifier`)).toBeLessThan(
      pos(`${lom}/lom:general/lom:title`)
    );
    expect(pos(`${lom}/lom:general/lom:title`)).toBeLessThan(
      pos(`${lom}/lom:general/lom:description`)
    );
    expect(pos(`${lom}/lom:general`)).toBeLessThan(pos(`${lom}/hx:healthcareMetadata`));
    expect(pos(lom)).toBeLessThan(pos("ActivityDescription/CommercialSupportAmount"));
    expect(pos("XtensibleInfo/accme:activityRecordAction")).toBeLessThan(
      pos("XtensibleInfo/accme:closeActivityRecord")
    );
    expect(paths).toContain(
      "MedicalEducationMetrics/XtensibleInfo/accme:MOCRegistrations/accme:MOCRegistration/accme:MOCCreditType"
    );
    const extensions = PARS_XML.activity.children.find((c) => c.name === "XtensibleInfo")!;
    expect(extensions.children.filter((c) => !c.name.startsWith("accme:"))).toEqual([]);
  });

  it("catches a file whose elements are out of order", () => {
    const swapped = parseXml(
      "<MedicalEducationMetrics><ActivityDescription/><ReportDescription/></MedicalEducationMetrics>"
    );
    expect(() => expectDeclaredOrder(swapped, PARS_XML.activity, "m")).toThrow(
      /out of the declared order/
    );
  });
});
