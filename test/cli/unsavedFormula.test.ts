import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { checkWorkbook, messageOf } from "../../src/core";
import { readWorkbook } from "../../src/cli/readWorkbook";
import { buildParsWorkbook } from "../../src/cli/writeWorkbook";
import { aRow, TODAY } from "../support/builders";

describe("a workbook written by a program and never calculated", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "pars-formula-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("says to open and save it in Excel, not that the formula's column is empty", async () => {
    const file = path.join(dir, "generated.xlsx");
    const title = { formula: 'CONCAT("Grand ","Rounds")' };
    await buildParsWorkbook({ Activities: [aRow({ Title: title })] }).xlsx.writeFile(file);
    const out = checkWorkbook(await readWorkbook(file), { today: TODAY });
    if (!out.ok) throw new Error(out.problem);
    expect(out.result.issues.map((i) => [i.code, i.column])).toEqual([
      ["formula_without_result", "Title"],
    ]);
    expect(messageOf(out.result.issues[0]!)).toMatch(/^The cell holds the formula =CONCAT/);
  });
});
