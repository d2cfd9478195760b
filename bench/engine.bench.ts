// Engine figures: parse + check of generated workbooks (reading .xlsx is bench/xlsx.bench.ts).
import { performance } from "node:perf_hooks";
import { checkWorkbook } from "../src/core";
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

export function engineBench(): Promise<Record<string, number>> {
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

  return Promise.resolve({
    check_10k_ms: k10.ms,
    check_100k_ms: k100.ms,
    rows_per_s_100k: rowsPerS,
    peak_heap_mb_100k: k100.heapMb,
    check_20k_one_id_ms: oneIdMs,
  });
}
