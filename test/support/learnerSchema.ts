import path from "node:path";
import { findMemsFolder, loadSchemaSet, validateAgainstXsd, type SchemaSet } from "./xsdValidate";

// Learner files against the MedBiquitous Activity Report v2 schema (with member v2, name v2 and
// the healthcare LOM it imports), offline, with the same helper as the activity files.

const ROOT = path.resolve(__dirname, "../..");
/** The learner file's schema, inside the MedBiquitous folder. */
export const ACTIVITY_REPORT_XSD = "activityreport/v2/activityreport.xsd";

let schemas: SchemaSet | undefined;

/**
 * What libxml2 says is wrong with a learner file, one line per problem; [] when it conforms.
 *
 * @throws {Error} when the MedBiquitous schemas are not beside the repository (set MEMS_XSD)
 */
export async function learnerFileProblems(xml: string): Promise<string[]> {
  if (schemas === undefined) {
    const folder = findMemsFolder(ROOT);
    if (folder === null) {
      throw new Error(
        "The MedBiquitous schemas are not at ../shared/mems-xsd beside the repository; set MEMS_XSD to their folder"
      );
    }
    schemas = loadSchemaSet(folder);
  }
  const problems = await validateAgainstXsd(xml, schemas, ACTIVITY_REPORT_XSD);
  // libxml2 reports warnings about the schemas themselves (an import skipped because its
  // namespace is loaded already); only what it says about the document counts.
  return problems
    .filter((p) => !/parser warning/i.test(p.message))
    .map((p) => `line ${String(p.line ?? "?")}: ${p.message}`);
}
