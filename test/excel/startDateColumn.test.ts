import { FakeExcel } from "../support/fakeExcel";
import { WorkbookGateway } from "../../src/excel/WorkbookGateway";

// Support and MOC rows name their activity's start date where one Internal ID serves several
// activities: the tables a coordinator starts from offer the column.
describe("the Start Date column of Support and MOC", () => {
  it("is in the tables Insert PARS tables makes", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Sheet1");
    const caps = { check: true, highlight: true, live: true, insertTables: true };
    await new WorkbookGateway(fake.run, caps, () => Promise.resolve()).insertTables({
      example: false,
    });
    expect(fake.sheet("Support").rows[0]?.slice(0, 3)).toEqual([
      "Internal ID",
      "Start Date",
      "Source",
    ]);
    expect(fake.sheet("MOC").rows[0]?.slice(0, 3)).toEqual(["Internal ID", "Start Date", "Board"]);
  });
});
