// One reading of one .xlsx by one candidate reader, alone in its own process so that its peak
// memory (maxRSS) is its own: `node readerProbe.js <candidate> <file>` prints {"ms","peakMb"}.
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { run } from "../src/cli/main";
import { readWorkbookFile } from "../src/cli/readWorkbook";

export const CANDIDATES = {
  /** `pars-ready check` as a user runs it: lean read, check, report. */
  "pars-ready check": async (file: string) => {
    const code = await run(["check", file, "--today", "2025-11-25"], {
      stdout: () => undefined,
      stderr: () => undefined,
      isTTY: false,
      columns: 80,
      now: new Date(),
      env: {},
    });
    if (code === 2) throw new Error(`${file}: check could not read it`);
  },
  /** The lean reader alone. */
  "lean read": async (file: string) => {
    await readWorkbookFile(file);
  },
  /** exceljs's full load, as the command line read workbooks before. */
  "exceljs load": async (file: string) => {
    await new ExcelJS.Workbook().xlsx.readFile(file);
  },
  /** exceljs's streaming reader, every cell's value visited (it does not read tables). */
  "exceljs stream": async (file: string) => {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
      worksheets: "emit",
      sharedStrings: "cache",
      hyperlinks: "ignore",
      styles: "ignore",
    });
    let cells = 0;
    for await (const ws of reader) {
      for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) {
        cells += (row.values as unknown[]).length;
      }
    }
    if (cells === 0) throw new Error("no cells");
  },
} as const;

export type Candidate = keyof typeof CANDIDATES;

if (require.main === module) {
  const [candidate, file] = process.argv.slice(2) as [Candidate, string];
  const t0 = performance.now();
  void CANDIDATES[candidate](file).then(() => {
    const ms = Math.round(performance.now() - t0);
    const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
    process.stdout.write(JSON.stringify({ ms, peakMb }));
  });
}
