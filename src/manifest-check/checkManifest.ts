// The checks Microsoft's schemas and its online validator do not make (Office-Addin-Scripts#892:
// "valid" with a dangling resid), and which break a shared-runtime add-in silently in Excel: every
// resid resolves to a resource of the right kind; Runtime, Page and FunctionFile share one resid
// (else the runtime never loads: #N/A or #BUSY! in every function cell); the functions namespace is
// set; every URL is https on one origin; strings fit the lengths Office accepts.
import { child, localName, parseXml, walk, XmlSyntaxError, type XmlElement } from "./xml";

/** One problem with the manifest: a stable code and a sentence that says what to change. */
export type ManifestProblem = { readonly code: string; readonly message: string };

export type ManifestCheckOptions = {
  /** The origin every URL must use, e.g. https://localhost:3000; any single origin when absent. */
  readonly origin?: string;
  /** The custom functions namespace expected, e.g. PARS. */
  readonly namespace?: string;
};

type ResourceKind = "Images" | "Urls" | "ShortStrings" | "LongStrings";

/** Which resource table a resid on each element must name (Office add-in manifest reference). */
function expectedKind(el: XmlElement, path: readonly string[]): ResourceKind {
  const name = localName(el);
  if (name === "Image") return "Images";
  if (["Runtime", "SourceLocation", "FunctionFile", "LearnMoreUrl"].includes(name)) return "Urls";
  if (name === "Description") return "LongStrings";
  if (name === "Title" && path.includes("Supertip")) return "ShortStrings";
  return "ShortStrings"; // Label, Title, Namespace
}

/** Limits from OfficeAppBasicTypesV1_0.xsd (ShortString, LongString, resource id, URL). */
export const LIMITS = { short: 125, long: 250, resid: 32, url: 2048 } as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks an XML add-in manifest (task pane + shared-runtime custom functions) and lists every
 * problem found; an empty list means it passed. Never throws on a bad manifest: malformed XML is a
 * problem like any other.
 */
export function checkManifest(xml: string, options: ManifestCheckOptions = {}): ManifestProblem[] {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    if (e instanceof XmlSyntaxError) {
      return [{ code: "not_xml", message: `The manifest is not well-formed XML: ${e.message}` }];
    }
    throw e;
  }
  const problems: ManifestProblem[] = [];
  const add = (code: string, message: string) => problems.push({ code, message });
  const at = (el: XmlElement) => `<${localName(el)}> (line ${String(el.line)})`;

  if (localName(root) !== "OfficeApp") {
    add("not_office_app", `The root element is <${root.name}>; an add-in manifest is <OfficeApp>.`);
    return problems;
  }

  const id = child(root, "Id")?.text.trim() ?? "";
  if (!GUID.test(id)) {
    add("id_not_guid", `<Id> must be a GUID such as 0f3e…-…, got "${id}"; generate a new one.`);
  }

  const permissions = child(root, "Permissions")?.text.trim() ?? "";
  if (permissions !== "ReadWriteDocument") {
    add(
      "permissions",
      `<Permissions> must be ReadWriteDocument (the add-in reads and highlights the workbook, nothing more), got "${permissions}".`
    );
  }

  const sets = [...walk(root)].filter(
    (x) => localName(x.el) === "Set" && x.path.includes("Requirements")
  );
  if (!sets.some((s) => s.el.attributes.Name === "SharedRuntime")) {
    add(
      "no_shared_runtime_set",
      'Requirements must include <Set Name="SharedRuntime" MinVersion="1.1"/>; without it Office may load the add-in where the task pane and functions cannot share a runtime.'
    );
  }

  // Short texts at the top level.
  for (const [name, max] of [
    ["DisplayName", LIMITS.short],
    ["ProviderName", LIMITS.short],
    ["Description", LIMITS.long],
  ] as const) {
    const el = child(root, name);
    const value = name === "ProviderName" ? el?.text.trim() : el?.attributes.DefaultValue;
    if (value !== undefined && value.length > max) {
      add(
        "too_long",
        `${at(el!)} is ${String(value.length)} characters; Office accepts at most ${String(max)}.`
      );
    }
  }

  // Resources: id → kind, with duplicate and length checks.
  const resources = new Map<string, { kind: ResourceKind; value: string; el: XmlElement }>();
  const overrides = child(root, "VersionOverrides");
  const resourceRoot = child(overrides, "Resources");
  for (const kind of ["Images", "Urls", "ShortStrings", "LongStrings"] as const) {
    for (const el of child(resourceRoot, kind)?.children ?? []) {
      const rid = el.attributes.id ?? "";
      const value = el.attributes.DefaultValue ?? "";
      if (resources.has(rid)) add("duplicate_resource", `Resource id "${rid}" is defined twice.`);
      if (rid.length > LIMITS.resid) {
        add(
          "too_long",
          `Resource id "${rid}" is ${String(rid.length)} characters; Office accepts at most ${String(LIMITS.resid)}.`
        );
      }
      const max =
        kind === "ShortStrings" ? LIMITS.short : kind === "LongStrings" ? LIMITS.long : LIMITS.url;
      if (value.length > max) {
        add(
          "too_long",
          `${kind} "${rid}" is ${String(value.length)} characters; Office accepts at most ${String(max)}.`
        );
      }
      resources.set(rid, { kind, value, el });
    }
  }

  // Every resid names a resource of the kind its element needs.
  const used = new Map<string, XmlElement[]>();
  for (const { el, path } of walk(root)) {
    const rid = el.attributes.resid;
    if (rid === undefined) continue;
    const list = used.get(localName(el)) ?? [];
    list.push(el);
    used.set(localName(el), list);
    const want = expectedKind(el, path);
    const found = resources.get(rid);
    if (found === undefined) {
      add(
        "resid_unresolved",
        `resid "${rid}" on ${at(el)} names no resource; add it to <bt:${want}> in <Resources>.`
      );
    } else if (found.kind !== want) {
      add(
        "resid_wrong_kind",
        `resid "${rid}" on ${at(el)} names a ${found.kind} resource; it needs one of <bt:${want}>.`
      );
    }
  }

  // Shared runtime: one resid for Runtime, the functions Page and FunctionFile.
  const runtime = [...walk(root)].find((x) => localName(x.el) === "Runtime")?.el;
  const page = [...walk(root)].find(
    (x) => localName(x.el) === "SourceLocation" && x.path.at(-2) === "Page"
  )?.el;
  const functionFile = [...walk(root)].find((x) => localName(x.el) === "FunctionFile")?.el;
  if (runtime === undefined) {
    add(
      "no_runtime",
      'There is no <Runtimes><Runtime resid="…" lifetime="long"/></Runtimes>; the task pane and the functions would run apart.'
    );
  } else {
    if (runtime.attributes.lifetime !== "long") {
      add(
        "runtime_not_long",
        `${at(runtime)} must have lifetime="long" to be shared, got "${runtime.attributes.lifetime ?? ""}".`
      );
    }
    const trio = [
      ["Runtime", runtime],
      ["Page SourceLocation", page],
      ["FunctionFile", functionFile],
    ] as const;
    const ids = trio.map(([, el]) => el?.attributes.resid);
    if (ids.some((x) => x === undefined) || new Set(ids).size !== 1) {
      add(
        "runtime_mismatch",
        `Runtime, Page and FunctionFile must share one resid, else the shared runtime never loads; got ${trio
          .map(([n, el]) => `${n} "${el?.attributes.resid ?? "(missing)"}"`)
          .join(", ")}.`
      );
    }
  }

  // The functions namespace (=PARS.CREDITS).
  const ns = [...walk(root)].find((x) => localName(x.el) === "Namespace")?.el;
  const nsValue = ns === undefined ? undefined : resources.get(ns.attributes.resid ?? "")?.value;
  if (ns === undefined) {
    add(
      "no_namespace",
      'The CustomFunctions extension point has no <Namespace resid="…"/>; functions would have no prefix.'
    );
  } else if (nsValue !== undefined) {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(nsValue)) {
      add(
        "bad_namespace",
        `Namespace "${nsValue}" must be letters and digits, starting with a letter.`
      );
    } else if (options.namespace !== undefined && nsValue !== options.namespace) {
      add(
        "bad_namespace",
        `Namespace is "${nsValue}"; the functions are documented as ${options.namespace}.`
      );
    }
  }

  // Every URL: https, and all on one origin (the dev server, or the production host after build).
  const urls: { el: XmlElement; url: string }[] = [];
  for (const { el, path } of walk(root)) {
    const name = localName(el);
    const v = el.attributes.DefaultValue;
    const isUrl =
      ["IconUrl", "HighResolutionIconUrl", "SupportUrl"].includes(name) ||
      (name === "SourceLocation" && path.includes("DefaultSettings")) ||
      (name === "Image" && path.includes("Images")) ||
      (name === "Url" && path.includes("Urls"));
    if (isUrl && v !== undefined) urls.push({ el, url: v });
    if (name === "AppDomain") urls.push({ el, url: el.text.trim() });
  }
  const origins = new Map<string, XmlElement>();
  for (const { el, url } of urls) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      add("bad_url", `${at(el)} holds "${url}", which is not a URL.`);
      continue;
    }
    if (parsed.protocol !== "https:") {
      add("not_https", `${at(el)} holds "${url}"; Office loads add-ins over https only.`);
      continue;
    }
    if (!origins.has(parsed.origin)) origins.set(parsed.origin, el);
  }
  if (origins.size > 1) {
    add(
      "many_origins",
      `URLs use ${String(origins.size)} origins (${[...origins.keys()].join(", ")}); serve everything from one so that the build can rewrite them together.`
    );
  }
  if (options.origin !== undefined) {
    for (const [o, el] of origins) {
      if (o !== options.origin) {
        add("wrong_origin", `${at(el)} uses ${o}; expected every URL on ${options.origin}.`);
      }
    }
  }
  return problems;
}
