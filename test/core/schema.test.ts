import { normaliseKey, readText, readCount, TABLE_SPECS } from "../../src/core";
import { readTable } from "../../src/core/parse/readRecords";
import { defineTable, recordBuilder } from "../../src/core/schema";
import type { Issue, LocatedTable } from "../../src/core";

const located = (headers: string[], body: (string | number | null)[][]): LocatedTable => ({
  table: "Sessions",
  sheet: "Sheet1",
  foundBy: "sheet",
  headerRow: 1,
  headers,
  body,
});

describe("table declarations", () => {
  it("label each field by its key, whatever order the columns are declared or laid out in", () => {
    const columns = {
      topic: { header: "Topic", aliases: [], read: readText, coded: null },
      hours: { header: "Hours", aliases: ["Duration"], read: readCount, coded: null },
    } as const;
    const forward = defineTable({ table: "Sessions", id: "t", names: [], columns });
    const backward = defineTable({
      table: "Sessions",
      id: "t",
      names: [],
      columns: { hours: columns.hours, topic: columns.topic },
    });
    for (const spec of [forward, backward]) {
      const read = readTable(spec, located(["Duration", "Topic"], [[2, "Sepsis"]]), 1900, () => {
        throw new Error("no finding expected");
      });
      expect(read.records).toEqual([
        {
          row: 2,
          topic: { kind: "ok", value: "Sepsis" },
          hours: { kind: "ok", value: 2 },
        },
      ]);
    }
  });

  it("read a new table from its declaration alone, with findings at the right column", () => {
    const LEARNERS = defineTable({
      table: "Sessions",
      id: "learners",
      names: ["Learners"],
      columns: {
        name: { header: "Learner Name", aliases: ["Name"], read: readText, coded: null },
        count: { header: "Count", aliases: [], read: readCount, coded: null },
      },
    });
    const found: Pick<Issue, "code" | "row" | "column">[] = [];
    const read = readTable(
      LEARNERS,
      located(
        ["Name", "Count"],
        [
          ["Ada", "many"],
          [null, null],
          ["Grace", 3],
        ]
      ),
      1900,
      (body, _severity, place) =>
        found.push({ code: body.code, row: place.row, column: place.column })
    );
    expect(read.records.map((r) => [r.row, r.name, r.count])).toEqual([
      [
        2,
        { kind: "ok", value: "Ada" },
        { kind: "invalid", issue: { code: "invalid_count", value: "many" } },
      ],
      [4, { kind: "ok", value: "Grace" }, { kind: "ok", value: 3 }],
    ]);
    expect(found).toEqual([{ code: "invalid_count", row: 2, column: "Count" }]);
  });

  it("build the same records compiled or field by field", () => {
    const keys = ["title", "format", "notes"];
    const fields = [{ kind: "empty" }, { kind: "ok", value: "rss" }, { kind: "empty" }] as const;
    const compiled = recordBuilder(keys)(7, fields);
    const plain = recordBuilder(keys, false)(7, fields);
    expect(compiled).toEqual(plain);
    expect(Object.keys(compiled as object)).toEqual(["row", ...keys]);
  });

  it("never give two columns of one table the same header or alias", () => {
    for (const spec of TABLE_SPECS) {
      const owner = new Map<string, string>();
      for (const c of spec.columns) {
        for (const name of [c.header, ...c.aliases]) {
          const k = normaliseKey(name);
          expect([spec.table, name, owner.get(k) ?? c.key]).toEqual([spec.table, name, c.key]);
          owner.set(k, c.key);
        }
      }
    }
  });
});
