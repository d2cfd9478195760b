/**
 * The key two spellings share when they mean the same thing: lower case, letters and digits only,
 * with "#" read as "number" and "&" as "and" ("# of Physicians" = "Number of physicians").
 */
export function normaliseKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/#/g, "number")
    .replace(/&/g, "and")
    .replace(/[^a-z0-9]/g, "");
}

/** A closed list of values with the spellings coordinators use for each. */
export type Vocabulary<T extends string> = {
  readonly name: string;
  readonly values: readonly T[];
  /** normalised spelling → canonical value */
  readonly lookup: ReadonlyMap<string, T>;
  /**
   * normalised words that mean a value without spelling it ("Completed" for Closed), with why
   * when there is more to say: read with a note, so the coordinator sees the reading.
   */
  readonly otherWords: ReadonlyMap<string, "co_provided" | null>;
  /** text as written → canonical value (or null): the same few spellings recur on every row */
  readonly seen: Map<string, T | null>;
};

/** Words that mean a value: the words, and why they mean it when a note should say more. */
export type OtherWords = {
  readonly words: readonly string[];
  readonly why?: "co_provided";
};

/**
 * Builds a vocabulary from its canonical values and their extra spellings, and optionally other
 * words for a value (read with a note). Each canonical value is also its own spelling.
 */
export function vocabulary<T extends string>(
  name: string,
  entries: readonly (readonly [T, readonly string[], OtherWords?])[]
): Vocabulary<T> {
  const lookup = new Map<string, T>();
  const otherWords = new Map<string, "co_provided" | null>();
  for (const [value, spellings, other] of entries) {
    for (const s of [value, ...spellings]) lookup.set(normaliseKey(s), value);
    for (const w of other?.words ?? []) {
      lookup.set(normaliseKey(w), value);
      otherWords.set(normaliseKey(w), other?.why ?? null);
    }
  }
  return { name, values: entries.map(([v]) => v), lookup, otherWords, seen: new Map() };
}

/** The canonical value for a spelling, or undefined. */
export function lookUp<T extends string>(vocab: Vocabulary<T>, text: string): T | undefined {
  let found = vocab.seen.get(text);
  if (found === undefined) {
    found = vocab.lookup.get(normaliseKey(text)) ?? null;
    if (vocab.seen.size < 10_000) vocab.seen.set(text, found);
  }
  return found ?? undefined;
}
