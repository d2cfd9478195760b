// Learners benchmark: 100,000 learner completions beside 10,000 activities (the engine bench's
// generated workbook, each activity given an ACCME Activity ID), ten completions per activity,
// about one in ten MOC and one in twenty faulty (a mistyped NPI, a birth date no year has, a
// duplicate). Reported: parse + check of the workbook with and without its Learners table (the
// difference is what the learners cost), and the learner file's preview and build.
import { performance } from "node:perf_hooks";
import {
  ACTIVITIES,
  buildLearnerExport,
  checkWorkbook,
  LEARNERS,
  MOC,
  previewLearners,
  SESSIONS,
  SUPPORT,
  type CellValue,
  type WorkbookSource,
} from "../src/core";
import { generateRows } from "./generate";

const TODAY = "2025-11-25";
const ACTIVITY_COUNT = 10_000;
const PER_ACTIVITY = 10;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

const FIRST = ["Maria", "James", "Priya", "Robert", "Linda", "Ahmed", "Elena", "Samuel", "Grace"];
const LAST = ["Lopez", "Chen", "Patel", "Miller", "Brooks", "Khan", "Rossi", "Grant", "Okafor"];

/** The engine bench's workbook with ACCME IDs, plus `PER_ACTIVITY` completions per activity. */
function workbook(withLearners: boolean): WorkbookSource {
  const rows = generateRows(ACTIVITY_COUNT);
  rows.Activities.forEach((a, i) => (a["ACCME Activity ID"] = String(201_000_000 + i)));
  const learners: Record<string, CellValue>[] = [];
  if (withLearners) {
    rows.Activities.forEach((a, i) => {
      const start = a["Start Date"] as number;
      const moc = rows.MOC.some((m) => m["Internal ID"] === a["Internal ID"]);
      for (let k = 0; k < PER_ACTIVITY; k++) {
        const n = i * PER_ACTIVITY + k;
        const row: Record<string, CellValue> = {
          "Internal ID": a["Internal ID"],
          "First Name": FIRST[n % FIRST.length],
          "Last Name": `${LAST[k % LAST.length] as string}-${String(i)}`,
          "Birth Date": `${String((n % 12) + 1).padStart(2, "0")}/${String((n % 28) + 1).padStart(2, "0")}`,
          NPI: n % 20 === 7 ? "1234567890" : "1234567893",
          "Completion Date": start + (k % 2),
          "CME Credits": 1,
          Action: "Add",
        };
        if (moc && k % 2 === 0) {
          Object.assign(row, {
            Board: "ABIM",
            "Board ID": String(100_000 + n),
            "MOC Credit Type": "Medical Knowledge",
            "MOC Points": 1,
          });
        }
        if (n % 20 === 13) row["Birth Date"] = "02/30";
        learners.push(row);
      }
    });
  }
  const table = (
    name: string,
    spec: { columns: readonly { header: string }[] },
    list: Record<string, CellValue>[]
  ) => {
    const headers = spec.columns.map((c) => c.header);
    return {
      name,
      sheet: name,
      top: 1,
      values: [headers as CellValue[], ...list.map((r) => headers.map((h) => r[h] ?? null))],
    };
  };
  const tables = [
    table("Activities", ACTIVITIES, rows.Activities),
    table("Support", SUPPORT, rows.Support),
    table("MOC", MOC, rows.MOC),
    table("Sessions", SESSIONS, rows.Sessions),
  ];
  if (withLearners) tables.push(table("Learners", LEARNERS, learners));
  return { tables, sheets: [], dateSystem: 1900 };
}

function timed(runs: number, f: () => void): number {
  f(); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return Math.round(median(times));
}

export function learnersBench(): Promise<Record<string, number>> {
  const without = workbook(false);
  const withLearners = workbook(true);
  const learnerRows = (withLearners.tables.at(-1)?.values.length ?? 1) - 1;
  let learnerIssues = 0;
  const base = timed(5, () => void checkWorkbook(without, { today: TODAY }));
  const full = timed(5, () => {
    const out = checkWorkbook(withLearners, { today: TODAY });
    if (out.ok) learnerIssues = out.result.issues.filter((i) => i.table === "Learners").length;
  });
  console.log(
    `parse + check, ${ACTIVITY_COUNT.toLocaleString("en-US")} activities: ${base} ms; with ${learnerRows.toLocaleString("en-US")} learner rows beside them: ${full} ms (learners ${full - base} ms), ${learnerIssues} learner findings, median of 5`
  );
  let written = 0;
  const file = timed(3, () => {
    const p = previewLearners(withLearners, { today: TODAY, providerId: "0001234" });
    if (!p.ok) throw new Error("benchmark workbook lost its Activities table");
    const f = buildLearnerExport(p.preview, { providerId: "0001234", stamp: "2025-11-25T14:05" });
    written = f.summary.rows;
  });
  console.log(
    `learner file of the same workbook (preview + build): ${file} ms, ${written.toLocaleString("en-US")} completions written, median of 3`
  );
  return Promise.resolve({
    check_10k_activities_ms: base,
    check_10k_activities_100k_learners_ms: full,
    learners_100k_check_ms: full - base,
    learner_file_100k_ms: file,
  });
}
