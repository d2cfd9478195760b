import type { CellValue } from "../../src/core";
import { ACTIVITY_HEADERS, aRow, cellsOf, SUPPORT_HEADERS, type RowInput } from "./builders";
import { areaAddress, FakeExcel, type SheetModel } from "./fakeExcel";

/** Puts rows under headers at A1 of a new sheet and makes them an Excel table. */
export function addTableSheet(
  fake: FakeExcel,
  name: string,
  headers: readonly string[],
  rows: readonly RowInput[],
  tableName: string | null = name
): SheetModel {
  const sheet = fake.addSheet(name);
  const values: CellValue[][] = [headers as CellValue[], ...rows.map((r) => cellsOf(headers, r))];
  fake.setValues(sheet, 0, 0, values);
  if (tableName !== null) {
    fake.addTable(
      tableName,
      sheet,
      areaAddress({ r0: 0, c0: 0, nr: values.length, nc: headers.length })
    );
  }
  return sheet;
}

/**
 * A workbook with an Activities table of `count` grand-rounds rows in which every `failEvery`-th
 * row lacks its City (an error that fails a Closed row), and every `warnEvery`-th spells its
 * country by name (a warning).
 */
export function bigWorkbook(
  count: number,
  { failEvery = 7, warnEvery = 11 }: { failEvery?: number; warnEvery?: number } = {}
): FakeExcel {
  const fake = new FakeExcel();
  const rows: RowInput[] = [];
  for (let i = 0; i < count; i++) {
    rows.push(
      aRow({
        "Internal ID": `GR-${String(i + 1)}`,
        City: i % failEvery === 0 ? "" : "Chicago",
        Country: i % warnEvery === 0 ? "United States" : "USA",
      })
    );
  }
  addTableSheet(fake, "Activities", ACTIVITY_HEADERS, rows);
  return fake;
}

/** A small workbook: Activities with three rows (ok, failing, warning) and a Support table. */
export function smallWorkbook(): FakeExcel {
  const fake = new FakeExcel();
  addTableSheet(fake, "Activities", ACTIVITY_HEADERS, [
    aRow({ "Internal ID": "A-1", "Commercial Support": "Yes" }),
    aRow({ "Internal ID": "A-2", City: "", Credits: "" }),
    aRow({ "Internal ID": "A-3", Country: "United States" }),
  ]);
  addTableSheet(fake, "Support", SUPPORT_HEADERS, [
    { "Internal ID": "A-1", Source: "Acme", "Support Type": "Monetary", Amount: 100 },
  ]);
  return fake;
}

/** A provider's 2025: the FAQ's grand rounds (ended 06/30/2025) and a course lacking outcomes. */
export function yearWorkbook(): FakeExcel {
  const fake = new FakeExcel();
  addTableSheet(fake, "Activities", ACTIVITY_HEADERS, [
    aRow(),
    aRow({
      "Internal ID": "C-2",
      Title: "ECG Workshop",
      Format: "Live Course",
      "Start Date": "10/02/2025",
      "End Date": "10/02/2025",
      Credits: 3,
      "Physician Learners": 30,
      "Outcome Measures": "",
    }),
  ]);
  return fake;
}
