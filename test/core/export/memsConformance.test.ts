import fc from "fast-check";
import { readFileSync } from "node:fs";
import path from "node:path";
import { PARS_XML, renderExport } from "../../../src/core";
import { activity } from "../../support/exportArbitraries";
import {
  findMemsFolder,
  loadSchemaSet,
  validateAgainstXsd,
  type SchemaSet,
} from "../../support/xsdValidate";

// xmllint and child processes are slow on a loaded machine: no test leans on the 5 s default.
jest.setTimeout(60_000);

// Every activity of every golden XML file against MEMS v2 (with the healthcare LOM and address
// schemas it imports), offline. PARS's file wraps its activities in ACCMEActivities, which MEMS
// does not define, so each MedicalEducationMetrics is validated on its own, as it is written:
// its namespace declarations travel with it.

const ROOT = path.resolve(__dirname, "../../..");
const MEMS = "metrics/v2/medicaleducationmetrics.xsd";
const GOLDEN = ["faq-examples.xml", "full-fields.xml"];

const folder = findMemsFolder(ROOT);
if (folder === null) {
  throw new Error(
    "The MedBiquitous schemas are not at ../shared/mems-xsd beside the repository; set MEMS_XSD to their folder"
  );
}
const schemas: SchemaSet = loadSchemaSet(folder);

/** Each `MedicalEducationMetrics` of a PARS XML file, as a document of its own. */
function activitiesOf(text: string): string[] {
  const out: string[] = [];
  const open = /^ {2}<MedicalEducationMetrics[ >]/gm;
  for (let m = open.exec(text); m !== null; m = open.exec(text)) {
    const end = text.indexOf("\n  </MedicalEducationMetrics>\n", m.index);
    if (end < 0) throw new Error("an activity is not closed");
    const element = text.slice(m.index + 2, end + "\n  </MedicalEducationMetrics>".length);
    out.push(`<?xml version="1.0" encoding="UTF-8"?>\n${element}\n`);
  }
  return out;
}

const golden = (name: string): string =>
  readFileSync(path.join(ROOT, "test", "golden", name), "utf8");

describe("PARS XML against MEMS v2", () => {
  it.each(GOLDEN)("every activity of %s validates", async (name) => {
    const text = golden(name);
    const activities = activitiesOf(text);
    expect(activities.length).toBe(text.split("<MedicalEducationMetrics ").length - 1);
    expect(activities.length).toBeGreaterThan(0);
    expect(await validateAgainstXsd(activities, schemas, MEMS)).toEqual([]);
  });

  const first = activitiesOf(golden("full-fields.xml"))[0]!;

  /** The activity with `from` replaced, failing the test when `from` is not there. */
  const broken = (from: string | RegExp, to: string): string => {
    const out = first.replace(from, to);
    if (out === first) throw new Error(`no ${String(from)} to break`);
    return out;
  };

  it("fails when an element is misplaced: a support amount before the lom", async () => {
    const amounts = first.match(/ *<CommercialSupportAmount [^\n]*\n/g)!.join("");
    const moved = broken(amounts, "").replace(
      "<ActivityDescription>\n",
      `<ActivityDescription>\n${amounts}`
    );
    const problems = await validateAgainstXsd(moved, schemas, MEMS);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(
      /Element '\{http:\/\/ns\.medbiq\.org\/metrics\/v2\/\}CommercialSupportAmount': This element is not expected\. Expected is \( \{http:\/\/ltsc\.ieee\.org\/xsd\/LOM\}lom \)/
    );
  });

  it("fails when the credits come before the joint providers, as healthcare LOM forbids", async () => {
    const credits = first.match(/ *<hx:numberOfCredits>[^\n]*\n/)![0];
    const moved = broken(credits, "").replace(/( *<hx:nonAccreditedProvider>)/, `${credits}$1`);
    const problems = await validateAgainstXsd(moved, schemas, MEMS);
    expect(problems.map((p) => p.message).join("\n")).toMatch(/nonAccreditedProvider/);
  });

  it("fails when an ACCME extension is in MEMS's namespace, or MEMS's namespace is missing", async () => {
    const inMems = broken(/accme:ForPublicList/g, "ForPublicList");
    expect((await validateAgainstXsd(inMems, schemas, MEMS))[0]?.message).toMatch(
      /\{http:\/\/ns\.medbiq\.org\/metrics\/v2\/\}ForPublicList': This element is not expected/
    );
    const noNamespace = broken(' xmlns="http://ns.medbiq.org/metrics/v2/"', "");
    expect((await validateAgainstXsd(noNamespace, schemas, MEMS))[0]?.message).toMatch(
      /No matching global declaration available for the validation root/
    );
  });

  it("fails on a value the schema types: a support amount with cents, a boolean for yes", async () => {
    const cents = broken(/>25000</, ">25000.50<");
    expect((await validateAgainstXsd(cents, schemas, MEMS))[0]?.message).toMatch(
      /'25000\.50' is not a valid value of the atomic type 'xs:integer'/
    );
    const bool = broken("<hx:commercialSupport>yes<", "<hx:commercialSupport>true<");
    expect((await validateAgainstXsd(bool, schemas, MEMS))[0]?.message).toMatch(
      /commercialSupport': \[facet 'enumeration'\] The value 'true' is not an element of the set \{'yes', 'no'\}/
    );
  });

  it("refuses an entry schema the folder does not hold", async () => {
    await expect(validateAgainstXsd(first, schemas, "metrics/v9/none.xsd")).rejects.toThrow(
      "holds no metrics/v9/none.xsd"
    );
  });
});

describe("PARS XML of arbitrary activities against MEMS v2", () => {
  // One run of xmllint for every document; on the shared build machine it takes a few seconds.
  it("validates, activity by activity, whatever values the activities hold", async () => {
    // Every row that goes into a file passes at least Draft, so it has its dates.
    const dated = activity.map((a) => ({
      ...a,
      values: {
        ...a.values,
        startDate: a.values.startDate ?? 20_000,
        endDate: a.values.endDate ?? 20_001,
      },
    }));
    const files = fc.sample(fc.array(dated, { minLength: 1, maxLength: 8 }), {
      numRuns: 12,
      seed: 7,
    });
    const documents = files.flatMap((activities) =>
      activitiesOf(renderExport(activities, PARS_XML).pieces.join(""))
    );
    expect(documents.length).toBe(files.reduce((n, f) => n + f.length, 0));
    const problems = await validateAgainstXsd(documents, schemas, MEMS);
    expect(problems.map((p) => ({ ...p, activity: documents[p.document] }))).toEqual([]);
  }, 60_000);
});
