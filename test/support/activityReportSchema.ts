import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, posix, relative, resolve } from "node:path";
import { validateXML } from "xmllint-wasm";

// Offline validation against the MedBiquitous schemas in ../shared/mems-xsd (see its README).
// The schemas import each other by http://ns.medbiq.org/ URLs, which that folder's catalog maps to
// its files; xmllint-wasm has no catalog and one flat in-memory folder, so every schema is given a
// flat name and every schemaLocation is rewritten to the flat name of the file it resolves to, by
// the same mapping as catalog.xml.

/** The folder of MedBiquitous schemas beside the repository. */
export const MEMS_XSD = resolve(__dirname, "..", "..", "..", "shared", "mems-xsd");

/** catalog.xml's mappings of imports that are not MedBiquitous's own. */
const STUBS: Readonly<Record<string, string>> = {
  "http://www.w3.org/2004/08/xop/include": "stubs/xop.xsd",
  "http://www.dublincore.org/schemas/xmls/qdc/dcterms.xsd": "stubs/dcterms.xsd",
  "http://www.w3.org/2001/xml.xsd": "stubs/xml.xsd",
};
const MEDBIQ = "http://ns.medbiq.org/";

const flat = (path: string): string => path.replaceAll("/", "__");

function xsdFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return xsdFiles(path);
    return name.endsWith(".xsd") ? [path] : [];
  });
}

/** Where a schemaLocation in the schema at `from` (a path inside MEMS_XSD) points. */
function target(location: string, from: string): string {
  const stub = STUBS[location.trim()];
  if (stub !== undefined) return stub;
  if (location.startsWith(MEDBIQ)) return location.slice(MEDBIQ.length);
  return posix.normalize(posix.join(posix.dirname(from), location));
}

let cache: { fileName: string; contents: string }[] | null = null;

function schemas(): { fileName: string; contents: string }[] {
  if (cache !== null) return cache;
  cache = xsdFiles(MEMS_XSD).map((path) => {
    const inside = relative(MEMS_XSD, path).split("\\").join("/");
    const text = readFileSync(path, "utf8").replace(
      /schemaLocation\s*=\s*"([^"]*)"/g,
      (_, location: string) => `schemaLocation="${flat(target(location, inside))}"`
    );
    return { fileName: flat(inside), contents: text };
  });
  return cache;
}

/** What libxml2 says of a document: nothing when it conforms. */
export type SchemaErrors = readonly string[];

/**
 * Validates `xml` against the schema at `entry` (a path inside mems-xsd, e.g.
 * "activityreport/v2/activityreport.xsd"); [] when it conforms, else libxml2's messages with
 * their line numbers.
 *
 * @throws {Error} when the schemas themselves do not compile
 */
export async function validateMedbiq(xml: string, entry: string): Promise<SchemaErrors> {
  const all = schemas();
  const entryName = flat(entry);
  const schema = all.find((s) => s.fileName === entryName);
  if (schema === undefined) throw new Error(`No schema ${entry} in ${MEMS_XSD}`);
  const result = await validateXML({
    xml: { fileName: "document.xml", contents: xml },
    schema,
    preload: all.filter((s) => s !== schema),
  });
  if (result.valid) return [];
  if (result.errors.some((e) => /failed to compile|not a schema document/i.test(e.rawMessage))) {
    throw new Error(`The schemas in ${MEMS_XSD} do not compile:\n${result.rawOutput}`);
  }
  // libxml2 also reports, as "errors", warnings about the schemas (an import skipped because its
  // namespace is already loaded): only what is said about the document counts.
  return result.errors
    .filter((e) => !/parser warning/i.test(e.rawMessage))
    .map((e) => `line ${String(e.loc?.lineNumber ?? "?")}: ${e.message.trim()}`);
}

/** The Activity Report v2 schema, for learner files. */
export const ACTIVITY_REPORT_XSD = "activityreport/v2/activityreport.xsd";

/** The folder a test's golden files live in. */
export const GOLDEN_DIR = join(dirname(__dirname), "golden");
