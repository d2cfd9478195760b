import { checkWorkbookRecords, type CheckOptions, type CheckResult } from "../check";
import type { WorkbookSource } from "../parse/locateTables";
import type { ActivityRecord, ReadWorkbook } from "../parse/readRecords";
import { idKey } from "../rules/context";
import {
  annualReport,
  type AnnualReport,
  type LearnerCountEntry,
  type LearnerPair,
  type SupportEntry,
} from "./annualReport";
import { reportingYear } from "./reportingYear";

/** A year-end report together with the check it rests on, or why the workbook cannot be read. */
export type YearEndOutcome =
  | { readonly ok: true; readonly report: AnnualReport; readonly check: CheckResult }
  | { readonly ok: false; readonly problem: "no_activities_table" };

/**
 * Checks a workbook in annual mode, as of January 1 after `year`, and makes that year's checklist
 * and Program Summary figures from the one reading of its cells. Pure.
 *
 * @throws {InvalidOptionError} when `year` is not a year as YYYY or `providerId` is not seven digits
 */
export function yearEndReport(
  book: WorkbookSource,
  year: number,
  options: Omit<CheckOptions, "today"> = {}
): YearEndOutcome {
  const frame = reportingYear(year);
  const checked = checkWorkbookRecords(book, { ...options, today: frame.asOf });
  if (!checked.ok) return checked;
  const report = annualReport({ year, result: checked.result, ...joined(checked.records) });
  return { ok: true, report, check: checked.result };
}

/**
 * The rows of the other tables each activity's figures need, joined to it by Internal ID. An ID
 * shared by several activities joins a row to none of them (the check names such rows).
 */
function joined(records: ReadWorkbook): {
  records: ReadWorkbook;
  support: SupportEntry[];
  sessionLearners: Map<number, LearnerPair>;
  learnerCounts: LearnerCountEntry[];
} {
  const byId = new Map<string, ActivityRecord | null>();
  for (const a of records.activities.records) {
    if (a.internalId.state !== "ok") continue;
    if (a.status.state === "ok" && a.status.value === "Cancelled") continue;
    const k = idKey(a.internalId.value);
    byId.set(k, byId.has(k) ? null : a);
  }
  const activityOf = (id: { state: string; value?: string }): ActivityRecord | null =>
    id.state === "ok" ? (byId.get(idKey(id.value as string)) ?? null) : null;

  const support: SupportEntry[] = [];
  for (const s of records.support.records) {
    const a = activityOf(s.internalId);
    if (a === null) continue;
    support.push({
      activityRow: a.row,
      source: s.source.state === "ok" ? s.source.value : null,
      type: s.supportType.state === "ok" ? s.supportType.value : null,
      amount: s.amount.state === "ok" ? s.amount.value : null,
      received: null,
    });
  }
  const sessionLearners = new Map<number, LearnerPair>();
  for (const s of records.sessions.records) {
    const a = activityOf(s.internalId);
    if (a === null) continue;
    const prev = sessionLearners.get(a.row) ?? { physicianLearners: 0, otherLearners: 0 };
    sessionLearners.set(a.row, {
      physicianLearners:
        prev.physicianLearners +
        (s.physicianLearners.state === "ok" ? s.physicianLearners.value : 0),
      otherLearners:
        prev.otherLearners + (s.otherLearners.state === "ok" ? s.otherLearners.value : 0),
    });
  }
  return { records, support, sessionLearners, learnerCounts: [] };
}
