import { normaliseKey } from "./codes/normalise";
import type { DeliveryMethod } from "./codes/vocabularies";

/** The PARS activity formats, by the key core uses for them. */
export const FORMAT_KEYS = [
  "rss",
  "course",
  "enduring",
  "journal",
  "manuscript",
  "testItem",
  "improvement",
  "searching",
  "teaching",
  "committee",
  "other",
] as const;
export type FormatKey = (typeof FORMAT_KEYS)[number];

/** How its learners are counted (FAQ, per format). */
export type LearnerBasis = "per_session_attended" | "overall_event" | "cumulative" | "distinct";

/** Everything shared code needs to know about a format; nothing asks "is this RSS?". */
export type FormatProfile = {
  /** The name PARS gives the format. */
  readonly name: string;
  /** Legacy PARS codes; the first is the one written to legacy uploads. */
  readonly codes: readonly string[];
  /** Other spellings of the same format. */
  readonly aliases: readonly string[];
  /** The longest span one activity may cover, in months. */
  readonly maxSpanMonths: number;
  readonly learnerBasis: LearnerBasis;
  /** Whether PARS asks for a delivery method. */
  readonly deliveryMethod: boolean;
  /** Whether City, State and Country are asked for when it is delivered in person. */
  readonly location: boolean;
  /** Whether its Sessions rows must add up to its credits and its learner counts. */
  readonly sessionsRollUp: { readonly credits: boolean; readonly learners: boolean };
  /** Whether all of a year's activities of this format are to be reported as one. */
  readonly aggregatedPerYear: boolean;
  /**
   * The legacy code for the format reached only over the internet (IL, IEM), and the delivery
   * methods that count as the internet; null when the legacy types make no such split.
   */
  readonly internet: {
    readonly code: string;
    readonly deliveredOnlyBy: readonly DeliveryMethod[];
  } | null;
};

/**
 * One profile per format. Sources: the PARS FAQ items on each format (spans, credits, learners,
 * aggregation); the enduring material item for the 3-year span; DOMAIN.md §1 for legacy codes; the
 * issue "The PARS engine" for which formats carry a delivery method.
 */
export const FORMAT_PROFILES = {
  rss: {
    name: "Regularly Scheduled Series",
    codes: ["RSS"],
    aliases: ["Regularly Scheduled Series (RSS)", "Regularly Scheduled Conference", "RSC"],
    maxSpanMonths: 12,
    learnerBasis: "per_session_attended",
    deliveryMethod: true,
    location: true,
    sessionsRollUp: { credits: true, learners: true },
    aggregatedPerYear: false,
    internet: null,
  },
  course: {
    name: "Live Course",
    codes: ["C", "IL"],
    aliases: [
      "Course",
      "Live",
      "Live Activity",
      "Internet Live Course",
      "Internet Live",
      "Live-Streamed Course",
    ],
    maxSpanMonths: 12,
    learnerBasis: "overall_event",
    deliveryMethod: true,
    location: true,
    sessionsRollUp: { credits: true, learners: false },
    aggregatedPerYear: false,
    internet: { code: "IL", deliveredOnlyBy: ["Live-Streamed", "Online"] },
  },
  enduring: {
    name: "Enduring Material",
    codes: ["EM", "IEM"],
    aliases: [
      "Enduring",
      "Enduring Materials",
      "Internet Enduring Material",
      "Internet Enduring",
      "Enduring Online",
    ],
    maxSpanMonths: 36,
    learnerBasis: "cumulative",
    deliveryMethod: true,
    location: false,
    sessionsRollUp: { credits: false, learners: false },
    aggregatedPerYear: false,
    internet: { code: "IEM", deliveredOnlyBy: ["Online"] },
  },
  journal: {
    name: "Journal-based CME",
    codes: ["JN"],
    aliases: [
      "Journal",
      "Journal CME",
      "Journal-based CME/CE",
      "Journal-based",
      "Journal Based CME",
      "Journal CME/CE",
    ],
    maxSpanMonths: 12,
    learnerBasis: "distinct",
    deliveryMethod: false,
    location: false,
    sessionsRollUp: { credits: false, learners: false },
    aggregatedPerYear: false,
    internet: null,
  },
  manuscript: {
    name: "Manuscript Review",
    codes: ["MR"],
    aliases: ["Manuscript Reviewing", "Manuscript"],
    maxSpanMonths: 12,
    learnerBasis: "distinct",
    deliveryMethod: false,
    location: false,
    sessionsRollUp: { credits: false, learners: false },
    aggregatedPerYear: false,
    internet: null,
  },
  testItem: {
    name: "Test-Item Writing",
    codes: ["TIW"],
    aliases: ["Test Item Writing", "Test Writing", "Item Writing"],
    maxSpanMonths: 12,
    learnerBasis: "distinct",
    deliveryMethod: false,
    location: false,
    sessionsRollUp: { credits: false, learners: false },
    aggregatedPerYear: false,
    internet: null,
  },
  improvement: {
    name: "Performance/Quality Improvement",
    codes: ["PI"],
    aliases: [
      "Performance Improvement",
      "Quality Improvement",
      "PI CME",
      "QI",
      "Performance Improvement CME",
      "Performance / Quality Improvement",
    ],
    maxSpanMonths: 12,
    learnerBasis: "distinct",
    deliveryMethod: false,
    location: false,
    sessionsRollUp: { credits: false, learners: false },
    aggregatedPerYear: false,
    internet: null,
  },
  searching: {
    name: "Internet Searching and Learning",
    codes: ["ISL"],
    aliases: [
      "Internet Searching & Learning",
      "Internet Point of Care",
      "Point of Care",
      "Point-of-Care CME",
      "POC",
    ],
    maxSpanMonths: 12,
    learnerBasis: "distinct",
    deliveryMethod: false,
    location: false,
    sessionsRollUp: { credits: false, learners: false },
    aggregatedPerYear: true,
    internet: null,
  },
  teaching: {
    name: "Learning from Teaching",
    codes: ["LFT"],
    aliases: ["Learning From Teaching Activity"],
    maxSpanMonths: 12,
    learnerBasis: "distinct",
    deliveryMethod: false,
    location: false,
    sessionsRollUp: { credits: false, learners: false },
    aggregatedPerYear: true,
    internet: null,
  },
  committee: {
    name: "Committee Learning",
    codes: ["CML"],
    aliases: ["Committee", "Committee-based Learning"],
    maxSpanMonths: 12,
    learnerBasis: "distinct",
    deliveryMethod: true,
    location: true,
    sessionsRollUp: { credits: false, learners: false },
    aggregatedPerYear: false,
    internet: null,
  },
  other: {
    name: "Other/Blended Learning",
    codes: [],
    aliases: [
      "Other",
      "Blended",
      "Blended Learning",
      "Other/Blended",
      "Other Blended Learning",
      "Other Learning",
    ],
    maxSpanMonths: 12,
    learnerBasis: "distinct",
    deliveryMethod: true,
    location: true,
    sessionsRollUp: { credits: false, learners: false },
    aggregatedPerYear: false,
    internet: null,
  },
} as const satisfies Record<FormatKey, FormatProfile>;

/**
 * Words coordinators put in a format column that name a kind of event, not a PARS format; each maps
 * to the format it is usually reported as, for the message.
 */
const NOT_FORMATS: readonly (readonly [string, FormatKey])[] = [
  ["Grand Rounds", "rss"],
  ["Tumor Board", "rss"],
  ["Tumor Boards", "rss"],
  ["Morbidity and Mortality", "rss"],
  ["M&M", "rss"],
  ["Case Conference", "rss"],
  ["Journal Club", "rss"],
  ["Conference", "course"],
  ["Annual Meeting", "course"],
  ["Seminar", "course"],
  ["Workshop", "course"],
  ["Symposium", "course"],
  ["Webinar", "course"],
  ["Online Course", "enduring"],
  ["Podcast", "enduring"],
  ["Webcast", "enduring"],
];

const FORMAT_LOOKUP = new Map<string, FormatKey>();
const HINT_LOOKUP = new Map<string, FormatKey>();
for (const key of FORMAT_KEYS) {
  const p: FormatProfile = FORMAT_PROFILES[key];
  for (const s of [p.name, ...p.codes, ...p.aliases]) FORMAT_LOOKUP.set(normaliseKey(s), key);
}
for (const [s, key] of NOT_FORMATS) HINT_LOOKUP.set(normaliseKey(s), key);

/** What a format cell says: a format, a known non-format with the usual format, or nothing known. */
export type FormatMatch =
  | { readonly kind: "format"; readonly format: FormatKey }
  | { readonly kind: "not_a_format"; readonly usually: FormatKey }
  | { readonly kind: "unknown" };

/**
 * The format a cell names, by PARS name, legacy code (DOMAIN.md §1) or common variant, in any case
 * and spacing.
 */
const SEEN = new Map<string, FormatMatch>();

export function matchFormat(text: string): FormatMatch {
  let m = SEEN.get(text);
  if (m === undefined) {
    m = matchFormatUncached(text);
    if (SEEN.size < 10_000) SEEN.set(text, m);
  }
  return m;
}

function matchFormatUncached(text: string): FormatMatch {
  const key = normaliseKey(text);
  const format = FORMAT_LOOKUP.get(key);
  if (format !== undefined) return { kind: "format", format };
  const usually = HINT_LOOKUP.get(key);
  if (usually !== undefined) return { kind: "not_a_format", usually };
  return { kind: "unknown" };
}

/** The profile of a format. */
export function profileOf(format: FormatKey): FormatProfile {
  return FORMAT_PROFILES[format];
}

/** The PARS name of a format. */
export function formatName(format: FormatKey): string {
  return FORMAT_PROFILES[format].name;
}
