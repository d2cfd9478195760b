import { StringDecoder } from "node:string_decoder";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { XlsxError } from "./XlsxError";
import { inflateEntry, type ZipEntry } from "./zipArchive";

/** What a part's reader does with each tag and each run of text; names come without a prefix. */
export type XmlHandlers = {
  readonly open: (name: string, attributes: Readonly<Record<string, string>>) => void;
  readonly close?: (name: string) => void;
  readonly text?: (text: string) => void;
};

/** Budget of inflated bytes shared by the parts of one workbook. */
export type InflateBudget = {
  readonly partBytes: number;
  remainingBytes: number;
  readonly onBytes?: (bytes: number) => void;
};

// Some writers (the Open XML SDK among them) spell SpreadsheetML with a prefix: `<x:row>`.
const localName = (name: string): string => {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
};

/**
 * Streams one XML part of the zip through a SAX parser: the part is never held whole, as bytes or
 * as text, and stops at the budget's cap.
 *
 * @throws {XlsxError} (rejects) when the part is malformed XML (naming the line), passes the cap, or
 *   cannot be inflated; rejects with whatever a handler throws
 */
export async function readXmlPart(
  zip: Buffer,
  entry: ZipEntry,
  budget: InflateBudget,
  handlers: XmlHandlers
): Promise<void> {
  const parser = new SaxesParser({ position: true });
  const { open, close, text } = handlers;
  parser.on("opentag", (tag) => {
    open(localName(tag.name), (tag as SaxesTagPlain).attributes);
  });
  if (close !== undefined) parser.on("closetag", (tag) => close(localName(tag.name)));
  if (text !== undefined) {
    parser.on("text", text);
    parser.on("cdata", text);
  }
  const decoder = new StringDecoder("utf8");
  const malformed = (e: unknown) =>
    e instanceof Error && !(e instanceof XlsxError) && e.constructor.name === "Error"
      ? new XlsxError(`${entry.name} is not well-formed XML (${e.message})`)
      : e;
  const cap = Math.min(budget.partBytes, budget.remainingBytes);
  try {
    const used = await inflateEntry(zip, entry, cap, (chunk) => {
      parser.write(decoder.write(chunk));
      budget.onBytes?.(chunk.length);
    });
    budget.remainingBytes -= used;
    parser.write(decoder.end());
    parser.close();
  } catch (e) {
    throw malformed(e);
  }
}
