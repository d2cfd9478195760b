import { normaliseKey } from "../codes/normalise";
import { dayFromParts, isoOfDay } from "../dates";
import { InvalidOptionError } from "../errors";
import { plainNumber } from "../export/encoders";
import { XML_CERTIFICATION, XML_MOC_BOARDS } from "../export/parsXml";
import { sha256Hex } from "../export/sha256";
import { escapeXml } from "../export/xmlOut";
import type { ExportLearner, LearnerAction } from "./model";

// The learner completion file: MedBiquitous Activity Report v2 (activityreport.xsd, 29 Nov 2018,
// with member v2 and name v2), which ACCME's learner XML descends from. One `ActivityReport` per
// completion. Where the 2025 draft of ACCME's learner schema (elliottACCME/tempSchema,
// accme-pars-learner-reports.schema_v0_5.json; LEARNERS.md §6) and the standard
// disagree on XML, the standard wins: the file must validate. Every name PARS adds of its own is a
// constant below with its source and what is doubtful about it.

/** The Activity Report v2 namespace (activityreport.xsd, `targetNamespace`). */
export const ACTIVITY_REPORT_NS = "http://ns.medbiq.org/activityreport/v2/";
/** Member v2, which `Member` and its children are in (member.xsd). */
export const MEMBER_NS = "http://ns.medbiq.org/member/v2/";
/** Name v2, for the learner's given and family name (name.xsd). */
export const NAME_NS = "http://ns.medbiq.org/name/v2/";
/** The healthcare LOM extension, whose credit elements `CreditReceived` holds. */
export const HEALTHCARE_LOM_NS = "http://ns.medbiq.org/lom/extend/v1/";

/**
 * The namespace of PARS's own elements inside `XtensibleInfo`. The standard admits only elements
 * of another namespace there (`xsd:any namespace="##other"`); the draft names the element
 * (`LearnerRecordAction`) but, being JSON, no namespace, and ACCME publishes none. This URN is PARS
 * Ready's own, in the form of the activity file's, chosen so as not to pass for an ACCME address.
 * Doubt: high; if PARS names one, this is the one line to change.
 */
export const PARS_LEARNER_EXTENSION_NS = "urn:x-pars-ready:accme-learner-extensions:v1";

/**
 * The element that says whether PARS adds or deletes the record, and its values. Source: the
 * draft's `XtensibleInfo.LearnerRecordAction` (`add` | `delete`, lower case). Doubt: the draft is
 * not ACCME's published specification.
 */
export const LEARNER_RECORD_ACTION = "LearnerRecordAction";
export const LEARNER_ACTION_VALUES: Readonly<Record<LearnerAction, string>> = {
  Add: "add",
  Delete: "delete",
};

/**
 * The `domain` of each learner identifier. Source: the draft names the domains `NPI`, a board code
 * (`ABIM`, `ABPATH`, …) or a state code (`CA`); member v2 requires the form `idd:name.tld:type`
 * (`IDDomainType`), and the standard's own sample writes ACCME's as `idd:accme.org:instance`. So
 * the draft's names go after `idd:accme.org:`. Doubt: PARS's real domain strings are not public.
 */
export const LEARNER_ID_DOMAIN_PREFIX = "idd:accme.org:";
export const NPI_DOMAIN = `${LEARNER_ID_DOMAIN_PREFIX}NPI`;

/** The domain of ACCME's activity ID (`ActivityInstanceID`), as the standard's sample writes it. */
export const ACTIVITY_ID_DOMAIN = "idd:accme.org:instance";

/**
 * The year written in a birth date known by month and day. Member v2's `BirthDate` is an
 * `xsd:date` with `accuracy="DayMonth"` (a year is required by the type and carries no meaning);
 * PARS asks for month and day only (FAQ 7921), so the learner's year is never read. 1904 is a leap
 * year (a February 29 birthday can be written), within the range of every date type a reader may
 * store it in, and no practising physician's birth year. Doubt: PARS's expected placeholder is not
 * published (the draft's pattern is YYYY-MM-DD; its status lookup also takes MM-DD).
 */
export const BIRTH_YEAR_PLACEHOLDER = 1904;

/**
 * The time written with a completion date. `CompletedDateTime` is an `xsd:dateTime`, which must
 * have a time; a completion is a day, so midnight with no zone is written (the draft: "send
 * midnight or date-only"), as the activity file writes its dates. Doubt: a reader that takes a
 * zoneless time as UTC and converts it to Central time would see the day before.
 */
export const COMPLETION_TIME = "T00:00:00";

/**
 * The unit of every credit written. Source: the draft (`creditUnit`: "Point" only); `Point` is in
 * the healthcare LOM's `creditUnitType`. Doubt: for AMA PRA credits the LOM's `Credit` would read
 * better, but the draft allows only Point.
 */
export const LEARNER_CREDIT_UNIT = "Point";

/**
 * The scheme of `CreditID`, a URI the draft requires on every credit (`ccid:…:…`, at most 300
 * characters). Made from the provider, the activity, the completion day, the learner and the
 * credit, never from the row: the same completion always gets the same ID, so the Delete of a
 * record names the ID its Add was sent with. Doubt: how PARS uses the ID is not published.
 */
export const CREDIT_ID_SCHEME = "ccid";

/** The `Status` of a completed module (the draft: "Completed" only). */
export const MODULE_STATUS = "Completed";

/** What the file is made for: the provider it is reported by, and when it was made. */
export type LearnerFileOptions = {
  /** The provider's seven-digit ACCME ID: `ReportingOrganization` and `ProviderOrganization`. */
  readonly providerId: string;
  /** When the file was made, "YYYY-MM-DDTHH:MM" in the caller's local time (core has no clock). */
  readonly stamp: string;
};

/** A finished learner file: its name and its text in pieces, to be written one after the other. */
export type LearnerFile = {
  readonly fileName: string;
  readonly pieces: readonly string[];
};

const STAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The file name of a learner file made at `stamp`: `pars-learners-YYYYMMDD-HHMM.xml`.
 *
 * @throws {InvalidOptionError} when `stamp` is not a real date and time as YYYY-MM-DDTHH:MM
 */
export function learnerFileName(stamp: string): string {
  const m = checkedStamp(stamp);
  return `pars-learners-${m[1]}${m[2]}${m[3]}-${m[4]}${m[5]}.xml`;
}

function checkedStamp(stamp: string): RegExpExecArray {
  const m = STAMP.exec(stamp);
  const n = (i: number): number => Number(m?.[i]);
  if (m === null || dayFromParts(n(1), n(2), n(3)) === null || n(4) > 23 || n(5) > 59) {
    throw new InvalidOptionError("stamp", stamp, "a date and time as YYYY-MM-DDTHH:MM");
  }
  return m;
}

const x = escapeXml;
const pad2 = (n: number): string => String(n).padStart(2, "0");

/** The learner's identity as the credit IDs use it: the same learner always gives the same key. */
function learnerKey(l: ExportLearner): string {
  const parts = [
    normaliseKey(l.lastName),
    normaliseKey(l.firstName),
    l.birth === null ? "" : `${pad2(l.birth.month)}${pad2(l.birth.day)}`,
    l.npi ?? "",
    l.boardId === null ? "" : `${l.boardId.board}:${l.boardId.id}`,
    l.license === null ? "" : `${l.license.state}:${l.license.number}`,
  ];
  return sha256Hex(parts.join("\u0000")).slice(0, 16);
}

/** The credit ID of one credit of a completion, from `prefix` (`creditIdPrefix`). */
const creditId = (prefix: string, credit: string): string => `${prefix}-${credit}`;

/** What every credit ID of a completion starts with: provider, activity, day, learner. */
function creditIdPrefix(l: ExportLearner, providerId: string): string {
  const day = isoOfDay(l.completion).replaceAll("-", "");
  const activity = encodeURIComponent(l.activity.accmeId);
  return `${CREDIT_ID_SCHEME}:${providerId}:${activity}-${day}-${learnerKey(l)}`;
}

function certificate(body: readonly string[], id: string): string {
  return [
    "        <CreditCertificate>\n",
    "          <CreditReceived>\n",
    ...body,
    "          </CreditReceived>\n",
    `          <CreditID>${x(id)}</CreditID>\n`,
    "        </CreditCertificate>\n",
  ].join("");
}

const credit = (name: string, value: string): string =>
  `            <hx:${name}>${x(value)}</hx:${name}>\n`;

function memberOf(l: ExportLearner): string {
  const out: string[] = ["    <Member>\n"];
  const id = (domain: string, value: string): void => {
    out.push(`      <m:UniqueID domain="${x(domain)}">${x(value)}</m:UniqueID>\n`);
  };
  if (l.npi !== null) id(NPI_DOMAIN, l.npi);
  if (l.boardId !== null) {
    id(`${LEARNER_ID_DOMAIN_PREFIX}${XML_MOC_BOARDS[l.boardId.board]}`, l.boardId.id);
  }
  if (l.license !== null) id(`${LEARNER_ID_DOMAIN_PREFIX}${l.license.state}`, l.license.number);
  out.push(
    "      <m:Name>\n",
    `        <n:GivenName>${x(l.firstName)}</n:GivenName>\n`,
    `        <n:FamilyName>${x(l.lastName)}</n:FamilyName>\n`,
    "      </m:Name>\n"
  );
  if (l.birth !== null) {
    const date = `${String(BIRTH_YEAR_PLACEHOLDER)}-${pad2(l.birth.month)}-${pad2(l.birth.day)}`;
    out.push(
      "      <m:PersonalInfo>\n",
      `        <m:BirthDate accuracy="DayMonth">${date}</m:BirthDate>\n`,
      "      </m:PersonalInfo>\n"
    );
  }
  out.push("    </Member>\n");
  return out.join("");
}

function reportOf(l: ExportLearner, providerId: string): string {
  const a = l.activity;
  const certificates: string[] = [];
  const prefix = creditIdPrefix(l, providerId);
  if (l.cmeCredits !== null) {
    certificates.push(
      certificate(
        [
          credit("activityCertification", XML_CERTIFICATION),
          credit("creditType", "CME"),
          credit("creditUnit", LEARNER_CREDIT_UNIT),
          credit("numberOfCredits", plainNumber(l.cmeCredits)),
        ],
        creditId(prefix, "cme")
      )
    );
  }
  if (l.moc !== null) {
    const board = XML_MOC_BOARDS[l.moc.board];
    certificates.push(
      certificate(
        [
          credit("accreditingBody", board),
          credit("activityCertification", l.moc.creditType),
          credit("creditUnit", LEARNER_CREDIT_UNIT),
          credit("numberOfCredits", plainNumber(l.moc.points)),
        ],
        creditId(prefix, `${board.toLowerCase()}-${normaliseKey(l.moc.creditType)}`)
      )
    );
  }
  return [
    "  <ActivityReport>\n",
    `    <ReportingOrganization>${x(providerId)}</ReportingOrganization>\n`,
    memberOf(l),
    "    <Activity>\n",
    `      <ProviderOrganization>${x(providerId)}</ProviderOrganization>\n`,
    `      <ActivityName>${x(a.title)}</ActivityName>\n`,
    `      <ActivityInstanceID domain="${ACTIVITY_ID_DOMAIN}">${x(a.accmeId)}</ActivityInstanceID>\n`,
    "      <Module>\n",
    `        <ModuleName moduleID="${x(a.accmeId)}">${x(a.title)}</ModuleName>\n`,
    `        <Status>${MODULE_STATUS}</Status>\n`,
    `        <CompletedDateTime>${isoOfDay(l.completion)}${COMPLETION_TIME}</CompletedDateTime>\n`,
    ...certificates,
    "      </Module>\n",
    "    </Activity>\n",
    "    <XtensibleInfo>\n",
    `      <pars:${LEARNER_RECORD_ACTION}>${LEARNER_ACTION_VALUES[l.action]}</pars:${LEARNER_RECORD_ACTION}>\n`,
    "    </XtensibleInfo>\n",
    "  </ActivityReport>\n",
  ].join("");
}

/**
 * Writes the learner file of `learners`, in the order given. Pure: the same learners and options
 * give the same bytes. `ReportingStartDate` and `ReportingEndDate` are the first and last
 * completion days in the file (the standard requires both); an empty list has none to report and
 * is the caller's to refuse.
 *
 * @throws {InvalidOptionError} when the stamp is malformed, the provider ID is not seven digits,
 *   or `learners` is empty
 */
export function buildLearnerFile(
  learners: readonly ExportLearner[],
  options: LearnerFileOptions
): LearnerFile {
  const m = checkedStamp(options.stamp);
  if (!/^[0-9]{7}$/.test(options.providerId)) {
    throw new InvalidOptionError("providerId", options.providerId, "seven digits");
  }
  if (learners.length === 0) {
    throw new InvalidOptionError("learners", "none", "at least one completion");
  }
  let first = Infinity;
  let last = -Infinity;
  for (const l of learners) {
    if (l.completion < first) first = l.completion;
    if (l.completion > last) last = l.completion;
  }
  const head = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<ActivityReports xmlns="${ACTIVITY_REPORT_NS}" xmlns:m="${MEMBER_NS}" xmlns:n="${NAME_NS}" xmlns:hx="${HEALTHCARE_LOM_NS}" xmlns:pars="${PARS_LEARNER_EXTENSION_NS}">\n`,
    `  <DateTimeCreated>${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00</DateTimeCreated>\n`,
    `  <ReportingStartDate>${isoOfDay(first)}</ReportingStartDate>\n`,
    `  <ReportingEndDate>${isoOfDay(last)}</ReportingEndDate>\n`,
  ].join("");
  const pieces = [head];
  for (const l of learners) pieces.push(reportOf(l, options.providerId));
  pieces.push("</ActivityReports>\n");
  return { fileName: learnerFileName(options.stamp), pieces };
}
