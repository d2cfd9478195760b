// `npm run validate [-- path/to/manifest.xml] [--origin https://host]`: offline manifest checks.
// First our own cross-reference checks (src/manifest-check), then the XSDs when a schema folder is
// present. Exits 1 on any problem, printing each with what to change.
import { readFileSync } from "node:fs";
import path from "node:path";
import { checkManifest } from "../src/manifest-check/checkManifest";
import { findSchemaFolder, validateAgainstSchemas } from "../src/manifest-check/validateSchema";

const DEV_ORIGIN = "https://localhost:3000";

async function main(argv: readonly string[]): Promise<number> {
  const originAt = argv.indexOf("--origin");
  const origin = originAt >= 0 ? argv[originAt + 1] : DEV_ORIGIN;
  const file = argv.find((a, i) => !a.startsWith("--") && argv[i - 1] !== "--origin");
  const repoRoot = path.resolve(__dirname, "..");
  const manifestPath = path.resolve(file ?? path.join(repoRoot, "manifest.xml"));
  const xml = readFileSync(manifestPath, "utf8");

  const problems = checkManifest(xml, { namespace: "PARS", ...(origin ? { origin } : {}) });
  console.log(`${path.relative(process.cwd(), manifestPath)}: cross-reference checks`);
  for (const p of problems) console.log(`  ✗ [${p.code}] ${p.message}`);
  if (problems.length === 0) console.log("  ✓ resids, shared runtime, namespace, URLs, lengths");

  const folder = findSchemaFolder(repoRoot);
  let schemaProblems = 0;
  if (folder === null) {
    console.log(
      "  – schema check skipped: no ../shared/office-manifest-xsd and OFFICE_MANIFEST_XSD unset"
    );
  } else {
    const found = await validateAgainstSchemas(xml, folder);
    schemaProblems = found.length;
    for (const p of found) console.log(`  ✗ [schema] ${p.message}`);
    if (found.length === 0) console.log(`  ✓ conforms to the XSDs in ${folder}`);
  }
  const total = problems.length + schemaProblems;
  console.log(total === 0 ? "manifest OK" : `${String(total)} problem(s) in the manifest`);
  return total === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(2);
  }
);
