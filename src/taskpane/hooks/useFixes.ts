import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { proposeFixes, type CheckResult, type Fix, type FixKind } from "../../core";
import { cellAddress } from "../../excel/addresses";
import type { FixesApplied, FixesUndone } from "../../excel/applyFixes";
import { columnOf, type TableLayout } from "../../excel/layout";
import type { WorkbookPort } from "../deps";
import { toPaneError, type PaneError } from "../paneError";

/** A fix as the preview lists it: the cell's address as Excel shows it. */
export type PlannedFix = { readonly fix: Fix; readonly cell: string };

/** Fixing cells, as one union. Each result stays on show until the next action. */
export type FixState =
  | { readonly status: "idle" }
  | { readonly status: "preview"; readonly fixes: readonly PlannedFix[] }
  | { readonly status: "running" }
  | { readonly status: "applied"; readonly done: FixesApplied }
  | { readonly status: "undone"; readonly done: FixesUndone }
  | { readonly status: "failed"; readonly error: PaneError };

/** The fixes of one kind, in the findings' order. */
export type FixGroup = { readonly kind: FixKind; readonly fixes: readonly PlannedFix[] };

const KIND_ORDER: readonly FixKind[] = ["code", "url", "date", "status"];

/** "Activities!K2", or the sheet, row and header when the check did not place the column. */
export function cellOf(fix: Fix, layouts: readonly TableLayout[]): string {
  const layout = layouts.find((l) => l.table === fix.table && l.sheet === fix.sheet);
  const column = layout === undefined ? undefined : columnOf(layout, fix.column);
  return column === undefined
    ? `${fix.sheet} row ${String(fix.row)}, ${fix.column}`
    : `${fix.sheet}!${cellAddress(column, fix.row)}`;
}

/** A moment as the log shows it: 12/01/2026 9:30 AM, in the coordinator's own time. */
export function logTime(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  const h = at.getHours() % 12 === 0 ? 12 : at.getHours() % 12;
  const day = `${pad(at.getMonth() + 1)}/${pad(at.getDate())}/${String(at.getFullYear())}`;
  return `${day} ${String(h)}:${pad(at.getMinutes())} ${at.getHours() < 12 ? "AM" : "PM"}`;
}

/**
 * The fixes the last check allows, grouped by kind, and applying or undoing them after a
 * preview. `afterChange` runs once Excel has the new values (to check again), whether or not
 * every cell took its fix. Undo is on offer only while there is a batch to undo: one applied
 * here, or one an earlier session logged on the PARS Fixes sheet (looked for once, as the pane
 * opens).
 */
export function useFixes(
  workbook: WorkbookPort,
  result: CheckResult | null,
  layouts: readonly TableLayout[],
  now: () => Date,
  afterChange: () => void
): {
  state: FixState;
  groups: readonly FixGroup[];
  /** Also propose the declared status the data supports (off until asked). */
  statuses: boolean;
  setStatuses: (on: boolean) => void;
  /** The fix for a finding's cell, if it has one. */
  fixAt: (place: { table: string; sheet: string; row: number; column: string }) => Fix | null;
  preview: (fixes: readonly Fix[]) => void;
  cancel: () => void;
  apply: () => Promise<void>;
  undo: () => Promise<void>;
  /**
   * True while a batch of fixes is left to undo; also true when Excel could not say, so that
   * Undo stays on offer.
   */
  canUndo: boolean;
} {
  const [state, setState] = useState<FixState>({ status: "idle" });
  const [statuses, setStatuses] = useState(false);
  const [canUndo, setCanUndo] = useState(false);
  // Set once a fix or an undo has said what is left: the log read as the pane opened is then old.
  const known = useRef(false);
  const mounted = useRef(true);

  // Fixes logged by an earlier session: looked for once, as the pane opens.
  useEffect(() => {
    mounted.current = true;
    if (workbook.capabilities.check && workbook.fixBatchesToUndo !== undefined) {
      workbook.fixBatchesToUndo().then(
        (n) => {
          if (mounted.current && !known.current) setCanUndo(n > 0);
        },
        () => {
          // Not knowing is no reason to withhold Undo; undoing reports its own failure.
          if (mounted.current && !known.current) setCanUndo(true);
        }
      );
    }
    return () => {
      mounted.current = false;
    };
  }, [workbook]);

  const proposed = useMemo(
    () => (result === null ? [] : proposeFixes(result, { statuses })),
    [result, statuses]
  );
  const groups = useMemo(
    () =>
      KIND_ORDER.map((kind) => ({
        kind,
        fixes: proposed
          .filter((f) => f.kind === kind)
          .map((fix) => ({ fix, cell: cellOf(fix, layouts) })),
      })).filter((g) => g.fixes.length > 0),
    [proposed, layouts]
  );
  const byCell = useMemo(
    () => new Map(proposed.map((f) => [`${f.table}|${f.sheet}|${String(f.row)}|${f.column}`, f])),
    [proposed]
  );
  const fixAt = useCallback(
    (p: { table: string; sheet: string; row: number; column: string }) =>
      byCell.get(`${p.table}|${p.sheet}|${String(p.row)}|${p.column}`) ?? null,
    [byCell]
  );
  const preview = useCallback(
    (fixes: readonly Fix[]) =>
      setState({
        status: "preview",
        fixes: fixes.map((fix) => ({ fix, cell: cellOf(fix, layouts) })),
      }),
    [layouts]
  );
  const cancel = useCallback(() => setState({ status: "idle" }), []);
  const apply = useCallback(async () => {
    if (state.status !== "preview") return;
    const fixes = state.fixes.map((p) => p.fix);
    setState({ status: "running" });
    try {
      const done = await workbook.applyFixes(fixes, logTime(now()));
      setState({ status: "applied", done });
      if (done.batch !== null) {
        known.current = true;
        setCanUndo(true);
      }
      if (done.applied.length > 0) afterChange();
    } catch (e) {
      setState({ status: "failed", error: toPaneError(e) });
    }
  }, [state, workbook, now, afterChange]);
  const undo = useCallback(async () => {
    setState({ status: "running" });
    try {
      const done = await workbook.undoLastFixes(logTime(now()));
      setState({ status: "undone", done });
      known.current = true;
      setCanUndo(done.left > 0);
      if (done.restored > 0) afterChange();
    } catch (e) {
      setState({ status: "failed", error: toPaneError(e) });
    }
  }, [workbook, now, afterChange]);
  return { state, groups, statuses, setStatuses, fixAt, preview, cancel, apply, undo, canUndo };
}
