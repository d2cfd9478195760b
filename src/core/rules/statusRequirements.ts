import type { StatusName } from "../codes/vocabularies";
import { lookUp } from "../codes/normalise";
import { US_STATES } from "../codes/vocabularies";
import { profileOf } from "../formats";
import type { Condition, Place } from "../model/issue";
import type { Field } from "../parse/cells";
import type { ActivityRecord } from "../parse/readRecords";
import { safeText } from "../export/safeText";
import type { CheckContext } from "./context";

/**
 * The three tiers of PARS requirements. Active and Ready to Close share one tier of fields and
 * differ only by whether the end date has passed.
 */
export type Tier = "draft" | "active" | "closed";

/**
 * Why a requirement is not met. `invalid` fields were already reported as invalid values;
 * `emptied` is a text made only of characters no upload can carry, so empty in the file.
 */
export type GapKind =
  | "missing"
  | "emptied"
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

const SCRATCH: Gap[] = [];
const NO_GAPS: readonly Gap[] = [];

type Placer<K extends string> = { readonly place: (row: number, key: K) => Place };

/**
 * Notes a gap when a required field is not valid; its place is only worked out for a gap. Kept
 * this small so that the engine inlines it at each of its twenty-odd calls per row: most fields
 * meet their requirement, and then all it costs is the test.
 */
function need<T, K extends string>(
  gaps: Gap[],
  tier: Tier,
  field: Field<T>,
  table: Placer<K>,
  row: number,
  key: K,
  condition: Condition | null = null
): void {
  if (field.kind !== "ok" || emptiedOnceSafe(field.value)) {
    noteGap(gaps, tier, field, table, row, key, condition);
  }
}

/** The gap of a field that does not meet its requirement (`need`). */
function noteGap<T, K extends string>(
  gaps: Gap[],
  tier: Tier,
  field: Field<T>,
  table: Placer<K>,
  row: number,
  key: K,
  condition: Condition | null
): void {
  const kind = field.kind === "ok" ? "emptied" : field.kind === "empty" ? "missing" : "invalid";
  gaps.push({ tier, kind, place: table.place(row, key), condition });
}

/**
 * True when a text (or every text of a list) holds something, but nothing an upload can carry:
 * made safe (`safeText`, as every export writes it) it is empty, so it counts as empty.
 */
function emptiedOnceSafe(value: unknown): boolean {
  if (typeof value === "string") return emptiedText(value);
  return Array.isArray(value) && emptiedList(value as readonly unknown[]);
}

function emptiedList(values: readonly unknown[]): boolean {
  if (values.length === 0) return false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "string" || !emptiedText(v)) return false;
  }
  return true;
}

/** `safeText(t) === ""` for a non-empty `t`; a text starting with a visible ASCII character never is. */
function emptiedText(t: string): boolean {
  const first = t.charCodeAt(0);
  if (first > 0x20 && first < 0x7f) return false; // the common case, without a regex
  return t !== "" && safeText(t) === "";
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
export function requirementGaps(a: ActivityRecord, ctx: CheckContext): readonly Gap[] {
  // Most rows have no gap: collect in a scratch list and only copy when there is something.
  const gaps = SCRATCH;
  const t = ctx.book.activities;
  const r = a.row;

  // Draft
  need(gaps, "draft", a.title, t, r, "title");
  need(gaps, "draft", a.format, t, r, "format");
  need(gaps, "draft", a.startDate, t, r, "startDate");
  need(gaps, "draft", a.endDate, t, r, "endDate");

  // Active and Ready to Close
  const profile = a.format.kind === "ok" ? profileOf(a.format.value) : null;
  if (profile?.deliveryMethod === true) {
    need(gaps, "active", a.deliveryMethod, t, r, "deliveryMethod", "format_delivery");
  }
  const inPerson = a.deliveryMethod.kind === "ok" && a.deliveryMethod.value.includes("In-Person");
  if (inPerson && profile?.location === true) {
    need(gaps, "active", a.city, t, r, "city", "in_person");
    need(gaps, "active", a.country, t, r, "country", "in_person");
    if (a.country.kind === "ok" && a.country.value === "USA") {
      need(gaps, "active", a.state, t, r, "state", "usa");
      // A State that is no US code is as good as none (usStateCode reports it).
      if (a.state.kind === "ok" && lookUp(US_STATES, a.state.value) === undefined) {
        gaps.push({
          tier: "active",
          kind: "invalid",
          place: t.place(r, "state"),
          condition: "usa",
        });
      }
    }
  }
  need(gaps, "active", a.credits, t, r, "credits");
  need(gaps, "active", a.cmePassport, t, r, "cmePassport");
  if (a.cmePassport.kind === "ok" && a.cmePassport.value) {
    need(gaps, "active", a.fee, t, r, "fee", "cme_passport");
    need(gaps, "active", a.registration, t, r, "registration", "cme_passport");
    need(gaps, "active", a.url, t, r, "url", "cme_passport");
  }
  need(gaps, "active", a.description, t, r, "description");
  need(gaps, "active", a.providership, t, r, "providership");

  // Closed
  if (a.providership.kind === "ok" && a.providership.value === "Joint") {
    need(gaps, "closed", a.jointProviders, t, r, "jointProviders", "joint");
  }
  need(gaps, "closed", a.outcomes, t, r, "outcomes");
  need(gaps, "closed", a.commercialSupport, t, r, "commercialSupport");
  if (a.commercialSupport.kind === "ok" && a.commercialSupport.value) {
    const sources = ctx.supportOf(a);
    if (sources.length === 0) {
      gaps.push({
        tier: "closed",
        kind: "support_without_source",
        place: t.place(r, "commercialSupport"),
        condition: null,
      });
    }
    for (const s of sources) {
      need(gaps, "closed", s.source, ctx.book.support, s.row, "source", "commercial_support");
      need(
        gaps,
        "closed",
        s.supportType,
        ctx.book.support,
        s.row,
        "supportType",
        "commercial_support"
      );
      if (s.supportType.kind === "ok" && s.supportType.value === "Monetary") {
        need(gaps, "closed", s.amount, ctx.book.support, s.row, "amount", "monetary");
      }
    }
  }
  need(gaps, "closed", a.physicianLearners, t, r, "physicianLearners");
  need(gaps, "closed", a.otherLearners, t, r, "otherLearners");
  if (a.moc.kind === "ok" && a.moc.value) {
    const boards = ctx.mocOf(a);
    if (boards.length === 0) {
      gaps.push({
        tier: "closed",
        kind: "moc_without_board",
        place: t.place(r, "moc"),
        condition: null,
      });
    }
    if (a.mocAttestation.kind === "ok" && !a.mocAttestation.value) {
      gaps.push({
        tier: "closed",
        kind: "moc_attestation_incomplete",
        place: t.place(r, "mocAttestation"),
        condition: null,
      });
    } else {
      need(gaps, "closed", a.mocAttestation, t, r, "mocAttestation", "moc");
    }
    for (const m of boards) {
      need(gaps, "closed", m.board, ctx.book.moc, m.row, "board", "moc");
      need(gaps, "closed", m.practiceAreas, ctx.book.moc, m.row, "practiceAreas", "moc");
      need(gaps, "closed", m.creditTypes, ctx.book.moc, m.row, "creditTypes", "moc");
      need(gaps, "closed", m.mocCredits, ctx.book.moc, m.row, "mocCredits", "moc");
      need(gaps, "closed", m.fee, ctx.book.moc, m.row, "fee", "moc");
      need(gaps, "closed", m.registration, ctx.book.moc, m.row, "registration", "moc");
      need(gaps, "closed", m.url, ctx.book.moc, m.row, "url", "moc");
      need(gaps, "closed", m.claimDate, ctx.book.moc, m.row, "claimDate", "moc");
    }
  }
  if (gaps.length === 0) return NO_GAPS;
  const out = gaps.slice();
  // Emptied only after a gap: setting an array's length is a call into the runtime, which the
  // common case, a row without a gap, does not need.
  gaps.length = 0;
  return out;
}
