import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as fc from "fast-check";
import { readWorkbookFile } from "../../src/cli/readWorkbook";
import { XlsxError } from "../../src/cli/xlsx/XlsxError";
import { DEFAULT_LIMITS, readXlsx } from "../../src/cli/xlsx/readXlsx";
import { linkRel, tableRel, tableXml, xlsxParts, zipOf } from "../support/zipOf";

const dir = mkdtempSync(path.join(tmpdir(), "pars-xlsx-"));

const read = (parts: Parameters<typeof zipOf>[0], limits = DEFAULT_LIMITS) =>
  readXlsx(zipOf(parts), { limits });

const sheet = (rows: string, after = "") => `<sheetData>${rows}</sheetData>${after}`;

describe("reading an .xlsx", () => {
  it("reads shared and rich text without phonetic guides, inline strings, numbers, booleans and errors", async () => {
    const { book } = await read(
      xlsxParts({
        strings: [
          "Title",
          "<r><t>Grand </t></r><r><rPr><b/></rPr><t>Rounds</t></r><rPh><t>ぐ</t></rPh>",
        ],
        sheets: [
          {
            name: "Activities",
            body: sheet(
              `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Credits</t></is></c></row>` +
                `<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>1.5</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#N/A</v></c><c r="E2" t="s"><v></v></c></row>`
            ),
          },
        ],
      })
    );
    expect(book.sheets[0]?.values).toEqual([
      ["Title", "Credits"],
      ["Grand Rounds", 1.5, true, { error: "#N/A" }],
    ]);
  });

  it("takes the 1904 date system from workbookPr even when it comes after the sheets", async () => {
    const parts = xlsxParts({
      sheets: [{ name: "A", body: sheet(`<row r="1"><c r="A1"><v>1</v></c></row>`) }],
      workbookPr: `<workbookPr date1904="1"/>`,
    });
    expect((await read(parts)).book.dateSystem).toBe(1904);
    const plain = xlsxParts({ sheets: [{ name: "A", body: sheet("") }] });
    expect((await read(plain)).book.dateSystem).toBe(1900);
  });

  it("reads a formula by its cached result and counts formulas saved with none", async () => {
    const { book, formulasWithoutResult } = await read(
      xlsxParts({
        sheets: [
          {
            name: "Activities",
            body: sheet(
              `<row r="3"><c r="A3"><f>1+1</f><v>2</v></c><c r="B3" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>` +
                `<c r="C3"><f>NOW()</f></c></row><row r="9"><c r="L9"><f>A1</f></c></row>`
            ),
          },
        ],
      })
    );
    expect(book.sheets[0]?.values[0]).toEqual([2, "ab", { formula: "NOW()" }]);
    expect(book.sheets[0]?.values[6]?.[11]).toEqual({ formula: "A1" });
    expect(formulasWithoutResult).toEqual({ count: 2, first: "Activities!C3" });
  });

  it('reads ISO date cells (t="d") as the serial numbers of their days, not as text', async () => {
    const { book } = await read(
      xlsxParts({
        sheets: [
          {
            name: "A",
            body: sheet(
              `<row r="1"><c r="A1" t="d"><v>2024-07-01T00:00:00Z</v></c><c r="B1" t="d"><v>2024-07-02</v></c><c r="C1" t="d"><v>2024-07-03T08:30:00</v></c></row>`
            ),
          },
        ],
      })
    );
    // 45474 is 07/01/2024 in the 1900 system; a time of day is dropped, as the engine drops it.
    expect(book.sheets[0]?.values[0]).toEqual([45474, 45475, 45476]);
  });

  it("keeps the workbook's sheet order, and its first used row as the sheet's top", async () => {
    const parts = xlsxParts({
      sheets: [
        {
          name: "Second",
          body: sheet(
            `<row r="4"><c r="B4"><v>4</v></c></row><row r="6"><c r="A6"><v>6</v></c></row>`
          ),
        },
        { name: "First", body: sheet("") },
      ],
    });
    // The workbook lists "First" before "Second" although its part is sheet2.xml.
    parts["xl/workbook.xml"] = (parts["xl/workbook.xml"] as string).replace(
      /<sheets>(<sheet [^>]*>)(<sheet [^>]*>)<\/sheets>/,
      "<sheets>$2$1</sheets>"
    );
    const { book } = await read(parts);
    expect(book.sheets.map((s) => s.name)).toEqual(["First", "Second"]);
    const second = book.sheets[1];
    expect(second?.top).toBe(4);
    expect(second?.values).toEqual([[null, 4], [], [6]]);
  });

  it("reads SpreadsheetML written with a namespace prefix (<x:row>)", async () => {
    const parts = xlsxParts({ sheets: [{ name: "A", body: "" }] });
    parts["xl/worksheets/sheet1.xml"] =
      `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Title</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`;
    expect((await read(parts)).book.sheets[0]?.values).toEqual([["Title"]]);
  });

  it("reads a link cell by its text, and by its target when it has no text", async () => {
    const { book } = await read(
      xlsxParts({
        sheets: [
          {
            name: "A",
            body: sheet(
              `<row r="1"><c r="A1" t="inlineStr"><is><t>Course page</t></is></c><c r="B1" t="inlineStr"><is><t></t></is></c></row>`,
              `<hyperlinks><hyperlink ref="A1" r:id="rId7"/><hyperlink ref="B1" r:id="rId8"/></hyperlinks>`
            ),
            rels:
              linkRel("rId7", "https://cme.example.org/a") +
              linkRel("rId8", "https://cme.example.org/b"),
          },
        ],
      })
    );
    expect(book.sheets[0]?.values[0]).toEqual(["Course page", "https://cme.example.org/b"]);
  });

  it("reads an Excel table without its total row", async () => {
    const { book } = await read(
      xlsxParts({
        sheets: [
          {
            name: "Data",
            body: sheet(
              `<row r="2"><c r="B2" t="inlineStr"><is><t>Title</t></is></c><c r="C2" t="inlineStr"><is><t>Credits</t></is></c><c r="D2"><v>99</v></c></row>` +
                `<row r="3"><c r="B3" t="inlineStr"><is><t>Rounds</t></is></c><c r="C3"><v>1</v></c></row>` +
                `<row r="4"><c r="B4" t="inlineStr"><is><t>Total</t></is></c><c r="C4"><f>SUBTOTAL(109,C3)</f><v>1</v></c></row>`,
              `<tableParts count="1"><tablePart r:id="rId1"/></tableParts>`
            ),
            rels: tableRel("rId1", 1),
          },
        ],
        extra: {
          "xl/tables/table1.xml": tableXml(
            `name="Table1" displayName="Activities" ref="B2:C4" totalsRowCount="1"`,
            ["Title", "Credits"]
          ),
        },
      })
    );
    expect(book.tables).toEqual([
      {
        name: "Activities",
        sheet: "Data",
        top: 2,
        firstColumn: 2,
        hiddenRows: new Set(),
        values: [
          ["Title", "Credits"],
          ["Rounds", 1],
        ],
      },
    ]);
  });

  it("reads a table whose ref is the whole sheet only over its used rows and cells", async () => {
    const { book } = await read(
      xlsxParts({
        sheets: [
          {
            name: "Activities",
            body: sheet(
              `<row r="1"><c r="A1" t="inlineStr"><is><t>Title</t></is></c></row><row r="3"><c r="A3"><v>7</v></c></row>`
            ),
            rels: tableRel("rId1", 1),
          },
        ],
        extra: {
          "xl/tables/table1.xml": tableXml(
            `name="T" displayName="Activities" ref="A1:XFD1048576"`,
            ["Title"]
          ),
        },
      })
    );
    expect(book.tables[0]?.values).toEqual([["Title"], [], [7]]);
  });

  it("keeps a cell far to the right without filling the columns before it", async () => {
    const { book } = await read(
      xlsxParts({
        sheets: [
          {
            name: "A",
            body: sheet(`<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row>`),
          },
        ],
      })
    );
    const row = book.sheets[0]?.values[0] ?? [];
    expect(row.length).toBe(16_384);
    expect(row[0]).toBe(1);
    expect(row[16_383]).toBe(2);
    expect(Object.keys(row)).toEqual(["0", "16383"]);
  });

  it.each([
    [
      "a row past 1,048,576",
      `<row r="100000000"><c r="A100000000"><v>1</v></c></row>`,
      /xl\/worksheets\/sheet1\.xml: row 100000000 is past Excel's last row/,
    ],
    [
      "a column past XFD",
      `<row r="1"><c r="XFE1"><v>1</v></c></row>`,
      /xl\/worksheets\/sheet1\.xml: cell XFE1 is past Excel's last column \(XFD\)/,
    ],
    ["rows out of order", `<row r="5"/><row r="2"/>`, /sheet1\.xml: row 2 comes after row 5/],
    [
      "a missing shared string",
      `<row r="1"><c r="A1" t="s"><v>3</v></c></row>`,
      /sheet1\.xml: cell A1 names shared string 3, which is missing/,
    ],
    [
      "text in a number cell",
      `<row r="1"><c r="B1"><v>abc</v></c></row>`,
      /sheet1\.xml: cell B1 holds "abc" as a number/,
    ],
    [
      "malformed XML",
      `<row r="1"><c r="A1"><v>1</c></row>`,
      /xl\/worksheets\/sheet1\.xml is not well-formed XML/,
    ],
  ])("refuses %s, naming the part", async (_what, rows, message) => {
    await expect(read(xlsxParts({ sheets: [{ name: "A", body: sheet(rows) }] }))).rejects.toThrow(
      message
    );
  });

  it("refuses a part that inflates past the cap, whatever size it declares", async () => {
    const big = sheet(`<row r="1"><c r="A1"><v>1</v></c></row>`) + " ".repeat(3 * 2 ** 20);
    const limits = { partBytes: 2 ** 20, totalBytes: 2 ** 30 };
    for (const declaredSize of [undefined, 100]) {
      const parts = xlsxParts({ sheets: [{ name: "A", body: "" }] });
      const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${big}</worksheet>`;
      parts["xl/worksheets/sheet1.xml"] =
        declaredSize === undefined ? xml : { data: xml, declaredSize };
      await expect(read(parts, limits)).rejects.toThrow(
        "xl/worksheets/sheet1.xml inflates past 1 MB, the most this tool reads"
      );
    }
  });

  it("refuses a workbook whose parts together inflate past the total cap", async () => {
    const body = sheet(`<row r="1"><c r="A1"><v>1</v></c></row>`) + " ".repeat(600 * 1024);
    const parts = xlsxParts({
      sheets: [
        { name: "A", body },
        { name: "B", body },
      ],
    });
    await expect(read(parts, { partBytes: 2 ** 20, totalBytes: 2 ** 20 })).rejects.toThrow(
      /sheet2\.xml inflates past/
    );
  });

  it("states a cap of 256 MB per part and 1 GB per workbook", () => {
    expect(DEFAULT_LIMITS).toEqual({ partBytes: 256 * 2 ** 20, totalBytes: 2 ** 30 });
  });

  it("refuses an encrypted zip entry and an unknown compression method", async () => {
    const encrypted = xlsxParts({ sheets: [{ name: "A", body: "" }] });
    encrypted["xl/worksheets/sheet1.xml"] = { data: "<worksheet/>", encrypted: true };
    await expect(read(encrypted)).rejects.toThrow("xl/worksheets/sheet1.xml is encrypted");
    const bzip = zipOf(xlsxParts({ sheets: [{ name: "A", body: "" }] }));
    // Method 12 (bzip2) in the last central-directory entry's method field.
    const central = bzip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bzip.writeUInt16LE(12, central + 10);
    await expect(readXlsx(bzip)).rejects.toThrow(/compression method 12/);
  });
});

describe("a file that is not a readable .xlsx: one line saying what it is", () => {
  const put = (name: string, bytes: Buffer | string) => {
    const p = path.join(dir, name);
    writeFileSync(p, bytes);
    return p;
  };
  const ole = (stream: string) =>
    Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(500),
      Buffer.from(stream, "utf16le"),
    ]);
  it.each([
    ["an empty file", () => put("empty.xlsx", ""), /empty\.xlsx: is empty/],
    [
      "a CSV",
      () => put("list.xlsx", "Title,Format\nRounds,RSS\n"),
      /is a text \(CSV\) file.*save it as Excel Workbook \(\.xlsx\)/,
    ],
    [
      "an OpenDocument spreadsheet",
      () =>
        put(
          "sheet.xlsx",
          zipOf({
            mimetype: { data: "application/vnd.oasis.opendocument.spreadsheet", stored: true },
            "content.xml": "<x/>",
          })
        ),
      /is an OpenDocument spreadsheet \(\.ods\); open it in Excel and save it as Excel Workbook \(\.xlsx\)/,
    ],
    [
      "a Word document",
      () => put("letter.xlsx", zipOf({ "word/document.xml": "<w/>" })),
      /is a Word document \(\.docx\)/,
    ],
    [
      "another zip",
      () => put("photos.xlsx", zipOf({ "a.jpg": "x" })),
      /is a zip archive but not an \.xlsx workbook/,
    ],
    [
      "a binary workbook",
      () => put("b.xlsx", zipOf({ "xl/workbook.bin": "x" })),
      /is a binary workbook \(\.xlsb\)/,
    ],
    [
      "an encrypted workbook",
      () => put("locked.xlsx", ole("EncryptionInfo")),
      /is password-protected; remove the password/,
    ],
    [
      "an Excel 97-2003 file",
      () => put("old.xlsx", ole("Workbook")),
      /is an old Excel 97-2003 workbook \(\.xls\)/,
    ],
    [
      "a zip cut short",
      () => put("cut.xlsx", zipOf({ "xl/workbook.xml": "<workbook/>" }).subarray(0, 40)),
      /cut\.xlsx: is damaged/,
    ],
    [
      "a damaged part",
      () =>
        put("bad.xlsx", zipOf(xlsxParts({ sheets: [{ name: "A", body: "<sheetData><row>" }] }))),
      /bad\.xlsx: xl\/worksheets\/sheet1\.xml is not well-formed XML/,
    ],
  ])("%s", async (_what, make, message) => {
    const p = make();
    const error = await readWorkbookFile(p).then(
      () => null,
      (e: Error) => e
    );
    expect(error?.name).toBe("WorkbookReadError");
    expect(error?.message).toMatch(message);
    expect(error?.message.split("\n")).toHaveLength(1);
  });
});

describe("whatever the bytes, the reader refuses in its own words or reads", () => {
  const TOKENS = [
    `<row r="3">`,
    `<row>`,
    `<row r="x">`,
    `</row>`,
    `<c r="B3" t="s">`,
    `<c t="inlineStr">`,
    `<c r="XFE9">`,
    `<c t="d">`,
    `<c>`,
    `</c>`,
    `<v>`,
    `</v>`,
    `<f>`,
    `</f>`,
    `<is>`,
    `</is>`,
    `<t>`,
    `</t>`,
    `<rPh>`,
    `</rPh>`,
    `0`,
    `2024-07-01`,
    `&amp;`,
    `&bogus;`,
    ` `,
  ];
  const outcome = (p: Promise<unknown>) =>
    p.then(
      () => "read",
      (e: unknown) => (e instanceof XlsxError ? "refused" : e)
    );

  it("for any sequence of sheet tags", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }), async (tokens) => {
        const parts = xlsxParts({
          strings: ["a"],
          sheets: [{ name: "A", body: `<sheetData>${tokens.join("")}</sheetData>` }],
        });
        expect(["read", "refused"]).toContain(await outcome(read(parts)));
      }),
      { numRuns: 300 }
    );
  });

  it("for a valid workbook with bytes overwritten anywhere", async () => {
    const good = zipOf(
      xlsxParts({
        strings: ["Title"],
        sheets: [{ name: "A", body: sheet(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`) }],
      })
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        async (edits) => {
          const bytes = Buffer.from(good);
          for (const [at, value] of edits) bytes[at] = value;
          expect(["read", "refused"]).toContain(await outcome(readXlsx(bytes)));
        }
      ),
      { numRuns: 300 }
    );
  });
});
