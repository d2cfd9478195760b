import { useCallback, useState } from "react";
import {
  dayOfIso,
  yearDueOn,
  yearEndReport,
  type AnnualReport,
  type HandEnteredAmounts,
  type IsoDate,
} from "../../core";
import type { WrittenSummary } from "../../excel/summarySheet";
import type { AmountsStore, RowPlace, YearEndWorkbook } from "../../excel/yearEndWorkbook";
import { toPaneError, type PaneError } from "../paneError";

/** What the Year end view takes from outside React; tests pass fakes. */
export type YearEndDeps = {
  readonly workbook: YearEndWorkbook;
  readonly amounts: AmountsStore;
  /** Today on the coordinator's computer, as YYYY-MM-DD. */
  readonly today: () => IsoDate;
  /** The provider's seven-digit ACCME ID, or null. */
  readonly providerId: () => string | null;
};

/** Building the year's report, as one union. */
export type YearEndState =
  | { readonly status: "idle" }
  | { readonly status: "running" }
  | { readonly status: "done"; readonly report: AnnualReport }
  | { readonly status: "no_activities" }
  | { readonly status: "failed"; readonly error: PaneError };

/** Writing the summary sheet or saving the amounts, as one union. */
export type ActionState<T> =
  | { readonly status: "idle" }
  | { readonly status: "working" }
  | { readonly status: "done"; readonly value: T }
  | { readonly status: "failed"; readonly error: PaneError };

/** The years the picker offers: the one due, the five before it, and the one after. */
export function yearChoices(due: number): number[] {
  return [due + 1, due, due - 1, due - 2, due - 3, due - 4, due - 5];
}

/** The Year end view's state: the year, its report, the hand-entered amounts and the sheet. */
export function useYearEnd(deps: YearEndDeps) {
  const due = yearDueOn(dayOfIso(deps.today()) ?? 0);
  const [year, setYearState] = useState(due);
  const [state, setState] = useState<YearEndState>({ status: "idle" });
  const [amounts, setAmounts] = useState<HandEnteredAmounts>(() => deps.amounts.read(due));
  const [saving, setSaving] = useState<ActionState<null>>({ status: "idle" });
  const [writing, setWriting] = useState<ActionState<WrittenSummary>>({ status: "idle" });
  const [going, setGoing] = useState<ActionState<null>>({ status: "idle" });

  const setYear = useCallback(
    (next: number) => {
      setYearState(next);
      setAmounts(deps.amounts.read(next));
      setState({ status: "idle" });
      setSaving({ status: "idle" });
      setWriting({ status: "idle" });
    },
    [deps.amounts]
  );

  const build = useCallback(async () => {
    setState({ status: "running" });
    setWriting({ status: "idle" });
    try {
      const source = await deps.workbook.read();
      const out = yearEndReport(source, year, { providerId: deps.providerId() });
      setState(out.ok ? { status: "done", report: out.report } : { status: "no_activities" });
    } catch (e) {
      setState({ status: "failed", error: toPaneError(e) });
    }
  }, [deps, year]);

  const saveAmounts = useCallback(
    async (next: HandEnteredAmounts) => {
      setSaving({ status: "working" });
      try {
        await deps.amounts.write(year, next);
        setAmounts(next);
        setSaving({ status: "done", value: null });
      } catch (e) {
        setSaving({ status: "failed", error: toPaneError(e) });
      }
    },
    [deps.amounts, year]
  );

  const writeSummary = useCallback(async () => {
    if (state.status !== "done") return;
    setWriting({ status: "working" });
    try {
      setWriting({
        status: "done",
        value: await deps.workbook.writeSummary(state.report, amounts),
      });
    } catch (e) {
      setWriting({ status: "failed", error: toPaneError(e) });
    }
  }, [deps.workbook, state, amounts]);

  const goTo = useCallback(
    async (place: RowPlace) => {
      try {
        await deps.workbook.select(place);
        setGoing({ status: "idle" });
      } catch (e) {
        setGoing({ status: "failed", error: toPaneError(e) });
      }
    },
    [deps.workbook]
  );

  return {
    due,
    year,
    setYear,
    years: yearChoices(due),
    state,
    build,
    amounts,
    saving,
    saveAmounts,
    writing,
    writeSummary,
    going,
    goTo,
  };
}
