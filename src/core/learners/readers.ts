import { vocabulary } from "../codes/normalise";
import type { DateSystem } from "../dates";
import {
  describeCell,
  isBlank,
  isCellError,
  isUnsavedFormula,
  type CellValue,
} from "../model/cell";
import { EMPTY, type Field } from "../parse/cells";
import type { LearnerAction } from "./model";
import { parseMonthDay, type MonthDay } from "./monthDay";
import { npiDigits, npiProblem } from "./npi";

// Readers for the Learners table's own kinds of cell: a birth month and day, an NPI, and the
// record action. Each gives a field like every other reader (parse/cells.ts): a value, blank, or
// the finding that says what was expected.

/**
 * The record actions a learner row may ask for. Source: ACCME's learner templates "add or delete"
 * records; records cannot be edited in place, a correction is a Delete and a new Add
 * (LEARNERS.md §1).
 */
export const LEARNER_ACTIONS = vocabulary<LearnerAction>("learner record action", [
  ["Add", ["A", "New", "Insert", "Report"]],
  ["Delete", ["D", "Del", "Remove", "Withdraw"]],
]);

/**
 * A birth month and day (see `parseMonthDay`): a date cell or text such as 07/04; the year, when
 * the cell has one, is dropped here and never kept.
 */
export function readBirthDate(cell: CellValue, system: DateSystem): Field<MonthDay> {
  if (isBlank(cell)) return EMPTY;
  if (isCellError(cell)) {
    return { kind: "invalid", issue: { code: "cell_error", value: cell.error } };
  }
  if (isUnsavedFormula(cell)) {
    return { kind: "invalid", issue: { code: "formula_without_result", formula: cell.formula } };
  }
  const md = parseMonthDay(cell, system);
  return md === null
    ? { kind: "invalid", issue: { code: "invalid_birth_date", value: describeCell(cell) } }
    : { kind: "ok", value: md };
}

/**
 * A National Provider Identifier: ten digits ending in its check digit (npi.ts). A number cell
 * reads as its digits; spaces and hyphens between digit groups are dropped.
 */
export function readNpi(cell: CellValue): Field<string> {
  if (isBlank(cell)) return EMPTY;
  if (isCellError(cell)) {
    return { kind: "invalid", issue: { code: "cell_error", value: cell.error } };
  }
  if (isUnsavedFormula(cell)) {
    return { kind: "invalid", issue: { code: "formula_without_result", formula: cell.formula } };
  }
  const text = describeCell(cell).trim();
  const problem =
    typeof cell === "number" && !Number.isInteger(cell) ? "not_ten_digits" : npiProblem(text);
  return problem === null
    ? { kind: "ok", value: npiDigits(text) }
    : { kind: "invalid", issue: { code: "invalid_npi", value: text, problem } };
}
