/**
 * Positions by key, for the Internal ID keys of a workbook's activities: the first position given
 * each key, found again by the key.
 *
 * Why not a Map: a Map of 100,000 new strings was the join's largest cost. Each insert and each
 * look-up lands at a random place in a table of several megabytes, and the table is rebuilt each
 * time it doubles. This table is sized once for the number of keys; a slot holds only a position
 * (four bytes, so the slots stay small), and each position's hash is kept by position, so strings
 * are compared only when the hashes agree.
 *
 * The hash is fixed, so a workbook could hold IDs chosen to share it; a look-up that has to step
 * past more than `MAX_PROBE` slots hands every key to a Map, whose hash is the engine's own, so
 * such a workbook costs a Map's time, never one that grows with the square of its rows.
 */
export class KeyTable {
  /** Position + 1 of the key in each slot (0: the slot is free). */
  private slots: Int32Array;
  private mask: number;
  /** How many slots are in use. */
  private used = 0;
  /** The key at each position given to `add`, and its hash. */
  private readonly keys: string[];
  private hashes: Int32Array;
  /** Every key's position once a probe ran too long; null while the slots serve. */
  private fallback: Map<string, number> | null = null;
  private readonly hash: (text: string) => number;

  /**
   * A table made for positions 0 to `capacity` - 1 (it grows if given more). `hash` is for tests
   * of keys that collide.
   */
  constructor(capacity: number, hash: (text: string) => number = hashOf) {
    this.hash = hash;
    // At most half the slots in use: a probe then reads one or two.
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    // Made at its full length: positions without a key leave holes, and an array written far past
    // its end would fall back to a slow dictionary.
    this.keys = new Array<string>(capacity);
    this.hashes = new Int32Array(Math.max(capacity, 16));
  }

  /**
   * Gives `key` the position `at` unless it has one: returns the key's position, `at` when the key
   * is new. Each position is given once.
   */
  add(key: string, at: number): number {
    const map = this.fallback;
    if (map !== null) {
      const known = map.get(key);
      if (known !== undefined) return known;
      map.set(key, at);
      return at;
    }
    const h = this.hash(key);
    const slots = this.slots;
    for (let p = h & this.mask, steps = 0; ; p = (p + 1) & this.mask, steps++) {
      if (steps > MAX_PROBE) return this.toMap().add(key, at);
      const held = slots[p] as number;
      if (held === 0) {
        slots[p] = at + 1;
        this.keys[at] = key;
        if (at >= this.hashes.length) this.hashes = grown(this.hashes, at + 1);
        this.hashes[at] = h;
        if (++this.used * 2 > this.mask + 1) this.rehash();
        return at;
      }
      if (this.hashes[held - 1] === h && this.keys[held - 1] === key) return held - 1;
    }
  }

  /** The position of `key`, or -1 when it has none. */
  find(key: string): number {
    if (this.fallback !== null) return this.fallback.get(key) ?? -1;
    const h = this.hash(key);
    const slots = this.slots;
    for (let p = h & this.mask, steps = 0; ; p = (p + 1) & this.mask, steps++) {
      if (steps > MAX_PROBE) return this.toMap().find(key);
      const held = slots[p] as number;
      if (held === 0) return -1;
      if (this.hashes[held - 1] === h && this.keys[held - 1] === key) return held - 1;
    }
  }

  /** True once the keys are held by a Map (their hashes collided). */
  get collided(): boolean {
    return this.fallback !== null;
  }

  /** Hands every key to a Map, in position order so each keeps its first position. */
  private toMap(): this {
    const map = new Map<string, number>();
    const keys = this.keys;
    for (let at = 0; at < keys.length; at++) {
      const k = keys[at];
      if (k !== undefined && !map.has(k)) map.set(k, at);
    }
    this.fallback = map;
    this.slots = new Int32Array(0);
    return this;
  }

  /** Twice the slots, so that a free slot always ends a probe. */
  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length - 1;
    for (let q = 0; q < old.length; q++) {
      const held = old[q] as number;
      if (held === 0) continue;
      let p = (this.hashes[held - 1] as number) & mask;
      while (slots[p] !== 0) p = (p + 1) & mask;
      slots[p] = held;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** The most slots a look-up steps past before the keys go to a Map (half the slots are free). */
const MAX_PROBE = 64;

/** `a` copied into an array of at least `length` (twice as long, to grow rarely). */
function grown(a: Int32Array, length: number): Int32Array {
  const b = new Int32Array(Math.max(length, a.length * 2));
  b.set(a);
  return b;
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
