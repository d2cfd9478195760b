// Round trips and Excel commands of one check-and-highlight pass of the task pane, measured on the
// fake Excel host (which enforces Excel's payload and address limits), at three table sizes. The
// bundle size joins when a webpack build (dist/taskpane.js) is present.
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import type { SheetChange } from "../src/excel/changePlan";
import { WorkbookGateway } from "../src/excel/WorkbookGateway";
import type { FakeExcel } from "../test/support/fakeExcel";
import { bigWorkbook } from "../test/support/fakeWorkbooks";

const TODAY = "2025-11-25";
const ALL = { check: true, highlight: true, live: true, insertTables: true };

async function pass(
  rows: number
): Promise<{ syncs: number; ops: number; ms: number; fake: FakeExcel; gateway: WorkbookGateway }> {
  const fake = bigWorkbook(rows);
  const gateway = new WorkbookGateway(fake.run, ALL, () => Promise.resolve());
  const start = performance.now();
  const result = await gateway.check({ today: TODAY });
  const ms = performance.now() - start;
  if (!result.outcome.ok) throw new Error("the benchmark workbook has no Activities table");
  const s = result.outcome.result.summary;
  console.log(
    `${rows.toLocaleString("en-US")} Activities rows × 27 columns (every 7th failing, every 11th ` +
      `with a warning): ${String(fake.syncs)} round trips, ${fake.ops.length.toLocaleString("en-US")} ` +
      `Excel commands, ${String(s.failing)} failing rows marked, largest response ` +
      `${(fake.maxResponseBytes / 1e6).toFixed(2)} MB, ${ms.toFixed(0)} ms on the fake host`
  );
  return { syncs: fake.syncs, ops: fake.ops.length, ms, fake, gateway };
}

/** One cell edited after the check: round trips of the live re-check that follows. */
async function liveEdit(fake: FakeExcel, gateway: WorkbookGateway): Promise<number> {
  const before = fake.syncs;
  const changes: SheetChange[] = [];
  await gateway.watch((c) => changes.push(c));
  await fake.userEdit("Activities", "J2", [["Chicago"]]);
  const start = performance.now();
  const after = await gateway.recheck(changes);
  const ms = performance.now() - start;
  const syncs = fake.syncs - before - 1; // less the round trip that registered the handler
  console.log(
    `one cell edited after the 100,000-row check: ${String(syncs)} round trips, ` +
      `${String(after?.rowsRead ?? 0)} row read again, ${ms.toFixed(0)} ms on the fake host`
  );
  return syncs;
}

/** Round trips and commands per check-and-highlight pass, and the task pane bundle when built. */
export async function taskpaneBench(): Promise<Record<string, number>> {
  const k1 = await pass(1_000);
  const k10 = await pass(10_000);
  const k100 = await pass(100_000);
  const figures: Record<string, number> = {
    syncs_1k: k1.syncs,
    syncs_10k: k10.syncs,
    syncs_100k: k100.syncs,
    excel_ops_100k: k100.ops,
    syncs_live_edit_100k: await liveEdit(k100.fake, k100.gateway),
  };
  const bundle = "dist/taskpane.js";
  if (existsSync(bundle)) {
    const kb = gzipSync(readFileSync(bundle)).length / 1024;
    console.log(`${bundle}: ${kb.toFixed(1)} kB gzipped`);
    figures.taskpane_js_gzip_kb = Math.round(kb * 10) / 10;
  } else {
    console.log(`${bundle} not built: run the webpack build to measure the task pane bundle`);
  }
  return figures;
}
