import type { TextLayout, UploadLayout, XmlLayout } from "./layout";
import type { ExportActivity } from "./model";

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
  readonly text: string;
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
  // One reused array of cells per line, joined once: far fewer pieces than pushing every value
  // and separator into the file's array (the 100,000-activity benchmark halved).
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
  const text = lines.join("");
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
  return { text, emptyFields };
}

/** Activities per joined chunk of an XML file. */
const XML_CHUNK = 32;

function renderXml(activities: readonly ExportActivity[], layout: XmlLayout): RenderedExport {
  // Pieces are joined a few hundred activities at a time, then the chunks once: one array of every
  // piece of a 100,000-activity file, or one string per activity, both spent far longer in
  // joining and garbage collection (measured with bench/export.bench.ts).
  const parts: string[] = [];
  const chunks: string[] = [
    `<?xml version="1.0" encoding="${layout.encoding}"?>\n<${layout.root}>\n`,
  ];
  for (let n = 0; n < activities.length; n++) {
    layout.activity.write(activities[n] as ExportActivity, 1, parts);
    if (n % XML_CHUNK === XML_CHUNK - 1) {
      chunks.push(parts.join(""));
      parts.length = 0;
    }
  }
  chunks.push(parts.join(""), `</${layout.root}>\n`);
  const text = chunks.join("");
  // The XML layout leaves an element out rather than writing it empty; the coordinator-facing
  // list of empty fields is the delimited layout's concern, where a blank column is visible.
  return {
    text: layout.lineEnd === "\n" ? text : text.replace(/\n/g, layout.lineEnd),
    emptyFields: [],
  };
}
