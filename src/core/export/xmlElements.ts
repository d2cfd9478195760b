import type { XmlElement } from "./layout";
import type { XmlProgram } from "./xmlOut";

// Builders for XML layouts. Every element is written on its own line, indented by two spaces per
// level, children in the order declared; an element with no value (or a group with no child) is
// left out, never written empty, so "absent" never reads as "blank" on PARS's side.
//
// A layout is compiled once into a flat list of steps (`compile`, xmlOut.ts): an element's depth is
// fixed by its place in the table, so its indented tags are constants known before any activity is
// written.

import { escapeXml } from "./xmlOut";

export { escapeXml };

const indent = (depth: number): string => "  ".repeat(depth);

/** Attributes every instance of an element carries (namespace declarations, a language). */
export type ConstantAttributes = Readonly<Record<string, string>>;

const attributeText = (attributes: ConstantAttributes | undefined): string =>
  attributes === undefined
    ? ""
    : Object.entries(attributes)
        .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
        .join("");

/** An element holding text; left out when `value` gives null. */
export function leaf<C>(
  name: string,
  source: string,
  value: (c: C) => string | null,
  attributes?: ConstantAttributes
): XmlElement<C> {
  const open = `<${name}${attributeText(attributes)}>`;
  return {
    name,
    source,
    repeated: false,
    children: [],
    compile: (depth, program) => program.leaf(`${indent(depth)}${open}`, value, `</${name}>\n`),
  };
}

/** An attribute whose value is the item's own; left off when `value` gives null. */
export type ItemAttribute<C> = { readonly name: string; readonly value: (c: C) => string | null };

/**
 * An element holding text with attributes of its own item (MEMS's `CommercialSupportAmount`
 * carries its supporter in an attribute); left out when `value` gives null.
 */
export function leafWithAttributes<C>(
  name: string,
  source: string,
  value: (c: C) => string | null,
  constant: ConstantAttributes,
  attributes: readonly ItemAttribute<C>[]
): XmlElement<C> {
  const fixed = attributeText(constant);
  const markup = (c: C): string | null => {
    const text = value(c);
    if (text === null) return null;
    let out = fixed;
    for (const a of attributes) {
      const v = a.value(c);
      if (v !== null) out += ` ${a.name}="${escapeXml(v)}"`;
    }
    return `${out}>${escapeXml(text)}`;
  };
  return {
    name,
    source,
    repeated: false,
    children: [],
    compile: (depth, program) =>
      program.leaf(`${indent(depth)}<${name}`, markup, `</${name}>\n`, false),
  };
}

/** Compiles a group's tags around its children: left out when none of them is written. */
function compileGroup<C>(
  name: string,
  children: readonly XmlElement<C>[],
  depth: number,
  program: XmlProgram<C>,
  attributes = ""
): void {
  program.open(`${indent(depth)}<${name}${attributes}>\n`);
  for (const child of children) child.compile(depth + 1, program);
  program.close(`${indent(depth)}</${name}>\n`);
}

/** How a group is written beyond its children. */
export type GroupOptions = {
  /** Written on the opening tag (namespace declarations). */
  readonly attributes?: ConstantAttributes;
  /** Written even when none of its children is, because the schema requires the element. */
  readonly required?: boolean;
};

/**
 * An element made of child elements; left out when none of them is written, unless `required`.
 */
export function group<C>(
  name: string,
  source: string,
  children: readonly XmlElement<C>[],
  options: GroupOptions = {}
): XmlElement<C> {
  const attributes = attributeText(options.attributes);
  return {
    name,
    source,
    repeated: false,
    children,
    compile: (depth, program) => {
      if (options.required !== true) {
        compileGroup(name, children, depth, program, attributes);
        return;
      }
      program.constant(`${indent(depth)}<${name}${attributes}>\n`);
      for (const child of children) child.compile(depth + 1, program);
      program.constant(`${indent(depth)}</${name}>\n`);
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
  return {
    name,
    source,
    repeated: true,
    children,
    compile: (depth, program) =>
      program.each(items, (body) => compileGroup(name, children, depth, body)),
  };
}

/** One `element` per item of a list, the element given its item (a supporter's amount). */
export function eachElement<C, I>(
  items: (c: C) => readonly I[],
  element: XmlElement<I>
): XmlElement<C> {
  return {
    name: element.name,
    source: element.source,
    repeated: true,
    children: element.children,
    compile: (depth, program) => program.each(items, (body) => element.compile(depth, body)),
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
