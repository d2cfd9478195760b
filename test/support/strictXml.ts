// A small, strict XML 1.0 reader for the tests: it refuses what a conforming parser refuses in the
// subset an upload file can contain (elements, attributes, character data, the five predefined
// entities, character references, comments, one XML declaration). Written here so that a test of
// well-formedness does not depend on the code it tests.

/** An element as read: its name, attributes, child elements and its own character data. */
export type XmlNode = {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
  /** The concatenated character data directly inside the element (entities resolved). */
  readonly text: string;
};

/** The text is not well-formed XML; `offset` is where reading stopped. */
export class XmlSyntaxError extends Error {
  override readonly name = "XmlSyntaxError";
  constructor(
    readonly offset: number,
    detail: string
  ) {
    super(`Not well-formed XML at offset ${String(offset)}: ${detail}`);
  }
}

const NAME = /[A-Za-z_:][-A-Za-z0-9._:\u00b7\u00c0-\uffff]*/y;
const SPACE = /[ \t\r\n]*/y;
// Legal XML 1.0 characters: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, and supplementary planes.
const ILLEGAL_CHAR =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
};

/**
 * Parses a whole document and returns its root element.
 *
 * @throws {XmlSyntaxError} at the first thing that is not well-formed
 */
export function parseXml(doc: string): XmlNode {
  if (doc.charCodeAt(0) === 0xfeff) throw new XmlSyntaxError(0, "byte-order mark");
  const bad = ILLEGAL_CHAR.exec(doc);
  if (bad !== null) throw new XmlSyntaxError(bad.index, "character not allowed in XML");
  let i = 0;
  const fail = (detail: string): never => {
    throw new XmlSyntaxError(i, detail);
  };
  const skipSpace = (): void => {
    SPACE.lastIndex = i;
    SPACE.exec(doc);
    i = SPACE.lastIndex;
  };
  const name = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(doc);
    if (m === null) return fail("expected a name");
    i = NAME.lastIndex;
    return m[0];
  };
  const decode = (raw: string, at: number): string =>
    raw.replace(/&([^;]*);|&/g, (whole, ref: string | undefined, off: number) => {
      if (ref === undefined) throw new XmlSyntaxError(at + off, "bare &");
      const num = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(ref);
      if (num !== null) {
        const code = num[1] !== undefined ? parseInt(num[1], 16) : Number(num[2]);
        const ch = String.fromCodePoint(code);
        if (ILLEGAL_CHAR.test(ch) || code === 0) throw new XmlSyntaxError(at + off, "bad char ref");
        return ch;
      }
      const e = ENTITIES[ref];
      if (e === undefined) throw new XmlSyntaxError(at + off, `unknown entity ${whole}`);
      return e;
    });
  const misc = (): void => {
    for (;;) {
      skipSpace();
      if (doc.startsWith("<!--", i)) {
        const end = doc.indexOf("-->", i + 4);
        if (end < 0) fail("unclosed comment");
        if (doc.slice(i + 4, end).includes("--")) fail("-- inside a comment");
        i = end + 3;
      } else return;
    }
  };

  if (doc.startsWith("<?xml", i)) {
    const end = doc.indexOf("?>", i);
    if (end < 0) fail("unclosed XML declaration");
    const decl = doc.slice(i, end + 2);
    if (
      !/^<\?xml version="1\.0"( encoding="[A-Za-z][A-Za-z0-9._-]*")?( standalone="(yes|no)")? ?\?>$/.test(
        decl
      )
    ) {
      fail("malformed XML declaration");
    }
    i = end + 2;
  }
  misc();

  const element = (): XmlNode => {
    if (doc[i] !== "<") fail("expected <");
    i++;
    const tag = name();
    const attributes: Record<string, string> = {};
    for (;;) {
      const before = i;
      skipSpace();
      if (doc.startsWith("/>", i)) {
        i += 2;
        return { name: tag, attributes, children: [], text: "" };
      }
      if (doc[i] === ">") {
        i++;
        break;
      }
      if (i === before) fail("expected space before attribute");
      const attr = name();
      skipSpace();
      if (doc[i] !== "=") fail("expected =");
      i++;
      skipSpace();
      const q = doc[i];
      if (q !== '"' && q !== "'") return fail("expected quoted value");
      const end = doc.indexOf(q, i + 1);
      if (end < 0) fail("unclosed attribute value");
      const raw = doc.slice(i + 1, end);
      if (raw.includes("<")) fail("< in attribute value");
      if (attr in attributes) fail(`attribute ${attr} repeated`);
      attributes[attr] = decode(raw, i + 1);
      i = end + 1;
    }
    const children: XmlNode[] = [];
    let text = "";
    for (;;) {
      if (i >= doc.length) fail(`unclosed element ${tag}`);
      if (doc.startsWith("</", i)) {
        i += 2;
        const closing = name();
        if (closing !== tag) fail(`</${closing}> closes <${tag}>`);
        skipSpace();
        if (doc[i] !== ">") fail("expected >");
        i++;
        return { name: tag, attributes, children, text };
      }
      if (doc.startsWith("<!--", i)) {
        misc();
        continue;
      }
      if (doc.startsWith("<![CDATA[", i)) {
        const end = doc.indexOf("]]>", i);
        if (end < 0) fail("unclosed CDATA");
        text += doc.slice(i + 9, end);
        i = end + 3;
        continue;
      }
      if (doc[i] === "<") {
        children.push(element());
        continue;
      }
      const next = doc.indexOf("<", i);
      const end = next < 0 ? doc.length : next;
      const raw = doc.slice(i, end);
      if (raw.includes("]]>")) fail("]]> in character data");
      text += decode(raw, i);
      i = end;
    }
  };

  const root = element();
  misc();
  if (i !== doc.length) fail("content after the root element");
  return root;
}
