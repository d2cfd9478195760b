import type { IssueBody } from "../model/issue";
import { recordsOf, type WritingFinding } from "../parse/readRecords";
import { TABLE_SPECS } from "../schema";
import type { BookRule, CheckContext, Finding } from "./context";

/** Whether the activity of sheet row `row` is reported (`ctx.activities` is in sheet order). */
function reported(ctx: CheckContext, row: number): boolean {
  const list = ctx.activities;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const r = (list[mid] as CheckContext["activities"][number]).row;
    if (r === row) return true;
    if (r < row) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * The writing findings with `code` that the reading made (`parse/writingChecks.ts`, where each
 * check says what it looks for and its source), table by table. Activities declared Cancelled are
 * left out, as their other findings are (they are not checked); an Activities finding counts
 * against its row, though as a warning it never changes a verdict.
 */
function writingFindings(ctx: CheckContext, code: IssueBody["code"]): Finding[] {
  const out: Finding[] = [];
  for (const spec of TABLE_SPECS) {
    const found = recordsOf(ctx.book, spec.table).writing;
    const activities = spec.table === "Activities";
    for (let i = 0; i < found.length; i++) {
      const w = found[i] as WritingFinding;
      if (w.body.code !== code) continue;
      const row = w.place.row;
      if (activities && !reported(ctx, row)) continue;
      out.push({
        body: w.body,
        severity: "warning",
        place: w.place,
        owner: activities ? row : null,
      });
    }
  }
  return out;
}

/**
 * A Yes/No cell holds "Yes" or "No" as PARS's template lists them; "Y", "true", "1" and the like
 * are read all the same, so this is a warning with a fix, never a change of verdict. An Excel
 * boolean (TRUE/FALSE typed, a checkbox) is a value of its own, not a spelling: no finding. The
 * cells are looked at as they are read; this reports what was seen.
 * Source: docs/DOMAIN.md §4 (Yes/No written as Y/N/TRUE, read as written).
 */
export const yesNoAsListed: BookRule = (ctx) => writingFindings(ctx, "word_read_as");

/**
 * A date cell holds a date, not text that reads as one: Excel sorts, filters and computes with a
 * text date as words. Read all the same, so a warning; a fix is offered only when the text has
 * one certain day. The cells are looked at as they are read; this reports what was seen.
 * Source: docs/DOMAIN.md §4 (dates come as serial numbers or text).
 */
export const datesAsDates: BookRule = (ctx) => writingFindings(ctx, "date_as_text");
