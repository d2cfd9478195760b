import type { ExportActivity, ExportSupport } from "./model";

/** The upload layouts core can write, by the name shells and the CLI use for them. */
export type LayoutId = "xml" | "txt";

/**
 * One column of a delimited layout: its name in the template, where its value comes from (for the
 * maintainer and the export summary), and its encoder. `encode` returns null when the column is
 * left empty for this activity, so the summary can say which fields were left empty.
 */
export type TextColumn<C> = {
  readonly header: string;
  /** The workbook field or rule the value comes from; "none" when the workbook has no source. */
  readonly source: string;
  readonly encode: (c: C) => string | null;
};

/**
 * A delimited activity layout as data: fixed columns, then one block of columns per commercial
 * supporter. A new ACCME template is a new value of this type.
 */
export type TextLayout = {
  readonly kind: "text";
  readonly id: LayoutId;
  readonly name: string;
  readonly extension: string;
  readonly encoding: string;
  readonly separator: string;
  readonly lineEnd: string;
  readonly fixed: readonly TextColumn<ExportActivity>[];
  readonly block: readonly TextColumn<ExportSupport>[];
  /** What is uncertain about the layout, for the docs and the summary. */
  readonly notes: readonly string[];
};

/**
 * One element of an XML layout: its name, source note, children (for introspection: the declared
 * order) and a writer that appends it for one context value. Built with `leaf`, `group`, `each`
 * and `eachText` (xmlElements.ts), never by hand.
 */
export type XmlElement<C> = {
  readonly name: string;
  readonly source: string;
  readonly repeated: boolean;
  readonly children: readonly XmlElement<never>[];
  /**
   * Appends the element's text for `c` at `depth` to `out`, or nothing when it is left out. Pieces
   * go into one array joined once at the end: building nested strings instead made a 100,000
   * activity file spend most of its time collecting garbage.
   */
  readonly write: (c: C, depth: number, out: string[]) => void;
};

/** An XML activity layout as data: the root element and the element written per activity. */
export type XmlLayout = {
  readonly kind: "xml";
  readonly id: LayoutId;
  readonly name: string;
  readonly extension: string;
  readonly encoding: string;
  readonly lineEnd: string;
  readonly root: string;
  readonly activity: XmlElement<ExportActivity>;
  readonly notes: readonly string[];
};

/** Either kind of upload layout. */
export type UploadLayout = TextLayout | XmlLayout;
