import { buildParsWorkbook } from "../../src/cli/writeWorkbook";

// Support and MOC rows name their activity's start date where one Internal ID serves several
// activities (the Insert PARS tables side is in test/excel).
describe("the Start Date column of Support and MOC", () => {
  it("is in the workbook the template command writes", () => {
    const wb = buildParsWorkbook();
    const headers = (name: string) =>
      (wb.getWorksheet(name)?.getRow(1).values as unknown[]).slice(1, 4);
    expect(headers("Support")).toEqual(["Internal ID", "Start Date", "Source"]);
    expect(headers("MOC")).toEqual(["Internal ID", "Start Date", "Board"]);
  });
});
