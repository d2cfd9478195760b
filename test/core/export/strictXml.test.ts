import { parseXml, XmlSyntaxError } from "../../support/strictXml";

// The well-formedness checker the export tests rely on must itself refuse what is not XML.
describe("the strict XML checker", () => {
  it("reads a well-formed document with entities, references and comments", () => {
    const root = parseXml(
      '<?xml version="1.0" encoding="UTF-8"?>\n<!-- c --><a x="1 &amp; 2"><b>&lt;&#x41;&#66;&apos;</b><c/></a>\n'
    );
    expect(root.attributes).toEqual({ x: "1 & 2" });
    expect(root.children.map((c) => [c.name, c.text])).toEqual([
      ["b", "<AB'"],
      ["c", ""],
    ]);
  });

  it.each([
    ["a byte-order mark", "\ufeff<a/>"],
    ["a bare ampersand", "<a>A & B</a>"],
    ["an unknown entity", "<a>&nbsp;</a>"],
    ["a raw <", "<a>1 < 2</a>"],
    ["]]> in text", "<a>]]></a>"],
    ["mismatched tags", "<a><b></a></b>"],
    ["an unclosed element", "<a><b></b>"],
    ["two roots", "<a/><b/>"],
    ["a control character", "<a>\u0001</a>"],
    ["a lone surrogate", "<a>\ud800</a>"],
    ["a repeated attribute", '<a x="1" x="2"/>'],
    ["a malformed declaration", "<?xml version='1.1'?><a/>"],
  ])("refuses %s", (_, doc) => {
    expect(() => parseXml(doc)).toThrow(XmlSyntaxError);
  });
});
