import { FORMAT_PROFILES, type FormatKey } from "../formats";
import type { Fee, MocBoard, Providership } from "../codes/vocabularies";
import type { Outcome } from "../parse/cells";
import { isoDate, isoDateTime, maybe, plainNumber, xmlBoolean } from "./encoders";
import type { XmlLayout } from "./layout";
import type { ExportActivity, ExportMoc, ExportSupport } from "./model";
import { each, eachElement, eachText, group, leaf, leafWithAttributes } from "./xmlElements";

// The PARS XML activity file (batch upload and web services). ACCME: the upload "accepts XML files
// formatted to conform with the Medical Education Metrics (MEMS) XML standard", so structure,
// nesting, order and namespaces are MEMS v2's (metrics/v2/medicaleducationmetrics.xsd, with the
// healthcare LOM and MedBiquitous address schemas it imports; ../shared/mems-xsd). ACCME's own
// names inside XtensibleInfo, and the value lists, come from upload-layouts.md §B, from a 2025
// draft of ACCME's activity JSON schema (elliottACCME/tempSchema,
// accme-pars-activity.schema_v0_1_2.json). The tests validate every golden activity against the
// schemas and compare the written order with this declaration.

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

/** MEMS v2: the namespace of `MedicalEducationMetrics` and its own elements (the default one). */
export const MEMS_NAMESPACE = "http://ns.medbiq.org/metrics/v2/";
/** IEEE LOM, as the healthcare LOM schema MEMS imports declares it. */
export const LOM_NAMESPACE = "http://ltsc.ieee.org/xsd/LOM";
/** MedBiquitous's healthcare extension of LOM (`healthcareMetadata` and what it holds). */
export const HEALTHCARE_LOM_NAMESPACE = "http://ns.medbiq.org/lom/extend/v1/";
/** MedBiquitous address v1, the type of `activityLocation`. */
export const ADDRESS_NAMESPACE = "http://ns.medbiq.org/address/v1/";
/**
 * The namespace of ACCME's extensions inside `XtensibleInfo`. MEMS admits only elements of
 * another namespace there (`xsd:any namespace="##other"`), so they cannot stay in MEMS's or in
 * none. ACCME publishes no namespace for them (neither the FAQ nor the 2025 draft schema names
 * one): this URN is PARS Ready's own, chosen so as not to pass for an ACCME address. Doubt: high;
 * if PARS names one, this is the one line to change.
 */
export const ACCME_EXTENSIONS_NAMESPACE = "urn:x-pars-ready:accme-activity-extensions:v1";
/**
 * The language of `title`, `description` and `activityFormat` (LOM language strings). The
 * workbook does not say which language an activity is in; PARS is an English-language system.
 */
export const XML_TEXT_LANGUAGE = "en";

const LOM = "lom";
const HX = "hx";
const ADDRESS = "addr";
const ACCME = "accme";

/** Declared on every `MedicalEducationMetrics`, so each activity validates on its own. */
const XML_NAMESPACE_DECLARATIONS = {
  xmlns: MEMS_NAMESPACE,
  [`xmlns:${LOM}`]: LOM_NAMESPACE,
  [`xmlns:${HX}`]: HEALTHCARE_LOM_NAMESPACE,
  [`xmlns:${ADDRESS}`]: ADDRESS_NAMESPACE,
  [`xmlns:${ACCME}`]: ACCME_EXTENSIONS_NAMESPACE,
} as const;

/**
 * How each MOC board is written, to an activity's `boardName` and in a learner's identifier domains
 * and credit types: the code of the 2025 draft schema, which spells
 * the pathology board `ABPATH` where ACCME's pages and the workbook say ABPath
 * (DOMAIN.md §3 names the boards; LEARNERS.md §3 and upload-formats.md say why the draft
 * spelling). The others are the same in both. One table, so a
 * correction is one line.
 */
export const XML_MOC_BOARDS: Readonly<Record<MocBoard, string>> = {
  ABA: "ABA",
  ABIM: "ABIM",
  ABOHNS: "ABOHNS",
  ABOS: "ABOS",
  ABP: "ABP",
  ABPath: "ABPATH",
  ABS: "ABS",
  ABTS: "ABTS",
};

/** The credit type written to `activityCertification` (§B). */
export const XML_CERTIFICATION = "AMA PRA Category 1";
/** The `currency` attribute of `CommercialSupportAmount` (§B: USD, whole dollars). */
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
const boardCode = (b: MocBoard): string => XML_MOC_BOARDS[b];
/** The healthcare LOM's yes/no (`hx:yesNoType`: lower case), not XML Schema's boolean. */
const hxYesNo = (b: boolean): string => (b ? "yes" : "no");

const langString = <C>(name: string, source: string, value: (c: C) => string | null) =>
  group<C>(name, source, [
    leaf<C>(`${LOM}:string`, source, value, { language: XML_TEXT_LANGUAGE }),
  ]);

/** An element of ACCME's, inside `XtensibleInfo`: in ACCME's namespace, not MEMS's. */
const x = (name: string): string => `${ACCME}:${name}`;
const hx = (name: string): string => `${HX}:${name}`;

const located = (a: A): readonly A[] => (a.values.country === undefined ? NONE : [a]);

const PARS_XML_ACTIVITY = group<A>(
  "MedicalEducationMetrics",
  "one per activity",
  [
    group(
      "ReportDescription",
      "MEMS ReportDescriptionType",
      [
        leaf("ReportingStartDate", "Start Date", (a) => maybe(a.values.startDate, isoDate)),
        leaf("ReportingEndDate", "End Date", (a) => maybe(a.values.endDate, isoDate)),
      ],
      { required: true }
    ),
    group(
      "ActivityDescription",
      "MEMS ActivityDescriptionType: lom, then CommercialSupportAmount",
      [
        group(
          `${LOM}:lom`,
          "healthcare LOM",
          [
            group(`${LOM}:general`, "LOM general", [
              each(
                `${LOM}:identifier`,
                "Internal ID, ACCME Activity ID, Activity URL",
                identifiers,
                [
                  leaf<Identifier>(`${LOM}:catalog`, "identifier kind", (i) => i.catalog),
                  leaf<Identifier>(`${LOM}:entry`, "identifier value", (i) => i.entry),
                ]
              ),
              langString(`${LOM}:title`, "Title", (a) => a.values.title ?? null),
              langString(
                `${LOM}:description`,
                "Description (at most 2,500 characters)",
                (a) => a.values.description ?? null
              ),
            ]),
            group(hx("healthcareMetadata"), "healthcare LOM extension, after general", [
              group(hx("healthcareEducation"), "healthcareEducationType", [
                group(hx("credits"), "creditsType", [
                  leaf(hx("activityCertification"), "always AMA PRA Category 1", (a) =>
                    a.values.credits === undefined ? null : XML_CERTIFICATION
                  ),
                  eachText(hx("nonAccreditedProvider"), "Joint Providers (only if Joint)", (a) =>
                    a.values.providership === "Joint" ? (a.values.jointProviders ?? NONE) : NONE
                  ),
                  leaf(hx("numberOfCredits"), "Credits", (a) =>
                    maybe(a.values.credits, plainNumber)
                  ),
                ]),
                // A MedBiquitous address must end with its Country: with none, no location.
                each(hx("activityLocation"), "City, State, Country", located, [
                  leaf<A>(`${ADDRESS}:City`, "City", (a) => a.values.city ?? null),
                  leaf<A>(`${ADDRESS}:StateOrProvince`, "State", (a) => a.values.state ?? null),
                  group<A>(`${ADDRESS}:Country`, "Country", [
                    leaf<A>(`${ADDRESS}:CountryCode`, "Country", (a) => a.values.country ?? null),
                  ]),
                ]),
                leaf(hx("startDateTime"), "Start Date", (a) =>
                  maybe(a.values.startDate, isoDateTime)
                ),
                leaf(hx("endDateTime"), "End Date", (a) => maybe(a.values.endDate, isoDateTime)),
                leaf(hx("activitySponsorship"), "Providership", (a) =>
                  maybe(a.values.providership, sponsorship)
                ),
                langString(hx("activityFormat"), "Format", (a) =>
                  maybe(a.values.format, formatName)
                ),
                leaf(hx("commercialSupport"), "Commercial Support", (a) =>
                  maybe(a.values.commercialSupport, hxYesNo)
                ),
              ]),
            ]),
          ],
          { required: true }
        ),
        eachElement(
          monetary,
          leafWithAttributes<ExportSupport>(
            "CommercialSupportAmount",
            "Support rows of type Monetary: Amount, with Source",
            (s) => maybe(s.amount, plainNumber),
            { currency: XML_CURRENCY },
            [{ name: "supportSource", value: (s) => s.source ?? null }]
          )
        ),
      ],
      { required: true }
    ),
    group(
      "ParticipationMetrics",
      "MEMS ParticipationMetricsType",
      [
        each("ParticipantsByCategory", "Physician Learners, Other Learners", participants, [
          leaf<Participants>("CategoryName", "physician / other", (p) => p.category),
          leaf<Participants>("Number", "the count", (p) => plainNumber(p.count)),
        ]),
      ],
      { required: true }
    ),
    group("XtensibleInfo", "ACCME's extensions, in a namespace of their own", [
      group(x("DeliveryMethods"), "§B", [
        eachText(x("DeliveryMethod"), "Delivery Method", (a) => a.values.deliveryMethod ?? NONE),
      ]),
      group(x("InKindSupports"), "§B", [
        each(x("InKindSupport"), "Support rows of type In-kind", inKind, [
          leaf<ExportSupport>(x("source"), "Support: Source", (s) => s.source ?? null),
        ]),
      ]),
      group(x("MeasuredOutcomes"), "§B", [
        each(x("MeasuredOutcome"), "Outcome Measures", (a) => a.values.outcomes ?? NONE, [
          leaf<Outcome>(x("OutcomeName"), "outcome measure", (o) => o.name),
          leaf<Outcome>(x("MeasurementType"), "Objective / Subjective", (o) => o.type),
        ]),
      ]),
      group(x("MOCRegistrations"), "§B", [
        each(x("MOCRegistration"), "MOC rows joined by Internal ID", (a) => a.moc, [
          leaf<ExportMoc>(x("boardName"), "MOC: Board", (m) => maybe(m.board, boardCode)),
          leaf<ExportMoc>(x("mocPoints"), "MOC: MOC Credits", (m) =>
            maybe(m.mocCredits, plainNumber)
          ),
          eachText<ExportMoc>(
            x("MOCCreditType"),
            "MOC: Credit Types",
            (m) => m.creditTypes ?? NONE
          ),
          leaf<ExportMoc>(x("CreditClaimDate"), "MOC: Claim Date", (m) =>
            maybe(m.claimDate, isoDate)
          ),
        ]),
      ]),
      leaf(x("ForPublicList"), "CME Passport", (a) => maybe(a.values.cmePassport, xmlBoolean)),
      leaf(x("FeeForParticipation"), "Fee", (a) => maybe(a.values.fee, fee)),
      leaf(x("ActivityRegistration"), "Registration", (a) => a.values.registration ?? null),
      leaf(
        x("activityRecordAction"),
        "Add without ACCME Activity ID, else Update",
        (a) => a.action
      ),
      leaf(x("closeActivityRecord"), "declared Closed and passes Closed", (a) =>
        xmlBoolean(a.close)
      ),
    ]),
  ],
  { attributes: XML_NAMESPACE_DECLARATIONS, required: true }
);

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
    "The structure follows MEMS v2 and the healthcare LOM it imports; ACCME's own names come from a 2025 draft of ACCME's activity schema (confidence medium; details low).",
    "ACCME's extensions inside XtensibleInfo are in a namespace of PARS Ready's own: MEMS requires one, and ACCME publishes none.",
    "activityFormat uses the PARS format names; the exact names PARS expects in XML are not documented.",
    "The outcome measure's name is written as OutcomeName beside MeasurementType; §B gives the pair but not the child's name.",
    "ForPublicList and closeActivityRecord are written true/false (the draft schema's booleans); commercialSupport yes/no (healthcare LOM).",
    "MOC boards are written with the draft schema's codes (ABPath as ABPATH).",
    "A Closed row registered for MOC is sent without closeActivityRecord: MOC practice areas, fee, registration, URL and attestation have no element.",
    "Support amounts are whole dollars (MEMS: integer), rounded to the nearest dollar, half up.",
    "A location is written only with its Country (a MedBiquitous address requires one).",
    "MOC practice areas, content area, fee, registration and URL have no element in §B and are not written.",
    "Location name (venue) and notes have no element and are not written.",
  ],
};
