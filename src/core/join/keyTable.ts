/**
 * Positions by key, for the Internal ID keys of a workbook's activities: the first position given
 * each key, found again by the key.
 *
 * Why not a Map: a Map of 100,000 new strings was the join's largest cost. Each insert and each
 * look-up lands at a random place in a table of several megabytes, and the table is rebuilt each
 * time it doubles. This table is sized once for the number of keys, and keeps each key's hash next
 * to its position, so a probe reads one small slot and compares strings only when the hashes agree.
 */
export class KeyTable {
  /** Pairs of slots: the key's hash, then its position + 1 (0: the pair is free). */
  private slots: Int32Array;
  private mask: number;
  /** How many pairs are in use. */
  private used = 0;
  /** The key at each position given to `add`. */
  private readonly keys: string[];

  /** A table made for positions 0 to `capacity` - 1 (it grows if given more keys). */
  constructor(capacity: number) {
    // At most half the pairs in use: a probe then reads one or two pairs.
    let pairs = 16;
    while (pairs < capacity * 2) pairs *= 2;
    this.slots = new Int32Array(pairs * 2);
    this.mask = pairs - 1;
    // Made at its full length: positions without a key leave holes, and an array written far past
    // its end would fall back to a slow dictionary.
    this.keys = new Array<string>(capacity);
  }

  /**
   * Gives `key` the position `at` unless it has one: returns the key's position, `at` when the key
   * is new. Each position is given once.
   */
  add(key: string, at: number): number {
    const h = hashOf(key);
    const slots = this.slots;
    for (let p = h & this.mask; ; p = (p + 1) & this.mask) {
      const held = slots[2 * p + 1] as number;
      if (held === 0) {
        slots[2 * p] = h;
        slots[2 * p + 1] = at + 1;
        this.keys[at] = key;
        if (++this.used * 2 > this.mask + 1) this.grow();
        return at;
      }
      if (slots[2 * p] === h && this.keys[held - 1] === key) return held - 1;
    }
  }

  /** The position of `key`, or -1 when it has none. */
  find(key: string): number {
    const h = hashOf(key);
    const slots = this.slots;
    for (let p = h & this.mask; ; p = (p + 1) & this.mask) {
      const held = slots[2 * p + 1] as number;
      if (held === 0) return -1;
      if (slots[2 * p] === h && this.keys[held - 1] === key) return held - 1;
    }
  }

  /** Twice the pairs, so that a free pair always ends a probe. */
  private grow(): void {
    const old = this.slots;
    const pairs = (this.mask + 1) * 2;
    const slots = new Int32Array(pairs * 2);
    const mask = pairs - 1;
    for (let q = 0; q < old.length; q += 2) {
      if (old[q + 1] === 0) continue;
      let p = (old[q] as number) & mask;
      while (slots[2 * p + 1] !== 0) p = (p + 1) & mask;
      slots[2 * p] = old[q] as number;
      slots[2 * p + 1] = old[q + 1] as number;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** A 32-bit hash of a text (FNV-1a over its UTF-16 code units, then mixed so low bits vary). */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h | 0;
}
