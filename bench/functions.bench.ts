// Cost of one worksheet-function call as Excel makes it (arguments as 2-D arrays), over 100,000
// calls each: a workbook column of =PARS.STATUS(...) recalculates one call per row.
import { ACTIVITIES, checkWorkbook, GRAND_ROUNDS_EXAMPLE } from "../src/core";
import { learnerTotal, missing, rssCredits, status } from "../src/functions/functions";
import { generateBook } from "./generate";

const CALLS = 100_000;
const TODAY = "2025-11-25";

// The FAQ's grand-rounds series (core's worked example) as one complete 27-column Activities row.
export const HEADERS = [ACTIVITIES.columns.map((c) => c.header)];
const ROW_VALUES = GRAND_ROUNDS_EXAMPLE;
export const ROW = [HEADERS[0]!.map((h) => ROW_VALUES[h] ?? "")];

/** Microseconds per call of `fn` over CALLS calls, after a warm-up; `check` guards the result. */
function perCall(fn: () => unknown, check: (r: unknown) => boolean): number {
  for (let i = 0; i < 2_000; i++) fn();
  (globalThis as { gc?: () => void }).gc?.();
  let last: unknown;
  const start = process.hrtime.bigint();
  for (let i = 0; i < CALLS; i++) last = fn();
  const ns = Number(process.hrtime.bigint() - start);
  if (!check(last)) throw new Error(`unexpected result ${JSON.stringify(last)}`);
  return Math.round((ns / CALLS / 1000) * 1000) / 1000;
}

const BATCH_ROWS = 20_000;

/** Microseconds per row of a batch check of BATCH_ROWS generated activities, median of 5. */
function batchRowUs(): number {
  const book = generateBook(BATCH_ROWS);
  checkWorkbook(book, { today: TODAY }); // warm up
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const start = process.hrtime.bigint();
    checkWorkbook(book, { today: TODAY });
    times.push(Number(process.hrtime.bigint() - start) / BATCH_ROWS / 1000);
  }
  times.sort((a, b) => a - b);
  return Math.round((times[2] as number) * 1000) / 1000;
}

/**
 * The custom functions benchmark: µs per call of RSS_CREDITS, LEARNER_TOTAL, STATUS, MISSING,
 * and the cost of one row of a batch check (the same engine on a whole workbook).
 */
export async function functionsBench(): Promise<Record<string, number>> {
  const figures = {
    fn_rss_credits_us: perCall(
      () => rssCredits([[1]], 52),
      (r) => r === 52
    ),
    fn_learner_total_us: perCall(
      () => learnerTotal([[20]], 52),
      (r) => r === 1040
    ),
    fn_status_us: perCall(
      () => status(HEADERS, ROW, TODAY),
      (r) => r === "Closed"
    ),
    fn_missing_us: perCall(
      () => missing(HEADERS, ROW, "Closed", TODAY),
      (r) => r === ""
    ),
  };
  const batchRow = batchRowUs();
  console.log(
    `custom functions, ${String(CALLS)} calls each; STATUS/MISSING on one ${String(HEADERS[0]!.length)}-column Activities row (FAQ grand rounds, Closed), today ${TODAY}`
  );
  for (const [k, v] of Object.entries(figures))
    console.log(`  ${k.padEnd(20)} ${v.toFixed(3)} µs/call`);
  // ratio_status_vs_batch_row is taken in the ratios benchmark, the two sides interleaved.
  console.log(
    `  batch_row_us         ${batchRow.toFixed(3)} µs/row of a ${String(BATCH_ROWS)}-row check`
  );
  return Promise.resolve({ ...figures, batch_row_us: batchRow });
}
