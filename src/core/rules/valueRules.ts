import { lookUp } from "../codes/normalise";
import { US_STATES } from "../codes/vocabularies";
import { lastDayOfSpan, usOfDay } from "../dates";
import { FORMAT_KEYS, profileOf } from "../formats";
import type { ActivityRecord } from "../parse/readRecords";
import { NONE, type RowRule } from "./context";

/**
 * The end date is not before the start date.
 * Source: PARS FAQ, status requirements (a start and an end date for every activity).
 */
export const endNotBeforeStart: RowRule = (a, ctx) => {
  if (a.startDate.kind !== "ok" || a.endDate.kind !== "ok") return NONE;
  if (a.endDate.value >= a.startDate.value) return NONE;
  return [
    {
      body: {
        code: "end_before_start",
        start: usOfDay(a.startDate.value),
        end: usOfDay(a.endDate.value),
      },
      severity: "error",
      place: ctx.book.activities.place(a.row, "endDate"),
      owner: a.row,
    },
  ];
};

/** The shortest span any format may have, in months. */
const SHORTEST_SPAN_MONTHS = Math.min(...FORMAT_KEYS.map((f) => profileOf(f).maxSpanMonths));

/**
 * The span fits the format: 12 months (07/01 to 06/30 passes, 07/01 to 07/01 does not), enduring
 * materials 3 years.
 * Source: PARS FAQ, each format's "reported for a maximum of a 12-month period"; enduring
 * materials "with a start and end date spanning up to 3 years".
 */
export const spanWithinFormat: RowRule = (a, ctx) => {
  if (a.startDate.kind !== "ok" || a.endDate.kind !== "ok" || a.format.kind !== "ok") {
    return NONE;
  }
  // Every month has at least 28 days, so a span this short fits without working out the last day,
  // and one shorter than any format's limit fits without looking up the format.
  const days = a.endDate.value - a.startDate.value;
  if (days < 28 * SHORTEST_SPAN_MONTHS) return NONE;
  const profile = profileOf(a.format.value);
  if (days < 28 * profile.maxSpanMonths) return NONE;
  const last = lastDayOfSpan(a.startDate.value, profile.maxSpanMonths);
  if (a.endDate.value <= last) return NONE;
  return [
    {
      body: {
        code: "span_too_long",
        format: profile.name,
        maxMonths: profile.maxSpanMonths,
        lastDay: usOfDay(last),
      },
      severity: "error",
      place: ctx.book.activities.place(a.row, "endDate"),
      owner: a.row,
    },
  ];
};

/**
 * In the USA the state is a two-letter USPS code; a state's full name is accepted and normalised.
 * Source: DOMAIN.md §3, State: two-letter USPS codes including DC and the territories.
 */
export const usStateCode: RowRule = (a, ctx) => {
  if (a.state.kind !== "ok" || a.country.kind !== "ok" || a.country.value !== "USA") {
    return NONE;
  }
  const written = a.state.value;
  const code = lookUp(US_STATES, written);
  if (code === written) return NONE; // the common case: no place to work out
  const place = ctx.book.activities.place(a.row, "state");
  if (code === undefined) {
    return [
      {
        body: {
          code: "invalid_code",
          value: written,
          vocabulary: US_STATES.name,
          allowed: US_STATES.values,
        },
        severity: "error",
        place,
        owner: a.row,
      },
    ];
  }
  return [
    {
      body: { code: "code_normalised", value: written, normalised: code },
      severity: "warning",
      place,
      owner: a.row,
    },
  ];
};

/** The US state code of a row, as it will be reported, when it has one. */
export function stateCodeOf(a: ActivityRecord): string | undefined {
  return a.state.kind === "ok" ? (lookUp(US_STATES, a.state.value) ?? a.state.value) : undefined;
}
