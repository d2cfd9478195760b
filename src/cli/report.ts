import {
  ACHIEVED_ORDER,
  HEADER_ISSUE_CODES,
  messageOf,
  missingColumnsFor,
  type CheckResult,
  type Issue,
  type RowVerdict,
} from "../core";

/**
 * How the report is drawn: colour only on a terminal, wrapped to its width; `quiet` keeps only
 * the errors; `address` names a finding's cell (`L16`) when it has one.
 */
export type ReportStyle = {
  readonly color: boolean;
  readonly width: number;
  readonly quiet?: boolean;
  readonly address?: CellAddress;
};

/** The cell a finding is about, as Excel names it, or null (a missing column). */
export type CellAddress = (issue: Issue) => string | null;

const NO_ADDRESS: CellAddress = () => null;

/** A report with more findings than this ends with a count per finding code. */
export const STATISTICS_AFTER = 10;

const paint = (on: boolean, code: string, text: string) =>
  on ? `\u001b[${code}m${text}\u001b[0m` : text;

/** Wraps text to `width` columns, every line after the first indented by `indent` spaces. */
export function wrap(text: string, width: number, indent: number): string {
  const words = text.split(/\s+/).filter((w) => w !== "");
  const lines: string[] = [];
  let line = "";
  const room = () => width - (lines.length === 0 ? 0 : indent);
  for (const w of words) {
    if (line !== "" && line.length + 1 + w.length > room()) {
      lines.push(line);
      line = w;
    } else {
      line = line === "" ? w : `${line} ${w}`;
    }
  }
  if (line !== "") lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : " ".repeat(indent) + l)).join("\n");
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The human report: a summary (rows per achieved status, rows failing their declared status,
 * errors, warnings), then findings grouped by row, readable in an 80-column terminal.
 */
export function formatReport(result: CheckResult, file: string, style: ReportStyle): string {
  const { color, width } = style;
  const quiet = style.quiet === true;
  const address = style.address ?? NO_ADDRESS;
  const out: string[] = [];
  if (!quiet) summaryLines(result, file, style, out);
  const shown = quiet ? result.issues.filter((i) => i.severity === "error") : result.issues;
  const verdicts = new Map<number, RowVerdict>(result.rows.map((r) => [r.row, r]));
  type Group = { readonly table: string; readonly row: number; readonly issues: Issue[] };
  const groups = new Map<string, Group>();
  const groupOf = (table: string, row: number): Group => {
    const key = `${table}|${row}`;
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = { table, row, issues: [] }));
    return g;
  };
  for (const i of shown) groupOf(i.table, i.row).issues.push(i);
  // Failing rows with no finding of their own (a missing column) still get a heading.
  for (const r of result.rows) if (!r.passes) groupOf("Activities", r.row);
  const ordered = [...groups.values()].sort(
    (a, b) => order(a.table) - order(b.table) || a.row - b.row
  );
  for (const { table, row, issues } of ordered) {
    const v = table === "Activities" ? verdicts.get(row) : undefined;
    if (out.length > 0) out.push("");
    if (v !== undefined) {
      const hidden = issues.some((i) => i.hidden === true) ? " (hidden row)" : "";
      const head = oneLine(
        [`Row ${row}${hidden}`, v.internalId, v.title].filter((x) => x !== null).join(" · ")
      );
      out.push(paint(color, "1", truncate(head, width)));
      const declared = v.declaredStatus ?? `(blank: held to ${v.heldTo})`;
      const verdict = v.passes ? paint(color, "32", "passes") : paint(color, "31", "FAILS");
      out.push(`  declared ${declared} · achieved ${v.achievedStatus} · ${verdict}`);
      if (!v.passes) {
        // The column's finding is said once, at its header; the row points to it.
        for (const m of missingColumnsFor(v, v.heldTo)) {
          const text = `see the missing column ${m.column}, ${m.table} header row ${String(m.headerRow)}`;
          out.push(`  ${wrap(text, width - 2, 2)}`);
        }
      }
    } else if (issues[0] !== undefined && isHeaderIssue(issues[0])) {
      out.push(paint(color, "1", `${table} header (sheet "${issues[0].sheet}", row ${row})`));
    } else {
      const hidden = issues.some((i) => i.hidden === true) ? " (hidden row)" : "";
      out.push(paint(color, "1", `${table} row ${row}${hidden}`));
    }
    for (const i of issues) {
      const tag =
        i.severity === "error" ? paint(color, "31", "error  ") : paint(color, "33", "warning");
      const cell = address(i);
      const where = cell === null ? i.column : `${i.column} (${cell})`;
      const text = wrap(oneLine(`${where}: ${messageOf(i)}`), width - 10, 0);
      out.push(`  ${tag} ${text.split("\n").join(`\n${" ".repeat(10)}`)}`);
    }
  }
  if (shown.length > STATISTICS_AFTER) statisticsLines(shown, out);
  return out.length === 0 ? "" : `${out.join("\n")}\n`;
}

function summaryLines(result: CheckResult, file: string, style: ReportStyle, out: string[]): void {
  const { color, width } = style;
  const s = result.summary;
  out.push(`PARS Ready check of ${file}, as of ${result.asOf}`);
  for (const t of result.tables) {
    const how =
      t.foundBy === "table" ? "Excel table" : t.foundBy === "sheet" ? "sheet" : "header row";
    out.push(`  ${t.table}: ${plural(t.rows, "row")} on sheet "${t.sheet}" (found by ${how})`);
  }
  if (s.cancelled > 0)
    out.push(`  ${plural(s.cancelled, "Cancelled row")} left out (not reported)`);
  out.push("");
  out.push(
    wrap(
      `Achieved status: ${ACHIEVED_ORDER.map((st) => `${st} ${s.byAchieved[st]}`).join(" · ")}`,
      width,
      2
    )
  );
  const verb = s.failing === 1 ? "fails its" : "fail their";
  const failing = `${s.failing} of ${plural(s.activities, "row")} ${verb} declared status`;
  out.push(
    `${s.failing > 0 ? paint(color, "1;31", failing) : paint(color, "32", failing)} · ` +
      `${plural(s.errors, "error")} · ${plural(s.warnings, "warning")}`
  );
}

/** One line per finding code, most frequent first, as a long report's last word. */
function statisticsLines(issues: readonly Issue[], out: string[]): void {
  const counts = new Map<string, { severity: Issue["severity"]; code: string; n: number }>();
  for (const i of issues) {
    const key = `${i.severity}|${i.code}`;
    const c = counts.get(key);
    if (c === undefined) counts.set(key, { severity: i.severity, code: i.code, n: 1 });
    else c.n++;
  }
  const rows = [...counts.values()].sort((a, b) => b.n - a.n || a.code.localeCompare(b.code));
  const digits = Math.max(...rows.map((r) => r.n.toLocaleString("en-US").length));
  out.push("", `Findings by code (${plural(issues.length, "finding")}):`);
  for (const r of rows) {
    const n = r.n.toLocaleString("en-US").padStart(digits);
    out.push(`  ${n}  ${r.severity === "error" ? "error  " : "warning"}  ${r.code}`);
  }
}

// Tabs and line breaks in a coordinator's text would break the report's layout.
// eslint-disable-next-line no-control-regex -- replacing control characters is the point
const oneLine = (text: string) => text.replace(/[\u0000-\u001f\u007f]+/g, " ");
const order = (table: string) => ["Activities", "Support", "MOC", "Sessions"].indexOf(table);
const isHeaderIssue = (i: Issue) => HEADER_ISSUE_CODES.has(i.code);
const truncate = (text: string, width: number) =>
  text.length <= width ? text : `${text.slice(0, width - 1)}…`;

/**
 * The `--json` document: the file checked, each table and the sheet it was found on, the summary,
 * every row's verdict and every finding with its cell.
 */
export function formatJson(
  result: CheckResult,
  options: { readonly file: string; readonly address?: CellAddress }
): string {
  const address = options.address ?? NO_ADDRESS;
  return `${JSON.stringify(
    {
      file: options.file,
      asOf: result.asOf,
      tables: result.tables.map((t) => ({
        table: t.table,
        sheet: t.sheet,
        foundBy: t.foundBy,
        rows: t.rows,
      })),
      summary: result.summary,
      rows: result.rows.map((r) => ({
        table: r.table,
        row: r.row,
        internalId: r.internalId,
        declaredStatus: r.declaredStatus,
        heldTo: r.heldTo,
        achievedStatus: r.achievedStatus,
        passes: r.passes,
      })),
      issues: result.issues.map((i) => ({
        code: i.code,
        severity: i.severity,
        table: i.table,
        sheet: i.sheet,
        row: i.row,
        column: i.column,
        cell: address(i),
        message: messageOf(i),
      })),
    },
    null,
    2
  )}\n`;
}
