import type { CellValue, WorkbookSource } from "../../src/core";
import {
  ACTIVITIES,
  GRAND_ROUNDS_EXAMPLE,
  LEARNER_COUNTS,
  LEARNERS,
  MOC,
  SESSIONS,
  SUPPORT,
} from "../../src/core";

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
};

/** A workbook of Excel tables named as PARS Ready names them. */
export function aBook(input: BookInput): WorkbookSource {
  const table = (name: string, headers: readonly string[], rows: RowInput[]) => ({
    name,
    sheet: name,
    top: 1,
    values: [headers as CellValue[], ...rows.map((r) => cellsOf(headers, r))],
  });
  const tables = [table("Activities", input.headers ?? ACTIVITY_HEADERS, input.activities)];
  if (input.support) tables.push(table("Support", SUPPORT_HEADERS, input.support));
  if (input.moc) tables.push(table("MOC", MOC_HEADERS, input.moc));
  if (input.sessions) tables.push(table("Sessions", SESSION_HEADERS, input.sessions));
  if (input.learnerCounts) {
    tables.push(table("LearnerCounts", LEARNER_COUNT_HEADERS, input.learnerCounts));
  }
  if (input.learners) tables.push(table("Learners", LEARNER_HEADERS, input.learners));
  return { tables, sheets: [], dateSystem: input.dateSystem ?? 1900 };
}

/** The day most tests judge against: after the grand-rounds year ended. */
export const TODAY = "2025-11-25";
