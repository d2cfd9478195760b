import { useCallback, useEffect, useRef, useState } from "react";
import type { CheckOptions } from "../../core";
import type { SheetChange } from "../../excel/changePlan";
import {
  CheckCancelled,
  type CellPlace,
  type CheckPass,
  type CheckProgress,
} from "../../excel/WorkbookGateway";
import type { WorkbookPort } from "../deps";
import { toPaneError, type PaneError } from "../paneError";

/** The check, as one union. A running or failed state keeps the last result on show. */
export type CheckState =
  | { readonly status: "idle" }
  | {
      readonly status: "running";
      readonly progress: CheckProgress | null;
      readonly previous: CheckPass | null;
    }
  | { readonly status: "done"; readonly pass: CheckPass }
  | { readonly status: "failed"; readonly error: PaneError; readonly previous: CheckPass | null };

/** The result on show in any state. */
export function passOf(state: CheckState): CheckPass | null {
  switch (state.status) {
    case "idle":
      return null;
    case "done":
      return state.pass;
    case "running":
    case "failed":
      return state.previous;
  }
}

/**
 * Checking the workbook, clearing marks, going to a finding, and keeping the result live: after
 * the first check, edits are collected and, once the coordinator pauses for `debounceMs`, re-checked
 * (only the rows edited are read again). One operation runs at a time; edits made meanwhile, the
 * first check included, wait and are re-checked after it.
 */
export function useCheck(
  workbook: WorkbookPort,
  debounceMs: number
): {
  state: CheckState;
  live: boolean;
  check: (options: CheckOptions) => Promise<void>;
  /** Stops a running check at its next round trip; the last result stays on show. */
  cancel: () => void;
  /** True when the last check was cancelled, until the next one starts. */
  cancelled: boolean;
  clear: () => Promise<void>;
  select: (place: CellPlace) => Promise<void>;
  /**
   * True when the workbook held the add-in's marks as the pane opened (an earlier session's), until
   * they are cleared; also true when Excel could not say, so that Clear stays on offer.
   */
  earlierMarks: boolean;
} {
  const [state, setState] = useState<CheckState>({ status: "idle" });
  const [live, setLive] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const [earlierMarks, setEarlierMarks] = useState(false);
  const cancelAsked = useRef(false);
  const last = useRef<CheckPass | null>(null);
  const busy = useRef(false);
  const pending = useRef<SheetChange[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stop = useRef<(() => Promise<void>) | null>(null);
  const mounted = useRef(true);

  const progress = useCallback((p: CheckProgress) => {
    if (mounted.current) setState((s) => (s.status === "running" ? { ...s, progress: p } : s));
  }, []);

  /** Runs one operation at a time; the result replaces what is on show. */
  const perform = useCallback(
    async (work: () => Promise<CheckPass | null>): Promise<boolean> => {
      if (busy.current) return false;
      busy.current = true;
      cancelAsked.current = false;
      setCancelled(false);
      setState({ status: "running", progress: null, previous: last.current });
      try {
        const pass = await work();
        if (pass !== null) last.current = pass;
        if (mounted.current) {
          setState(
            last.current === null ? { status: "idle" } : { status: "done", pass: last.current }
          );
        }
        return true;
      } catch (e) {
        if (mounted.current) {
          if (e instanceof CheckCancelled) {
            setCancelled(true);
            setState(
              last.current === null ? { status: "idle" } : { status: "done", pass: last.current }
            );
          } else {
            setState({ status: "failed", error: toPaneError(e), previous: last.current });
          }
        }
        return false;
      } finally {
        busy.current = false;
        if (pending.current.length > 0) schedule();
      }
    },
    // `schedule` only touches refs, so the first render's copy serves every later one.
    []
  );

  const recheck = useCallback(async () => {
    if (busy.current || pending.current.length === 0) return;
    const changes = pending.current.splice(0);
    await perform(() => workbook.recheck(changes, progress));
  }, [workbook, perform, progress]);

  const recheckRef = useRef(recheck);
  recheckRef.current = recheck;
  const schedule = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void recheckRef.current();
    }, debounceMs);
  };

  const check = useCallback(
    async (options: CheckOptions) => {
      // Listen before the first read, so an edit made while it runs waits and is re-checked
      // once the check ends, instead of being lost.
      let watchFailed: unknown = null;
      if (stop.current === null && workbook.capabilities.live) {
        try {
          stop.current = await workbook.watch((change) => {
            pending.current.push(change);
            if (!busy.current) schedule();
          });
          if (mounted.current) setLive(true);
        } catch (e) {
          watchFailed = e;
        }
      }
      const ok = await perform(() => workbook.check(options, progress, () => cancelAsked.current));
      if (ok && watchFailed !== null && mounted.current) {
        setState({ status: "failed", error: toPaneError(watchFailed), previous: last.current });
      }
    },
    [workbook, perform, progress]
  );

  // Marks from an earlier session: looked for once, as the pane opens.
  useEffect(() => {
    if (!workbook.capabilities.highlight || workbook.marksInWorkbook === undefined) return;
    workbook.marksInWorkbook().then(
      (n) => {
        if (mounted.current) setEarlierMarks(n > 0);
      },
      () => {
        // Not knowing is no reason to withhold Clear; clearing reports its own failure.
        if (mounted.current) setEarlierMarks(true);
      }
    );
  }, [workbook]);

  const clear = useCallback(async () => {
    await perform(async () => {
      await workbook.clearHighlights();
      if (mounted.current) setEarlierMarks(false);
      return last.current === null ? null : { ...last.current, marks: null };
    });
  }, [workbook, perform]);

  const select = useCallback(
    async (place: CellPlace) => {
      try {
        await workbook.select(place);
      } catch (e) {
        if (mounted.current) {
          setState({ status: "failed", error: toPaneError(e), previous: last.current });
        }
      }
    },
    [workbook]
  );

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      if (timer.current !== null) clearTimeout(timer.current);
      const s = stop.current;
      stop.current = null;
      // The pane is going away: there is nowhere left to show a failure to stop listening, and
      // Excel drops the handler with the runtime anyway.
      if (s !== null) void s().catch(() => undefined);
    };
  }, []);

  const cancel = useCallback(() => {
    cancelAsked.current = true;
  }, []);

  return { state, live, check, cancel, cancelled, clear, select, earlierMarks };
}
