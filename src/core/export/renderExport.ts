import type { TextLayout, UploadLayout, XmlLayout } from "./layout";
import type { ExportActivity } from "./model";
import { XmlConstants, XmlOut, XmlProgram } from "./xmlOut";

/** A field of a layout left empty in some of the file's records. */
export type EmptyField = {
  readonly field: string;
  /** Where the value would come from; "none" when the workbook has no such field. */
  readonly source: string;
  /** How many records (activities, or supporter blocks for a supporter column) leave it empty. */
  readonly empty: number;
  /** How many records the field had a place in. */
  readonly of: number;
};

/** A layout's text for some activities, with the fields it left empty. */
export type RenderedExport = {
  /** The text in pieces, in order (see `ExportFile.pieces`). */
  readonly pieces: readonly string[];
  readonly emptyFields: readonly EmptyField[];
};

/**
 * Writes activities in a layout. Pure and deterministic: the same activities give the same text,
 * byte for byte. The values must already be safe for the file (as `previewExport` makes them).
 */
export function renderExport(
  activities: readonly ExportActivity[],
  layout: UploadLayout
): RenderedExport {
  return layout.kind === "text" ? renderText(activities, layout) : renderXml(activities, layout);
}

function renderText(activities: readonly ExportActivity[], layout: TextLayout): RenderedExport {
  const { fixed, block, separator, lineEnd } = layout;
  // Every line carries as many supporter blocks as the widest one, so no column is ever missing.
  let blocks = 0;
  for (const a of activities) if (a.support.length > blocks) blocks = a.support.length;
  const fixedEmpty = new Array<number>(fixed.length).fill(0);
  const blockEmpty = new Array<number>(block.length).fill(0);
  let supporters = 0;
  // One reused array of cells per line, joined once, and each line one piece of the file: far
  // fewer pieces than pushing every value and separator (the 100,000-activity benchmark halved).
  const width = fixed.length + block.length * blocks;
  const cells = new Array<string>(width).fill("");
  const lines = new Array<string>(activities.length);
  activities.forEach((a, n) => {
    let k = 0;
    for (let i = 0; i < fixed.length; i++) {
      const value = (fixed[i] as (typeof fixed)[number]).encode(a);
      if (value === null) fixedEmpty[i] = (fixedEmpty[i] as number) + 1;
      cells[k++] = value ?? "";
    }
    for (const s of a.support) {
      supporters++;
      for (let i = 0; i < block.length; i++) {
        const value = (block[i] as (typeof block)[number]).encode(s);
        if (value === null) blockEmpty[i] = (blockEmpty[i] as number) + 1;
        cells[k++] = value ?? "";
      }
    }
    while (k < width) cells[k++] = "";
    lines[n] = cells.join(separator) + lineEnd;
  });
  const emptyFields: EmptyField[] = [];
  fixed.forEach((c, i) => {
    const empty = fixedEmpty[i] as number;
    if (empty > 0)
      emptyFields.push({ field: c.header, source: c.source, empty, of: activities.length });
  });
  block.forEach((c, i) => {
    const empty = blockEmpty[i] as number;
    if (empty > 0) {
      emptyFields.push({
        field: `Supporter: ${c.header}`,
        source: c.source,
        empty,
        of: supporters,
      });
    }
  });
  return { pieces: lines, emptyFields };
}

/** An XML layout compiled: the steps that write an activity, and the constants they use. */
type CompiledXml = {
  readonly constants: XmlConstants;
  readonly program: XmlProgram<ExportActivity>;
  /** The constants before and after the activities. */
  readonly head: number;
  readonly tail: number;
};

/** Each XML layout compiled on first use, and kept: a layout is a constant table. */
const compiledXml = new WeakMap<XmlLayout, CompiledXml>();

function compileXml(layout: XmlLayout): CompiledXml {
  let compiled = compiledXml.get(layout);
  if (compiled === undefined) {
    const constants = new XmlConstants();
    const program = new XmlProgram<ExportActivity>(constants);
    layout.activity.compile(1, program);
    compiled = {
      constants,
      program,
      head: constants.of(`<?xml version="1.0" encoding="${layout.encoding}"?>\n<${layout.root}>\n`),
      tail: constants.of(`</${layout.root}>\n`),
    };
    compiledXml.set(layout, compiled);
  }
  return compiled;
}

function renderXml(activities: readonly ExportActivity[], layout: XmlLayout): RenderedExport {
  const { constants, program, head, tail } = compileXml(layout);
  const out = new XmlOut(constants);
  out.constant(head);
  for (let n = 0; n < activities.length; n++) out.write(program, activities[n]);
  out.constant(tail);
  const pieces = out.finish();
  // The XML layout leaves an element out rather than writing it empty; the coordinator-facing
  // list of empty fields is the delimited layout's concern, where a blank column is visible.
  return {
    pieces: layout.lineEnd === "\n" ? pieces : pieces.map((p) => p.replace(/\n/g, layout.lineEnd)),
    emptyFields: [],
  };
}
