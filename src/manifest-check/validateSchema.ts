// Offline XSD validation of the manifest with xmllint compiled to WebAssembly. Microsoft's own
// `office-addin-manifest validate` posts the manifest to an online service and fails offline; the
// schemas of [MS-OWEMXML] Appendix A do the same structural check locally.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { validateXML } from "xmllint-wasm";
import type { ManifestProblem } from "./checkManifest";

/** The schema every add-in manifest starts from. */
export const ENTRY_SCHEMA = "OfficeAppManifestV1_1.xsd";

/**
 * The folder of XSDs to use: $OFFICE_MANIFEST_XSD when set, else ../shared/office-manifest-xsd
 * beside the repository (where CI keeps it), else none.
 *
 * @throws {Error} when OFFICE_MANIFEST_XSD is set but holds no OfficeAppManifestV1_1.xsd
 */
export function findSchemaFolder(repoRoot: string, env = process.env): string | null {
  const given = env.OFFICE_MANIFEST_XSD;
  if (given !== undefined && given !== "") {
    if (!existsSync(path.join(given, ENTRY_SCHEMA))) {
      throw new Error(`OFFICE_MANIFEST_XSD=${given} holds no ${ENTRY_SCHEMA}`);
    }
    return given;
  }
  const shared = path.resolve(repoRoot, "..", "shared", "office-manifest-xsd");
  return existsSync(path.join(shared, ENTRY_SCHEMA)) ? shared : null;
}

/**
 * The schemas as libxml2 needs them. The copies published in office-js-docs-pr do not compile as
 * stored; the shared folder carries the fixes already, and a folder of pristine copies gets the
 * same ones here (see office-manifest-xsd/README.md): http namespace URIs, no .NET lazy quantifier,
 * a stub for the content-app overrides, and the optional <Runtimes> the 2020 schema predates.
 */
export function patchSchemas(files: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, text] of files) {
    let t = text
      .replaceAll("https://www.w3.org/2001/XMLSchema", "http://www.w3.org/2001/XMLSchema")
      .replaceAll("https://www.w3.org/2000/09/xmldsig#", "http://www.w3.org/2000/09/xmldsig#")
      .replaceAll("{0,3}?", "{0,3}");
    if (name === "TaskPaneAppVersionOverridesV1_0.xsd" && !t.includes('name="Runtimes"')) {
      t = t.replace(
        /(<xs:complexType name="Host" abstract="true">[\s\S]*?<xs:sequence>)/,
        `$1
      <xs:element name="Runtimes" minOccurs="0" maxOccurs="1">
        <xs:complexType><xs:sequence>
          <xs:element name="Runtime" minOccurs="1" maxOccurs="unbounded">
            <xs:complexType>
              <xs:sequence><xs:any processContents="skip" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
              <xs:attribute name="resid" type="xs:string" use="required"/>
              <xs:attribute name="lifetime" use="optional"><xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="short"/><xs:enumeration value="long"/></xs:restriction></xs:simpleType></xs:attribute>
            </xs:complexType>
          </xs:element>
        </xs:sequence></xs:complexType>
      </xs:element>`
      );
    }
    out.set(name, t);
  }
  if (!out.has("ContentAppVersionOverridesV1_0.xsd")) {
    out.set(
      "ContentAppVersionOverridesV1_0.xsd",
      `<?xml version="1.0" encoding="utf-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://schemas.microsoft.com/office/contentappversionoverrides" elementFormDefault="qualified">
  <xs:element name="VersionOverrides" type="xs:anyType"/>
</xs:schema>`
    );
  }
  return out;
}

/**
 * Validates a manifest against the XSDs in `folder`; an empty list means it conforms.
 *
 * @throws {Error} when the schemas themselves do not compile (a broken XSD folder, not a manifest problem)
 */
export async function validateAgainstSchemas(
  xml: string,
  folder: string
): Promise<ManifestProblem[]> {
  const raw = new Map<string, string>();
  for (const f of readdirSync(folder)) {
    if (f.endsWith(".xsd")) raw.set(f, readFileSync(path.join(folder, f), "utf8"));
  }
  const schemas = patchSchemas(raw);
  const entry = schemas.get(ENTRY_SCHEMA);
  if (entry === undefined) throw new Error(`${folder} holds no ${ENTRY_SCHEMA}`);
  const result = await validateXML({
    xml: { fileName: "manifest.xml", contents: xml },
    schema: { fileName: ENTRY_SCHEMA, contents: entry },
    preload: [...schemas]
      .filter(([name]) => name !== ENTRY_SCHEMA)
      .map(([fileName, contents]) => ({ fileName, contents })),
  });
  if (result.valid) return [];
  if (result.errors.some((e) => /failed to compile|not a schema document/i.test(e.rawMessage))) {
    throw new Error(`The schemas in ${folder} do not compile:\n${result.rawOutput}`);
  }
  return result.errors.map((e) => ({
    code: "schema",
    message: `line ${String(e.loc?.lineNumber ?? "?")}: ${e.message.trim()}`,
  }));
}
