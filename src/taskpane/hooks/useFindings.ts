import { useMemo, useState } from "react";
import type { CheckResult } from "../../core";
import { findingGroups, type FindingFilter, type FindingGroup } from "../viewModels/findingGroups";

/** Rows listed at first, and added per "Show more": a long list stays quick to render. */
export const PAGE = 100;

/** The findings list's filter and paging over a check result. */
export function useFindings(result: CheckResult | null): {
  filter: FindingFilter;
  setFilter: (f: FindingFilter) => void;
  groups: readonly FindingGroup[];
  shown: readonly FindingGroup[];
  showMore: () => void;
} {
  const [filter, setFilterState] = useState<FindingFilter>({ severity: "all", status: "all" });
  const [limit, setLimit] = useState(PAGE);
  const groups = useMemo(
    () => (result === null ? [] : findingGroups(result, filter)),
    [result, filter]
  );
  return {
    filter,
    setFilter: (f) => {
      setFilterState(f);
      setLimit(PAGE);
    },
    groups,
    shown: groups.slice(0, limit),
    showMore: () => setLimit((n) => n + PAGE),
  };
}
