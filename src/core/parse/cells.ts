import { describeCell, isCellError, isUnsavedFormula, type CellValue } from "../model/cell";
import type { IssueBody } from "../model/issue";
import { dayFromParts, dayOfSerial, monthOfName, type DateSystem, type DayNumber } from "../dates";
import { lookUp, normaliseKey, type Vocabulary } from "../codes/normalise";
import { matchCountry } from "../codes/country";
import {
  MEASUREMENT_TYPES,
  OUTCOME_NAMES,
  type MeasurementType,
  type OutcomeName,
} from "../codes/vocabularies";
import { formatName, matchFormat, type FormatKey } from "../formats";

/**
 * A cell read as the value its column holds: present and valid, blank, or present but not valid
 * (with the finding that says why). `note` is a warning about a valid value (a normalised code, a
 * tab inside a title).
 */
export type Field<T> =
  | { readonly kind: "ok"; readonly value: T; readonly note?: IssueBody }
  | { readonly kind: "empty" }
  | { readonly kind: "invalid"; readonly issue: IssueBody };

export const EMPTY: Field<never> = { kind: "empty" };
const ok = <T>(value: T, note?: IssueBody): Field<T> =>
  note === undefined ? { kind: "ok", value } : { kind: "ok", value, note };
const invalid = (issue: IssueBody): Field<never> => ({ kind: "invalid", issue });

// Fields of closed lists are shared objects (they are immutable): a workbook of 100,000 rows
// would otherwise allocate a million identical ones.
const SHARED = new Map<string, Field<string>>();
const okShared = <T extends string>(value: T): Field<T> => {
  let f = SHARED.get(value);
  if (f === undefined) {
    f = { kind: "ok", value };
    SHARED.set(value, f);
  }
  return f as Field<T>;
};
const TRUE_FIELD: Field<boolean> = { kind: "ok", value: true };
const FALSE_FIELD: Field<boolean> = { kind: "ok", value: false };

/** The value of a field when it is valid, else undefined. */
export function valueOf<T>(field: Field<T>): T | undefined {
  return field.kind === "ok" ? field.value : undefined;
}

/** The longest description PARS takes (DOMAIN.md §5, XML batch upload). */
export const MAX_DESCRIPTION_LENGTH = 2500;

// A tab, line break or other control character cannot travel in a tab-delimited upload.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Shared start of every reader: Excel errors and blanks. Returns the trimmed text otherwise. */
function precheck(cell: CellValue): Field<never> | string | number | boolean {
  // Text and numbers first: nearly every cell is one.
  if (typeof cell === "string") {
    const t = cell.trim();
    return t === "" ? EMPTY : t;
  }
  if (typeof cell === "number" || typeof cell === "boolean") return cell;
  if (cell === null || cell === undefined) return EMPTY;
  if (isCellError(cell)) return invalid({ code: "cell_error", value: cell.error });
  if (isUnsavedFormula(cell)) {
    return invalid({ code: "formula_without_result", formula: cell.formula });
  }
  return cell;
}

/**
 * True when text needs neither trimming nor a control-character finding: its ends are visible
 * and nothing inside is a control character. One scan of char codes, which allocates nothing; the
 * free-text columns (titles, IDs) hold a new value on nearly every row.
 */
function isPlainText(text: string): boolean {
  const n = text.length;
  if (n === 0) return false;
  // Ends in visible ASCII: trim() removes only white space, which is at or below a space in
  // ASCII or beyond ASCII (a no-break space); other text takes the general path.
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(n - 1);
  if (first <= 0x20 || first >= 0x7f || last <= 0x20 || last >= 0x7f) return false;
  for (let i = 1; i < n - 1; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return false;
  }
  return true;
}

const isField = (x: unknown): x is Field<never> => typeof x === "object";

/** Free text. Numbers and booleans read as Excel shows them. */
export function readText(cell: CellValue): Field<string> {
  if (typeof cell === "string" && isPlainText(cell)) return { kind: "ok", value: cell };
  const v = precheck(cell);
  if (isField(v)) return v;
  const text = typeof v === "string" ? v : describeCell(v);
  return CONTROL.test(text) ? ok(text, { code: "control_characters", value: text }) : ok(text);
}

/** Text of at most 2,500 characters (DOMAIN.md §5). */
export function readDescription(cell: CellValue): Field<string> {
  const f = readText(cell);
  if (f.kind === "ok" && f.value.length > MAX_DESCRIPTION_LENGTH) {
    return invalid({
      code: "description_too_long",
      length: f.value.length,
      max: MAX_DESCRIPTION_LENGTH,
    });
  }
  return f;
}

/** A time of day after a date in text ("08:00", "8:00 AM", "08:00:00"): dropped, as for serials. */
const TIME = String.raw`(?:[T ]\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp]\.?[Mm]\.?)?Z?)?`;
const US_DATE = new RegExp(String.raw`^(\d{1,2})\/(\d{1,2})\/(\d{4})${TIME}$`);
const ISO_DATE = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`);
/** "July 1, 2024", "Jul. 1 2024". */
const MONTH_FIRST = new RegExp(String.raw`^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})${TIME}$`);
/** "1 July 2024", "01-Jul-2024" (Excel's d-mmm-yyyy). */
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{4})${TIME}$`);

/** The day of a year, a month's English name (or its first three letters) and a day, if real. */
function dayOfNamedMonth(year: string, month: string, day: string): DayNumber | null {
  const m = monthOfName(month);
  return m === null ? null : dayFromParts(Number(year), m, Number(day));
}

/**
 * A date: an Excel serial in the workbook's date system, or text as MM/DD/YYYY, M/D/YYYY,
 * YYYY-MM-DD, "July 1, 2024" or "1-Jul-2024" (a time of day after it is dropped). A date that does
 * not exist (02/30) is refused, never rolled over; so is a two-digit year, whose century is a
 * guess.
 */
export function readDate(cell: CellValue, system: DateSystem): Field<DayNumber> {
  const v = precheck(cell);
  if (isField(v)) return v;
  let day: DayNumber | null = null;
  if (typeof v === "number") {
    day = dayOfSerial(v, system);
  } else if (typeof v === "string") {
    let m: RegExpExecArray | null;
    if ((m = US_DATE.exec(v)) !== null)
      day = dayFromParts(Number(m[3]), Number(m[1]), Number(m[2]));
    else if ((m = ISO_DATE.exec(v)) !== null) {
      day = dayFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
    } else if ((m = MONTH_FIRST.exec(v)) !== null) {
      day = dayOfNamedMonth(m[3] as string, m[1] as string, m[2] as string);
    } else if ((m = DAY_FIRST.exec(v)) !== null) {
      day = dayOfNamedMonth(m[3] as string, m[2] as string, m[1] as string);
    }
  }
  return day === null ? invalid({ code: "invalid_date", value: describeCell(cell) }) : ok(day);
}

/** A number from a number cell or from text such as "1,040", " 52 " or "$2,500.00". */
function toNumber(v: string | number | boolean): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "boolean") return null;
  const cleaned = v.replace(/[\s,]/g, "").replace(/^\$/, "");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** Any number. */
export function readNumber(cell: CellValue): Field<number> {
  const v = precheck(cell);
  if (isField(v)) return v;
  const n = toNumber(v);
  return n === null ? invalid({ code: "invalid_number", value: describeCell(cell) }) : ok(n);
}

/** A sum of money: a number, 0 or more ("$2,500.00" reads as 2500). */
export function readAmount(cell: CellValue): Field<number> {
  const f = readNumber(cell);
  if (f.kind === "ok" && f.value < 0) {
    return invalid({ code: "negative_amount", value: describeCell(cell) });
  }
  return f;
}

/** True when a credit amount is at least 0.25 and a whole number of 0.25 steps (DOMAIN.md §1). */
export function isCreditAmount(n: number): boolean {
  return n >= 0.25 && Math.abs(n * 4 - Math.round(n * 4)) < 1e-9;
}

/** Credits: at least 0.25, in 0.25 steps. */
export function readCredits(cell: CellValue): Field<number> {
  const v = precheck(cell);
  if (isField(v)) return v;
  const n = toNumber(v);
  return n !== null && isCreditAmount(n)
    ? ok(n)
    : invalid({ code: "invalid_credits", value: describeCell(cell) });
}

/** A learner count: a whole number, 0 or more. */
export function readCount(cell: CellValue): Field<number> {
  const v = precheck(cell);
  if (isField(v)) return v;
  const n = toNumber(v);
  return n !== null && Number.isInteger(n) && n >= 0
    ? ok(n)
    : invalid({ code: "invalid_count", value: describeCell(cell) });
}

const YES = new Set(["yes", "y", "true", "1", "x"]);
const NO = new Set(["no", "n", "false", "0"]);

/** Yes/No from Yes/No, Y/N, TRUE/FALSE (text or boolean) and 1/0. */
export function readYesNo(cell: CellValue): Field<boolean> {
  const v = precheck(cell);
  if (isField(v)) return v;
  if (typeof v === "boolean") return v ? TRUE_FIELD : FALSE_FIELD;
  const key = String(v).toLowerCase();
  if (YES.has(key)) return TRUE_FIELD;
  if (NO.has(key)) return FALSE_FIELD;
  return invalid({ code: "invalid_yes_no", value: describeCell(cell) });
}

/** A PARS format by name, legacy code or common variant. */
export function readFormat(cell: CellValue): Field<FormatKey> {
  const v = precheck(cell);
  if (isField(v)) return v;
  const text = String(v);
  const m = matchFormat(text);
  if (m.kind === "format") return okShared(m.format);
  if (m.kind === "not_a_format") {
    return invalid({ code: "not_a_format", value: text, usually: formatName(m.usually) });
  }
  return invalid({ code: "unknown_format", value: text });
}

/** One value of a closed list. */
export function readCode<T extends string>(cell: CellValue, vocab: Vocabulary<T>): Field<T> {
  const v = precheck(cell);
  if (isField(v)) return v;
  const text = String(v);
  const found = lookUp(vocab, text);
  if (found === undefined) return invalid(badCode(text, vocab));
  if (vocab.otherWords.size > 0) {
    // Another word for the value ("Completed" for Closed): read, and said so.
    const why = vocab.otherWords.get(normaliseKey(text));
    if (why !== undefined) return ok(found, { code: "word_read_as", value: text, as: found, why });
  }
  return okShared(found);
}

function badCode<T extends string>(value: string, vocab: Vocabulary<T>): IssueBody {
  return { code: "invalid_code", value, vocabulary: vocab.name, allowed: vocab.values };
}

/** Splits a cell's list: semicolons and line breaks separate items (names may hold commas). */
export function splitList(text: string): string[] {
  return text
    .split(/[;\n\r]+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** A list of free-text names (joint providers, practice areas). */
export function readList(cell: CellValue): Field<readonly string[]> {
  const f = readText(cell);
  if (f.kind !== "ok") return f;
  const items = splitList(f.value);
  return items.length === 0 ? EMPTY : ok(items);
}

/** A list of values of a closed list; commas also separate, since no code contains one. */
export function readCodeList<T extends string>(
  cell: CellValue,
  vocab: Vocabulary<T>
): Field<readonly T[]> {
  const v = precheck(cell);
  if (isField(v)) return v;
  const out: T[] = [];
  for (const item of String(v).split(/[;,\n\r]+/)) {
    const t = item.trim();
    if (t === "") continue;
    const found = lookUp(vocab, t);
    if (found === undefined) return invalid(badCode(t, vocab));
    if (!out.includes(found)) out.push(found);
  }
  return out.length === 0 ? EMPTY : ok(out);
}

/** An ISO 3166-1 alpha-3 country; alpha-2 codes and English names are normalised, with a note. */
export function readCountry(cell: CellValue): Field<string> {
  const v = precheck(cell);
  if (isField(v)) return v;
  const text = String(v);
  const m = matchCountry(text);
  if (m === undefined) {
    return invalid({
      code: "invalid_code",
      value: text,
      vocabulary: "country (ISO 3166-1 alpha-3)",
      allowed: ["USA", "CAN", "GBR", "…"],
    });
  }
  return m.normalised
    ? ok(m.code, { code: "code_normalised", value: text, normalised: m.code })
    : ok(m.code);
}

const URL_PATTERN = /^https?:\/\/[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$/i;

/** A web address without its scheme: a dotted host name, then optionally a path. */
const BARE_URL_PATTERN = /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:[/?#]\S*)?$/i;

/** An http(s) address; one written without its scheme ("cme.example.org/gr") is read as https. */
export function readUrl(cell: CellValue): Field<string> {
  const v = precheck(cell);
  if (isField(v)) return v;
  const text = String(v);
  if (URL_PATTERN.test(text)) return ok(text);
  if (BARE_URL_PATTERN.test(text)) {
    const url = `https://${text}`;
    return ok(url, { code: "url_scheme_added", value: text, url });
  }
  return invalid({ code: "invalid_url", value: text });
}

/** An outcome measure with its measurement type when the cell gives one. */
export type Outcome = { readonly name: OutcomeName; readonly type: MeasurementType | null };

/**
 * Outcome measures as "Learner Knowledge (Objective); Patient Health - Subjective": each item a
 * measure of DOMAIN.md §3, optionally with Objective or Subjective.
 */
export function readOutcomes(cell: CellValue): Field<readonly Outcome[]> {
  const v = precheck(cell);
  if (isField(v)) return v;
  const out: Outcome[] = [];
  for (const item of String(v).split(/[;\n\r]+/)) {
    const t = item.trim();
    if (t === "") continue;
    let type: MeasurementType | null = null;
    let name = t;
    const m = /^(.*?)[\s:(,-]+(objective|subjective|obj|subj)\)?$/i.exec(t);
    if (m !== null) {
      type = lookUp(MEASUREMENT_TYPES, m[2] ?? "") ?? null;
      name = m[1] ?? "";
    }
    const found = lookUp(OUTCOME_NAMES, name);
    if (found === undefined) return invalid(badCode(t, OUTCOME_NAMES));
    out.push({ name: found, type });
  }
  return out.length === 0 ? EMPTY : ok(out);
}
