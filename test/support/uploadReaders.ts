// Readers for the two upload layouts, written independently of the writers (they parse the file's
// text, not the layout tables), and the "view" of an activity each layout is expected to carry.
// Export then read must give back the view: that is the round-trip property.
import {
  dayOfIso,
  dayFromParts,
  FEES,
  FORMAT_KEYS,
  FORMAT_PROFILES,
  lookUp,
  matchFormat,
  MOC_BOARDS,
  type DayNumber,
  type DeliveryMethod,
  type ExportActivity,
  type Fee,
  type FormatKey,
  type MeasurementType,
  type MocBoard,
  type OutcomeName,
  type Providership,
  type Registration,
} from "../../src/core";
import { parseXml, type XmlNode } from "./strictXml";

/** What the PARS XML layout carries of an activity. */
export type XmlView = {
  internalId?: string | undefined;
  accmeId?: string | undefined;
  url?: string | undefined;
  title?: string | undefined;
  description?: string | undefined;
  credits?: number | undefined;
  jointProviders?: readonly string[] | undefined;
  city?: string | undefined;
  state?: string | undefined;
  country?: string | undefined;
  startDate?: DayNumber | undefined;
  endDate?: DayNumber | undefined;
  providership?: Providership | undefined;
  format?: FormatKey | undefined;
  commercialSupport?: boolean | undefined;
  physicianLearners?: number | undefined;
  otherLearners?: number | undefined;
  deliveryMethod?: readonly DeliveryMethod[] | undefined;
  outcomes?: readonly { name: OutcomeName; type: MeasurementType | null }[] | undefined;
  cmePassport?: boolean | undefined;
  fee?: Fee | undefined;
  registration?: Registration | undefined;
  monetary: { source?: string | undefined; amount?: number | undefined }[];
  inKind: { source?: string | undefined }[];
  moc: {
    board?: MocBoard | undefined;
    mocCredits?: number | undefined;
    creditTypes: readonly string[];
    claimDate?: DayNumber | undefined;
  }[];
  action: "Add" | "Update";
  close: boolean;
};

const nonEmpty = <T>(list: readonly T[] | undefined): readonly T[] | undefined =>
  list === undefined || list.length === 0 ? undefined : list;

/** The XML view of an activity: every value the XML layout writes. */
export function xmlViewOf(a: ExportActivity): XmlView {
  const v = a.values;
  return {
    internalId: v.internalId,
    accmeId: v.accmeId,
    url: v.url,
    title: v.title,
    description: v.description,
    credits: v.credits,
    jointProviders: v.providership === "Joint" ? nonEmpty(v.jointProviders) : undefined,
    // A MedBiquitous address needs its country: without one no location is written.
    city: v.country === undefined ? undefined : v.city,
    state: v.country === undefined ? undefined : v.state,
    country: v.country,
    startDate: v.startDate,
    endDate: v.endDate,
    providership: v.providership,
    format: v.format,
    commercialSupport: v.commercialSupport,
    physicianLearners: v.physicianLearners,
    otherLearners: v.otherLearners,
    deliveryMethod: nonEmpty(v.deliveryMethod),
    outcomes: nonEmpty(v.outcomes)?.map((o) => ({ name: o.name, type: o.type })),
    cmePassport: v.cmePassport,
    fee: v.fee,
    registration: v.registration,
    // MEMS writes a supporter as an attribute of its amount: no amount, nothing written.
    monetary: a.support
      .filter((s) => s.supportType === "Monetary" && s.amount !== undefined)
      .map((s) => ({ source: s.source, amount: s.amount })),
    // A supporter or board with no value at all has nothing to write: the element is left out.
    inKind: a.support
      .filter((s) => s.supportType === "In-kind" && s.source !== undefined)
      .map((s) => ({ source: s.source })),
    moc: a.moc
      .filter((m) => Object.keys(m).some((k) => k !== "row"))
      .map((m) => ({
        board: m.board,
        mocCredits: m.mocCredits,
        creditTypes: m.creditTypes ?? [],
        claimDate: m.claimDate,
      })),
    action: a.action,
    close: a.close,
  };
}

const kids = (n: XmlNode | undefined, name: string): XmlNode[] =>
  n === undefined ? [] : n.children.filter((c) => c.name === name);
const kid = (n: XmlNode | undefined, name: string): XmlNode | undefined => kids(n, name)[0];
const at = (n: XmlNode | undefined, path: string): XmlNode | undefined =>
  path.split("/").reduce<XmlNode | undefined>((x, p) => kid(x, p), n);
const textAt = (n: XmlNode | undefined, path: string): string | undefined => {
  const x = at(n, path);
  return x === undefined ? undefined : x.text;
};
const num = (s: string | undefined): number | undefined => {
  if (s === undefined) return undefined;
  if (!/^-?\d+(\.\d+)?$/.test(s)) throw new Error(`not a plain number: "${s}"`);
  return Number(s);
};
const bool = (s: string | undefined, yes: string, no: string): boolean | undefined => {
  if (s === undefined) return undefined;
  if (s === yes) return true;
  if (s === no) return false;
  throw new Error(`"${s}" is neither ${yes} nor ${no}`);
};
const isoDay = (s: string | undefined, suffix = ""): DayNumber | undefined => {
  if (s === undefined) return undefined;
  if (!s.endsWith(suffix)) throw new Error(`"${s}" lacks ${suffix}`);
  const d = dayOfIso(s.slice(0, s.length - suffix.length));
  if (d === null) throw new Error(`not a date: "${s}"`);
  return d;
};
const formatOf = (name: string | undefined): FormatKey | undefined => {
  if (name === undefined) return undefined;
  const key = FORMAT_KEYS.find((k) => FORMAT_PROFILES[k].name === name);
  if (key === undefined) throw new Error(`unknown format "${name}"`);
  return key;
};

/** A board as the workbook names it, from the code the XML writes (the draft's ABPATH). */
const boardOf = (code: string | undefined): MocBoard | undefined => {
  if (code === undefined) return undefined;
  const board = MOC_BOARDS.values.find((b) => b.toUpperCase() === code);
  if (board === undefined) throw new Error(`unknown board code "${code}"`);
  return board;
};

/** The text of a LOM language string (`<lom:string language="en">…</lom:string>`). */
const langText = (n: XmlNode | undefined, path: string): string | undefined => {
  const x = at(n, path);
  if (x === undefined) return undefined;
  const strings = kids(x, "lom:string");
  if (strings.length !== 1) throw new Error(`${path} holds ${String(strings.length)} strings`);
  expectEqual(strings[0]!.attributes.language, "en");
  return strings[0]!.text;
};

const MEMS_DECLARATIONS: Readonly<Record<string, string>> = {
  xmlns: "http://ns.medbiq.org/metrics/v2/",
  "xmlns:lom": "http://ltsc.ieee.org/xsd/LOM",
  "xmlns:hx": "http://ns.medbiq.org/lom/extend/v1/",
  "xmlns:addr": "http://ns.medbiq.org/address/v1/",
};

/** Reads a PARS XML file back into one view per `MedicalEducationMetrics`. */
export function readParsXml(text: string): XmlView[] {
  const root = parseXml(text);
  if (root.name !== "ACCMEActivities") throw new Error(`root is ${root.name}`);
  return root.children.map((m): XmlView => {
    if (m.name !== "MedicalEducationMetrics") throw new Error(`unexpected ${m.name}`);
    for (const [k, v] of Object.entries(MEMS_DECLARATIONS)) expectEqual(m.attributes[k], v);
    if (!m.attributes["xmlns:accme"]) throw new Error("no namespace for ACCME's extensions");
    const lom = at(m, "ActivityDescription/lom:lom");
    const ids = new Map(
      kids(kid(lom, "lom:general"), "lom:identifier").map((i) => [
        textAt(i, "lom:catalog"),
        textAt(i, "lom:entry"),
      ])
    );
    const edu = at(lom, "hx:healthcareMetadata/hx:healthcareEducation");
    const x = kid(m, "XtensibleInfo");
    const participants = new Map(
      kids(kid(m, "ParticipationMetrics"), "ParticipantsByCategory").map((p) => [
        textAt(p, "CategoryName"),
        num(textAt(p, "Number")),
      ])
    );
    const sponsorship = textAt(edu, "hx:activitySponsorship");
    const fee = textAt(x, "accme:FeeForParticipation");
    const joint = kids(at(edu, "hx:credits"), "hx:nonAccreditedProvider").map((n) => n.text);
    const methods = kids(kid(x, "accme:DeliveryMethods"), "accme:DeliveryMethod").map(
      (n) => n.text as DeliveryMethod
    );
    const outcomes = kids(kid(x, "accme:MeasuredOutcomes"), "accme:MeasuredOutcome").map((o) => ({
      name: textAt(o, "accme:OutcomeName") as OutcomeName,
      type: (textAt(o, "accme:MeasurementType") ?? null) as MeasurementType | null,
    }));
    if (textAt(edu, "hx:credits/hx:activityCertification") !== undefined) {
      expectEqual(textAt(edu, "hx:credits/hx:activityCertification"), "AMA PRA Category 1");
    }
    expectEqual(
      textAt(m, "ReportDescription/ReportingStartDate"),
      textAt(edu, "hx:startDateTime")?.slice(0, 10)
    );
    expectEqual(
      textAt(m, "ReportDescription/ReportingEndDate"),
      textAt(edu, "hx:endDateTime")?.slice(0, 10)
    );
    const location = kid(edu, "hx:activityLocation");
    const action = textAt(x, "accme:activityRecordAction");
    if (action !== "Add" && action !== "Update") throw new Error(`action ${String(action)}`);
    return {
      internalId: ids.get("Provider Activity ID"),
      accmeId: ids.get("ACCME Activity ID"),
      url: ids.get("URL"),
      title: langText(lom, "lom:general/lom:title"),
      description: langText(lom, "lom:general/lom:description"),
      credits: num(textAt(edu, "hx:credits/hx:numberOfCredits")),
      jointProviders: nonEmpty(joint),
      city: textAt(location, "addr:City"),
      state: textAt(location, "addr:StateOrProvince"),
      country: textAt(location, "addr:Country/addr:CountryCode"),
      startDate: isoDay(textAt(edu, "hx:startDateTime"), "T00:00:00"),
      endDate: isoDay(textAt(edu, "hx:endDateTime"), "T00:00:00"),
      providership:
        sponsorship === undefined ? undefined : sponsorship === "direct" ? "Direct" : "Joint",
      format: formatOf(langText(edu, "hx:activityFormat")),
      commercialSupport: bool(textAt(edu, "hx:commercialSupport"), "yes", "no"),
      physicianLearners: participants.get("physician"),
      otherLearners: participants.get("other"),
      deliveryMethod: nonEmpty(methods),
      outcomes: nonEmpty(outcomes),
      cmePassport: bool(textAt(x, "accme:ForPublicList"), "true", "false"),
      fee: fee === undefined ? undefined : lookUp(FEES, fee.replace("\u2019", "'")),
      registration: textAt(x, "accme:ActivityRegistration") as Registration | undefined,
      monetary: kids(kid(m, "ActivityDescription"), "CommercialSupportAmount").map((s) => {
        expectEqual(s.attributes.currency, "USD");
        return { source: s.attributes.supportSource, amount: num(s.text) };
      }),
      inKind: kids(kid(x, "accme:InKindSupports"), "accme:InKindSupport").map((s) => ({
        source: textAt(s, "accme:source"),
      })),
      moc: kids(kid(x, "accme:MOCRegistrations"), "accme:MOCRegistration").map((r) => ({
        board: boardOf(textAt(r, "accme:boardName")),
        mocCredits: num(textAt(r, "accme:mocPoints")),
        creditTypes: kids(r, "accme:MOCCreditType").map((c) => c.text),
        claimDate: isoDay(textAt(r, "accme:CreditClaimDate")),
      })),
      action,
      close: bool(textAt(x, "accme:closeActivityRecord"), "true", "false") ?? false,
    };
  });
}

function expectEqual(actual: unknown, expected: unknown): void {
  if (actual !== expected) {
    throw new Error(`expected ${JSON.stringify(expected)}, read ${JSON.stringify(actual)}`);
  }
}

/** What Template D carries of an activity. */
export type TxtView = {
  accmeId?: string | undefined;
  internalId?: string | undefined;
  startDate?: DayNumber | undefined;
  title?: string | undefined;
  city?: string | undefined;
  state?: string | undefined;
  country?: string | undefined;
  providership?: Providership | undefined;
  /** The legacy code's format; Other/Blended (no code) reads as undefined. */
  format?: FormatKey | undefined;
  physicianLearners?: number | undefined;
  otherLearners?: number | undefined;
  commercialSupport?: boolean | undefined;
  /** Which of the three "evaluated" outcomes were measured; undefined without outcome measures. */
  evaluated?: readonly OutcomeName[] | undefined;
  jointProviders?: readonly string[] | undefined;
  credits?: number | undefined;
  description?: string | undefined;
  supporters: { source?: string | undefined; amount?: number | undefined }[];
};

const EVALUATED: readonly OutcomeName[] = [
  "Learner Competence",
  "Learner Performance",
  "Patient Health",
];

/** The Template D view of an activity: every value Template D writes. */
export function txtViewOf(a: ExportActivity): TxtView {
  const v = a.values;
  // Written here from upload-layouts.md §A and DOMAIN.md §1, not taken from the layout: a course
  // reached only over the internet is IL, an enduring material only online IEM.
  const only = (methods: readonly string[]): boolean =>
    v.deliveryMethod !== undefined &&
    v.deliveryMethod.length > 0 &&
    v.deliveryMethod.every((m) => methods.includes(m));
  const code =
    v.format === undefined
      ? undefined
      : v.format === "course" && only(["Live-Streamed", "Online"])
        ? "IL"
        : v.format === "enduring" && only(["Online"])
          ? "IEM"
          : FORMAT_PROFILES[v.format].codes[0];
  const located = code === "C" || code === "RSS";
  return {
    accmeId: v.accmeId,
    internalId: v.internalId,
    startDate: v.startDate,
    title: v.title,
    city: located ? v.city : undefined,
    state: located && v.country === "USA" ? v.state : undefined,
    country: located ? v.country : undefined,
    providership: v.providership,
    format: code === undefined ? undefined : v.format,
    physicianLearners: v.physicianLearners,
    otherLearners: v.otherLearners,
    commercialSupport: v.commercialSupport,
    evaluated:
      v.outcomes === undefined
        ? undefined
        : EVALUATED.filter((o) => v.outcomes?.some((x) => x.name === o)),
    jointProviders: v.providership === "Joint" ? nonEmpty(v.jointProviders) : undefined,
    credits: v.credits,
    description: v.description,
    supporters: a.support
      .map((s) => ({
        source: s.source,
        amount: s.supportType === "Monetary" ? s.amount : undefined,
      }))
      // A block with no value reads as padding.
      .filter((s) => s.source !== undefined || s.amount !== undefined),
  };
}

/** Template D read back: one view per line, with each line's column count. */
export type TemplateDRead = { rows: TxtView[]; columns: number[] };

/** Reads a Template D file: CRLF lines, tab-separated, no header. */
export function readTemplateD(text: string): TemplateDRead {
  if (text !== "" && !text.endsWith("\r\n")) throw new Error("last line lacks CRLF");
  const lines = text === "" ? [] : text.slice(0, -2).split("\r\n");
  const rows: TxtView[] = [];
  const columns: number[] = [];
  for (const line of lines) {
    if (/[\r\n]/.test(line)) throw new Error("bare CR or LF inside a line");
    const c = line.split("\t");
    columns.push(c.length);
    const f = (n: number): string | undefined => {
      const s = c[n - 1];
      if (s === undefined) throw new Error(`line has no column ${String(n)}`);
      return s === "" ? undefined : s;
    };
    if (f(1) !== "Template D") throw new Error(`column 1 is ${String(f(1))}`);
    const date = f(6);
    let start: DayNumber | undefined;
    if (date !== undefined) {
      const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(date);
      if (m === null) throw new Error(`not MM/DD/YYYY: ${date}`);
      start = dayFromParts(Number(m[3]), Number(m[1]), Number(m[2])) ?? undefined;
      if (f(4) !== m[3]) throw new Error(`reporting year ${String(f(4))} is not ${m[3]}`);
    }
    const yn = (n: number): boolean | undefined => bool(f(n), "Yes", "No");
    const code = f(11);
    const format = code === undefined ? undefined : matchFormat(code);
    if (format !== undefined && format.kind !== "format") throw new Error(`code ${String(code)}`);
    const evaluatedFlags = [yn(17), yn(19), yn(21)];
    const supporters: TxtView["supporters"] = [];
    for (let k = 47; k < c.length; k += 8) {
      const block = c.slice(k, k + 8);
      if (block.every((s) => s === "")) continue; // padding of a line with fewer supporters
      supporters.push({ source: f(k + 1), amount: num(f(k + 2)) });
    }
    const p = f(10);
    rows.push({
      accmeId: f(2),
      internalId: f(3),
      startDate: start,
      title: f(5),
      city: f(7),
      state: f(8),
      country: f(9),
      providership: p === undefined ? undefined : p === "Direct" ? "Direct" : "Joint",
      format: format?.kind === "format" ? format.format : undefined,
      physicianLearners: num(f(13)),
      otherLearners: num(f(14)),
      commercialSupport: yn(15),
      evaluated: evaluatedFlags.every((x) => x === undefined)
        ? undefined
        : EVALUATED.filter((_, i) => evaluatedFlags[i] === true),
      jointProviders: f(29)?.split("; "),
      credits: num(f(30)),
      description: f(31),
      supporters,
    });
  }
  return { rows, columns };
}
