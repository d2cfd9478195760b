import { checkWorkbook, messageOf, type CellValue, type CheckResult } from "../../src/core";
import { readWorkbook } from "../../src/excel/readWorkbook";
import { ACTIVITY_HEADERS, aRow, cellsOf, TODAY } from "../support/builders";
import { areaAddress, FakeExcel } from "../support/fakeExcel";
import { addTableSheet } from "../support/fakeWorkbooks";
import { ALL_FINDINGS, findingGroups } from "../../src/taskpane/viewModels/findingGroups";

async function checkFake(fake: FakeExcel): Promise<CheckResult> {
  const read = await fake.run((context) => readWorkbook(context));
  const out = checkWorkbook(read.source, { today: TODAY });
  if (!out.ok) throw new Error(out.problem);
  return out.result;
}

describe("the pane's reader tells core where the cells sit", () => {
  it("names two columns with one meaning by their letters, on a sheet that starts at column C", async () => {
    const fake = new FakeExcel();
    const sheet = fake.addSheet("Activities");
    const headers = [...ACTIVITY_HEADERS, "Start Date"];
    const row = aRow();
    const values: CellValue[][] = [headers, [...cellsOf(ACTIVITY_HEADERS, row), row["Start Date"]]];
    fake.setValues(sheet, 1, 2, values);
    const r = await checkFake(fake);
    const dup = r.issues.find((i) => i.code === "duplicate_column")!;
    // Start Date is the fifth of the 27 columns from C (G); the extra one is the 28th (AD).
    expect(ACTIVITY_HEADERS.indexOf("Start Date")).toBe(4);
    expect(ACTIVITY_HEADERS).toHaveLength(27);
    expect(dup).toMatchObject({ row: 2, letters: ["G", "AD"], meaning: "Start Date" });
    expect(messageOf(dup)).toBe(
      'Columns G and AD both read as Start Date ("Start Date", "Start Date"); column G is read, the others are ignored.'
    );
  });

  it("names them by letter in an Excel table that starts at column B", async () => {
    const fake = new FakeExcel();
    const sheet = fake.addSheet("Data");
    const headers = ["Title", "Format", "Activity Title"];
    fake.setValues(sheet, 0, 1, [headers, ["Rounds", "Internet Enduring Material", "Rounds"]]);
    fake.addTable("Activities", sheet, areaAddress({ r0: 0, c0: 1, nr: 2, nc: 3 }));
    const r = await checkFake(fake);
    expect(r.issues.find((i) => i.code === "duplicate_column")).toMatchObject({
      letters: ["B", "D"],
      meaning: "Title",
    });
  });

  it("marks the findings of hidden rows, reading rowHidden row by row only where some are hidden", async () => {
    const fake = new FakeExcel();
    const rows = [
      aRow({ "Internal ID": "SHOWN", City: "" }),
      aRow({ "Internal ID": "HIDDEN", City: "" }),
    ];
    const sheet = addTableSheet(fake, "Activities", ACTIVITY_HEADERS, rows);
    sheet.hiddenRows = new Set([2]); // sheet row 3
    const r = await checkFake(fake);
    const city = r.issues.filter((i) => i.column === "City");
    expect(city.map((i) => [i.row, i.hidden])).toEqual([
      [2, undefined],
      [3, true],
    ]);
    const groups = findingGroups(r, { ...ALL_FINDINGS, groupBy: "row" });
    expect(groups.map((g) => g.title.split(" · ")[0])).toEqual(["Row 2", "Row 3 (hidden row)"]);
  });

  it("spends no round trip on hidden rows when none is hidden", async () => {
    const plain = new FakeExcel();
    addTableSheet(plain, "Activities", ACTIVITY_HEADERS, [aRow()]);
    await checkFake(plain);
    const hidden = new FakeExcel();
    addTableSheet(hidden, "Activities", ACTIVITY_HEADERS, [aRow(), aRow()]).hiddenRows = new Set([
      1,
    ]);
    await checkFake(hidden);
    expect(hidden.syncs).toBe(plain.syncs + 1);
  });

  it("leaves out the total row of an Excel table found by its sheet, in the sizing round trip", async () => {
    const build = (totals: boolean) => {
      const fake = new FakeExcel();
      const sheet = addTableSheet(fake, "Activities", ACTIVITY_HEADERS, [aRow()], "Table1");
      fake.setValues(sheet, 2, ACTIVITY_HEADERS.indexOf("Credits"), [[52]]);
      const t = fake.tables[0]!;
      t.nr = 3;
      t.totals = totals;
      return fake;
    };
    const withTotals = build(true);
    const r = await checkFake(withTotals);
    expect(r.tables).toEqual([
      { table: "Activities", sheet: "Activities", foundBy: "sheet", rows: 1 },
    ]);
    expect(r.issues).toEqual([]);
    const plain = build(false);
    expect((await checkFake(plain)).rows.map((v) => v.row)).toEqual([2, 3]);
    expect(withTotals.syncs).toBe(plain.syncs);
  });
});
