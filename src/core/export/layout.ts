import type { ExportActivity, ExportSupport } from "./model";
import type { XmlProgram } from "./xmlOut";

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
 * order) and how to compile it into steps. Built with `leaf`, `group`, `each` and `eachText`
 * (xmlElements.ts), never by hand.
 */
export type XmlElement<C> = {
  readonly name: string;
  readonly source: string;
  readonly repeated: boolean;
  readonly children: readonly XmlElement<never>[];
  /**
   * Adds the element's steps at `depth` (two spaces of indentation per level) to `program`.
   * Compiled once per layout: the indented tags are then constants, and one loop writes an
   * activity (see xmlOut.ts).
   */
  readonly compile: (depth: number, program: XmlProgram<C>) => void;
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
