import fc from "fast-check";
import { PARS_XML, renderExport, TEMPLATE_D } from "../../../src/core";
import { activity } from "../../support/exportArbitraries";
import { parseXml } from "../../support/strictXml";
import { readParsXml, readTemplateD, txtViewOf, xmlViewOf } from "../../support/uploadReaders";

// For arbitrary valid activities (test/support/exportArbitraries.ts), export then read gives back
// every value the layout carries, and every Template D line has the same, full column count.

describe("export then read", () => {
  it("gives back every value the XML layout carries, in well-formed XML", () => {
    fc.assert(
      fc.property(fc.array(activity, { maxLength: 5 }), (activities) => {
        const xml = renderExport(activities, PARS_XML).pieces.join("");
        parseXml(xml);
        expect(readParsXml(xml)).toEqual(activities.map(xmlViewOf));
      }),
      { numRuns: 300 }
    );
  });

  it("gives back every value Template D carries, each line with 47 + 8 per supporter columns", () => {
    fc.assert(
      fc.property(fc.array(activity, { maxLength: 5 }), (activities) => {
        const txt = renderExport(activities, TEMPLATE_D).pieces.join("");
        const read = readTemplateD(txt);
        expect(read.rows).toEqual(activities.map(txtViewOf));
        const widest = Math.max(0, ...activities.map((a) => a.support.length));
        for (const n of read.columns) expect(n).toBe(47 + 8 * widest);
      }),
      { numRuns: 300 }
    );
  });
});

describe("a long XML file", () => {
  it("is the same as its activities written one by one, across the writer's chunk boundaries", () => {
    const activities = fc.sample(activity, { numRuns: 100, seed: 42 });
    const inner = (text: string): string =>
      text.slice(
        text.indexOf("\n<ACCMEActivities>\n") + 19,
        text.lastIndexOf("</ACCMEActivities>")
      );
    const whole = renderExport(activities, PARS_XML).pieces.join("");
    expect(inner(whole)).toBe(
      activities.map((a) => inner(renderExport([a], PARS_XML).pieces.join(""))).join("")
    );
    expect(readParsXml(whole)).toHaveLength(100);
  });
});
