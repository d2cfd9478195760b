import {
  checklistSteps,
  COUNTING_RULE,
  HAND_ENTERED_AMOUNTS,
  HOURS_RULE,
  messageOf,
  type AnnualReport,
  type Figures,
  type RowRef,
} from "../core";
import { wrap } from "./report";

const num = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 2 });
const money = (n: number) =>
  `$${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
// Tabs and line breaks in a coordinator's text would break the layout.
// eslint-disable-next-line no-control-regex -- replacing control characters is the point
const oneLine = (text: string) => text.replace(/[\u0000-\u001f\u007f]+/g, " ");

function who(r: RowRef): string {
  return oneLine(
    [`row ${String(r.row)}`, r.internalId, r.title].filter((x) => x !== null).join(" · ")
  );
}

function table(rows: readonly (readonly [string, Figures])[], width: number): string[] {
  const nameWidth = Math.min(width - 46, Math.max(8, ...rows.map(([n]) => n.length)));
  const cut = (s: string) => (s.length <= nameWidth ? s : `${s.slice(0, nameWidth - 1)}…`);
  const line = (name: string, cells: readonly string[]) =>
    `  ${cut(name).padEnd(nameWidth)}${cells.map((c) => c.padStart(11)).join("")}`;
  return [
    line("", ["Activities", "Credits", "Physicians", "Others"]),
    ...rows.map(([name, f]) =>
      line(name, [
        num(f.activities),
        num(f.credits),
        num(f.physicianLearners),
        num(f.otherLearners),
      ])
    ),
  ];
}

/**
 * The human year-end report: the checklist step by step with the rows behind each, then the
 * Program Summary figures, readable in an 80-column terminal.
 */
export function yearEndText(report: AnnualReport, file: string, width: number): string {
  const out: string[] = [];
  const c = report.checklist;
  out.push(`PARS Ready year-end report for ${String(report.year)}: ${file}`);
  out.push(`Judged as of ${report.asOf}; due in PARS by ${report.dueBy}.`);
  out.push("");
  out.push("Checklist");
  const steps = checklistSteps(report);
  steps.forEach((s, i) => {
    const state =
      s.key === "continuing" ? "" : s.open === 0 ? " · done" : ` · ${num(s.open)} to do`;
    out.push(`${String(i + 1)}. ${s.label}: ${num(s.rows)}${state}`);
    const item = (text: string) => out.push(`     ${wrap(text, width - 5, 7)}`);
    if (s.key === "toEnter") {
      for (const t of c.toEnter) {
        const what = t.action === "update" ? "update in PARS" : "enter in PARS";
        item(
          t.ready ? `${who(t)}: ${what}, ready` : `${who(t)}: ${what}; lacks ${t.lacks.join(", ")}`
        );
      }
    } else if (s.key === "toClose") {
      for (const t of c.toClose) {
        item(
          `${who(t)}: ended ${t.endDate}, supports ${t.achievedStatus}; lacks ${t.lacks.join(", ")}`
        );
      }
    } else if (s.key === "continuing") {
      for (const t of c.continuing) {
        item(`${who(t)}: ends ${t.endDate}${t.inPars ? "" : ", no ACCME Activity ID yet"}`);
      }
    } else {
      for (const e of c.enduringCounts) {
        const count =
          e.count === null
            ? "no count"
            : `${num(e.count.physicianLearners)} physicians, ${num(e.count.otherLearners)} others`;
        item(
          `${who(e)}: ${count}${e.problem === "decreased" ? ", fewer than the year before" : ""}`
        );
      }
    }
  });
  for (const i of report.issues) {
    out.push(`   ${wrap(`Row ${String(i.row)}, ${i.column}: ${messageOf(i)}`, width - 3, 3)}`);
  }
  out.push("");
  out.push(`Program Summary ${String(report.year)} (${num(report.totals.activities)} activities)`);
  out.push(...table(Object.entries(report.byFormat), width));
  out.push("");
  out.push(...table([...Object.entries(report.byProvidership), ["Total", report.totals]], width));
  out.push("");
  out.push(wrap(COUNTING_RULE, width, 0));
  out.push(wrap(HOURS_RULE, width, 0));
  out.push("");
  const cs = report.commercialSupport;
  const sources = Object.entries(cs.bySource);
  out.push(
    `Commercial support received in ${String(report.year)}: ${money(cs.monetary)} monetary from ${num(sources.length)} ${sources.length === 1 ? "source" : "sources"}`
  );
  for (const [name, amount] of sources)
    out.push(`  ${money(amount).padStart(14)}  ${oneLine(name)}`);
  out.push(
    wrap(
      `In-kind support from: ${cs.inKindSources.length === 0 ? "none" : cs.inKindSources.map(oneLine).join(", ")}`,
      width,
      2
    )
  );
  out.push(
    wrap(
      `Entered by hand in PARS: ${HAND_ENTERED_AMOUNTS.map((a) => a.label.toLowerCase()).join("; ")}.`,
      width,
      2
    )
  );
  return `${out.join("\n")}\n`;
}
