import {
  CODED_COLUMNS,
  DATE_HEADERS,
  excelTableNameOf,
  GRAND_ROUNDS_EXAMPLE,
  readDate,
  serialOfDay,
  TABLE_SPECS,
  TEXT_HEADERS,
  type TableSpec,
} from "../core";
import { columnLetters } from "./addresses";
import { DAYS_1900_TO_1904, queueDateSystem } from "./dateSystem";

/** What the coordinator chose when inserting tables. */
export type InsertOptions = {
  /** Add the FAQ's grand-rounds series as a first Activities row. */
  readonly example: boolean;
};

/** The sheets and tables made, with the names they got after resolving clashes. */
export type InsertedTables = {
  readonly sheets: readonly string[];
  readonly tables: readonly string[];
};

/** A MM/DD/YYYY date as the Excel serial (1900 system) a date cell holds. */
const serial = (text: string): number => {
  const day = readDate(text, 1900);
  if (day.kind !== "ok") throw new RangeError(`not a date: ${text}`);
  return serialOfDay(day.value);
};

/**
 * The FAQ's grand-rounds series (core's worked example) as the optional first row of a new
 * Activities table, with its dates as real date cells.
 */
export const EXAMPLE_ACTIVITY: Readonly<Record<string, string | number>> = Object.fromEntries(
  Object.entries(GRAND_ROUNDS_EXAMPLE).map(([header, value]) => [
    header,
    DATE_HEADERS.has(header) && typeof value === "string" ? serial(value) : value,
  ])
);

/** "Activities", else "Activities (2)", "Activities (3)"... whichever is free (case-blind, as Excel). */
export function freeName(
  base: string,
  taken: ReadonlySet<string>,
  joiner: (n: number) => string
): string {
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const name = `${base}${joiner(n)}`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** Characters a column width in points gives a header plus a dropdown arrow. */
const widthOf = (header: string, dropdown: boolean): number =>
  Math.min(Math.max(header.length + (dropdown ? 4 : 2), 10), 40) * 7;

/**
 * Adds the four PARS tables, each on a new sheet, with canonical headers, dropdowns for coded
 * columns, readable widths and a frozen header row, plus a hidden sheet holding the dropdown lists
 * (some values, like "No, it's free", contain commas, which an inline list cannot hold). Existing
 * sheets are never touched; a sheet or table name already taken gets a number. Two round trips.
 * Dates are written as serial numbers of the workbook's own date system.
 * Events are paused while writing so the add-in's own writes do not look like edits.
 */
export async function insertTables(
  context: Excel.RequestContext,
  options: InsertOptions
): Promise<InsertedTables> {
  const sheetList = context.workbook.worksheets.load("items/name");
  const tableList = context.workbook.tables.load("items/name");
  const dateSystemOf = queueDateSystem(context);
  await context.sync();
  // The example's dates are 1900-system serials; an old Mac workbook counts from 1904.
  const dateShift = dateSystemOf() === 1904 ? DAYS_1900_TO_1904 : 0;
  const sheetNames = new Set(sheetList.items.map((s) => s.name));
  // Excel table names share one namespace with defined names; tables are what can clash here.
  const tableNames = new Set(tableList.items.map((t) => t.name));

  context.runtime.enableEvents = false;
  const listsName = freeName("PARS Lists", sheetNames, (n) => ` (${String(n)})`);
  sheetNames.add(listsName);
  const lists = context.workbook.worksheets.add(listsName);
  let listColumn = 0;
  const listSource = (values: readonly string[]): string => {
    const letters = columnLetters(listColumn++);
    lists.getRange(`${letters}1:${letters}${String(values.length)}`).values = values.map((v) => [
      v,
    ]);
    return `='${listsName.replace(/'/g, "''")}'!$${letters}$1:$${letters}$${String(values.length)}`;
  };

  const made: { sheets: string[]; tables: string[] } = { sheets: [], tables: [] };
  let first: Excel.Worksheet | null = null;
  for (const spec of TABLE_SPECS as readonly TableSpec<string>[]) {
    const sheetName = freeName(spec.table, sheetNames, (n) => ` (${String(n)})`);
    sheetNames.add(sheetName);
    const tableName = freeName(excelTableNameOf(spec.table), tableNames, (n) => String(n));
    tableNames.add(tableName);
    const sheet = context.workbook.worksheets.add(sheetName);
    first ??= sheet;
    const headers = spec.columns.map((c) => c.header);
    const example = options.example && spec.table === "Activities";
    const body = headers.map((h) => {
      const value = example ? (EXAMPLE_ACTIVITY[h] ?? "") : "";
      return DATE_HEADERS.has(h) && typeof value === "number" ? value - dateShift : value;
    });
    const last = columnLetters(headers.length - 1);
    const address = `A1:${last}2`;
    sheet.getRange(address).values = [headers, body];
    const table = sheet.tables.add(address, true);
    table.name = tableName;
    const dropdowns = CODED_COLUMNS[spec.table];
    headers.forEach((header, i) => {
      const column = table.columns.getItemAt(i).getDataBodyRange();
      const values = dropdowns[header]?.values;
      if (values !== undefined) {
        column.dataValidation.rule = {
          list: { inCellDropDown: true, source: listSource(values) },
        };
        // Coordinators type legacy codes and other spellings ("RSS", "Planned") that core reads
        // as the PARS value: Excel's default Stop alert would refuse them, so it only informs.
        column.dataValidation.errorAlert = {
          showAlert: true,
          style: "Information",
          title: "Not in the PARS list",
          message:
            "PARS expects one of the listed values. PARS Ready will say if it cannot read this one.",
        };
      }
      if (DATE_HEADERS.has(header)) column.numberFormat = [["mm/dd/yyyy"]];
      if (TEXT_HEADERS.has(header)) column.numberFormat = [["@"]];
      sheet.getRange(`${columnLetters(i)}:${columnLetters(i)}`).format.columnWidth = widthOf(
        header,
        values !== undefined
      );
    });
    sheet.freezePanes.freezeRows(1);
    made.sheets.push(sheetName);
    made.tables.push(tableName);
  }
  lists.visibility = "Hidden";
  first?.activate();
  context.runtime.enableEvents = true;
  try {
    await context.sync();
  } catch (e) {
    // A failed batch stops before its last command, which would leave events off for the whole
    // session. Turn them back on; the error the coordinator needs to see is the first one.
    context.runtime.enableEvents = true;
    await context.sync().catch(() => undefined);
    throw e;
  }
  return { sheets: [...made.sheets, listsName], tables: made.tables };
}
