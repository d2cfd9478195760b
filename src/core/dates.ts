/**
 * Calendar dates as whole day numbers (days since 1970-01-01), so that comparing and counting never
 * meets a time zone. `IsoDate` ("YYYY-MM-DD") is the form dates take at core's edges.
 */
export type IsoDate = string;
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;
/** Excel's 1900 system counts from 1899-12-30 (it keeps Lotus's phantom 02/29/1900). */
const EXCEL_1900_EPOCH: DayNumber = -25_569;
/** The 1904 system (old Mac workbooks) counts from 1904-01-01. */
const EXCEL_1904_EPOCH: DayNumber = -24_107;

export type DateSystem = 1900 | 1904;

/** Day number of a real calendar date, or null when the date does not exist (02/30, 13/01). */
export function dayFromParts(year: number, month: number, day: number): DayNumber | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Year, month (1-12) and day of a day number, by integer arithmetic on 400-year eras (the
 * proleptic Gregorian calendar), so that hot loops allocate no Date.
 */
export function partsOfDay(day: DayNumber): { year: number; month: number; day: number } {
  const z = day + 719_468; // days from 0000-03-01
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097; // day of era, 0..146096
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)); // from March 1
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d };
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/** "YYYY-MM-DD". */
export function isoOfDay(day: DayNumber): IsoDate {
  const p = partsOfDay(day);
  return `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}`;
}

/** "MM/DD/YYYY", the way PARS and US coordinators write dates. */
export function usOfDay(day: DayNumber): string {
  const p = partsOfDay(day);
  return `${pad(p.month, 2)}/${pad(p.day, 2)}/${pad(p.year, 4)}`;
}

/** Parses "YYYY-MM-DD" strictly; null when it is not a real date. */
export function dayOfIso(iso: string): DayNumber | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m === null) return null;
  return dayFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * Day number of an Excel date serial. The time of day (fraction) is dropped. In the 1900 system,
 * serial 60 is Excel's non-existent 02/29/1900 and serials below 61 are off by one day; no CME
 * activity is that old, so they are refused.
 */
export function dayOfSerial(serial: number, system: DateSystem): DayNumber | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (system === 1900 && whole < 61) return null;
  if (system === 1904 && whole < 0) return null;
  const day = whole + (system === 1900 ? EXCEL_1900_EPOCH : EXCEL_1904_EPOCH);
  return day > 2_932_896 ? null : day; // past 9999-12-31
}

/** The Excel serial of a day number in a workbook's date system (the 1900 one unless told). */
export function serialOfDay(day: DayNumber, system: DateSystem = 1900): number {
  return day - (system === 1900 ? EXCEL_1900_EPOCH : EXCEL_1904_EPOCH);
}

/**
 * The same day `months` later, clamped to the month's end (01/31 + 1 month = 02/28 or 02/29).
 */
export function addMonths(day: DayNumber, months: number): DayNumber {
  const p = partsOfDay(day);
  const total = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return Date.UTC(year, month - 1, Math.min(p.day, daysInMonth(year, month))) / MS_PER_DAY;
}

/**
 * The day `months` after `start` that a span of that many months ends before: the same day of the
 * month, or, when that month has no such day (a start on February 29, or on a 31st), the first
 * day after the month's end. 02/29/2024 + 12 months is 03/01/2025, so the span runs to 02/28/2025.
 */
export function anniversary(start: DayNumber, months: number): DayNumber {
  const p = partsOfDay(start);
  const total = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = p.day <= daysInMonth(year, month) ? p.day : daysInMonth(year, month) + 1;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/**
 * The last day an activity starting on `start` may end on when its format allows `months` months:
 * the day before the anniversary (FAQ: 07/01 to 06/30). 07/01 plus 12 months allows 06/30 of the
 * next year, not 07/01; a start on 02/29 allows 02/28 of the next year (of the third, for 36).
 */
export function lastDayOfSpan(start: DayNumber, months: number): DayNumber {
  return anniversary(start, months) - 1;
}

const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
  ].flatMap((name, i) => [
    [name, i + 1] as const,
    [name.slice(0, 3), i + 1] as const,
    ...(name === "september" ? [["sept", 9] as const] : []),
  ])
);

/** A month's number (1-12) from its English name, its first three letters or "Sept", any case. */
export function monthOfName(name: string): number | null {
  return MONTHS.get(name.toLowerCase()) ?? null;
}
