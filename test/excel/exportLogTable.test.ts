import type { ExportLogEntry } from "../../src/core";
import { EXPORT_LOG_HEADERS, freeSheetName, logRow } from "../../src/excel/exportLogTable";
import { ExcelAccessError } from "../../src/excel/excelErrors";
import { WorkbookGateway } from "../../src/excel/WorkbookGateway";
import { TODAY } from "../support/builders";
import { FakeExcel } from "../support/fakeExcel";
import { smallWorkbook } from "../support/fakeWorkbooks";
import { ALL_CAPABILITIES } from "../support/renderPane";

const gatewayOf = (fake: FakeExcel) =>
  new WorkbookGateway(fake.run, ALL_CAPABILITIES, () => Promise.resolve());

const entry = (n: number, over: Partial<ExportLogEntry> = {}): ExportLogEntry => ({
  time: `2025-11-25T14:3${String(n)}:00.000Z`,
  layout: "xml",
  fileName: `pars-activities-20251125-143${String(n)}.xml`,
  rows: 2,
  internalIds: ["A-1", "1-2"],
  sha256: String(n).repeat(64).slice(0, 64),
  ...over,
});

/** Every cell of a sheet's used range, as a user would see it. */
const cellsOf = (fake: FakeExcel, sheet: string) => {
  const s = fake.sheet(sheet);
  const a = fake.usedArea(s);
  return a === null ? [] : fake.valuesOf(s, a);
};

describe("freeSheetName", () => {
  it.each([
    ["Export Log", [], "Export Log"],
    ["Export Log", ["export log"], "Export Log (2)"],
    ["Export Log", ["Export Log", "Export Log (2)"], "Export Log (3)"],
    ["PARS Export 20251125-1430 and more", [], "PARS Export 20251125-1430 and m"],
  ])("%s among %j is %s", (wanted, taken, expected) => {
    expect(freeSheetName(wanted, taken)).toBe(expected);
  });

  it("stays within Excel's 31 characters when a suffix is added", () => {
    const long = "x".repeat(31);
    expect(freeSheetName(long, [long])).toBe(`${"x".repeat(27)} (2)`);
  });
});

describe("the Export Log table", () => {
  it("is made on its own sheet on the first export, with text-formatted cells", async () => {
    const fake = smallWorkbook();
    const before = fake.snapshot() as unknown[];
    const gateway = gatewayOf(fake);
    const syncs = fake.syncs;
    const recorded = await gateway.recordExport(entry(1), null);
    expect(fake.syncs - syncs).toBe(2);
    expect(recorded).toEqual({ logSheet: "Export Log", exportSheet: null });
    expect(cellsOf(fake, "Export Log")).toEqual([[...EXPORT_LOG_HEADERS], logRow(entry(1))]);
    expect(logRow(entry(1))).toEqual([
      entry(1).time,
      "PARS XML",
      entry(1).fileName,
      2,
      "A-1, 1-2",
      entry(1).sha256,
    ]);
    expect(logRow(entry(1, { layout: "txt" }))[1]).toBe("Template D (.txt)");
    expect(logRow(entry(1, { layout: "learners" }))[1]).toBe("Learner completions (XML)");
    const table = fake.tables.find((t) => t.name === "ExportLog");
    expect(table).toMatchObject({ sheet: fake.sheet("Export Log"), r0: 0, nr: 2, nc: 6 });
    expect(fake.sheet("Export Log").numberFormats.get("1,4")).toBe("@");
    // The sheets that were there are exactly as they were.
    expect((fake.snapshot() as unknown[]).slice(0, before.length)).toEqual(before);
  });

  it("grows by one row per export, in the same three round trips however long it is", async () => {
    const fake = smallWorkbook();
    const gateway = gatewayOf(fake);
    await gateway.recordExport(entry(1), null);
    for (let i = 2; i <= 6; i++) await gateway.recordExport(entry(i), null);
    const syncs = fake.syncs;
    await gateway.recordExport(entry(7, { layout: "txt" }), null);
    expect(fake.syncs - syncs).toBe(3);
    const table = fake.tables.find((t) => t.name === "ExportLog");
    expect(table?.nr).toBe(8);
    expect(cellsOf(fake, "Export Log")[7]?.[1]).toBe("Template D (.txt)");
    // The new row keeps text format, so an ID such as 1-2 never turns into a date.
    expect(fake.sheet("Export Log").numberFormats.get("7,4")).toBe("@");
    expect(fake.sheets.map((s) => s.name)).toEqual(["Activities", "Support", "Export Log"]);
  });

  it("reads back what was logged, in two round trips, and nothing when there is no log", async () => {
    const fake = smallWorkbook();
    const gateway = gatewayOf(fake);
    let syncs = fake.syncs;
    expect(await gateway.loggedExports()).toEqual([]);
    expect(fake.syncs - syncs).toBe(1);
    await gateway.recordExport(entry(1), null);
    await gateway.recordExport(entry(2), null);
    syncs = fake.syncs;
    expect(await gateway.loggedExports()).toEqual(
      [entry(1), entry(2)].map((e) => ({ time: e.time, fileName: e.fileName, sha256: e.sha256 }))
    );
    expect(fake.syncs - syncs).toBe(2);
  });

  it("reads a log whose columns a user moved, and skips rows without a fingerprint", async () => {
    const fake = new FakeExcel();
    const sheet = fake.addSheet("My log");
    fake.setValues(sheet, 0, 0, [
      ["SHA-256", "Note", "Time", "File"],
      ["a".repeat(64), "kept", "yesterday", "one.xml"],
      ["", "blanked by hand", "today", "two.xml"],
      ["not a hash", "typed over", "today", "three.xml"],
    ]);
    fake.addTable("exportlog", sheet, "A1:D4");
    expect(await gatewayOf(fake).loggedExports()).toEqual([
      { time: "yesterday", fileName: "one.xml", sha256: "a".repeat(64) },
    ]);
  });

  it("writes each value under its header when a user moved the log's columns or added one", async () => {
    const fake = smallWorkbook();
    const sheet = fake.addSheet("Export Log");
    fake.setValues(sheet, 0, 0, [["SHA-256", "My note", "File", "Time", "Rows"]]);
    fake.setValues(sheet, 1, 0, [["a".repeat(64), "sent", "old.xml", "yesterday", 1]]);
    fake.addTable("ExportLog", sheet, "A1:E2");
    const recorded = await gatewayOf(fake).recordExport(entry(1), null);
    expect(recorded.logSheet).toBe("Export Log");
    expect(cellsOf(fake, "Export Log")[2]).toEqual([
      entry(1).sha256,
      "",
      entry(1).fileName,
      entry(1).time,
      2,
    ]);
  });

  it("puts a new log beside a sheet of the user's that already has the name", async () => {
    const fake = smallWorkbook();
    const mine = fake.addSheet("Export Log");
    fake.setValues(mine, 0, 0, [["my own notes"]]);
    const recorded = await gatewayOf(fake).recordExport(entry(1), null);
    expect(recorded.logSheet).toBe("Export Log (2)");
    expect(cellsOf(fake, "Export Log")).toEqual([["my own notes"]]);
  });

  it("says the workbook is protected instead of failing silently", async () => {
    const fake = smallWorkbook();
    fake.structureLocked = true;
    await expect(gatewayOf(fake).recordExport(entry(1), null)).rejects.toMatchObject({
      problem: "locked",
    });
    await expect(gatewayOf(fake).recordExport(entry(1), null)).rejects.toBeInstanceOf(
      ExcelAccessError
    );
  });
});

describe("the export sheet", () => {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    "<activities>",
    "  <title>=SUM(A1) 00123 1-2</title>",
    "</activities>",
  ];

  it("holds one line per cell down column A, text-formatted, on a new sheet, written before its log row", async () => {
    const fake = smallWorkbook();
    const before = fake.snapshot() as unknown[];
    const syncs = fake.syncs;
    const recorded = await gatewayOf(fake).recordExport(entry(1), {
      name: "PARS Export 20251125-1430",
      lines,
    });
    expect(fake.syncs - syncs).toBe(3);
    expect(recorded).toEqual({ logSheet: "Export Log", exportSheet: "PARS Export 20251125-1430" });
    // The log names what was made: the sheet, not a file nobody downloaded.
    expect(cellsOf(fake, "Export Log")[1]?.[2]).toBe("sheet PARS Export 20251125-1430");
    expect(cellsOf(fake, "PARS Export 20251125-1430")).toEqual(lines.map((l) => [l]));
    const formats = fake.sheet("PARS Export 20251125-1430").numberFormats;
    expect(lines.map((_, r) => formats.get(`${String(r)},0`))).toEqual(lines.map(() => "@"));
    expect((fake.snapshot() as unknown[]).slice(0, before.length)).toEqual(before);
  });

  it("adds no log row when Excel refuses the sheet that would hold the file", async () => {
    const fake = smallWorkbook();
    await gatewayOf(fake).recordExport(entry(1), null);
    const logBefore = cellsOf(fake, "Export Log");
    // Over Excel's 5 MB request limit: the sheet's text cannot be written.
    const huge = Array.from({ length: 700 }, (_, i) => `${String(i)} ${"x".repeat(8_000)}`);
    await expect(
      gatewayOf(fake).recordExport(entry(2), { name: "PARS Export 20251125-1431", lines: huge })
    ).rejects.toThrow();
    expect(cellsOf(fake, "Export Log")).toEqual(logBefore);
  });

  it("takes a free name when an export was already made that minute", async () => {
    const fake = smallWorkbook();
    const gateway = gatewayOf(fake);
    const sheet = { name: "PARS Export 20251125-1430", lines };
    await gateway.recordExport(entry(1), sheet);
    const again = await gateway.recordExport(entry(2), { ...sheet, lines: ["other"] });
    expect(again.exportSheet).toBe("PARS Export 20251125-1430 (2)");
    expect(cellsOf(fake, "PARS Export 20251125-1430")).toEqual(lines.map((l) => [l]));
    expect(cellsOf(fake, "PARS Export 20251125-1430 (2)")).toEqual([["other"]]);
  });
});

describe("the selected Activities rows", () => {
  it.each([
    ["Activities", "A2:C3", [2, 3]],
    ["Activities", "B1:B9", [2, 3, 4]],
    ["Activities", "A1", []],
    ["Support", "A2", []],
  ])("a selection on %s at %s is rows %j, in one round trip", async (sheet, address, rows) => {
    const fake = smallWorkbook();
    const gateway = gatewayOf(fake);
    await gateway.check({ today: TODAY });
    fake.selected = { sheet, address };
    const syncs = fake.syncs;
    expect(await gateway.selectedActivityRows()).toEqual(rows);
    expect(fake.syncs - syncs).toBe(1);
  });

  it("is none before any check", async () => {
    const fake = smallWorkbook();
    fake.selected = { sheet: "Activities", address: "A2:A4" };
    expect(await gatewayOf(fake).selectedActivityRows()).toEqual([]);
  });
});
