import { isoOfDay, usOfDay } from "../dates";
import type { CellValue } from "../model/cell";
import type { Field } from "../parse/cells";
import type { ReadTable } from "../parse/readRecords";
import { date, TABLE_SPECS, YES_NO, type ColumnSpec } from "../schema";
import type { BookRule, CheckContext, Finding } from "./context";

/** A table's records as the rules see them: each a row number and its fields by column key. */
type AnyTable = ReadTable<string, unknown> & {
  readonly records: readonly ({ readonly row: number } & Record<string, unknown>)[];
};

/** The tables and their columns a rule looks at, worked out once from the declarations. */
const columnsWhere = (keep: (c: ColumnSpec) => boolean) =>
  TABLE_SPECS.map((spec) => ({
    id: spec.id,
    table: spec.table,
    keys: (spec.columns as readonly ColumnSpec[]).filter(keep).map((c) => c.key),
  })).filter((t) => t.keys.length > 0);

const YES_NO_COLUMNS = columnsWhere((c) => c.coded === YES_NO);
const DATE_COLUMNS = columnsWhere((c) => c.read === date);

/**
 * Each read cell of the named columns with its field, for the tables that have them. Activities
 * declared Cancelled are left out, as their other findings are (they are not checked).
 */
function eachCell(
  ctx: CheckContext,
  tables: typeof YES_NO_COLUMNS,
  visit: (
    cell: CellValue,
    record: AnyTable["records"][number],
    table: AnyTable,
    key: string
  ) => Finding | null
): Finding[] {
  const out: Finding[] = [];
  for (const t of tables) {
    const table = (ctx.book as unknown as Record<string, AnyTable>)[t.id];
    if (table === undefined || table.body.length === 0) continue;
    const records =
      t.table === "Activities" ? (ctx.activities as unknown as AnyTable["records"]) : table.records;
    const first = table.headerRow + 1;
    for (const key of t.keys) {
      const index = table.columns.columns.get(key)?.index;
      if (index === undefined) continue;
      const body = table.body;
      for (let i = 0; i < records.length; i++) {
        const r = records[i] as AnyTable["records"][number];
        const f = visit(body[r.row - first]?.[index], r, table, key);
        if (f !== null) out.push(f);
      }
    }
  }
  return out;
}

const owner = (table: AnyTable, row: number) => (table.table === "Activities" ? row : null);

/**
 * A Yes/No cell holds "Yes" or "No" as PARS's template lists them; "Y", "true", "1" and the like
 * are read all the same, so this is a warning with a fix, never a change of verdict. An Excel
 * boolean (TRUE/FALSE typed, a checkbox) is a value of its own, not a spelling: no finding.
 * Source: docs/DOMAIN.md §4 (Yes/No written as Y/N/TRUE, read as written).
 */
export const yesNoAsListed: BookRule = (ctx) =>
  eachCell(ctx, YES_NO_COLUMNS, (cell, r, table, key) => {
    // The common case first: one comparison.
    if (cell === "Yes" || cell === "No") return null;
    if (typeof cell !== "string" && typeof cell !== "number") return null;
    const field = r[key] as Field<unknown>;
    if (field.kind !== "ok") return null; // not a Yes/No: its own finding says so
    const row = r.row;
    return {
      body: {
        code: "word_read_as",
        value: String(cell),
        as: field.value === true ? "Yes" : "No",
        why: null,
      },
      severity: "warning",
      place: table.place(row, key),
      owner: owner(table, row),
    };
  });

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
 * one certain day.
 * Source: docs/DOMAIN.md §4 (dates come as serial numbers or text).
 */
export const datesAsDates: BookRule = (ctx) =>
  eachCell(ctx, DATE_COLUMNS, (cell, r, table, key) => {
    if (typeof cell !== "string") return null; // a serial: a real date
    const field = r[key] as Field<unknown>;
    if (field.kind !== "ok") return null;
    const row = r.row;
    const day = field.value as number;
    return {
      body: {
        code: "date_as_text",
        value: cell,
        day: usOfDay(day),
        iso: isoOfDay(day),
        certain: certainDay(cell),
      },
      severity: "warning",
      place: table.place(row, key),
      owner: owner(table, row),
    };
  });
