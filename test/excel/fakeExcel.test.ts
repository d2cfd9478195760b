// The adapter tests are only as strict as this fake: check that it refuses what Excel refuses.
import { FakeExcel } from "../support/fakeExcel";

describe("the fake Excel host", () => {
  it("lets a loaded property be read only after the sync, and counts round trips", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Sheet1");
    await fake.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      expect(() => sheets.items).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Sheet1"]);
    });
    expect(fake.syncs).toBe(1);
    expect(fake.ops).toEqual(["WorksheetCollection.load"]);
  });

  it("refuses a response over 5 MB and an address over 8,192 characters", async () => {
    const fake = new FakeExcel();
    const sheet = fake.addSheet("Big");
    fake.setValues(
      sheet,
      0,
      0,
      Array.from({ length: 3000 }, () => ["x".repeat(2000)])
    );
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Big").getRange("A1:A3000").load("values");
      await expect(context.sync()).rejects.toMatchObject({
        code: "ResponsePayloadSizeLimitExceeded",
      });
      const areas = Array.from({ length: 2000 }, (_, i) => `A${String(i * 2 + 1)}`).join(",");
      context.workbook.worksheets.getItem("Big").getRanges(areas).conditionalFormats.add("Custom");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
    expect(fake.refusals).toBe(1);
    expect(sheet.conditionalFormats).toEqual([]);
  });

  it("fails a batch at the first missing item, as Excel does", async () => {
    const fake = new FakeExcel();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Nowhere").activate();
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
    expect(fake.activeSheet).toBeNull();
  });
});
