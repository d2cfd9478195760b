import path from "node:path";
import {
  checkWorkbook,
  describeCell,
  missingFor,
  STATUSES,
  type CellValue,
  type CheckResult,
  type SourceTable,
  type WorkbookSource,
} from "../../src/core";
import { readWorkbook } from "../../src/cli/readWorkbook";
import { missing, status } from "../../src/functions/functions";
import { aBook, aRow } from "../support/builders";
import { faqExamplesBook, fullFieldsBook } from "../support/exportBooks";

const TODAY = "2025-11-25";

/** The Activities table of a workbook, as the worksheet functions are given it. */
function activitiesOf(book: WorkbookSource): SourceTable {
  const t = book.tables.find((x) => x.name === "Activities");
  if (t === undefined) throw new Error("no Activities table");
  return t;
}

/** Rows whose verdict rests on rows of other tables, which a one-row function cannot see. */
function linkedRows(book: WorkbookSource, result: CheckResult): Set<number> {
  const ids = new Set(
    book.tables
      .filter((t) => t.name !== "Activities")
      .flatMap((t) => t.values.slice(1).map((r) => describeCell(r[0]).trim().toUpperCase()))
  );
  return new Set(
    result.rows
      .filter((v) => v.internalId !== null && ids.has(v.internalId.trim().toUpperCase()))
      .map((v) => v.row)
  );
}

async function books(): Promise<[string, WorkbookSource][]> {
  const example = await readWorkbook(
    path.join(__dirname, "..", "..", "examples", "activities.xlsx")
  );
  return [
    ["examples/activities.xlsx", example],
    ["the FAQ examples", faqExamplesBook()],
    ["every field", fullFieldsBook()],
    [
      "rows the status rules care about",
      aBook({
        activities: [
          aRow({ "Internal ID": "S1", State: "Chicagoland" }),
          aRow({ "Internal ID": "S2", Status: "Active" }),
          aRow({ "Internal ID": "S3", Status: "", "Outcome Measures": "" }),
          aRow({ "Internal ID": "S4", Status: "Draft", Credits: "TBD" }),
          aRow({ "Internal ID": "S5", Description: "", Status: "Ready to Close" }),
          aRow({ "Internal ID": "S6", "End Date": "12/31/2025", Status: "Active" }),
        ],
      }),
    ],
  ];
}

describe("PARS.STATUS and PARS.MISSING give the command line's verdict", () => {
  it("on every row of every test workbook", async () => {
    let compared = 0;
    for (const [name, book] of await books()) {
      const out = checkWorkbook(book, { today: TODAY });
      if (!out.ok) throw new Error(`${name}: ${out.problem}`);
      const table = activitiesOf(book);
      const headers = [table.values[0] as CellValue[]];
      const linked = linkedRows(book, out.result);
      for (const v of out.result.rows) {
        if (linked.has(v.row)) continue;
        const row = [table.values[v.row - table.top] as CellValue[]];
        const seen = {
          book: name,
          row: v.row,
          status: status(headers, row, TODAY),
          missing: STATUSES.values
            .filter((s) => s !== "Cancelled")
            .map((s) => missing(headers, row, s, TODAY)),
        };
        expect(seen).toEqual({
          book: name,
          row: v.row,
          status: v.achievedStatus,
          missing: STATUSES.values
            .filter((s) => s !== "Cancelled")
            .map((s) => missingFor(v, s).join("; ")),
        });
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(15);
  });

  it("including an invalid US State, which leaves the row short of Active", async () => {
    const book = (await books())[3]?.[1];
    if (book === undefined) throw new Error("no status workbook");
    const table = activitiesOf(book);
    const row = [table.values[1] as CellValue[]];
    const headers = [table.values[0] as CellValue[]];
    expect(status(headers, row, TODAY)).toBe("Draft");
    expect(missing(headers, row, "Ready to Close", TODAY)).toBe("State (not valid)");
  });
});
