import {
  checklistSteps,
  COUNTING_RULE,
  escapeXml,
  HAND_ENTERED_AMOUNTS,
  HOURS_RULE,
  messageOf,
  type AnnualReport,
  type Figures,
  type HandEnteredAmounts,
  type RowRef,
} from "../core";

const num = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 2 });
const money = (n: number) =>
  `$${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const esc = (s: string) => escapeXml(s);

const STYLE = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1b; background: #fff; margin: 24px auto; max-width: 760px; padding: 0 16px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid #c8c8c8; padding-bottom: 4px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
p.meta, p.note { color: #505050; margin: 4px 0; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { border-bottom: 1px solid #e0e0e0; padding: 4px 6px; text-align: left; vertical-align: top; }
th { font-weight: 600; background: #f3f3f3; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: 600; border-top: 2px solid #8a8a8a; }
.todo { color: #a4262c; font-weight: 600; }
.done { color: #107c10; font-weight: 600; }
svg { display: block; margin: 8px 0; max-width: 100%; height: auto; }
svg text { font: 12px system-ui, -apple-system, "Segoe UI", sans-serif; fill: #1b1b1b; }
.s0 { fill: #0f6cbd; } .s1 { fill: #8fb8e6; } .s2 { fill: #a4262c; }
@media print { body { margin: 0; max-width: none; } section { break-inside: avoid; } * { print-color-adjust: exact; -webkit-print-color-adjust: exact; } }
`;

type Bar = { readonly label: string; readonly values: readonly number[] };

/**
 * A horizontal bar chart as inline SVG: one bar per row, its series stacked, with the figures
 * written beside each bar so the page reads the same in black and white.
 */
function barChart(
  id: string,
  title: string,
  series: readonly { readonly name: string; readonly fill: "s0" | "s1" | "s2" }[],
  bars: readonly Bar[]
): string {
  // About 7 px a character at 12 px: the label column fits the longest label, up to 34 characters.
  const chars = Math.min(34, Math.max(6, ...bars.map((b) => b.label.length)));
  const labelW = chars * 7 + 12;
  const barW = 600 - labelW;
  const rowH = 24;
  const top = series.length > 1 ? 26 : 6;
  const height = top + bars.length * rowH + 6;
  const max = Math.max(1, ...bars.map((b) => b.values.reduce((x, y) => x + y, 0)));
  const out: string[] = [];
  out.push(
    `<svg id="${id}" role="img" aria-labelledby="${id}-t" viewBox="0 0 720 ${String(height)}" width="720" height="${String(height)}" xmlns="http://www.w3.org/2000/svg">`
  );
  out.push(`<title id="${id}-t">${esc(title)}</title>`);
  if (series.length > 1) {
    let x = labelW;
    for (const s of series) {
      out.push(
        `<rect class="${s.fill}" x="${String(x)}" y="4" width="12" height="12"/><text x="${String(x + 18)}" y="15">${esc(s.name)}</text>`
      );
      x += 30 + s.name.length * 7;
    }
  }
  bars.forEach((b, r) => {
    const y = top + r * rowH;
    const label = b.label.length > chars ? `${b.label.slice(0, chars - 1)}…` : b.label;
    out.push(
      `<text x="${String(labelW - 8)}" y="${String(y + 16)}" text-anchor="end">${esc(label)}</text>`
    );
    let x = labelW;
    b.values.forEach((v, i) => {
      const w = Math.round((v / max) * barW * 10) / 10;
      if (w > 0) {
        out.push(
          `<rect class="${series[i]?.fill ?? "s0"}" x="${String(Math.round(x * 10) / 10)}" y="${String(y + 4)}" width="${String(w)}" height="16"/>`
        );
      }
      x += w;
    });
    out.push(
      `<text x="${String(Math.round((x + 6) * 10) / 10)}" y="${String(y + 16)}">${esc(b.values.map(num).join(" + "))}</text>`
    );
  });
  out.push("</svg>");
  return out.join("\n");
}

function figuresTable(
  caption: string,
  rows: readonly (readonly [string, Figures])[],
  total: Figures | null
): string {
  const cells = (f: Figures) =>
    [f.activities, f.credits, f.physicianLearners, f.otherLearners]
      .map((n) => `<td class="n">${num(n)}</td>`)
      .join("");
  const body = rows.map(([name, f]) => `<tr><td>${esc(name)}</td>${cells(f)}</tr>`);
  if (total !== null) body.push(`<tr class="total"><td>Total</td>${cells(total)}</tr>`);
  return [
    "<table>",
    `<caption class="note">${esc(caption)}</caption>`,
    '<thead><tr><th></th><th class="n">Activities</th><th class="n">Credits (hours)</th><th class="n">Physician learners</th><th class="n">Other learners</th></tr></thead>',
    `<tbody>${rows.length === 0 && total === null ? '<tr><td colspan="5">No activity counted.</td></tr>' : body.join("\n")}</tbody>`,
    "</table>",
  ].join("\n");
}

const who = (r: RowRef) =>
  `<td class="n">${String(r.row)}</td><td>${esc(r.internalId ?? "")}</td><td>${esc(r.title ?? "")}</td>`;

function rowsTable(headers: readonly string[], rows: readonly string[]): string {
  if (rows.length === 0) return '<p class="note">None.</p>';
  return [
    "<table>",
    `<thead><tr><th class="n">Row</th><th>Internal ID</th><th>Title</th>${headers.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead>`,
    `<tbody>${rows.join("\n")}</tbody>`,
    "</table>",
  ].join("\n");
}

/**
 * The year-end report as one self-contained, printable HTML page: the checklist and the Program
 * Summary tables with inline SVG charts, no script, no style sheet or font from the network.
 */
export function yearEndHtml(
  report: AnnualReport,
  file: string,
  amounts: HandEnteredAmounts | null = null
): string {
  const y = String(report.year);
  const c = report.checklist;
  const steps = checklistSteps(report);
  const formats = Object.entries(report.byFormat);
  const out: string[] = [];
  out.push("<!DOCTYPE html>");
  out.push('<html lang="en">');
  out.push("<head>");
  out.push('<meta charset="utf-8">');
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<title>PARS year-end report ${y}</title>`);
  out.push(`<style>${STYLE}</style>`);
  out.push("</head>");
  out.push("<body>");
  out.push(`<h1>PARS year-end report ${y}</h1>`);
  out.push(
    `<p class="meta">${esc(file)} · judged as of ${report.asOf} · due in PARS by ${report.dueBy}</p>`
  );

  out.push('<section aria-labelledby="checklist">');
  out.push('<h2 id="checklist">Checklist</h2>');
  out.push(
    barChart(
      "chart-checklist",
      "Checklist: rows per step, to do and done",
      [
        { name: "Done or for information", fill: "s0" },
        { name: "To do", fill: "s2" },
      ],
      steps.map((s) => ({ label: s.short, values: [s.rows - s.open, s.open] }))
    )
  );
  for (const s of steps) {
    const state =
      s.key === "continuing"
        ? ""
        : s.open === 0
          ? ' <span class="done">done</span>'
          : ` <span class="todo">${num(s.open)} to do</span>`;
    out.push(`<h3>${esc(s.label)}: ${num(s.rows)}${state}</h3>`);
    if (s.key === "toEnter") {
      out.push(
        rowsTable(
          ["In PARS", "Ready", "Lacks"],
          c.toEnter.map(
            (t) =>
              `<tr>${who(t)}<td>${t.action === "update" ? "update" : "enter"}</td><td>${t.ready ? "yes" : '<span class="todo">no</span>'}</td><td>${esc(t.lacks.join(", "))}</td></tr>`
          )
        )
      );
    } else if (s.key === "toClose") {
      out.push(
        rowsTable(
          ["Ended", "Supports", "Lacks"],
          c.toClose.map(
            (t) =>
              `<tr>${who(t)}<td>${t.endDate}</td><td>${esc(t.achievedStatus)}</td><td>${esc(t.lacks.join(", "))}</td></tr>`
          )
        )
      );
    } else if (s.key === "continuing") {
      out.push(
        rowsTable(
          ["Ends", "ACCME Activity ID"],
          c.continuing.map(
            (t) => `<tr>${who(t)}<td>${t.endDate}</td><td>${t.inPars ? "yes" : "not yet"}</td></tr>`
          )
        )
      );
    } else {
      out.push(
        rowsTable(
          ["Dates", "Physicians", "Others", "Count"],
          c.enduringCounts.map(
            (e) =>
              `<tr>${who(e)}<td>${e.startDate} to ${e.endDate}</td><td class="n">${e.count === null ? "" : num(e.count.physicianLearners)}</td><td class="n">${e.count === null ? "" : num(e.count.otherLearners)}</td><td>${e.problem === null ? "given" : `<span class="todo">${e.problem === "missing" ? "missing" : "fewer than the year before"}</span>`}</td></tr>`
          )
        )
      );
    }
  }
  if (report.issues.length > 0) {
    out.push("<ul>");
    for (const i of report.issues) {
      out.push(`<li>Row ${String(i.row)}, ${esc(i.column)}: ${esc(messageOf(i))}</li>`);
    }
    out.push("</ul>");
  }
  out.push("</section>");

  out.push('<section aria-labelledby="summary">');
  out.push(`<h2 id="summary">Program Summary ${y}</h2>`);
  out.push("<h3>Activities by format</h3>");
  out.push(
    barChart(
      "chart-activities",
      `Activities by format, ${y}`,
      [{ name: "Activities", fill: "s0" }],
      formats.map(([name, f]) => ({ label: name, values: [f.activities] }))
    )
  );
  out.push("<h3>Learners by format</h3>");
  out.push(
    barChart(
      "chart-learners",
      `Learners by format, ${y}`,
      [
        { name: "Physician learners", fill: "s0" },
        { name: "Other learners", fill: "s1" },
      ],
      formats.map(([name, f]) => ({ label: name, values: [f.physicianLearners, f.otherLearners] }))
    )
  );
  out.push(figuresTable("By format", formats, null));
  out.push(figuresTable("By providership", Object.entries(report.byProvidership), report.totals));
  out.push(`<p class="note">${esc(COUNTING_RULE)}</p>`);
  out.push(`<p class="note">${esc(HOURS_RULE)}</p>`);
  out.push("</section>");

  const cs = report.commercialSupport;
  out.push('<section aria-labelledby="income">');
  out.push(`<h2 id="income">Commercial support and income, ${y}</h2>`);
  out.push("<table>");
  out.push('<thead><tr><th>Commercial support source</th><th class="n">Monetary</th></tr></thead>');
  out.push("<tbody>");
  for (const [name, amount] of Object.entries(cs.bySource)) {
    out.push(`<tr><td>${esc(name)}</td><td class="n">${money(amount)}</td></tr>`);
  }
  out.push(
    `<tr class="total"><td>Total monetary commercial support</td><td class="n">${money(cs.monetary)}</td></tr>`
  );
  out.push("</tbody>");
  out.push("</table>");
  out.push(
    `<p>In-kind support from: ${cs.inKindSources.length === 0 ? "none" : esc(cs.inKindSources.join(", "))}.</p>`
  );
  out.push("<table>");
  out.push('<thead><tr><th>Entered by hand in PARS</th><th class="n">Amount</th></tr></thead>');
  out.push("<tbody>");
  for (const a of HAND_ENTERED_AMOUNTS) {
    const v = amounts?.[a.key] ?? null;
    out.push(`<tr><td>${esc(a.label)}</td><td class="n">${v === null ? "" : money(v)}</td></tr>`);
  }
  out.push("</tbody>");
  out.push("</table>");
  out.push(
    '<p class="note">PARS sums commercial support from the activities; it has not asked for expenses since the 2015 reporting year.</p>'
  );
  out.push("</section>");
  out.push("</body>");
  out.push("</html>");
  return `${out.join("\n")}\n`;
}
