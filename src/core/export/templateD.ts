import { FORMAT_PROFILES } from "../formats";
import type { DeliveryMethod, OutcomeName } from "../codes/vocabularies";
import { maybe, plainNumber, usDate, yearOf, yesNo } from "./encoders";
import type { TextColumn, TextLayout } from "./layout";
import type { ExportActivity, ExportSupport } from "./model";

// Template D, the last documented tab-delimited PARS activity layout (2015 and later; legacy PARS
// and JA-PARS). Source for every column: upload-layouts.md §A, which gathered it from ACCME's
// public pages and practitioner code that wrote these files (jfrux/accme_lib serializer). Columns
// are listed in file order; the tests count them (47 fixed, 8 per supporter).

/**
 * Legacy activity types whose City, State and Country columns are filled (§A rows 7-9: "only for
 * types C and RSS"). A one-line change if PARS turns out to want them for more types.
 */
export const TEMPLATE_D_LOCATION_CODES: ReadonlySet<string> = new Set(["C", "RSS"]);

/**
 * The separator between joint provider names in one column. §A says "names" without naming a
 * separator; a semicolon is what the workbook itself uses and cannot occur inside a name we read.
 */
export const TEMPLATE_D_LIST_SEPARATOR = "; ";

type A = ExportActivity;
const v = (a: A) => a.values;
const none = <C>(header: string): TextColumn<C> => ({ header, source: "none", encode: () => null });
const col = <C>(
  header: string,
  source: string,
  encode: (c: C) => string | null
): TextColumn<C> => ({ header, source, encode });

/**
 * The legacy code of the row's format (docs/DOMAIN.md §1; Other/Blended has none). The legacy
 * types split two of today's formats by how they reach learners (the profile's `internet`): a Live
 * Course delivered only live-streamed or online is IL (internet live), an Enduring Material
 * delivered only online is IEM (internet enduring); with any in-person or print delivery, or none
 * given, C and EM.
 */
export function legacyCode(a: A): string | undefined {
  const { format, deliveryMethod } = a.values;
  if (format === undefined) return undefined;
  const profile = FORMAT_PROFILES[format];
  const internet: {
    readonly code: string;
    readonly deliveredOnlyBy: readonly DeliveryMethod[];
  } | null = profile.internet;
  if (
    internet !== null &&
    deliveryMethod !== undefined &&
    deliveryMethod.length > 0 &&
    deliveryMethod.every((m) => internet.deliveredOnlyBy.includes(m))
  ) {
    return internet.code;
  }
  return profile.codes[0];
}

const hasLocation = (a: A): boolean => {
  const code = legacyCode(a);
  return code !== undefined && TEMPLATE_D_LOCATION_CODES.has(code);
};

/** "Changes evaluated" columns: Yes when the outcome is among those measured, No otherwise. */
const evaluated =
  (outcome: OutcomeName) =>
  (a: A): string | null =>
    maybe(v(a).outcomes, (list) => yesNo(list.some((o) => o.name === outcome)));

const TEMPLATE_D_FIXED: readonly TextColumn<A>[] = [
  col("Template", "the literal Template D", () => "Template D"),
  col("ACCME Activity ID", "ACCME Activity ID", (a) => v(a).accmeId ?? null),
  col("Provider Activity ID", "Internal ID", (a) => v(a).internalId ?? null),
  col("Reporting Year", "Start Date (its year)", (a) => maybe(v(a).startDate, yearOf)),
  col("Activity Title", "Title", (a) => v(a).title ?? null),
  col("Activity Date", "Start Date", (a) => maybe(v(a).startDate, usDate)),
  col("City", "City (types C and RSS only)", (a) => (hasLocation(a) ? (v(a).city ?? null) : null)),
  col("State", "State (types C and RSS in the USA only)", (a) =>
    hasLocation(a) && v(a).country === "USA" ? (v(a).state ?? null) : null
  ),
  col("Country", "Country (types C and RSS only)", (a) =>
    hasLocation(a) ? (v(a).country ?? null) : null
  ),
  col("Providership", "Providership", (a) => v(a).providership ?? null),
  col("Activity Type", "Format (legacy code)", (a) => legacyCode(a) ?? null),
  none("Hours of Instruction"),
  col("# of Physicians", "Physician Learners", (a) => maybe(v(a).physicianLearners, plainNumber)),
  col("# of Other Learners", "Other Learners", (a) => maybe(v(a).otherLearners, plainNumber)),
  col("Commercial Support Received?", "Commercial Support", (a) =>
    maybe(v(a).commercialSupport, yesNo)
  ),
  none("Designed to change Competence?"),
  col(
    "Changes in Competence evaluated?",
    "Outcome Measures (Learner Competence)",
    evaluated("Learner Competence")
  ),
  none("Designed to change Performance?"),
  col(
    "Changes in Performance evaluated?",
    "Outcome Measures (Learner Performance)",
    evaluated("Learner Performance")
  ),
  none("Designed to change Patient Outcomes?"),
  col(
    "Changes in Patient Outcomes evaluated?",
    "Outcome Measures (Patient Health)",
    evaluated("Patient Health")
  ),
  none("Sub-category: Case based discussion"),
  none("Sub-category: Lecture"),
  none("Sub-category: Panel"),
  none("Sub-category: Simulation"),
  none("Sub-category: Skill-based training"),
  none("Sub-category: Small group discussion"),
  none("Sub-category: Other"),
  col("Joint Provider(s)", "Joint Providers (only if Joint)", (a) =>
    v(a).providership === "Joint"
      ? maybe(v(a).jointProviders, (l) => l.join(TEMPLATE_D_LIST_SEPARATOR))
      : null
  ),
  col("AMA PRA Category 1 Credits Designated", "Credits", (a) => maybe(v(a).credits, plainNumber)),
  col("Description of Content", "Description", (a) => v(a).description ?? null),
  none("ABMS/ACGME - Patient Care and Procedural Skills"),
  none("ABMS/ACGME - Medical Knowledge"),
  none("ABMS/ACGME - Practice-based Learning and Improvement"),
  none("ABMS/ACGME - Interpersonal and Communication Skills"),
  none("ABMS/ACGME - Professionalism"),
  none("ABMS/ACGME - Systems-based Practice"),
  none("Institute of Medicine - Provide patient-centered care"),
  none("Institute of Medicine - Work in interdisciplinary teams"),
  none("Institute of Medicine - Employ evidence-based practice"),
  none("Institute of Medicine - Apply quality improvement"),
  none("Institute of Medicine - Utilize informatics"),
  none("Interprofessional Education Collaborative - Values/Ethics for Interprofessional Practice"),
  none("Interprofessional Education Collaborative - Roles/Responsibilities"),
  none("Interprofessional Education Collaborative - Interprofessional Communication"),
  none("Interprofessional Education Collaborative - Teams and Teamwork"),
  none("Other Competencies"),
];

type S = ExportSupport;

/**
 * One block per commercial supporter (§A, columns 48+8(k−1)). The workbook records whether support
 * was in kind but not of which kind, so the five kind flags and "Other" stay empty.
 */
const TEMPLATE_D_BLOCK: readonly TextColumn<S>[] = [
  col("Commercial Supporters Source", "Support: Source", (s) => s.source ?? null),
  col("Monetary Amount Received", "Support: Amount (monetary rows only)", (s) =>
    s.supportType === "Monetary" ? maybe(s.amount, plainNumber) : null
  ),
  none("In Kind Support Received - Durable equipment?"),
  none("In Kind Support Received - Facilities / Space?"),
  none("In Kind Support Received - Disposable supplies (Non-biological)?"),
  none("In Kind Support Received - Animal parts or tissue?"),
  none("In Kind Support Received - Human parts or tissue?"),
  none("In Kind Support Received - Other?"),
];

/** The number of fixed columns of Template D (§A: 47). */
export const TEMPLATE_D_FIXED_COLUMNS = 47;
/** The number of columns per commercial supporter (§A: 8). */
export const TEMPLATE_D_BLOCK_COLUMNS = 8;

/**
 * Tab-delimited "Template D": one activity per line, no header row, every column present, CRLF
 * line ends, UTF-8 without byte-order mark.
 */
export const TEMPLATE_D: TextLayout = {
  kind: "text",
  id: "txt",
  name: "PARS tab-delimited activity file (Template D)",
  extension: "txt",
  // §C: Excel's own "Text (Tab delimited)" writes the Windows code page; PARS's expectation is
  // unknown. UTF-8 keeps every character a coordinator typed; the summary states it.
  encoding: "UTF-8",
  separator: "\t",
  // §A: CRLF, as the practitioner code wrote it; PARS's own rule is unknown.
  lineEnd: "\r\n",
  fixed: TEMPLATE_D_FIXED,
  block: TEMPLATE_D_BLOCK,
  notes: [
    "Character encoding: UTF-8 without byte-order mark (PARS's expected encoding is not documented).",
    "Line ends: CRLF, as practitioner code wrote them (PARS's own rule is not documented).",
    "Every line carries as many supporter blocks as the activity with the most supporters, so all lines have the same number of columns.",
    "Joint providers are separated by a semicolon and a space (the separator is not documented).",
    "Activity Type: a Live Course delivered only live-streamed or online is written IL, an Enduring Material delivered only online IEM; otherwise C and EM (the legacy split by delivery, inferred from Delivery Method).",
    "City, State and Country are filled only for legacy types C and RSS; State only in the USA.",
    "Other/Blended Learning has no legacy code: its Activity Type column is left empty.",
    "Columns with no source in the workbook (hours of instruction, designed-to-change, sub-categories, competencies, in-kind kinds) are left empty.",
  ],
};
