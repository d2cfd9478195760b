import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { checkManifest } from "../../src/manifest-check/checkManifest";
import {
  findSchemaFolder,
  patchSchemas,
  validateAgainstSchemas,
} from "../../src/manifest-check/validateSchema";

const ROOT = path.resolve(__dirname, "../..");
const MANIFEST = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const OPTIONS = { origin: "https://localhost:3000", namespace: "PARS" };

/** The project manifest with one text replaced, failing the test if the text is not there. */
function broken(from: string | RegExp, to: string): string {
  const out = MANIFEST.replace(from, to);
  if (out === MANIFEST) throw new Error(`the manifest has no ${String(from)} to break`);
  return out;
}

describe("checkManifest", () => {
  it("passes the project's manifest", () => {
    expect(checkManifest(MANIFEST, OPTIONS)).toEqual([]);
  });

  it.each([
    [
      "a resid with no resource",
      broken('<Label resid="Group.Label"/>', '<Label resid="Group.Lable"/>'),
      "resid_unresolved",
      'resid "Group.Lable" on <Label> (line',
    ],
    [
      "a resid naming the wrong kind of resource",
      broken('<Namespace resid="Functions.Namespace"/>', '<Namespace resid="Taskpane.Url"/>'),
      "resid_wrong_kind",
      "names a Urls resource; it needs one of <bt:ShortStrings>",
    ],
    [
      "a Page on another resid than the Runtime",
      broken(
        /<Page>\s*<SourceLocation resid="Taskpane.Url"\/>/,
        '<Page><SourceLocation resid="Functions.Script.Url"/>'
      ),
      "runtime_mismatch",
      'Runtime "Taskpane.Url", Page SourceLocation "Functions.Script.Url", FunctionFile "Taskpane.Url"',
    ],
    [
      "a FunctionFile on another resid",
      broken(
        '<FunctionFile resid="Taskpane.Url"/>',
        '<FunctionFile resid="GetStarted.LearnMoreUrl"/>'
      ),
      "runtime_mismatch",
      "must share one resid, else the shared runtime never loads",
    ],
    [
      "a short-lived runtime",
      broken('lifetime="long"', 'lifetime="short"'),
      "runtime_not_long",
      'must have lifetime="long" to be shared, got "short"',
    ],
    [
      "no runtime",
      broken(/<Runtimes>[\s\S]*?<\/Runtimes>/, ""),
      "no_runtime",
      "There is no <Runtimes>",
    ],
    [
      "no namespace",
      broken('<Namespace resid="Functions.Namespace"/>', ""),
      "no_namespace",
      "has no <Namespace",
    ],
    [
      "another namespace",
      broken('DefaultValue="PARS"/>', 'DefaultValue="CONTOSO"/>'),
      "bad_namespace",
      'Namespace is "CONTOSO"; the functions are documented as PARS.',
    ],
    [
      "an http URL",
      broken("https://localhost:3000/functions.json", "http://localhost:3000/functions.json"),
      "not_https",
      "Office loads add-ins over https only",
    ],
    [
      "a second origin",
      broken("https://localhost:3000/assets/icon-80.png", "https://cdn.example.com/icon-80.png"),
      "many_origins",
      "URLs use 2 origins (https://localhost:3000, https://cdn.example.com)",
    ],
    [
      "an Id that is not a GUID",
      broken(/<Id>[^<]*<\/Id>/, "<Id>pars-ready</Id>"),
      "id_not_guid",
      '<Id> must be a GUID such as 0f3e…-…, got "pars-ready"',
    ],
    [
      "a short string over 125 characters",
      broken('DefaultValue="Check for PARS"', `DefaultValue="${"x".repeat(126)}"`),
      "too_long",
      'ShortStrings "OpenPane.Label" is 126 characters; Office accepts at most 125.',
    ],
    [
      "a long string over 250 characters",
      broken(/(<bt:String id="OpenPane.Tooltip" DefaultValue=")[^"]*/, `$1${"y".repeat(251)}`),
      "too_long",
      'LongStrings "OpenPane.Tooltip" is 251 characters; Office accepts at most 250.',
    ],
    [
      "a display name over 125 characters",
      broken(
        '<DisplayName DefaultValue="PARS Ready"/>',
        `<DisplayName DefaultValue="${"z".repeat(130)}"/>`
      ),
      "too_long",
      "<DisplayName> (line",
    ],
    [
      "more permission than needed",
      broken(
        "<Permissions>ReadWriteDocument</Permissions>",
        "<Permissions>ReadWriteMailbox</Permissions>"
      ),
      "permissions",
      '<Permissions> must be ReadWriteDocument (the add-in reads and highlights the workbook, nothing more), got "ReadWriteMailbox"',
    ],
    [
      "no SharedRuntime requirement",
      broken(
        '<Set Name="SharedRuntime" MinVersion="1.1"/>',
        '<Set Name="ExcelApi" MinVersion="1.1"/>'
      ),
      "no_shared_runtime_set",
      'Requirements must include <Set Name="SharedRuntime"',
    ],
    [
      "a resource defined twice",
      broken(
        '<bt:String id="Group.Label" DefaultValue="PARS Ready"/>',
        '<bt:String id="Group.Label" DefaultValue="PARS Ready"/><bt:String id="Group.Label" DefaultValue="Again"/>'
      ),
      "duplicate_resource",
      'Resource id "Group.Label" is defined twice.',
    ],
    [
      "malformed XML",
      broken("</Resources>", "</Resource>"),
      "not_xml",
      "The manifest is not well-formed XML: line",
    ],
  ])("fails %s", (_name, xml, code, message) => {
    const problems = checkManifest(xml, OPTIONS);
    expect(problems.map((p) => p.code)).toContain(code);
    expect(problems.find((p) => p.code === code)?.message).toContain(message);
  });

  it("holds every URL to the expected origin", () => {
    const prod = MANIFEST.replaceAll("https://localhost:3000", "https://addin.example.org");
    expect(checkManifest(prod, { namespace: "PARS" })).toEqual([]);
    expect(checkManifest(prod, OPTIONS)[0]).toEqual({
      code: "wrong_origin",
      message: expect.stringContaining(
        "uses https://addin.example.org; expected every URL on https://localhost:3000"
      ) as string,
    });
  });
});

describe("schema validation", () => {
  const folder = findSchemaFolder(ROOT);
  const withSchemas = folder === null ? it.skip : it;

  withSchemas("passes the project's manifest", async () => {
    expect(await validateAgainstSchemas(MANIFEST, folder!)).toEqual([]);
  });

  withSchemas("fails a manifest without ProviderName, naming what is expected", async () => {
    const problems = await validateAgainstSchemas(
      broken("<ProviderName>PARS Ready</ProviderName>", ""),
      folder!
    );
    expect(problems[0]?.message).toMatch(/DefaultLocale.*not expected.*ProviderName/);
  });

  withSchemas("fails a runtime lifetime the schema does not know", async () => {
    const problems = await validateAgainstSchemas(
      broken('lifetime="long"', 'lifetime="forever"'),
      folder!
    );
    expect(problems.map((p) => p.message).join("\n")).toMatch(/forever/);
  });

  it("uses OFFICE_MANIFEST_XSD when set, and refuses one without the schemas", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "xsd-"));
    try {
      expect(() => findSchemaFolder(ROOT, { OFFICE_MANIFEST_XSD: dir })).toThrow(
        "holds no OfficeAppManifestV1_1.xsd"
      );
      writeFileSync(path.join(dir, "OfficeAppManifestV1_1.xsd"), "<x/>");
      expect(findSchemaFolder(ROOT, { OFFICE_MANIFEST_XSD: dir })).toBe(dir);
    } finally {
      rmSync(dir, { recursive: true });
    }
    expect(findSchemaFolder("/nonexistent/repo", {})).toBeNull();
  });

  it("patches pristine schemas the way the shared folder was patched", () => {
    const host = `<xs:schema xmlns:xs="https://www.w3.org/2001/XMLSchema"><xs:complexType name="Host" abstract="true">
    <xs:sequence><xs:element name="AllFormFactors"/></xs:sequence></xs:complexType>
    <xs:pattern value="[a-z]{0,3}?"/></xs:schema>`;
    const out = patchSchemas(new Map([["TaskPaneAppVersionOverridesV1_0.xsd", host]]));
    const patched = out.get("TaskPaneAppVersionOverridesV1_0.xsd")!;
    expect(patched).toContain('xmlns:xs="http://www.w3.org/2001/XMLSchema"');
    expect(patched).toContain('{0,3}"');
    expect(patched.indexOf('name="Runtimes"')).toBeLessThan(patched.indexOf("AllFormFactors"));
    expect(out.has("ContentAppVersionOverridesV1_0.xsd")).toBe(true);
    // The shared folder is patched already: patching again changes nothing.
    if (folder !== null && existsSync(path.join(folder, "TaskPaneAppVersionOverridesV1_0.xsd"))) {
      const name = "TaskPaneAppVersionOverridesV1_0.xsd";
      const text = readFileSync(path.join(folder, name), "utf8");
      expect(patchSchemas(new Map([[name, text]])).get(name)).toBe(text);
    }
  });
});
