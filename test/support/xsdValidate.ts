// Offline XSD validation for the upload files, with xmllint compiled to WebAssembly (npm
// xmllint-wasm), so CI installs nothing beyond npm. The MedBiquitous schemas import one another by
// http://ns.medbiq.org/... URLs; their folder's OASIS catalog (catalog.xml) maps those URLs to the
// files beside it. xmllint-wasm cannot be given a catalog, so each schemaLocation is resolved here
// through the catalog's rules, once, into a path of the in-memory file system the files are loaded
// into. Any schema set with such a catalog works: MEMS for activity files, Activity Report for
// learner files; the caller names the entry schema.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { validateXML } from "xmllint-wasm";

/** A folder of schemas as xmllint will see them: in-memory path → text, locations resolved. */
export type SchemaSet = {
  readonly folder: string;
  readonly files: ReadonlyMap<string, string>;
};

/** One reason a document does not conform: which document (from 0), and the line xmllint gives. */
export type XsdProblem = {
  readonly document: number;
  readonly line: number | null;
  readonly message: string;
};

/** Where the schema files live inside xmllint's in-memory file system. */
const MOUNT = "/xsd";

type CatalogRule =
  | { readonly kind: "prefix"; readonly from: string; readonly to: string }
  | { readonly kind: "exact"; readonly from: string; readonly to: string };

/** The rewrite and uri/system rules of an OASIS XML catalog (the subset catalog.xml uses). */
function catalogRules(text: string): CatalogRule[] {
  const rules: CatalogRule[] = [];
  const attr = (tag: string, name: string): string | undefined =>
    new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
  for (const m of text.matchAll(/<(rewriteSystem|rewriteURI|uri|system)\b[^>]*>/g)) {
    const tag = m[0];
    if (m[1] === "rewriteSystem" || m[1] === "rewriteURI") {
      const from = attr(tag, m[1] === "rewriteURI" ? "uriStartString" : "systemIdStartString");
      const to = attr(tag, "rewritePrefix");
      if (from !== undefined && to !== undefined) rules.push({ kind: "prefix", from, to });
    } else {
      const from = attr(tag, m[1] === "uri" ? "name" : "systemId");
      const to = attr(tag, "uri");
      if (from !== undefined && to !== undefined) rules.push({ kind: "exact", from, to });
    }
  }
  return rules;
}

function schemaFiles(folder: string, under = ""): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(folder, under))) {
    const rel = under === "" ? name : `${under}/${name}`;
    if (statSync(path.join(folder, rel)).isDirectory()) out.push(...schemaFiles(folder, rel));
    else if (name.endsWith(".xsd")) out.push(rel);
  }
  return out;
}

/**
 * Reads every .xsd under `folder` and resolves each absolute schemaLocation through the folder's
 * catalog.xml (relative ones already resolve, since the tree keeps its shape).
 *
 * @throws {Error} when the folder has no catalog.xml, or a schema imports a URL the catalog does
 *   not map (validation would then need the network)
 */
export function loadSchemaSet(folder: string): SchemaSet {
  const catalogPath = path.join(folder, "catalog.xml");
  if (!existsSync(catalogPath)) throw new Error(`${folder} has no catalog.xml`);
  const rules = catalogRules(readFileSync(catalogPath, "utf8"));
  const resolve = (url: string, from: string): string => {
    if (!/^[a-z]+:\/\//i.test(url)) return url;
    const exact = rules.find((r) => r.kind === "exact" && r.from === url);
    const prefix = rules.find((r) => r.kind === "prefix" && url.startsWith(r.from));
    const target =
      exact?.to ?? (prefix === undefined ? undefined : prefix.to + url.slice(prefix.from.length));
    if (target === undefined)
      throw new Error(`${from} imports ${url}, which catalog.xml does not map`);
    return path.posix.join(MOUNT, target);
  };
  const files = new Map<string, string>();
  for (const rel of schemaFiles(folder)) {
    const text = readFileSync(path.join(folder, rel), "utf8").replace(
      /schemaLocation\s*=\s*"([^"]*)"/g,
      (_, url: string) => `schemaLocation="${resolve(url.trim(), rel)}"`
    );
    files.set(`${MOUNT}/${rel}`, text);
  }
  return { folder, files };
}

/**
 * The MedBiquitous schema folder: $MEMS_XSD when set, else ../shared/mems-xsd beside the
 * repository (where the build machine keeps it), else null.
 */
export function findMemsFolder(repoRoot: string, env = process.env): string | null {
  const given = env.MEMS_XSD;
  if (given !== undefined && given !== "") return given;
  const shared = path.resolve(repoRoot, "..", "shared", "mems-xsd");
  return existsSync(path.join(shared, "catalog.xml")) ? shared : null;
}

/**
 * Validates XML documents against `entry` (a path inside the schema folder, such as
 * `metrics/v2/medicaleducationmetrics.xsd`); an empty list means every one conforms. Several
 * documents are validated in one run of xmllint, which compiles the schemas once.
 *
 * @throws {Error} when the entry is not in the set, or the schemas themselves do not compile
 */
export async function validateAgainstXsd(
  xml: string | readonly string[],
  schemas: SchemaSet,
  entry: string
): Promise<XsdProblem[]> {
  const documents = typeof xml === "string" ? [xml] : xml;
  if (documents.length === 0) return [];
  const entryPath = `${MOUNT}/${entry}`;
  const entryText = schemas.files.get(entryPath);
  if (entryText === undefined) throw new Error(`${schemas.folder} holds no ${entry}`);
  const result = await validateXML({
    xml: documents.map((contents, i) => ({ fileName: `document-${String(i)}.xml`, contents })),
    schema: { fileName: entryPath.slice(1), contents: entryText },
    preload: [...schemas.files]
      .filter(([p]) => p !== entryPath)
      .map(([p, contents]) => ({ fileName: p.slice(1), contents })),
    // --nonet: a location the catalog missed fails here rather than reaching for the network.
    modifyArguments: (args) => ["--nonet", ...args],
  });
  if (result.valid) return [];
  if (
    result.errors.some((e) =>
      /failed to compile|not a schema document|Failed to parse/i.test(e.rawMessage)
    )
  ) {
    throw new Error(`The schemas in ${schemas.folder} do not compile:\n${result.rawOutput}`);
  }
  return result.errors.map((e) => ({
    document: Number(/document-(\d+)\.xml/.exec(e.loc?.fileName ?? "")?.[1] ?? -1),
    line: e.loc?.lineNumber ?? null,
    message: e.message.trim(),
  }));
}
