// Where a compiled XML layout writes its text. A 100,000-activity PARS file is about 240 million
// characters, and what it costs to build is mostly the number of pieces made and how often the
// characters are copied (measured with bench/export.bench.ts): writing a piece per element, each a
// concatenation of tag, value and tag, took about 700 ms, most of it joining and collecting
// garbage. So:
// - the constant text between two values (indentation and tags) is one piece, made the first time
//   that sequence of constants occurs and reused after (a trie of runs, below);
// - an element whose values repeat (dates, codes, yes/no, a country) is itself a constant, so the
//   whole stretch of repeated elements between two distinct values is one reused piece;
// - the pieces, in order, are the file: they are never joined into one string, which would copy
//   every character into 240 MB of new memory (a third of the time) only for the shell to copy
//   it again when it writes or downloads the file (see `ExportFile`).

/** The entity a character is written as in XML text, or null when it is written as itself. */
function entityOf(c: number): string | null {
  if (c === 38) return "&amp;";
  if (c === 60) return "&lt;";
  if (c === 62) return "&gt;";
  if (c === 34) return "&quot;";
  return null;
}

const ESCAPABLE = /[&<>"]/;

/**
 * Text escaped for XML character data (and attribute values: `"` is escaped too). Most values
 * need nothing, which the regular expression tells at once; the others are escaped in one pass
 * into a flat string, not four replacements each making a new string.
 */
export function escapeXml(text: string): string {
  if (!ESCAPABLE.test(text)) return text;
  let pieces: string[] | null = null;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const entity = entityOf(text.charCodeAt(i));
    if (entity === null) continue;
    (pieces ??= []).push(text.slice(from, i), entity);
    from = i + 1;
  }
  if (pieces === null) return text;
  pieces.push(text.slice(from));
  return pieces.join("");
}

/** How much an `XmlOut` keeps while writing one file: none of it changes the text written. */
export type XmlLimits = {
  /**
   * Runs of constants kept. Each distinct sequence of constants costs one; past `valueRuns`
   * values stop becoming constants, past `runs` a run is cut where it would grow, so memory stays
   * bounded whatever the workbook holds.
   */
  readonly valueRuns: number;
  readonly runs: number;
  /** Distinct values an element keeps as constants. */
  readonly valuesPerElement: number;
  /** Values an element is tried on: it stops keeping them unless half were found again. */
  readonly trial: number;
};

/**
 * The limits files are written with. On the 100,000-activity benchmark 10,000 runs (a few MB)
 * wrote as fast as 200,000 did.
 */
export const XML_LIMITS: XmlLimits = {
  valueRuns: 5_000,
  runs: 10_000,
  valuesPerElement: 64,
  trial: 256,
};

/** A run of constants: the run it extends, the constant added, and its text once needed. */
type Run = {
  readonly parent: Run | null;
  readonly k: number;
  text: string | undefined;
  /** The last run grown from this one (most runs only ever grow one way), then all the others. */
  lastK: number;
  last: Run | null;
  more: Map<number, Run> | null;
};

const newRun = (parent: Run | null, k: number): Run => ({
  parent,
  k,
  text: parent === null ? "" : undefined,
  lastK: -1,
  last: null,
  more: null,
});

/** The structural constants of a compiled layout (tags with their indentation) and its value slots. */
export class XmlConstants {
  readonly texts: string[] = [];
  private readonly index = new Map<string, number>();
  slots = 0;

  /** The index of a constant string, for `XmlOut.constant`. */
  of(text: string): number {
    let k = this.index.get(text);
    if (k === undefined) {
      k = this.texts.length;
      this.texts.push(text);
      this.index.set(text, k);
    }
    return k;
  }

  /** A new slot for an element's repeated values. */
  slot(): number {
    return this.slots++;
  }
}

const OPEN = 0;
const CLOSE = 1;
const LEAF = 2;
const EACH = 3;
const CONSTANT = 4;

/**
 * One step of a compiled layout. All steps are of one class, whatever their kind, so the loop
 * that runs them sees one shape of object.
 */
class Step {
  constructor(
    readonly kind: number,
    /** OPEN, CLOSE: the tag's constant; LEAF: the opening tag's. */
    readonly k: number,
    /** LEAF: the closing tag's constant. */
    readonly close: number,
    /** LEAF: the element's value slot. */
    readonly slot: number,
    /** LEAF: the value; EACH: the items. The context's type is the table's business (`XmlElement`). */
    readonly of: ((c: never) => unknown) | null,
    /** EACH: the steps for each item. */
    readonly body: readonly Step[] | null,
    /** LEAF: false when the value is markup already escaped (an element with attributes). */
    readonly escape: boolean
  ) {}
}

/**
 * A layout's elements compiled into a flat list of steps (xmlElements.ts builds it from the
 * table), which one loop runs per activity.
 */
export class XmlProgram<C> {
  readonly steps: Step[] = [];

  constructor(readonly constants: XmlConstants) {}

  /** A group's opening tag: written only if something is written before its `close`. */
  open(tag: string): void {
    this.steps.push(new Step(OPEN, this.constants.of(tag), -1, -1, null, null, true));
  }

  /** Text always written, whatever else is: the tags of an element the schema requires. */
  constant(text: string): void {
    this.steps.push(new Step(CONSTANT, this.constants.of(text), -1, -1, null, null, true));
  }

  /** A group's closing tag (or, when nothing was written inside, its opening tag taken back). */
  close(tag: string): void {
    this.steps.push(new Step(CLOSE, this.constants.of(tag), -1, -1, null, null, true));
  }

  /**
   * An element holding `value(c)` between two tags; left out when the value is null. With
   * `escape` false the value is markup the caller has escaped (attributes, then text).
   */
  leaf(open: string, value: (c: C) => string | null, close: string, escape = true): void {
    const { constants } = this;
    this.steps.push(
      new Step(LEAF, constants.of(open), constants.of(close), constants.slot(), value, null, escape)
    );
  }

  /** The steps `body` adds, run once per item of `items(c)`. */
  each<I>(items: (c: C) => readonly I[], body: (program: XmlProgram<I>) => void): void {
    const program = new XmlProgram<I>(this.constants);
    body(program);
    this.steps.push(new Step(EACH, -1, -1, -1, items, program.steps, true));
  }
}

/** An element's values kept as constants while writing one file. */
type ValueCache = {
  readonly ids: Map<string, number>;
  /** The last value found, tried before the map: runs of one value are common (a date, a country). */
  lastValue: string | null;
  lastK: number;
  tries: number;
  hits: number;
  on: boolean;
};

/** The text of one file as it is written. */
export class XmlOut {
  private readonly parts: string[] = [];
  /** Structural constants, then this file's value constants. */
  private readonly texts: string[];
  private readonly root: Run = newRun(null, -1);
  private run: Run;
  private runs = 0;
  private readonly caches: (ValueCache | undefined)[];
  /** Opening tags of groups not written yet: written with the first thing inside them. */
  private readonly opens: number[] = [];
  private openCount = 0;

  constructor(
    constants: XmlConstants,
    private readonly limits: XmlLimits = XML_LIMITS
  ) {
    this.texts = constants.texts.slice();
    this.run = this.root;
    this.caches = new Array<ValueCache | undefined>(constants.slots);
  }

  /** Writes `c` with a compiled layout's steps. */
  write<C>(program: XmlProgram<C>, c: C): void {
    this.steps(program.steps, c);
  }

  private steps(steps: readonly Step[], c: unknown): void {
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i] as Step;
      switch (step.kind) {
        case OPEN:
          this.opens[this.openCount++] = step.k;
          break;
        case CLOSE:
          // The group's own opening tag is still waiting: nothing was written inside it.
          if (this.openCount !== 0) this.openCount--;
          else this.append(step.k);
          break;
        case LEAF: {
          const value = (step.of as (c: unknown) => string | null)(c);
          if (value !== null) this.leaf(step.slot, step.k, value, step.close, step.escape);
          break;
        }
        case CONSTANT:
          this.constant(step.k);
          break;
        default: {
          const items = (step.of as (c: unknown) => readonly unknown[])(c);
          const body = step.body as readonly Step[];
          for (let n = 0; n < items.length; n++) this.steps(body, items[n]);
        }
      }
    }
  }

  /** Appends constant `k` (an index from `XmlConstants.of`). */
  constant(k: number): void {
    if (this.openCount !== 0) this.writeOpens();
    this.append(k);
  }

  private append(k: number): void {
    const run = this.run;
    if (run.lastK === k) this.run = run.last as Run;
    else this.run = run.more?.get(k) ?? this.grow(run, k);
  }

  private grow(run: Run, k: number): Run {
    if (this.runs >= this.limits.runs) {
      // Cut the run here and start another with this constant alone.
      this.flush();
      const start = this.root;
      if (start.lastK === k) return start.last as Run;
      const found = start.more?.get(k);
      if (found !== undefined) return found;
      run = start;
    }
    this.runs++;
    const next = newRun(run, k);
    if (run.last !== null) (run.more ??= new Map()).set(run.lastK, run.last);
    run.lastK = k;
    run.last = next;
    return next;
  }

  private writeOpens(): void {
    for (let i = 0; i < this.openCount; i++) this.append(this.opens[i] as number);
    this.openCount = 0;
  }

  /** The pending run's text goes into the file. */
  private flush(): void {
    const run = this.run;
    if (run === this.root) return;
    this.parts.push(run.text ?? this.textOf(run));
    this.run = this.root;
  }

  private textOf(run: Run): string {
    const pieces: string[] = [];
    for (let r: Run | null = run; r !== null && r.parent !== null; r = r.parent) {
      pieces.push(this.texts[r.k] as string);
    }
    const text = pieces.reverse().join("");
    run.text = text;
    return text;
  }

  /**
   * Appends an element holding `value` (not yet escaped), between the constants `open` and
   * `close` (its tags with their indentation). `slot` is the element's, from `XmlConstants.slot`:
   * while the element's values repeat, each distinct one becomes a constant of the whole element.
   */
  private leaf(slot: number, open: number, value: string, close: number, escape: boolean): void {
    if (this.openCount !== 0) this.writeOpens();
    let cache = this.caches[slot];
    if (cache === undefined) {
      cache = {
        ids: new Map(),
        lastValue: null,
        lastK: -1,
        tries: 0,
        hits: 0,
        on: true,
      };
      this.caches[slot] = cache;
    }
    if (cache.on) {
      if (value === cache.lastValue) {
        cache.hits++;
        this.append(cache.lastK);
        return;
      }
      let k = cache.ids.get(value);
      if (k !== undefined) cache.hits++;
      else if (cache.ids.size < this.limits.valuesPerElement && this.runs < this.limits.valueRuns) {
        k = this.texts.length;
        this.texts.push(
          [
            this.texts[open] as string,
            escape ? escapeXml(value) : value,
            this.texts[close] as string,
          ].join("")
        );
        cache.ids.set(value, k);
      }
      const { trial } = this.limits;
      if (++cache.tries === trial && cache.hits < trial / 2) cache.on = false;
      if (k !== undefined) {
        cache.lastValue = value;
        cache.lastK = k;
        this.append(k);
        return;
      }
    }
    this.append(open);
    this.flush();
    this.parts.push(escape ? escapeXml(value) : value);
    this.append(close);
  }

  /** The file's text in pieces, in order. The writer is not used after. */
  finish(): string[] {
    if (this.openCount !== 0) this.writeOpens();
    this.flush();
    return this.parts;
  }
}
