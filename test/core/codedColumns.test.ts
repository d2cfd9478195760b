import { CODED_COLUMNS, readRecords, TABLE_SPECS, type LocatedTable } from "../../src/core";

describe("coded columns", () => {
  it("offer only values the engine reads as valid in that column", () => {
    for (const spec of TABLE_SPECS) {
      const headers = spec.columns.map((c) => c.header);
      for (const [header, coded] of Object.entries(CODED_COLUMNS[spec.table])) {
        expect(headers).toContain(header);
        const located: LocatedTable = {
          table: spec.table,
          sheet: spec.table,
          foundBy: "table",
          headerRow: 1,
          headers: [header],
          body: coded.values.map((v) => [v]),
        };
        const problems: string[] = [];
        readRecords({ [spec.table]: located }, 1900, (body, severity) => {
          if (severity === "error") problems.push(`${header}: ${body.code}`);
        });
        expect(problems).toEqual([]);
      }
    }
  });
});
