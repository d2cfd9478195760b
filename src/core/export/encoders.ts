import { isoOfDay, partsOfDay, usOfDay, type DayNumber } from "../dates";

/**
 * A number as its plain decimal digits, never rounded and never in exponent form: 52 → "52",
 * 0.25 → "0.25", 2500 → "2500". Values are written exactly as the workbook holds them.
 */
export function plainNumber(n: number): string {
  const s = String(n);
  if (!s.includes("e")) return s;
  if (Math.abs(n) >= 1) return BigInt(n).toString(); // ≥ 1e21 is always a whole number
  // Below 1e-6 JavaScript switches to exponent form; 20 decimals hold every such double.
  return n.toFixed(20).replace(/0+$/, "");
}

/** `Yes`/`No`, as the legacy templates write booleans. */
export const yesNo = (b: boolean): string => (b ? "Yes" : "No");

/** `true`/`false`, as XML Schema writes booleans. */
export const xmlBoolean = (b: boolean): string => (b ? "true" : "false");

/**
 * Memoises a day's text: an upload repeats the same few hundred dates across thousands of rows,
 * and formatting one goes through a Date object.
 */
function memoDay(f: (d: DayNumber) => string): (d: DayNumber) => string {
  const cache = new Map<DayNumber, string>();
  return (d) => {
    let s = cache.get(d);
    if (s === undefined) {
      s = f(d);
      if (cache.size < 100_000) cache.set(d, s);
    }
    return s;
  };
}

/** MM/DD/YYYY. */
export const usDate = memoDay(usOfDay);

/** YYYY-MM-DD. */
export const isoDate = memoDay(isoOfDay);

/**
 * YYYY-MM-DDT00:00:00: a calendar day as an XML dateTime with no zone, so that no reader shifts it
 * by a time zone (upload-layouts.md §B: the time part is ignored).
 */
export const isoDateTime = memoDay((d) => `${isoOfDay(d)}T00:00:00`);

/** The four-digit year of a day. */
export const yearOf = memoDay((d) => String(partsOfDay(d).year));

/** Applies `f` when the value is present, else null (the column or element is left empty). */
export function maybe<T>(value: T | undefined, f: (v: T) => string): string | null {
  return value === undefined ? null : f(value);
}
