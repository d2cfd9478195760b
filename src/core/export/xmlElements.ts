import type { XmlElement } from "./layout";

// Builders for XML layouts. Every element is written on its own line, indented by two spaces per
// level, children in the order declared; an element with no value (or a group with no child) is
// left out, never written empty, so "absent" never reads as "blank" on PARS's side.

/** `tag` indented for `depth`, made once per depth: fewer pieces to join than indent + tag. */
function indented(tag: string): (depth: number) => string {
  const byDepth: string[] = [];
  return (depth) => (byDepth[depth] ??= "  ".repeat(depth) + tag);
}

const ESCAPABLE = /[&<>"]/;

/** Text escaped for XML character data (and attribute values: `"` is escaped too). */
export function escapeXml(text: string): string {
  if (!ESCAPABLE.test(text)) return text;
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** An element holding text; left out when `value` gives null. */
export function leaf<C>(
  name: string,
  source: string,
  value: (c: C) => string | null
): XmlElement<C> {
  const open = indented(`<${name}>`);
  const close = `</${name}>\n`;
  return {
    name,
    source,
    repeated: false,
    children: [],
    write: (c, depth, out) => {
      const t = value(c);
      if (t !== null) out.push(open(depth) + escapeXml(t) + close);
    },
  };
}

/** An element made of child elements; left out when none of them is written. */
export function group<C>(
  name: string,
  source: string,
  children: readonly XmlElement<C>[]
): XmlElement<C> {
  const open = indented(`<${name}>\n`);
  const close = indented(`</${name}>\n`);
  return {
    name,
    source,
    repeated: false,
    children,
    write: (c, depth, out) => {
      out.push(open(depth));
      const mark = out.length;
      for (const child of children) child.write(c, depth + 1, out);
      // No child written: take the opening tag back.
      if (out.length === mark) out.length -= 1;
      else out.push(close(depth));
    },
  };
}

/** One element per item of a list (a support source, a MOC board), each made of child elements. */
export function each<C, I>(
  name: string,
  source: string,
  items: (c: C) => readonly I[],
  children: readonly XmlElement<I>[]
): XmlElement<C> {
  const one = group(name, source, children);
  return {
    name,
    source,
    repeated: true,
    children,
    write: (c, depth, out) => {
      for (const item of items(c)) one.write(item, depth, out);
    },
  };
}

/** One text element per value of a list (a delivery method, a credit type). */
export function eachText<C>(
  name: string,
  source: string,
  values: (c: C) => readonly string[]
): XmlElement<C> {
  const one = leaf<string>(name, source, (s) => s);
  return {
    name,
    source,
    repeated: true,
    children: [],
    write: (c, depth, out) => {
      for (const v of values(c)) one.write(v, depth, out);
    },
  };
}

/** The element paths a layout declares, parents before children, in the order they are written. */
export function declaredPaths(element: XmlElement<never>, prefix = ""): string[] {
  const path = prefix === "" ? element.name : `${prefix}/${element.name}`;
  return [path, ...element.children.flatMap((c) => declaredPaths(c, path))];
}
