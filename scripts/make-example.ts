// Writes examples/activities.xlsx from examples/activities.source.json, the readable source of the
// sample workbook. Run: npm run example.
import { readFileSync } from "node:fs";
import path from "node:path";
import { buildParsWorkbook, type TableRows } from "../src/cli/writeWorkbook";

const root = path.join(__dirname, "..");
const source = JSON.parse(
  readFileSync(path.join(root, "examples", "activities.source.json"), "utf8")
) as Required<TableRows> & { about: string };
const tables: TableRows = {
  Activities: source.Activities,
  Support: source.Support,
  MOC: source.MOC,
  Sessions: source.Sessions,
  Learners: source.Learners,
};
const out = path.join(root, "examples", "activities.xlsx");
const wb = buildParsWorkbook(tables);
// A fixed creation date keeps the generated file the same from run to run.
wb.created = new Date(Date.UTC(2026, 0, 1));
wb.modified = wb.created;
void wb.xlsx.writeFile(out).then(() => console.log(`wrote ${out}`));
