import { normaliseKey } from "../codes/normalise";
import type { TableSpec } from "../schema";

/** Words coordinators use for the words of PARS headers ("Finish" for End Date). */
const SYNONYMS: readonly (readonly [RegExp, string])[] = [
  [/\b(finish|finished|finishing|ending|stop|until|to)\b/g, "end"],
  [/\b(begin|beginning|begins|commence|commencing|from)\b/g, "start"],
  [/\b(kind|category)\b/g, "type"],
  [/\b(sponsor|sponsors)\b/g, "supporter"],
  [/\b(mode|channel)\b/g, "delivery"],
];

/** The Levenshtein distance between two short strings. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost
      );
    }
    prev = cur;
  }
  return prev[b.length] as number;
}

/**
 * The canonical header a header the table does not know most likely means ("Finish" → End Date,
 * "Strat Date" → Start Date), or null when none is close. Words are first read through common
 * synonyms, then compared with every header and alias of the table; a match must be within a
 * quarter of the length in typing errors.
 */
export function suggestColumn(spec: TableSpec, header: string): string | null {
  const words = header.toLowerCase();
  const candidates = [normaliseKey(words)];
  let translated = words;
  for (const [pattern, word] of SYNONYMS) translated = translated.replace(pattern, word);
  if (translated !== words) candidates.push(normaliseKey(translated));
  // "Finish" alone names the end of something: with the synonym read, try it as a date.
  if (/^end|^start/.test(normaliseKey(translated)))
    candidates.push(`${normaliseKey(translated)}date`);
  let best: { header: string; d: number } | null = null;
  for (const c of spec.columns) {
    for (const name of [c.header, ...c.aliases]) {
      const key = normaliseKey(name);
      for (const k of candidates) {
        if (k === "") continue;
        const d = distance(k, key);
        if (d <= Math.max(1, Math.floor(key.length / 4)) && (best === null || d < best.d)) {
          best = { header: c.header, d };
        }
      }
    }
  }
  return best?.header ?? null;
}
