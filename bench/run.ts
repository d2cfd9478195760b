// `npm run bench`: every benchmark of PARS Ready, one after another, each printing its figures with
// their workload; then one JSON line with every figure. Benchmarks never run inside unit tests.
import { engineBench } from "./engine.bench";
import { exportBench } from "./export.bench";
import { functionsBench } from "./functions.bench";
import { ratiosBench } from "./ratios.bench";
import { learnersBench } from "./learners.bench";
import { taskpaneBench } from "./taskpane.bench";
import { xlsxBench } from "./xlsx.bench";

type Bench = { readonly name: string; readonly run: () => Promise<Record<string, number>> };

/** Add a benchmark by appending it here; its keys join the closing JSON line. */
const BENCHES: readonly Bench[] = [
  { name: "engine", run: engineBench },
  { name: "xlsx", run: xlsxBench },
  { name: "ratios", run: ratiosBench },
  { name: "export", run: exportBench },
  { name: "learners", run: learnersBench },
  { name: "functions", run: functionsBench },
  { name: "taskpane", run: taskpaneBench },
];

async function main(): Promise<void> {
  // `npm run bench -- xlsx ratios` runs only the benchmarks named.
  const only = process.argv.slice(2);
  const figures: Record<string, number> = {};
  for (const b of BENCHES.filter((x) => only.length === 0 || only.includes(x.name))) {
    console.log(`\n== ${b.name}`);
    Object.assign(figures, await b.run());
  }
  console.log(JSON.stringify(figures));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
