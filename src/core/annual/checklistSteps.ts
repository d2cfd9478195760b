import { usOfDay } from "../dates";
import type { AnnualReport } from "./annualReport";
import { reportingYear } from "./reportingYear";

/** One step of the year-end checklist as every shell shows it. */
export type ChecklistStep = {
  readonly key: "toEnter" | "toClose" | "continuing" | "enduringCounts";
  /** What the coordinator does, e.g. "Enter the activities that started in 2025". */
  readonly label: string;
  /** A few words for a chart's axis: "Enter", "Close", "Continuing", "Enduring counts". */
  readonly short: string;
  /** How many rows the step lists. */
  readonly rows: number;
  /** How many of them are not yet done (0 for a list that only informs). */
  readonly open: number;
};

/**
 * The checklist's four steps with their counts, in ACCME's order (enter, close, enduring counts),
 * with the activities that continue into the next year after closing.
 */
export function checklistSteps(report: AnnualReport): readonly ChecklistStep[] {
  const c = report.checklist;
  const y = String(report.year);
  const through = usOfDay(reportingYear(report.year).last);
  return [
    {
      key: "toEnter",
      label: `Enter the activities that started in ${y}`,
      short: "Enter",
      rows: c.toEnter.length,
      open: c.toEnter.filter((t) => !t.ready).length,
    },
    {
      key: "toClose",
      label: `Close the activities that ended in ${y}`,
      short: "Close",
      rows: c.toClose.length,
      open: c.toClose.length,
    },
    {
      key: "continuing",
      label: `Activities continuing into ${String(report.year + 1)}`,
      short: "Continuing",
      rows: c.continuing.length,
      open: 0,
    },
    {
      key: "enduringCounts",
      label: `Enduring materials' cumulative learners through ${through}`,
      short: "Enduring counts",
      rows: c.enduringCounts.length,
      open: c.enduringCounts.filter((e) => e.problem !== null).length,
    },
  ];
}

/**
 * The four Program Summary amounts PARS asks for by hand; commercial support it sums itself, and
 * expenses it has not collected since the 2015 reporting year.
 * Source: ACCME, "What is the Program Summary?" (docs/year-end.md §3).
 */
export const HAND_ENTERED_AMOUNTS = [
  { key: "advertisingExhibits", label: "Advertising and exhibit income" },
  { key: "registrationFees", label: "Registration fees" },
  { key: "governmentGrants", label: "Government monetary grants" },
  { key: "privateDonations", label: "Private monetary donations" },
] as const;

/** The keys of the hand-entered amounts. */
export type HandEnteredKey = (typeof HAND_ENTERED_AMOUNTS)[number]["key"];

/** The hand-entered amounts, in dollars; null where none is entered. */
export type HandEnteredAmounts = Readonly<Record<HandEnteredKey, number | null>>;
