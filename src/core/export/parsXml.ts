import { FORMAT_PROFILES, type FormatKey } from "../formats";
import type { Fee, Providership } from "../codes/vocabularies";
import type { Outcome } from "../parse/cells";
import { isoDate, isoDateTime, maybe, plainNumber, xmlBoolean, yesNo } from "./encoders";
import type { XmlLayout } from "./layout";
import type { ExportActivity, ExportMoc, ExportSupport } from "./model";
import { each, eachText, group, leaf } from "./xmlElements";

// The PARS XML activity file (batch upload and web services). Source for every element:
// upload-layouts.md §B, from a 2025 draft of ACCME's activity JSON schema
// (elliottACCME/tempSchema, accme-pars-activity.schema_v0_1_2.json), whose names agree with the
// official specification's contents list. Element order is the order of §B's table; the tests
// compare the written order with this declaration.

/**
 * The format names written to `activityFormat`. §C: "the exact current format names in XML" are
 * unknown; the PARS names of DOMAIN.md §1 (FORMAT_PROFILES) are the best evidence. A correction is
 * a one-line change here.
 */
export const XML_FORMAT_NAMES: Readonly<Record<FormatKey, string>> = Object.fromEntries(
  Object.entries(FORMAT_PROFILES).map(([k, p]) => [k, p.name])
) as Record<FormatKey, string>;

/** `activitySponsorship` values (§B: `direct` / `joint`, lower case). */
export const XML_SPONSORSHIP: Readonly<Record<Providership, string>> = {
  Direct: "direct",
  Joint: "joint",
};

/**
 * `FeeForParticipation` values. §B spells the free option with a typographic apostrophe
 * (`No, it’s free`), unlike the workbook vocabulary's straight one; §B is followed.
 */
export const XML_FEES: Readonly<Record<Fee, string>> = {
  Yes: "Yes",
  "No, it's free": "No, it\u2019s free",
  Variable: "Variable",
};

/** The credit type written to `activityCertification` (§B). */
export const XML_CERTIFICATION = "AMA PRA Category 1";
/** The currency of `commercialSupportAmount` (§B: USD, whole dollars). */
export const XML_CURRENCY = "USD";

type A = ExportActivity;
/** The empty list every encoder returns, rather than a new one per activity. */
const NONE: readonly never[] = [];
type Identifier = { readonly catalog: string; readonly entry: string };
type Participants = { readonly category: string; readonly count: number };

// The lists below are made for every activity of a file: as array literals of their exact length
// where the common cases allow, since an array grown by push from empty reserves room for many
// more (a heap profile of the 100,000-activity export put these two lists among its largest
// allocations after the file itself: about 48 MB a file, now about 24 MB).

const identifiers = (a: A): readonly Identifier[] => {
  const v = a.values;
  if (v.accmeId === undefined && v.url === undefined) {
    return v.internalId === undefined
      ? NONE
      : [{ catalog: "Provider Activity ID", entry: v.internalId }];
  }
  const out: Identifier[] = [];
  if (v.internalId !== undefined)
    out.push({ catalog: "Provider Activity ID", entry: v.internalId });
  if (v.accmeId !== undefined) out.push({ catalog: "ACCME Activity ID", entry: v.accmeId });
  if (v.url !== undefined) out.push({ catalog: "URL", entry: v.url });
  return out;
};

const participants = (a: A): readonly Participants[] => {
  const physician = a.values.physicianLearners;
  const other = a.values.otherLearners;
  if (physician === undefined)
    return other === undefined ? NONE : [{ category: "other", count: other }];
  const physicians = { category: "physician", count: physician };
  return other === undefined ? [physicians] : [physicians, { category: "other", count: other }];
};

// The encoders below run for every activity of a file (100,000 in the benchmark): they share one
// empty list and hoisted functions rather than making new ones per activity.

const monetary = (a: A): readonly ExportSupport[] =>
  a.support.length === 0 ? NONE : a.support.filter((s) => s.supportType === "Monetary");
const inKind = (a: A): readonly ExportSupport[] =>
  a.support.length === 0 ? NONE : a.support.filter((s) => s.supportType === "In-kind");
const sponsorship = (p: Providership): string => XML_SPONSORSHIP[p];
const formatName = (f: FormatKey): string => XML_FORMAT_NAMES[f];
const fee = (f: Fee): string => XML_FEES[f];

const PARS_XML_ACTIVITY = group<A>("MedicalEducationMetrics", "one per activity", [
  group("ReportDescription", "§B", [
    leaf("ReportingStartDate", "Start Date", (a) => maybe(a.values.startDate, isoDate)),
    leaf("ReportingEndDate", "End Date", (a) => maybe(a.values.endDate, isoDate)),
  ]),
  group("ActivityDescription", "§B", [
    each("commercialSupportAmount", "Support rows of type Monetary", monetary, [
      leaf<ExportSupport>("currency", "always USD", () => XML_CURRENCY),
      leaf("supportSource", "Support: Source", (s) => s.source ?? null),
      leaf("value", "Support: Amount", (s) => maybe(s.amount, plainNumber)),
    ]),
  ]),
  group("Lom", "§B", [
    group("general", "§B", [
      each("identifier", "Internal ID, ACCME Activity ID, Activity URL", identifiers, [
        leaf<Identifier>("catalog", "identifier kind", (i) => i.catalog),
        leaf<Identifier>("entry", "identifier value", (i) => i.entry),
      ]),
      leaf("title", "Title", (a) => a.values.title ?? null),
      leaf(
        "description",
        "Description (at most 2,500 characters)",
        (a) => a.values.description ?? null
      ),
    ]),
  ]),
  group("healthcareMetadata", "§B", [
    group("healthcareEducation", "§B", [
      group("credits", "§B", [
        leaf("activityCertification", "always AMA PRA Category 1", (a) =>
          a.values.credits === undefined ? null : XML_CERTIFICATION
        ),
        leaf("numberOfCredits", "Credits", (a) => maybe(a.values.credits, plainNumber)),
        eachText("nonAccreditedProvider", "Joint Providers (only if Joint)", (a) =>
          a.values.providership === "Joint" ? (a.values.jointProviders ?? NONE) : NONE
        ),
      ]),
      group("activityLocation", "§B", [
        leaf("city", "City", (a) => a.values.city ?? null),
        leaf("stateOrProvince", "State", (a) => a.values.state ?? null),
        leaf("country", "Country", (a) => a.values.country ?? null),
      ]),
      leaf("startDateTime", "Start Date", (a) => maybe(a.values.startDate, isoDateTime)),
      leaf("endDateTime", "End Date", (a) => maybe(a.values.endDate, isoDateTime)),
      leaf("activitySponsorship", "Providership", (a) => maybe(a.values.providership, sponsorship)),
      leaf("activityFormat", "Format", (a) => maybe(a.values.format, formatName)),
      leaf("commercialSupport", "Commercial Support", (a) =>
        maybe(a.values.commercialSupport, xmlBoolean)
      ),
    ]),
  ]),
  group("ParticipationMetrics", "§B", [
    each("participantsByCategory", "Physician Learners, Other Learners", participants, [
      leaf<Participants>("category", "physician / other", (p) => p.category),
      leaf<Participants>("numberOfParticipants", "the count", (p) => plainNumber(p.count)),
    ]),
  ]),
  group("XtensibleInfo", "§B", [
    group("DeliveryMethods", "§B", [
      eachText("DeliveryMethod", "Delivery Method", (a) => a.values.deliveryMethod ?? NONE),
    ]),
    group("InKindSupports", "§B", [
      each("InKindSupport", "Support rows of type In-kind", inKind, [
        leaf<ExportSupport>("source", "Support: Source", (s) => s.source ?? null),
      ]),
    ]),
    group("MeasuredOutcomes", "§B", [
      each("MeasuredOutcome", "Outcome Measures", (a) => a.values.outcomes ?? NONE, [
        leaf<Outcome>("OutcomeName", "outcome measure", (o) => o.name),
        leaf<Outcome>("MeasurementType", "Objective / Subjective", (o) => o.type),
      ]),
    ]),
    group("MOCRegistrations", "§B", [
      each("MOCRegistration", "MOC rows joined by Internal ID", (a) => a.moc, [
        leaf<ExportMoc>("boardName", "MOC: Board", (m) => m.board ?? null),
        leaf<ExportMoc>("mocPoints", "MOC: MOC Credits", (m) => maybe(m.mocCredits, plainNumber)),
        eachText<ExportMoc>("MOCCreditType", "MOC: Credit Types", (m) => m.creditTypes ?? NONE),
        leaf<ExportMoc>("CreditClaimDate", "MOC: Claim Date", (m) => maybe(m.claimDate, isoDate)),
      ]),
    ]),
    leaf("ForPublicList", "CME Passport", (a) => maybe(a.values.cmePassport, yesNo)),
    leaf("FeeForParticipation", "Fee", (a) => maybe(a.values.fee, fee)),
    leaf("ActivityRegistration", "Registration", (a) => a.values.registration ?? null),
    leaf("activityRecordAction", "Add without ACCME Activity ID, else Update", (a) => a.action),
    leaf("closeActivityRecord", "declared Closed and passes Closed", (a) => xmlBoolean(a.close)),
  ]),
]);

/**
 * The PARS XML activity file: root `ACCMEActivities`, one `MedicalEducationMetrics` per activity,
 * UTF-8 without byte-order mark, LF line ends, two-space indentation.
 */
export const PARS_XML: XmlLayout = {
  kind: "xml",
  id: "xml",
  name: "PARS XML activity file",
  extension: "xml",
  encoding: "UTF-8",
  lineEnd: "\n",
  root: "ACCMEActivities",
  activity: PARS_XML_ACTIVITY,
  notes: [
    "Element names follow a 2025 draft of ACCME's activity schema (confidence medium; details low).",
    "activityFormat uses the PARS format names; the exact names PARS expects in XML are not documented.",
    "The outcome measure's name is written as OutcomeName beside MeasurementType; §B gives the pair but not the child's name.",
    "nonAccreditedProvider (joint providers) is written inside credits, where §B lists it.",
    "ForPublicList is written Yes/No (§B: yes/no); commercialSupport and closeActivityRecord as true/false (§B: boolean).",
    "MOC practice areas, content area, fee, registration and URL have no element in §B and are not written.",
    "Location name (venue) and notes have no element and are not written.",
  ],
};
