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
  /** text as written → canonical value (or null): the same few spellings recur on every row */
  readonly seen: Map<string, T | null>;
};

/**
 * Builds a vocabulary from its canonical values and their extra spellings. Each canonical value is
 * also its own spelling.
 */
export function vocabulary<T extends string>(
  name: string,
  entries: readonly (readonly [T, readonly string[]])[]
): Vocabulary<T> {
  const lookup = new Map<string, T>();
  for (const [value, spellings] of entries) {
    for (const s of [value, ...spellings]) lookup.set(normaliseKey(s), value);
  }
  return { name, values: entries.map(([v]) => v), lookup, seen: new Map() };
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
