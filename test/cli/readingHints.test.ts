import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { cellAddress } from "../../src/cli/xlsx/readXlsx";
import type { CellValue } from "../../src/core";
import { ACTIVITY_HEADERS, aRow, cellsOf, TODAY } from "../support/builders";
import { runCli } from "../support/cli";
import { tableRel, tableXml, xlsxParts, zipOf } from "../support/zipOf";

const dir = mkdtempSync(path.join(tmpdir(), "pars-hints-"));

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** `<sheetData>` for rows starting at sheet row `top` and column `firstCol` (1 for A). */
function sheetData(
  rows: readonly (readonly CellValue[])[],
  options: { top?: number; firstCol?: number; hidden?: readonly number[]; after?: string } = {}
): string {
  const { top = 1, firstCol = 1, hidden = [] } = options;
  const xml = rows.map((cells, i) => {
    const r = top + i;
    const cs = cells
      .map((c, j) => {
        const ref = cellAddress(r, firstCol + j);
        if (c === null || c === "") return "";
        if (typeof c === "number") return `<c r="${ref}"><v>${c}</v></c>`;
        return `<c r="${ref}" t="inlineStr"><is><t>${escape(typeof c === "string" ? c : JSON.stringify(c))}</t></is></c>`;
      })
      .join("");
    return `<row r="${r}"${hidden.includes(r) ? ` hidden="1"` : ""}>${cs}</row>`;
  });
  return `<sheetData>${xml.join("")}</sheetData>${options.after ?? ""}`;
}

async function check(name: string, parts: ReturnType<typeof xlsxParts>) {
  const file = path.join(dir, name);
  writeFileSync(file, zipOf(parts));
  return runCli(["check", file, "--today", TODAY], {
    columns: 100,
    now: new Date(2026, 1, 10, 9, 30),
  });
}

describe("the check report reads what the coordinator wrote", () => {
  it("points a row that fails for a missing column to the header's finding", async () => {
    const headers = ACTIVITY_HEADERS.filter((h) => h !== "End Date");
    const rows = [
      headers,
      cellsOf(headers, aRow()),
      cellsOf(headers, aRow({ "Internal ID": "B" })),
    ];
    const r = await check(
      "no-end.xlsx",
      xlsxParts({ sheets: [{ name: "Activities", body: sheetData(rows) }] })
    );
    expect(r.code).toBe(1);
    const pointers = r.stdout.split("\n").filter((l) => l.includes("see the missing column"));
    expect(pointers).toEqual([
      "  see the missing column End Date, Activities header row 1",
      "  see the missing column End Date, Activities header row 1",
    ]);
    // The finding itself is said once, at the header.
    expect(r.stdout.match(/"End Date" column/g)).toHaveLength(1);
  });

  it("names two columns with one meaning by their letters in a table that starts at column C", async () => {
    const headers = ["Title", "Format", "Activity Title"];
    const r = await check(
      "dup.xlsx",
      xlsxParts({
        sheets: [
          {
            name: "Data",
            body: sheetData([headers, ["Rounds", "Internet Enduring Material", "Rounds"]], {
              top: 2,
              firstCol: 3,
              after: `<tableParts count="1"><tablePart r:id="rId1"/></tableParts>`,
            }),
            rels: tableRel("rId1", 1),
          },
        ],
        extra: {
          "xl/tables/table1.xml": tableXml(
            `name="Activities" displayName="Activities" ref="C2:E3"`,
            headers
          ),
        },
      })
    );
    expect(r.stdout).toContain("Columns C and E both read as Title");
  });

  it("says which findings are on a hidden row", async () => {
    const rows = [
      ACTIVITY_HEADERS,
      cellsOf(ACTIVITY_HEADERS, aRow({ "Internal ID": "SHOWN", City: "" })),
      cellsOf(ACTIVITY_HEADERS, aRow({ "Internal ID": "HIDDEN", City: "" })),
    ];
    const r = await check(
      "hidden.xlsx",
      xlsxParts({ sheets: [{ name: "Activities", body: sheetData(rows, { hidden: [3] }) }] })
    );
    const heads = r.stdout.split("\n").filter((l) => /^Row \d/.test(l));
    expect(heads[0]).toMatch(/^Row 2 · SHOWN/);
    expect(heads[1]).toMatch(/^Row 3 \(hidden row\) · HIDDEN/);
  });

  it("leaves out the total row of a table found by its sheet's name, not its own", async () => {
    const totals = ACTIVITY_HEADERS.map((h) => (h === "Credits" ? 52 : null));
    const rows = [ACTIVITY_HEADERS, cellsOf(ACTIVITY_HEADERS, aRow()), totals];
    const last = cellAddress(3, ACTIVITY_HEADERS.length);
    const r = await check(
      "totals.xlsx",
      xlsxParts({
        sheets: [
          {
            name: "Activities",
            body: sheetData(rows, {
              after: `<tableParts count="1"><tablePart r:id="rId1"/></tableParts>`,
            }),
            rels: tableRel("rId1", 1),
          },
        ],
        extra: {
          "xl/tables/table1.xml": tableXml(
            `name="Table1" displayName="Table1" ref="A1:${last}" totalsRowCount="1"`,
            ACTIVITY_HEADERS
          ),
        },
      })
    );
    expect(r.stdout).toContain('Activities: 1 row on sheet "Activities" (found by sheet)');
    expect(r.stdout).not.toMatch(/^Row 3/m);
  });
});
