import type { XmlElement } from "./layout";
import type { XmlProgram } from "./xmlOut";

// Builders for XML layouts. Every element is written on its own line, indented by two spaces per
// level, children in the order declared; an element with no value (or a group with no child) is
// left out, never written empty, so "absent" never reads as "blank" on PARS's side.
//
// A layout is compiled once into a flat list of steps (`compile`, xmlOut.ts): an element's depth is
// fixed by its place in the table, so its indented tags are constants known before any activity is
// written.

export { escapeXml } from "./xmlOut";

const indent = (depth: number): string => "  ".repeat(depth);

/** An element holding text; left out when `value` gives null. */
export function leaf<C>(
  name: string,
  source: string,
  value: (c: C) => string | null
): XmlElement<C> {
  return {
    name,
    source,
    repeated: false,
    children: [],
    compile: (depth, program) => program.leaf(`${indent(depth)}<${name}>`, value, `</${name}>\n`),
  };
}

/** Compiles a group's tags around its children: left out when none of them is written. */
function compileGroup<C>(
  name: string,
  children: readonly XmlElement<C>[],
  depth: number,
  program: XmlProgram<C>
): void {
  program.open(`${indent(depth)}<${name}>\n`);
  for (const child of children) child.compile(depth + 1, program);
  program.close(`${indent(depth)}</${name}>\n`);
}

/** An element made of child elements; left out when none of them is written. */
export function group<C>(
  name: string,
  source: string,
  children: readonly XmlElement<C>[]
): XmlElement<C> {
  return {
    name,
    source,
    repeated: false,
    children,
    compile: (depth, program) => compileGroup(name, children, depth, program),
  };
}

/** One element per item of a list (a support source, a MOC board), each made of child elements. */
export function each<C, I>(
  name: string,
  source: string,
  items: (c: C) => readonly I[],
  children: readonly XmlElement<I>[]
): XmlElement<C> {
  return {
    name,
    source,
    repeated: true,
    children,
    compile: (depth, program) =>
      program.each(items, (body) => compileGroup(name, children, depth, body)),
  };
}

const itself = (s: string): string => s;

/** One text element per value of a list (a delivery method, a credit type). */
export function eachText<C>(
  name: string,
  source: string,
  values: (c: C) => readonly string[]
): XmlElement<C> {
  const one = leaf<string>(name, source, itself);
  return {
    name,
    source,
    repeated: true,
    children: [],
    compile: (depth, program) => program.each(values, (body) => one.compile(depth, body)),
  };
}

/** The element paths a layout declares, parents before children, in the order they are written. */
export function declaredPaths(element: XmlElement<never>, prefix = ""): string[] {
  const path = prefix === "" ? element.name : `${prefix}/${element.name}`;
  return [path, ...element.children.flatMap((c) => declaredPaths(c, path))];
}
