import fc from "fast-check";
import {
  each,
  eachElement,
  eachText,
  group,
  leaf,
  leafWithAttributes,
} from "../../../src/core/export/xmlElements";
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

/** The MEMS shapes: a group written even when empty, attributes of an item, constant ones. */
const MEMS_LIKE = group<Row>(
  "m",
  "test",
  [
    group("req", "required", [leaf("a", "a", (r) => r.a, { lang: "en" })], { required: true }),
    eachElement(
      (r: Row) => r.d,
      leafWithAttributes<string | null>("amt", "amount", (e) => e, { cur: "USD" }, [
        { name: "src", value: (e) => (e === "x" ? null : e) },
      ])
    ),
  ],
  { attributes: { xmlns: "urn:t" } }
);

const NO_REUSE: XmlLimits = { valueRuns: 0, runs: 0, valuesPerElement: 0, trial: 1 };
const TINY: XmlLimits = { valueRuns: 3, runs: 6, valuesPerElement: 2, trial: 4 };

function write(rows: readonly Row[], limits: XmlLimits, table = TABLE): string {
  const constants = new XmlConstants();
  const program = new XmlProgram<Row>(constants);
  table.compile(1, program);
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
        for (const table of [TABLE, MEMS_LIKE]) {
          const plain = write(rows, NO_REUSE, table);
          expect(write(rows, XML_LIMITS, table)).toBe(plain);
          expect(write(rows, TINY, table)).toBe(plain);
        }
      })
    );
  });

  it("writes a required group when empty, and attributes escaped, left off when null", () => {
    const rows: Row[] = [
      { a: null, b: null, c: [], d: [] },
      { a: "a&b", b: null, c: [], d: ["x", '"q"', null] },
    ];
    const expected = [
      '  <m xmlns="urn:t">\n    <req>\n    </req>\n  </m>\n',
      '  <m xmlns="urn:t">\n    <req>\n      <a lang="en">a&amp;b</a>\n    </req>\n',
      '    <amt cur="USD">x</amt>\n    <amt cur="USD" src="&quot;q&quot;">&quot;q&quot;</amt>\n  </m>\n',
    ].join("");
    for (const limits of [NO_REUSE, XML_LIMITS, TINY]) {
      expect(write(rows, limits, MEMS_LIKE)).toBe(expected);
    }
  });
});
