import type { AnnualReport, RowRef } from "../core";

const ref = (r: RowRef) => ({
  table: r.table,
  row: r.row,
  internalId: r.internalId,
  title: r.title,
});

/**
 * The `report --json` document: `{ year, asOf, dueBy, byFormat, byProvidership, totals,
 * commercialSupport: { monetary, bySource, inKindSources }, checklist: { toEnter, toClose,
 * continuing, enduringCounts } }`, each list entry naming its table, row and Internal ID.
 */
export function yearEndJson(report: AnnualReport): string {
  const c = report.checklist;
  return `${JSON.stringify(
    {
      year: report.year,
      asOf: report.asOf,
      dueBy: report.dueBy,
      byFormat: report.byFormat,
      byProvidership: report.byProvidership,
      totals: report.totals,
      commercialSupport: {
        monetary: report.commercialSupport.monetary,
        bySource: report.commercialSupport.bySource,
        inKindSources: report.commercialSupport.inKindSources,
      },
      checklist: {
        toEnter: c.toEnter.map((t) => ({
          ...ref(t),
          action: t.action,
          ready: t.ready,
          lacks: t.lacks,
        })),
        toClose: c.toClose.map((t) => ({
          ...ref(t),
          endDate: t.endDate,
          achievedStatus: t.achievedStatus,
          lacks: t.lacks,
        })),
        continuing: c.continuing.map((t) => ({ ...ref(t), endDate: t.endDate, inPars: t.inPars })),
        enduringCounts: c.enduringCounts.map((e) => ({
          ...ref(e),
          startDate: e.startDate,
          endDate: e.endDate,
          physicianLearners: e.count?.physicianLearners ?? null,
          otherLearners: e.count?.otherLearners ?? null,
          countFrom: e.countFrom,
          problem: e.problem,
        })),
      },
    },
    null,
    2
  )}\n`;
}
