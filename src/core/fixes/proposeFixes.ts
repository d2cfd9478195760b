import type { StatusName } from "../codes/vocabularies";
import type { CheckResult, RowVerdict } from "../check";
import type { IsoDate } from "../dates";
import type { Issue, TableName } from "../model/issue";

/** The kinds of change a fix makes, each with one certain answer. */
export type FixKind =
  /** A value PARS knows under another spelling (a state or country name, a Yes/No variant). */
  | "code"
  /** A web address without its scheme, given https://. */
  | "url"
  /** A date typed as text, written as the date it reads as. */
  | "date"
  /** The declared status, set to the one the row's data supports. Only proposed when asked. */
  | "status";

/** One cell to change, as data: where, what it holds, what it would hold, and why. */
export type Fix = {
  readonly table: TableName;
  readonly sheet: string;
  readonly row: number;
  readonly column: string;
  /** The cell's text as the check read it; a fix applies only while the cell still says it. */
  readonly old: string;
  /** The new value as the cell shows it. */
  readonly new: string;
  readonly why: string;
} & (
  | { readonly kind: Exclude<FixKind, "date"> }
  | {
      readonly kind: "date";
      /** The day to write as a date (not as text), YYYY-MM-DD; `new` is how it shows. */
      readonly day: IsoDate;
    }
);

export type FixOptions = {
  /** Also propose setting each failing row's declared status to the one its data supports. */
  readonly statuses?: boolean;
};

function fixOf(issue: Issue): Fix | null {
  const at = { table: issue.table, sheet: issue.sheet, row: issue.row, column: issue.column };
  if (issue.code === "code_normalised") {
    // A state or country name (or a two-letter country code) the engine already reads as one code.
    if (issue.value === issue.normalised) return null;
    return {
      kind: "code",
      ...at,
      old: issue.value,
      new: issue.normalised,
      why: `PARS reads "${issue.value}" as ${issue.normalised}; write it as PARS expects.`,
    };
  }
  if (issue.code === "word_read_as") {
    // "Co-provided" read as Direct holds only for the provider that awards the credit: a person's
    // call, so no fix. Other words ("Completed" for Closed) have one reading.
    if (issue.why !== null || issue.value === issue.as) return null;
    return {
      kind: "code",
      ...at,
      old: issue.value,
      new: issue.as,
      why: `"${issue.value}" means ${issue.as}; write the value PARS lists.`,
    };
  }
  if (issue.code === "url_scheme_added") {
    // The engine reads a dotted host name without its scheme as https; write what it reads.
    if (issue.value === issue.url) return null;
    return {
      kind: "url",
      ...at,
      old: issue.value,
      new: issue.url,
      why: "A web address needs its https:// in front.",
    };
  }
  if (issue.code === "date_as_text") {
    // Only a day beyond doubt: 03/04/2025 or a time of day is the coordinator's to settle.
    if (!issue.certain) return null;
    return {
      kind: "date",
      ...at,
      old: issue.value,
      new: issue.day,
      day: issue.iso,
      why: `"${issue.value}" is text; write it as the date ${issue.day}.`,
    };
  }
  // Every other finding needs a person's judgement.
  return null;
}

/** The status the data supports, when it is one a row can declare. */
function supported(v: RowVerdict): StatusName | null {
  return v.achievedStatus === "Incomplete" ? null : v.achievedStatus;
}

/**
 * The fixes a check's findings allow where the answer is certain, in the findings' order, at most
 * one per cell. A finding that needs a person's judgement (an unknown value, a missing one) has
 * none. The cell is the caller's to re-read: a fix holds only while the cell still says `old`,
 * and only for a typed value (never a formula). Pure.
 */
export function proposeFixes(result: CheckResult, options: FixOptions = {}): Fix[] {
  const out: Fix[] = [];
  const seen = new Set<string>();
  const add = (f: Fix) => {
    const key = `${f.table}|${f.sheet}|${String(f.row)}|${f.column}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(f);
  };
  for (const issue of result.issues) {
    const f = fixOf(issue);
    if (f !== null) add(f);
  }
  if (options.statuses === true) {
    for (const v of result.rows) {
      const to = supported(v);
      if (v.passes || v.declaredStatus === null || to === null || to === v.declaredStatus) continue;
      add({
        kind: "status",
        table: "Activities",
        sheet: v.sheet,
        row: v.row,
        column: "Status",
        old: v.declaredStatus,
        new: to,
        why: `The data supports ${to}; declared ${v.declaredStatus}.`,
      });
    }
  }
  return out;
}
