import {
  checkWorkbook,
  messageOf,
  type CheckResult,
  type Issue,
  type WorkbookSource,
} from "../../src/core";
import { aBook, TODAY, type BookInput } from "./builders";

/** Checks a workbook that must have an Activities table. */
export function run(
  book: WorkbookSource | BookInput,
  today = TODAY,
  providerId: string | null = null
): CheckResult {
  const source = "tables" in book ? book : aBook(book);
  const out = checkWorkbook(source, { today, providerId });
  if (!out.ok) throw new Error(`no Activities table: ${out.problem}`);
  return out.result;
}

/** "code@Table!row:Column" for each finding, the compact form tests compare. */
export function codes(result: CheckResult, severity?: Issue["severity"]): string[] {
  return result.issues
    .filter((i) => severity === undefined || i.severity === severity)
    .map((i) => `${i.code}@${i.table}!${i.row}:${i.column}`);
}

/** The messages of the findings, for tests that read what a coordinator reads. */
export function messages(result: CheckResult): string[] {
  return result.issues.map(messageOf);
}
