import { createHash } from "node:crypto";
import fc from "fast-check";
import {
  appendExportLog,
  buildExport,
  exportText,
  exportLogEntry,
  findPriorExport,
  InvalidExportLogError,
  InvalidOptionError,
  loggedExportsOf,
  PARS_XML,
  previewExport,
  readExportLog,
  safeText,
  sha256Hex,
  utf8Bytes,
} from "../../../src/core";
import { aBook, aRow, TODAY } from "../../support/builders";

describe("sha256Hex", () => {
  it("agrees with the published test vectors", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
  });

  it("agrees with node:crypto on the UTF-8 bytes of any text, across block boundaries", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (s) => {
        expect(sha256Hex(s)).toBe(createHash("sha256").update(s, "utf8").digest("hex"));
        expect(Buffer.from(utf8Bytes(s)).equals(Buffer.from(s, "utf8"))).toBe(true);
      }),
      { numRuns: 500 }
    );
  });
});

describe("the Export Log", () => {
  const p = previewExport(aBook({ activities: [aRow()] }), { today: TODAY });
  if (!p.ok) throw new Error(p.problem);
  const file = buildExport(p.preview, PARS_XML, "2025-11-25T14:05");
  const entry = exportLogEntry(file, "2025-11-25T14:05:09Z", sha256Hex(exportText(file)));

  it("records time, layout, rows, Internal IDs and the file's SHA-256", () => {
    expect(entry).toEqual({
      time: "2025-11-25T14:05:09Z",
      layout: "xml",
      fileName: "pars-activities-20251125-1405.xml",
      rows: 1,
      internalIds: ["IMGR-2024"],
      sha256: createHash("sha256").update(exportText(file), "utf8").digest("hex"),
    });
  });

  it("refuses a fingerprint that is not a SHA-256 in hex", () => {
    expect(() => exportLogEntry(file, "2025-11-25T14:05:09Z", "ABC")).toThrow(InvalidOptionError);
  });

  it("finds an earlier export of the very same bytes, and nothing for other bytes", () => {
    const log = appendExportLog([], entry).entries;
    expect(findPriorExport(log, entry.sha256)).toBe(entry);
    expect(findPriorExport(log, sha256Hex(exportText(file) + " "))).toBeUndefined();
  });

  it("reads back the log it stores", () => {
    const stored = JSON.parse(JSON.stringify(appendExportLog([entry], entry))) as unknown;
    expect(readExportLog(stored)).toEqual([entry, entry]);
  });

  it.each([
    ["not an object", null],
    ["version is not 1", { version: 2, entries: [] }],
    ["entries is not a list", { version: 1, entries: {} }],
    ["entry 1 is malformed", { version: 1, entries: [{ time: "x" }] }],
  ])("refuses a log that is %s", (detail, value) => {
    expect(() => readExportLog(value)).toThrow(new InvalidExportLogError(detail));
  });
});

describe("loggedExportsOf (the workbook's Export Log table)", () => {
  const sha = "ab".repeat(32);
  it("reads the entries by header wherever the columns stand, ignoring rows with no fingerprint", () => {
    expect(
      loggedExportsOf([
        ["Note", " SHA-256 ", "File", "Time"],
        ["mine", sha.toUpperCase(), "a.xml", "2025-11-20T09:00"],
        ["typed over", "not a hash", "b.xml", "2025-11-21T09:00"],
        ["", null, "c.xml", "2025-11-22T09:00"],
      ])
    ).toEqual([{ time: "2025-11-20T09:00", fileName: "a.xml", sha256: sha }]);
  });

  it("records nothing for a table without a SHA-256 column or without rows", () => {
    expect(
      loggedExportsOf([
        ["Time", "File"],
        ["x", "y"],
      ])
    ).toEqual([]);
    expect(loggedExportsOf([])).toEqual([]);
  });
});

describe("safeText", () => {
  it("replaces each run of unsafe characters by one space and leaves safe text untouched", () => {
    expect(safeText("a\tb\r\nc\u0000\u0085d\ufffe")).toBe("a b c d");
    expect(safeText("x\ud800y")).toBe("x y");
    const ok = "Québec – “quoted” 😀";
    expect(safeText(ok)).toBe(ok);
  });
});
