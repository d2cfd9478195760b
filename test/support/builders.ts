import type { CellValue, WorkbookSource } from "../../src/core";
import { date, type ColumnSpec } from "../../src/core/schema";
import {
  ACTIVITIES,
  GRAND_ROUNDS_EXAMPLE,
  LEARNER_COUNTS,
  LEARNERS,
  MOC,
  readDate,
  serialOfDay,
  SESSIONS,
  SUPPORT,
} from "../../src/core";

/** A MM/DD/YYYY day as the serial number (1900 system) of an Excel date cell. */
export function serialOf(us: string): number {
  const day = readDate(us, 1900);
  if (day.kind !== "ok") throw new RangeError(`not a date: ${us}`);
  return serialOfDay(day.value);
}

/** Canonical Activities headers, in schema order. */
export const ACTIVITY_HEADERS = ACTIVITIES.columns.map((c) => c.header);
export const SUPPORT_HEADERS = SUPPORT.columns.map((c) => c.header);
export const MOC_HEADERS = MOC.columns.map((c) => c.header);
export const SESSION_HEADERS = SESSIONS.columns.map((c) => c.header);
export const LEARNER_COUNT_HEADERS = LEARNER_COUNTS.columns.map((c) => c.header);
export const LEARNER_HEADERS = LEARNERS.columns.map((c) => c.header);

export type RowInput = Partial<Record<string, CellValue>>;

/**
 * The FAQ's grand-rounds series as a complete, Closed activity (core's worked example), with every
 * other canonical column present and blank.
 */
export const GRAND_ROUNDS: Readonly<Record<string, CellValue>> = {
  ...Object.fromEntries(ACTIVITY_HEADERS.map((h) => [h, ""])),
  ...GRAND_ROUNDS_EXAMPLE,
  // Real date cells, as Excel holds a date typed into a General cell (text dates are a finding).
  "Start Date": serialOf("07/01/2024"),
  "End Date": serialOf("06/30/2025"),
};

/** One Activities row: the grand-rounds defaults with the given cells replaced. */
export function aRow(overrides: RowInput = {}): Record<string, CellValue> {
  return { ...GRAND_ROUNDS, ...overrides };
}

/** Cells in the order of `headers`. */
export function cellsOf(headers: readonly string[], row: RowInput): CellValue[] {
  return headers.map((h) => row[h] ?? null);
}

export type BookInput = {
  activities: RowInput[];
  support?: RowInput[];
  moc?: RowInput[];
  sessions?: RowInput[];
  learnerCounts?: RowInput[];
  learners?: RowInput[];
  headers?: string[];
  dateSystem?: 1900 | 1904;
  /** Keep MM/DD/YYYY dates as text cells, as a CSV import or a Text-formatted column leaves them. */
  textDates?: boolean;
};

/** Every header (canonical or other) of a date column, in any table. */
const DATE_HEADERS: ReadonlySet<string> = new Set(
  [ACTIVITIES, SUPPORT, MOC, SESSIONS, LEARNER_COUNTS, LEARNERS].flatMap((spec) =>
    (spec.columns as readonly ColumnSpec[])
      .filter((c) => c.read === date)
      .flatMap((c) => [c.header, ...c.aliases])
  )
);

/**
 * A cell of the column `header` as Excel holds it once typed into a General cell: a MM/DD/YYYY
 * date in a date column becomes its serial number; anything else is kept as it is.
 */
export function typedDate(header: string, cell: CellValue, system: 1900 | 1904 = 1900): CellValue {
  if (typeof cell !== "string" || !DATE_HEADERS.has(header)) return cell;
  if (!/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(cell)) return cell;
  const day = readDate(cell, 1900);
  if (day.kind !== "ok") return cell;
  return serialOfDay(day.value, system);
}

/**
 * A workbook of Excel tables named as PARS Ready names them. A MM/DD/YYYY date in a date column
 * becomes a date cell (its serial number), as Excel makes of a date typed into a General cell,
 * unless `textDates`; any other text stays text.
 */
export function aBook(input: BookInput): WorkbookSource {
  const system = input.dateSystem ?? 1900;
  const asTyped = (header: string, cell: CellValue): CellValue =>
    input.textDates === true ? cell : typedDate(header, cell, system);
  const table = (name: string, headers: readonly string[], rows: RowInput[]) => ({
    name,
    sheet: name,
    top: 1,
    values: [
      headers as CellValue[],
      ...rows.map((r) => cellsOf(headers, r).map((c, i) => asTyped(headers[i] ?? "", c))),
    ],
  });
  const tables = [table("Activities", input.headers ?? ACTIVITY_HEADERS, input.activities)];
  if (input.support) tables.push(table("Support", SUPPORT_HEADERS, input.support));
  if (input.moc) tables.push(table("MOC", MOC_HEADERS, input.moc));
  if (input.sessions) tables.push(table("Sessions", SESSION_HEADERS, input.sessions));
  if (input.learnerCounts) {
    tables.push(table("LearnerCounts", LEARNER_COUNT_HEADERS, input.learnerCounts));
  }
  if (input.learners) tables.push(table("Learners", LEARNER_HEADERS, input.learners));
  return { tables, sheets: [], dateSystem: system };
}

/** The day most tests judge against: after the grand-rounds year ended. */
export const TODAY = "2025-11-25";
