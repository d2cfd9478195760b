// Reading .xlsx: the candidate readers side by side on the 50,000-activity workbook, with and
// without whole-column dropdowns, each in its own process for its peak memory; then
// `pars-ready check` over exceljs's bare load, timed in this process with the two interleaved.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { buildParsWorkbook } from "../src/cli/writeWorkbook";
import { CODED_COLUMNS } from "../src/core";
import { generateRows } from "./generate";
import { CANDIDATES, type Candidate } from "./readerProbe";

const N = 50_000;
const RUNS = 5;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** The bench workbook; with `wholeColumns`, each dropdown also covers its column to row 1,048,576. */
async function workbook(wholeColumns: boolean): Promise<string> {
  const file = path.join(tmpdir(), `pars-ready-bench-50k${wholeColumns ? "-columns" : ""}.xlsx`);
  if (existsSync(file)) return file;
  const wb = buildParsWorkbook(generateRows(N));
  if (wholeColumns) {
    const ws = wb.getWorksheet("Activities");
    const headers = (ws?.getRow(1).values as unknown[]) ?? [];
    headers.forEach((h, col) => {
      if (typeof h !== "string" || CODED_COLUMNS.Activities[h] === undefined || ws === undefined) {
        return;
      }
      const letter = ws.getColumn(col).letter;
      // Present at run time, missing from exceljs's types: one rule over a range, kept as written.
      const rules = (ws as unknown as { dataValidations: { add: (a: string, v: object) => void } })
        .dataValidations;
      rules.add(`${letter}2:${letter}1048576`, {
        type: "list",
        allowBlank: true,
        formulae: ['"Yes,No"'],
      });
    });
  }
  await wb.xlsx.writeFile(file);
  return file;
}

function probe(candidate: Candidate, file: string): { ms: number; peakMb: number } {
  const out = spawnSync(
    process.execPath,
    [path.join(__dirname, "readerProbe.js"), candidate, file],
    {
      encoding: "utf8",
      timeout: 600_000,
    }
  );
  if (out.status !== 0) throw new Error(`${candidate} on ${file} failed: ${out.stderr}`);
  return JSON.parse(out.stdout) as { ms: number; peakMb: number };
}

export async function xlsxBench(): Promise<Record<string, number>> {
  const plain = await workbook(false);
  const columns = await workbook(true);
  console.log(
    `workload: ${String(N)} activities (+ Support, MOC, Sessions), ${plain}; the same with whole-column dropdowns, ${columns}`
  );
  const figures: Record<string, number> = {};
  const key = (c: string) => c.replace(/[^a-z]+/g, "_");
  for (const [label, file, skip] of [
    ["plain", plain, []],
    // exceljs's full load expands every address of a whole-column dropdown (exceljs #1842): a
    // 5,000-row workbook ran past 300 s, so it is not run on this one.
    ["whole-column dropdowns", columns, ["exceljs load"]],
  ] as const) {
    for (const candidate of Object.keys(CANDIDATES) as Candidate[]) {
      if ((skip as readonly string[]).includes(candidate)) {
        console.log(`${label}: ${candidate}: not run (past 300 s at 5,000 rows)`);
        continue;
      }
      const r = probe(candidate, file);
      console.log(
        `${label}: ${candidate}: ${String(r.ms)} ms, peak ${String(r.peakMb)} MB (own process, once)`
      );
      const suffix = label === "plain" ? "" : "_columns";
      figures[`xlsx_50k_${key(candidate)}${suffix}_ms`] = r.ms;
      figures[`xlsx_50k_${key(candidate)}${suffix}_peak_mb`] = r.peakMb;
    }
  }

  // Interleaved so that both sides see the same machine load.
  const checks: number[] = [];
  const loads: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    gc();
    let t0 = performance.now();
    await CANDIDATES["exceljs load"](plain);
    const load = performance.now() - t0;
    gc();
    t0 = performance.now();
    await CANDIDATES["pars-ready check"](plain);
    const check = performance.now() - t0;
    if (i === 0) continue; // warm-up
    loads.push(load);
    checks.push(check);
  }
  const ratio = Math.round((median(checks) / median(loads)) * 100) / 100;
  console.log(
    `pars-ready check (read + check + report) ${String(Math.round(median(checks)))} ms over exceljs's bare load ${String(Math.round(median(loads)))} ms: ratio_xlsx_check_vs_exceljs_load ${String(ratio)} (interleaved, median of ${String(RUNS)})`
  );
  return { ...figures, ratio_xlsx_check_vs_exceljs_load: ratio };
}
