import { useDeferredValue, useMemo, useState } from "react";
import type { CheckResult } from "../../core";
import {
  ALL_FINDINGS,
  findingGroups,
  type FindingFilter,
  type FindingGroup,
  type FindingItem,
} from "../viewModels/findingGroups";

/** Lines (group headings and findings) listed at first, and added per "Show more". */
export const PAGE = 60;

/** One line of the list: a group's heading, or one of its findings. */
export type FindingLine =
  | { readonly kind: "group"; readonly group: FindingGroup; readonly expanded: boolean }
  | { readonly kind: "item"; readonly group: FindingGroup; readonly item: FindingItem };

/**
 * The findings list's filter, grouping, paging and chosen finding over a check result. Groups by
 * cause start folded (one line per cause), groups by row start open. The chosen finding is kept by
 * its key, so a re-check that keeps it keeps it chosen.
 */
export function useFindings(result: CheckResult | null): {
  filter: FindingFilter;
  setFilter: (f: FindingFilter) => void;
  groups: readonly FindingGroup[];
  /** Findings matching the filter, in list order. */
  items: readonly FindingItem[];
  lines: readonly FindingLine[];
  /** Lines not yet listed. */
  more: number;
  showMore: () => void;
  toggle: (groupKey: string) => void;
  selected: FindingItem | null;
  /** Chooses a finding, opening its group and listing it. */
  choose: (item: FindingItem) => void;
  /** The finding `step` places away from the chosen one (the first or last when none is). */
  neighbour: (step: 1 | -1) => FindingItem | null;
} {
  const [filter, setFilterState] = useState<FindingFilter>(ALL_FINDINGS);
  const [limit, setLimit] = useState(PAGE);
  const [toggled, setToggled] = useState<ReadonlySet<string>>(new Set());
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  // Typing in the search box stays quick on a long list: the list follows a moment later.
  const deferred = useDeferredValue(filter);
  const groups = useMemo(
    () => (result === null ? [] : findingGroups(result, deferred)),
    [result, deferred]
  );
  const items = useMemo(() => groups.flatMap((g) => g.items), [groups]);
  const openByDefault = deferred.groupBy === "row";
  const allLines = useMemo(() => {
    const out: FindingLine[] = [];
    for (const group of groups) {
      const expanded = toggled.has(group.key) ? !openByDefault : openByDefault;
      out.push({ kind: "group", group, expanded });
      if (expanded) for (const item of group.items) out.push({ kind: "item", group, item });
    }
    return out;
  }, [groups, toggled, openByDefault]);
  const selected = items.find((i) => i.key === selectedKey) ?? null;

  const choose = (item: FindingItem) => {
    setSelectedKey(item.key);
    const group = groups.find((g) => g.items.includes(item));
    if (group === undefined) return;
    const open = toggled.has(group.key) ? !openByDefault : openByDefault;
    const next = new Set(toggled);
    if (!open) {
      if (openByDefault) next.delete(group.key);
      else next.add(group.key);
      setToggled(next);
    }
    // List far enough to show it: its group's heading and the findings before it.
    let at = 0;
    for (const g of groups) {
      const expanded = g === group || (next.has(g.key) ? !openByDefault : openByDefault);
      at += 1;
      if (g === group) {
        at += g.items.indexOf(item) + 1;
        break;
      }
      if (expanded) at += g.items.length;
    }
    if (at > limit) setLimit(Math.ceil(at / PAGE) * PAGE);
  };

  return {
    filter,
    setFilter: (f) => {
      if (f.groupBy !== filter.groupBy) setToggled(new Set());
      setFilterState(f);
      setLimit(PAGE);
    },
    groups,
    items,
    lines: allLines.slice(0, limit),
    more: Math.max(0, allLines.length - limit),
    showMore: () => setLimit((n) => n + PAGE),
    toggle: (key) =>
      setToggled((s) => {
        const next = new Set(s);
        if (next.has(key)) next.delete(key);
        else next.add(key);
        return next;
      }),
    selected,
    choose,
    neighbour: (step) => {
      if (items.length === 0) return null;
      const at = selected === null ? -1 : items.indexOf(selected);
      if (at === -1) return step === 1 ? (items[0] ?? null) : (items[items.length - 1] ?? null);
      return items[at + step] ?? null;
    },
  };
}
