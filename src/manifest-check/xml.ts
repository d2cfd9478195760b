// A small XML reader for add-in manifests: elements, attributes, text, comments and the XML
// declaration, with line numbers for messages. Manifests use nothing more (no DTDs, no CDATA in
// practice), and reading them ourselves keeps `npm run validate` free of a parser dependency; the
// schema pass (xmllint) is the strict judge of well-formedness when the XSDs are present.

/** One element: its qualified name as written (`bt:Image`), attributes, children and text. */
export type XmlElement = {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
  readonly line: number;
};

/** The manifest is not XML this reader can follow. */
export class XmlSyntaxError extends Error {
  override readonly name = "XmlSyntaxError";
  constructor(
    message: string,
    readonly line: number
  ) {
    super(`line ${String(line)}: ${message}`);
  }
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
};

function decode(text: string, line: number): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X")) {
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    }
    if (name.startsWith("#")) return String.fromCodePoint(parseInt(name.slice(1), 10));
    const v = ENTITIES[name];
    if (v === undefined) throw new XmlSyntaxError(`unknown entity ${whole}`, line);
    return v;
  });
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const ATTRIBUTE = /^\s+([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/;

/**
 * Parses a document into its root element.
 *
 * @throws {XmlSyntaxError} on a tag that does not close, a mismatched end tag or stray text
 */
export function parseXml(source: string): XmlElement {
  let i = 0;
  let line = 1;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  const advance = (to: number) => {
    for (let k = i; k < to; k++) if (source.charCodeAt(k) === 10) line++;
    i = to;
  };
  const skipPast = (marker: string, what: string) => {
    const end = source.indexOf(marker, i);
    if (end < 0) throw new XmlSyntaxError(`${what} does not end`, line);
    advance(end + marker.length);
  };

  while (i < source.length) {
    const lt = source.indexOf("<", i);
    const text = source.slice(i, lt < 0 ? source.length : lt);
    const top = stack[stack.length - 1];
    if (text.trim() !== "") {
      if (top === undefined) throw new XmlSyntaxError("text outside the root element", line);
      top.text += decode(text, line);
    }
    advance(lt < 0 ? source.length : lt);
    if (lt < 0) break;

    if (source.startsWith("<?", i)) skipPast("?>", "processing instruction");
    else if (source.startsWith("<!--", i)) skipPast("-->", "comment");
    else if (source.startsWith("<![CDATA[", i)) {
      const end = source.indexOf("]]>", i);
      if (end < 0 || top === undefined) throw new XmlSyntaxError("CDATA section", line);
      top.text += source.slice(i + 9, end);
      advance(end + 3);
    } else if (source.startsWith("<!", i)) skipPast(">", "declaration");
    else if (source.startsWith("</", i)) {
      const m = NAME.exec(source.slice(i + 2));
      const close = source.indexOf(">", i);
      if (m === null || close < 0) throw new XmlSyntaxError("malformed end tag", line);
      const open = stack.pop();
      if (open === undefined || open.name !== m[0]) {
        throw new XmlSyntaxError(
          `</${m[0]}> does not close ${open === undefined ? "anything" : `<${open.name}>`}`,
          line
        );
      }
      advance(close + 1);
    } else {
      const startLine = line;
      const m = NAME.exec(source.slice(i + 1));
      if (m === null) throw new XmlSyntaxError("malformed start tag", line);
      let rest = source.slice(i + 1 + m[0].length);
      let used = 1 + m[0].length;
      const attributes: Record<string, string> = {};
      for (;;) {
        const a = ATTRIBUTE.exec(rest);
        if (a === null) break;
        const name = a[1] ?? "";
        if (name in attributes) throw new XmlSyntaxError(`attribute ${name} repeated`, line);
        attributes[name] = decode(a[3] ?? a[4] ?? "", line);
        rest = rest.slice(a[0].length);
        used += a[0].length;
      }
      const end = /^\s*(\/?)>/.exec(rest);
      if (end === null) throw new XmlSyntaxError(`start tag <${m[0]}> does not end`, line);
      advance(i + used + end[0].length);
      const el: XmlElement = { name: m[0], attributes, children: [], text: "", line: startLine };
      if (top !== undefined) top.children.push(el);
      else if (root === null) root = el;
      else throw new XmlSyntaxError("a second root element", startLine);
      if (end[1] !== "/") stack.push(el);
    }
  }
  const open = stack.pop();
  if (open !== undefined) throw new XmlSyntaxError(`<${open.name}> is never closed`, open.line);
  if (root === null) throw new XmlSyntaxError("no root element", line);
  return root;
}

/** The name without its namespace prefix: `bt:Image` → `Image`. */
export function localName(el: XmlElement): string {
  const colon = el.name.indexOf(":");
  return colon < 0 ? el.name : el.name.slice(colon + 1);
}

/** Every element below `el`, depth first, with the path of local names that leads to it. */
export function* walk(
  el: XmlElement,
  path: readonly string[] = []
): Generator<{ el: XmlElement; path: readonly string[] }> {
  for (const c of el.children) {
    const p = [...path, localName(c)];
    yield { el: c, path: p };
    yield* walk(c, p);
  }
}

/** The first direct child with this local name. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => localName(c) === name);
}
