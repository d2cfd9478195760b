import { anniversary, type DayNumber } from "../dates";
import { profileOf, type FormatKey } from "../formats";

/** One reporting period: first and last day. */
export type Period = { readonly start: DayNumber; readonly end: DayNumber };

/**
 * The periods an activity must be reported as when it runs longer than its format allows: one per
 * 12 months (3 years for enduring material), counted from the start date; the last one ends with
 * the activity. An activity within its limit is one period.
 * Source: PARS FAQ, "it should be reported as a separate activity each year in which it is
 * available"; "other activity formats that span more than one calendar year should be entered once
 * for each 12-month period".
 */
export function reportingPeriods(format: FormatKey, start: DayNumber, end: DayNumber): Period[] {
  if (end < start) return [];
  const months = profileOf(format).maxSpanMonths;
  const periods: Period[] = [];
  for (let k = 0; ; k++) {
    const from = k === 0 ? start : anniversary(start, k * months);
    if (from > end) break;
    const to = Math.min(anniversary(start, (k + 1) * months) - 1, end);
    periods.push({ start: from, end: to });
  }
  return periods;
}

/** True when the span from start to end fits the format's limit. */
export function spanFits(format: FormatKey, start: DayNumber, end: DayNumber): boolean {
  return end >= start && end < anniversary(start, profileOf(format).maxSpanMonths);
}
