import type { StatusName } from "../codes/vocabularies";
import { profileOf } from "../formats";
import type { Condition, Place } from "../model/issue";
import type { Field } from "../parse/cells";
import type { ActivityRecord } from "../parse/readRecords";
import type { ActivityKey } from "../schema";
import type { CheckContext } from "./context";

/**
 * The three tiers of PARS requirements. Active and Ready to Close share one tier of fields and
 * differ only by whether the end date has passed.
 */
export type Tier = "draft" | "active" | "closed";

/** Why a requirement is not met. `invalid` fields were already reported as invalid values. */
export type GapKind =
  | "missing"
  | "invalid"
  | "support_without_source"
  | "moc_without_board"
  | "moc_attestation_incomplete";

/** One requirement of a tier that a row's data does not meet. */
export type Gap = {
  readonly tier: Tier;
  readonly kind: GapKind;
  readonly place: Place;
  readonly condition: Condition | null;
};

/** The tier whose requirements a status includes (FAQ: each level includes those above it). */
export const TIER_OF: Readonly<Record<StatusName, Tier>> = {
  Draft: "draft",
  Active: "active",
  "Ready to Close": "active",
  Closed: "closed",
};

const TIER_RANK: Readonly<Record<Tier, number>> = { draft: 0, active: 1, closed: 2 };

/** True when a gap of tier `gap` stops a row from holding status `status`. */
export function gapBlocks(gap: Tier, status: StatusName): boolean {
  return TIER_RANK[gap] <= TIER_RANK[TIER_OF[status]];
}

function need<T>(
  gaps: Gap[],
  tier: Tier,
  field: Field<T>,
  place: () => Place,
  condition: Condition | null = null
): void {
  if (field.state === "ok") return;
  gaps.push({
    tier,
    kind: field.state === "empty" ? "missing" : "invalid",
    place: place(),
    condition,
  });
}

/**
 * Every requirement of Draft, Active/Ready to Close and Closed that the row does not meet, judged
 * on its own data and its Support and MOC rows. The end date against today is judged apart
 * (`achievedStatus`), since it is the one requirement that differs between Active and Ready to Close.
 *
 * Source: PARS FAQ, "There are four activity statuses ... data fields required for each activity
 * status"; DOMAIN.md §3. Delivery method applies per the format profile; City and Country when
 * delivered in person, State when the country is USA. The Location column is a venue note: PARS's
 * "Location (if applies)" is taken to be the City/State/Country block.
 */
export function requirementGaps(a: ActivityRecord, ctx: CheckContext): Gap[] {
  const gaps: Gap[] = [];
  const at = (key: ActivityKey) => () => ctx.book.activities.place(a.row, key);

  // Draft
  need(gaps, "draft", a.title, at("title"));
  need(gaps, "draft", a.format, at("format"));
  need(gaps, "draft", a.startDate, at("startDate"));
  need(gaps, "draft", a.endDate, at("endDate"));

  // Active and Ready to Close
  const profile = a.format.state === "ok" ? profileOf(a.format.value) : null;
  if (profile?.deliveryMethod === true) {
    need(gaps, "active", a.deliveryMethod, at("deliveryMethod"), "format_delivery");
  }
  const inPerson = a.deliveryMethod.state === "ok" && a.deliveryMethod.value.includes("In-Person");
  if (inPerson && profile?.location === true) {
    need(gaps, "active", a.city, at("city"), "in_person");
    need(gaps, "active", a.country, at("country"), "in_person");
    if (a.country.state === "ok" && a.country.value === "USA") {
      need(gaps, "active", a.state, at("state"), "usa");
    }
  }
  need(gaps, "active", a.credits, at("credits"));
  need(gaps, "active", a.cmePassport, at("cmePassport"));
  if (a.cmePassport.state === "ok" && a.cmePassport.value) {
    need(gaps, "active", a.fee, at("fee"), "cme_passport");
    need(gaps, "active", a.registration, at("registration"), "cme_passport");
    need(gaps, "active", a.url, at("url"), "cme_passport");
  }
  need(gaps, "active", a.description, at("description"));
  need(gaps, "active", a.providership, at("providership"));

  // Closed
  if (a.providership.state === "ok" && a.providership.value === "Joint") {
    need(gaps, "closed", a.jointProviders, at("jointProviders"), "joint");
  }
  need(gaps, "closed", a.outcomes, at("outcomes"));
  need(gaps, "closed", a.commercialSupport, at("commercialSupport"));
  if (a.commercialSupport.state === "ok" && a.commercialSupport.value) {
    const sources = ctx.supportOf(a);
    if (sources.length === 0) {
      gaps.push({
        tier: "closed",
        kind: "support_without_source",
        place: at("commercialSupport")(),
        condition: null,
      });
    }
    const sp = ctx.book.support.place;
    for (const s of sources) {
      need(gaps, "closed", s.source, () => sp(s.row, "source"), "commercial_support");
      need(gaps, "closed", s.supportType, () => sp(s.row, "supportType"), "commercial_support");
      if (s.supportType.state === "ok" && s.supportType.value === "Monetary") {
        need(gaps, "closed", s.amount, () => sp(s.row, "amount"), "monetary");
      }
    }
  }
  need(gaps, "closed", a.physicianLearners, at("physicianLearners"));
  need(gaps, "closed", a.otherLearners, at("otherLearners"));
  if (a.moc.state === "ok" && a.moc.value) {
    const boards = ctx.mocOf(a);
    if (boards.length === 0) {
      gaps.push({ tier: "closed", kind: "moc_without_board", place: at("moc")(), condition: null });
    }
    if (a.mocAttestation.state === "ok" && !a.mocAttestation.value) {
      gaps.push({
        tier: "closed",
        kind: "moc_attestation_incomplete",
        place: at("mocAttestation")(),
        condition: null,
      });
    } else {
      need(gaps, "closed", a.mocAttestation, at("mocAttestation"), "moc");
    }
    const mp = ctx.book.moc.place;
    for (const m of boards) {
      need(gaps, "closed", m.board, () => mp(m.row, "board"), "moc");
      need(gaps, "closed", m.practiceAreas, () => mp(m.row, "practiceAreas"), "moc");
      need(gaps, "closed", m.creditTypes, () => mp(m.row, "creditTypes"), "moc");
      need(gaps, "closed", m.mocCredits, () => mp(m.row, "mocCredits"), "moc");
      need(gaps, "closed", m.fee, () => mp(m.row, "fee"), "moc");
      need(gaps, "closed", m.registration, () => mp(m.row, "registration"), "moc");
      need(gaps, "closed", m.url, () => mp(m.row, "url"), "moc");
      need(gaps, "closed", m.claimDate, () => mp(m.row, "claimDate"), "moc");
    }
  }
  return gaps;
}
