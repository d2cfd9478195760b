// A profiling aid, not a benchmark: checks the 100,000-activity workbook a few times so that
// `node --cpu-prof dist-bench/bench/profileCheck.js` shows where the check spends its time.
import { performance } from "node:perf_hooks";
import { checkWorkbook } from "../src/core";
import { generateBook } from "./generate";

const n = Number(process.argv[2] ?? 100_000);
const runs = Number(process.argv[3] ?? 6);
const book = generateBook(n);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
for (let i = 0; i < runs; i++) {
  gc();
  const t0 = performance.now();
  const out = checkWorkbook(book, { today: "2025-11-25" });
  const ms = performance.now() - t0;
  const issues = out.ok ? out.result.issues.length : -1;
  console.log(`run ${String(i)}: ${String(Math.round(ms))} ms, ${String(issues)} issues`);
}
