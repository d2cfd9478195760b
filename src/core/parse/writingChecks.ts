import { isoOfDay, usOfDay } from "../dates";
import type { IssueBody } from "../model/issue";
import { date, YES_NO, type ColumnSpec } from "../schema";
import type { Field } from "./cells";

/**
 * A check of how a cell is written rather than what it means, made as the cell is read (the
 * reader has the cell and its field in hand; a second walk over the columns would only cost).
 * `applies` is the cheap test every cell of the column passes through; `finding` is made only for
 * the cells it lets through, once per distinct value.
 */
export type WritingCheck = {
  /** True when a valid cell is written in a way worth a word. */
  readonly applies: (cell: string | number) => boolean;
  /** The finding for a cell `applies` let through, read as the valid `field`. */
  readonly finding: (cell: string | number, field: Field<unknown> & { kind: "ok" }) => IssueBody;
};

/**
 * A Yes/No cell holds "Yes" or "No" as PARS's template lists them; "Y", "true", "1" and the like
 * are read all the same, so this is a warning with a fix, never a change of verdict. An Excel
 * boolean (TRUE/FALSE typed, a checkbox) is a value of its own, not a spelling: no finding (only
 * text and number cells come here).
 * Source: docs/DOMAIN.md §4 (Yes/No written as Y/N/TRUE, read as written).
 */
const YES_NO_AS_LISTED: WritingCheck = {
  applies: (cell) => cell !== "Yes" && cell !== "No",
  finding: (cell, field) => ({
    code: "word_read_as",
    value: String(cell),
    as: field.value === true ? "Yes" : "No",
    why: null,
  }),
};

/** Text whose day is beyond doubt: a year first, a month name, or a day past 12 (or equal parts). */
function certainDay(text: string): boolean {
  const t = text.trim();
  if (/\d:\d/.test(t)) return false; // a time of day the fix would drop
  const m = /^(\d{1,2})\/(\d{1,2})\/\d{4}$/.exec(t);
  if (m === null) return true;
  const a = Number(m[1]);
  const b = Number(m[2]);
  // 03/04/2025 is March 4 to the engine and April 3 to someone who writes the day first.
  return a === b || b > 12;
}

/**
 * A date cell holds a date, not text that reads as one: Excel sorts, filters and computes with a
 * text date as words. Read all the same, so a warning; a fix is offered only when the text has
 * one certain day. A serial is a real date: no finding.
 * Source: docs/DOMAIN.md §4 (dates come as serial numbers or text).
 */
const DATES_AS_DATES: WritingCheck = {
  applies: (cell) => typeof cell === "string",
  finding: (cell, field) => {
    const day = field.value as number;
    const text = cell as string;
    return {
      code: "date_as_text",
      value: text,
      day: usOfDay(day),
      iso: isoOfDay(day),
      certain: certainDay(text),
    };
  },
};

/** The writing check of a column: Yes/No columns and date columns have one; others null. */
export function writingCheckOf(column: ColumnSpec): WritingCheck | null {
  if (column.coded === YES_NO) return YES_NO_AS_LISTED;
  if (column.read === date) return DATES_AS_DATES;
  return null;
}
