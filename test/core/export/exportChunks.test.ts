import fc from "fast-check";
import {
  buildExport,
  exportChunks,
  exportText,
  PARS_XML,
  previewExport,
  TEMPLATE_D,
  type ExportFile,
} from "../../../src/core";
import { FULL_FIELDS, EXPORT_TODAY } from "../../support/exportBooks";
import { aBook } from "../../support/builders";

const fileOf = (pieces: string[]): ExportFile =>
  ({ fileName: "f.xml", pieces, summary: undefined }) as unknown as ExportFile;

describe("an export file's chunks", () => {
  it("are its text in order, cut only between pieces, each as short as the size allows", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: "grapheme", maxLength: 12 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 30 }),
        (pieces, size) => {
          const chunks = [...exportChunks(fileOf(pieces), size)];
          expect(chunks.join("")).toBe(pieces.join(""));
          // Each chunk is a run of whole pieces: the cuts are among the pieces' ends.
          const ends = new Set<number>([0]);
          let at = 0;
          for (const p of pieces) ends.add((at += p.length));
          at = 0;
          for (const c of chunks) expect(ends.has((at += c.length))).toBe(true);
          // Every chunk but the last reached the size.
          for (const c of chunks.slice(0, -1)) expect(c.length).toBeGreaterThanOrEqual(size);
        }
      ),
      { numRuns: 300 }
    );
  });

  it("give an empty file no chunk, and a piece longer than the size a chunk of its own", () => {
    expect([...exportChunks(fileOf([]), 4)]).toEqual([]);
    expect([...exportChunks(fileOf(["ab", "cdefgh", "i"]), 4)]).toEqual(["abcdefgh", "i"]);
  });

  it("encode to the file's bytes one by one, in both layouts, non-ASCII text included", () => {
    const p = previewExport(aBook(FULL_FIELDS), { today: EXPORT_TODAY });
    if (!p.ok) throw new Error(p.problem);
    for (const layout of [PARS_XML, TEMPLATE_D]) {
      const file = buildExport(p.preview, layout, "2025-11-25T14:05");
      const whole = Buffer.from(exportText(file), "utf8");
      expect(whole.length).toBeGreaterThan(exportText(file).length); // some text is not ASCII
      for (const size of [1, 7, 64, 1 << 15]) {
        const chunks = [...exportChunks(file, size)];
        const bytes = Buffer.concat(chunks.map((c) => Buffer.from(c, "utf8")));
        expect(bytes.equals(whole)).toBe(true);
      }
    }
  });
});
