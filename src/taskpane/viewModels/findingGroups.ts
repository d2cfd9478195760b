import {
  HEADER_ISSUE_CODES,
  messageOf,
  type AchievedStatus,
  type CheckResult,
  type Issue,
  type Severity,
  type StatusName,
  type TableName,
} from "../../core";
import type { CellPlace } from "../../excel/WorkbookGateway";

/** Which findings to list. */
export type FindingFilter = {
  readonly severity: "all" | Severity;
  /** An achieved status, "failing" for rows that miss their declared status, or "all". */
  readonly status: "all" | "failing" | AchievedStatus;
};

/** One finding, ready to show and to navigate to. */
export type FindingItem = {
  readonly key: string;
  readonly severity: Severity;
  readonly column: string;
  readonly message: string;
  readonly place: CellPlace;
};

/** The findings of one sheet row, with its statuses when it is an activity. */
export type FindingGroup = {
  readonly key: string;
  readonly table: TableName;
  readonly sheet: string;
  readonly row: number;
  /** True for findings about the columns (missing, repeated), placed on the header row. */
  readonly header: boolean;
  /** Internal ID and title, when the row is an activity that has them. */
  readonly label: string | null;
  readonly declared: StatusName | null;
  readonly heldTo: StatusName | null;
  readonly achieved: AchievedStatus | null;
  readonly passes: boolean | null;
  readonly items: readonly FindingItem[];
};

const itemOf = (issue: Issue, index: number): FindingItem => ({
  key: `${String(index)}`,
  severity: issue.severity,
  column: issue.column,
  message: messageOf(issue),
  place: { table: issue.table, sheet: issue.sheet, row: issue.row, column: issue.column },
});

/**
 * Groups a check's findings by sheet row, in the order core sorted them, keeping those the filter
 * asks for. Activities rows carry their declared and achieved status; rows of other tables show
 * only when no status filter is set, since they have no status of their own. Pure.
 */
export function findingGroups(result: CheckResult, filter: FindingFilter): FindingGroup[] {
  const verdicts = new Map(result.rows.map((r) => [`${r.sheet}|${String(r.row)}`, r] as const));
  const groups = new Map<string, { base: Omit<FindingGroup, "items">; items: FindingItem[] }>();
  result.issues.forEach((issue, i) => {
    const key = `${issue.table}|${issue.sheet}|${String(issue.row)}`;
    let group = groups.get(key);
    if (group === undefined) {
      const v =
        issue.table === "Activities"
          ? verdicts.get(`${issue.sheet}|${String(issue.row)}`)
          : undefined;
      const label =
        v === undefined
          ? null
          : [v.internalId, v.title].filter((x) => x !== null).join(" · ") || null;
      group = {
        base: {
          key,
          table: issue.table,
          sheet: issue.sheet,
          row: issue.row,
          header: HEADER_ISSUE_CODES.has(issue.code),
          label,
          declared: v?.declaredStatus ?? null,
          heldTo: v?.heldTo ?? null,
          achieved: v?.achievedStatus ?? null,
          passes: v?.passes ?? null,
        },
        items: [],
      };
      groups.set(key, group);
    }
    group.items.push(itemOf(issue, i));
  });
  const out: FindingGroup[] = [];
  for (const { base, items } of groups.values()) {
    if (filter.status !== "all") {
      if (base.achieved === null) continue;
      if (filter.status === "failing" ? base.passes !== false : base.achieved !== filter.status) {
        continue;
      }
    }
    const kept =
      filter.severity === "all" ? items : items.filter((x) => x.severity === filter.severity);
    if (kept.length > 0) out.push({ ...base, items: kept });
  }
  return out;
}
