import { readFileSync } from "node:fs";
import path from "node:path";
import { declaredPaths, PARS_XML, TEMPLATE_D } from "../../../src/core";

// docs/upload-formats.md lists every column and element for coordinators and maintainers; this
// keeps that list from drifting away from the layout tables.
// Prettier pads table cells, so runs of spaces are folded before comparing.
const doc = readFileSync(
  path.join(__dirname, "..", "..", "..", "docs", "upload-formats.md"),
  "utf8"
).replace(/ {2,}/g, " ");

describe("docs/upload-formats.md", () => {
  it("lists every Template D column at its position", () => {
    TEMPLATE_D.fixed.forEach((c, i) => {
      expect(doc).toContain(`| ${String(i + 1)} | ${c.header} |`);
    });
    for (const c of TEMPLATE_D.block) expect(doc).toContain(`| ${c.header} |`);
  });

  it("lists every XML element the layout declares, in declared order", () => {
    const paths = declaredPaths(PARS_XML.activity)
      .slice(1)
      .map((p) => p.replace("MedicalEducationMetrics/", ""));
    let last = -1;
    for (const p of paths) {
      const at = doc.indexOf(`| \`${p}\``);
      expect([p, at >= 0]).toEqual([p, true]);
      expect([p, at > last]).toEqual([p, true]);
      last = at;
    }
  });
});
