import { checkWorkbookRecords, type CheckOptions, type CheckResult } from "../check";
import { joinTables } from "../join/joinTables";
import { learnerCountOwners } from "../join/learnerCountOwners";
import type { WorkbookSource } from "../parse/locateTables";
import type { WorkbookRecords } from "../parse/readRecords";
import {
  annualReport,
  type AnnualInput,
  type AnnualReport,
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

/** The rows of the other tables each activity's figures need, joined as the check joins them. */
function joined(records: WorkbookRecords): Omit<AnnualInput, "year" | "result"> {
  const join = joinTables(records);
  const support: SupportEntry[] = [];
  const sessionLearners = new Map<number, LearnerPair>();
  for (const a of join.activities) {
    for (const s of join.supportOf(a)) {
      support.push({
        row: s.row,
        activityRow: a.row,
        source: s.source.kind === "ok" ? s.source.value : null,
        type: s.supportType.kind === "ok" ? s.supportType.value : null,
        amount: s.amount.kind === "ok" ? s.amount.value : null,
        received: s.dateReceived.kind === "ok" ? s.dateReceived.value : null,
      });
    }
    const sessions = join.sessionsOf(a);
    if (sessions.length === 0) continue;
    let physicianLearners = 0;
    let otherLearners = 0;
    for (const s of sessions) {
      if (s.physicianLearners.kind === "ok") physicianLearners += s.physicianLearners.value;
      if (s.otherLearners.kind === "ok") otherLearners += s.otherLearners.value;
    }
    sessionLearners.set(a.row, { physicianLearners, otherLearners });
  }
  const counts = records.learnerCounts;
  const { ownerOf } = learnerCountOwners(records);
  const learnerCounts: AnnualInput["learnerCounts"][number][] = [];
  for (const c of counts.records) {
    const a = ownerOf.get(c.row);
    // A row with neither count gives none (the Learner Counts rules say nothing of it either).
    if (a === undefined || c.through.kind !== "ok") continue;
    if (c.physicianLearners.kind !== "ok" && c.otherLearners.kind !== "ok") continue;
    learnerCounts.push({
      sheet: counts.sheet,
      row: c.row,
      activityRow: a.row,
      through: c.through.value,
      physicianLearners: c.physicianLearners.kind === "ok" ? c.physicianLearners.value : null,
      otherLearners: c.otherLearners.kind === "ok" ? c.otherLearners.value : null,
    });
  }
  support.sort((x, y) => x.row - y.row);
  return { records, support, sessionLearners, learnerCounts };
}
