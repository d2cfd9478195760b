import fc from "fast-check";
import { each, eachText, group, leaf } from "../../../src/core/export/xmlElements";
import {
  XML_LIMITS,
  XmlConstants,
  XmlOut,
  XmlProgram,
  type XmlLimits,
} from "../../../src/core/export/xmlOut";

// XmlOut reuses runs of constants and turns repeated values into constants, within limits that
// bound its memory. None of that may change the text: these write the same records with reuse
// off, with the limits files are written with, and with limits so small every cut path is taken.

type Row = {
  readonly a: string | null;
  readonly b: string | null;
  readonly c: readonly string[];
  readonly d: readonly (string | null)[];
};

const TABLE = group<Row>("r", "test", [
  leaf("a", "a", (r) => r.a),
  group("g", "g", [leaf("b", "b", (r) => r.b), eachText("c", "c", (r) => r.c)]),
  each("d", "d", (r) => r.d, [leaf<string | null>("e", "e", (e) => e)]),
]);

const NO_REUSE: XmlLimits = { valueRuns: 0, runs: 0, valuesPerElement: 0, trial: 1 };
const TINY: XmlLimits = { valueRuns: 3, runs: 6, valuesPerElement: 2, trial: 4 };

function write(rows: readonly Row[], limits: XmlLimits): string {
  const constants = new XmlConstants();
  const program = new XmlProgram<Row>(constants);
  TABLE.compile(1, program);
  const out = new XmlOut(constants, limits);
  for (const row of rows) out.write(program, row);
  return out.finish().join("");
}

const value = fc.option(fc.constantFrom("x", "y", "a&b", "<z>", '"q"', "long value here"), {
  nil: null,
});
const row: fc.Arbitrary<Row> = fc.record({
  a: value,
  b: value,
  c: fc.array(fc.constantFrom("p", "q&r", "s"), { maxLength: 3 }),
  d: fc.array(value, { maxLength: 3 }),
});

describe("XmlOut", () => {
  it("writes elements indented, escaped, and leaves out what has no value", () => {
    const rows: Row[] = [
      { a: "a&b", b: null, c: [], d: [null, "<z>"] },
      { a: null, b: null, c: [], d: [] },
      { a: null, b: "x", c: ["p", "s"], d: [] },
    ];
    const expected = [
      "  <r>\n    <a>a&amp;b</a>\n    <d>\n      <e>&lt;z&gt;</e>\n    </d>\n  </r>\n",
      "  <r>\n    <g>\n      <b>x</b>\n      <c>p</c>\n      <c>s</c>\n    </g>\n  </r>\n",
    ].join("");
    for (const limits of [NO_REUSE, XML_LIMITS, TINY]) expect(write(rows, limits)).toBe(expected);
  });

  it("writes the same text whatever it keeps for reuse", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const plain = write(rows, NO_REUSE);
        expect(write(rows, XML_LIMITS)).toBe(plain);
        expect(write(rows, TINY)).toBe(plain);
      })
    );
  });
});
