// Engine and CLI figures: parse + check of generated workbooks, and `check` on a 50,000-row .xlsx
// beside exceljs's own load of the same file.
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { checkWorkbook } from "../src/core";
import { readWorkbook } from "../src/cli/readWorkbook";
import { buildParsWorkbook } from "../src/cli/writeWorkbook";
import { bookOf, generateBook, generateRows } from "./generate";

const TODAY = "2025-11-25";
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function timeCheck(n: number, runs: number): { ms: number; heapMb: number; failing: number } {
  const book = generateBook(n);
  checkWorkbook(book, { today: TODAY }); // warm up
  const times: number[] = [];
  let heapMb = 0;
  let failing = 0;
  for (let i = 0; i < runs; i++) {
    gc();
    const before = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const out = checkWorkbook(book, { today: TODAY });
    times.push(performance.now() - t0);
    // Heap held by the check while its result is alive, above the input workbook.
    heapMb = Math.max(heapMb, mb(process.memoryUsage().heapUsed - before));
    if (out.ok) failing = out.result.summary.failing;
  }
  return { ms: Math.round(median(times) * 10) / 10, heapMb, failing };
}

export async function engineBench(): Promise<Record<string, number>> {
  const k10 = timeCheck(10_000, 7);
  console.log(
    `parse + check, 10,000 activities (+ Support, MOC, Sessions rows; ~10% faulty): ${k10.ms} ms median of 7, ${k10.failing} rows failing`
  );
  const k100 = timeCheck(100_000, 5);
  const rowsPerS = Math.round(100_000 / (k100.ms / 1000));
  console.log(
    `parse + check, 100,000 activities: ${k100.ms} ms median of 5, ${rowsPerS} rows/s, heap held by the check ${k100.heapMb} MB, ${k100.failing} rows failing`
  );

  // The worst case for the rules comparing rows that share an Internal ID: one ID on every row.
  const oneIdRows = generateRows(20_000);
  for (const row of oneIdRows.Activities) row["Internal ID"] = "TBD";
  const oneId = bookOf(oneIdRows);
  const oneIdTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    gc();
    const t0 = performance.now();
    checkWorkbook(oneId, { today: TODAY });
    oneIdTimes.push(performance.now() - t0);
  }
  const oneIdMs = Math.round(median(oneIdTimes));
  console.log(
    `parse + check, 20,000 activities all with Internal ID "TBD": ${oneIdMs} ms median of 3`
  );

  const file = path.join(tmpdir(), "pars-ready-bench-50k.xlsx");
  if (!existsSync(file)) {
    const rows = generateRows(50_000);
    await buildParsWorkbook(rows).xlsx.writeFile(file);
  }
  const loads: number[] = [];
  const checks: number[] = [];
  for (let i = 0; i < 3; i++) {
    gc();
    let t0 = performance.now();
    await new ExcelJS.Workbook().xlsx.readFile(file);
    loads.push(performance.now() - t0);
    gc();
    t0 = performance.now();
    const out = checkWorkbook(await readWorkbook(file), { today: TODAY });
    checks.push(performance.now() - t0);
    if (!out.ok) throw new Error("benchmark workbook lost its Activities table");
  }
  const load = Math.round(median(loads));
  const check = Math.round(median(checks));
  console.log(
    `50,000-activity .xlsx: exceljs load ${load} ms, read + check ${check} ms (${(check / load).toFixed(2)}x), median of 3`
  );
  return {
    check_10k_ms: k10.ms,
    check_100k_ms: k100.ms,
    rows_per_s_100k: rowsPerS,
    peak_heap_mb_100k: k100.heapMb,
    check_20k_one_id_ms: oneIdMs,
    xlsx_50k_check_ms: check,
    xlsx_50k_load_ms: load,
  };
}
