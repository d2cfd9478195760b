import fc from "fast-check";
import {
  DELIVERY_METHODS,
  FEES,
  FORMAT_KEYS,
  MEASUREMENT_TYPES,
  MOC_BOARDS,
  OUTCOME_NAMES,
  PROVIDERSHIPS,
  REGISTRATIONS,
  safeText,
  type ExportActivity,
  type ExportMoc,
  type ExportSupport,
} from "../../src/core";

// Arbitrary activities as an export's preview gives them (values as the workbook reader gives
// them: trimmed text, no characters an upload cannot carry, lists without semicolons), for the
// property tests of the upload layouts.

/** Pieces that stress the writers: XML specials, entity look-alikes, typography, astral characters. */
const TRICKY = [
  "&",
  "<",
  ">",
  '"',
  "'",
  "]]>",
  "&amp;",
  "&#x41;",
  "é",
  "\u2019",
  "\u{1F600}",
  " ",
  "\t",
  "\r\n",
];

/** Text as a cell yields it once made safe: non-empty, trimmed, any Unicode. */
const text = (max = 80): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 8 }) },
        { weight: 1, arbitrary: fc.constantFrom(...TRICKY) }
      ),
      { maxLength: Math.ceil(max / 4) }
    )
    .map((parts) => safeText(parts.join("").slice(0, max)).trim())
    .filter((s) => s !== "");

/** A list item: what `splitList` yields (no semicolons, trimmed). */
const item = text(30)
  .map((s) => s.replace(/;/g, ",").trim())
  .filter((s) => s !== "");

const day = fc.integer({ min: 10_000, max: 40_000 }); // 1997–2079
const credits = fc.integer({ min: 1, max: 2_000 }).map((n) => n / 4);
const count = fc.nat({ max: 1_000_000 });

/** Removes keys whose value is undefined, as the export's records never hold them. */
function defined<R>(o: object): R {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as R;
}
const opt = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.option(a, { nil: undefined });

const support: fc.Arbitrary<ExportSupport> = fc
  .record({
    row: fc.integer({ min: 2, max: 10_000 }),
    source: text(40),
    supportType: fc.constantFrom(...(["Monetary", "In-kind"] as const)),
    amount: fc.integer({ min: 1, max: 10_000_000 }),
  })
  .map((s) =>
    s.supportType === "In-kind" ? { row: s.row, source: s.source, supportType: s.supportType } : s
  );

const moc: fc.Arbitrary<ExportMoc> = fc
  .record({
    row: fc.integer({ min: 2, max: 10_000 }),
    board: opt(fc.constantFrom(...MOC_BOARDS.values)),
    mocCredits: opt(credits),
    creditTypes: opt(fc.array(item, { minLength: 1, maxLength: 3 })),
    claimDate: opt(day),
  })
  .map((m) => defined<ExportMoc>(m));

/** An activity as the preview hands it to a layout. */
export const activity: fc.Arbitrary<ExportActivity> = fc
  .record({
    row: fc.integer({ min: 2, max: 100_000 }),
    values: fc
      .record({
        internalId: text(20),
        accmeId: opt(fc.stringMatching(/^\d{9}$/)),
        title: opt(text()),
        format: opt(fc.constantFrom(...FORMAT_KEYS)),
        startDate: opt(day),
        endDate: opt(day),
        deliveryMethod: opt(
          fc.uniqueArray(fc.constantFrom(...DELIVERY_METHODS.values), { minLength: 1 })
        ),
        city: opt(text(30)),
        state: opt(fc.constantFrom("IL", "NY", "PR", "QC")),
        country: opt(fc.constantFrom("USA", "CAN", "GBR")),
        credits: opt(credits),
        cmePassport: opt(fc.boolean()),
        fee: opt(fc.constantFrom(...FEES.values)),
        registration: opt(fc.constantFrom(...REGISTRATIONS.values)),
        url: opt(fc.webUrl()),
        description: opt(text(2_500)),
        providership: opt(fc.constantFrom(...PROVIDERSHIPS.values)),
        jointProviders: opt(fc.array(item, { minLength: 1, maxLength: 4 })),
        outcomes: opt(
          fc.array(
            fc.record({
              name: fc.constantFrom(...OUTCOME_NAMES.values),
              type: fc.option(fc.constantFrom(...MEASUREMENT_TYPES.values), { nil: null }),
            }),
            { minLength: 1, maxLength: 5 }
          )
        ),
        commercialSupport: opt(fc.boolean()),
        physicianLearners: opt(count),
        otherLearners: opt(count),
      })
      .map((v) => defined<ExportActivity["values"]>(v)),
    support: fc.array(support, { maxLength: 4 }),
    moc: fc.array(moc, { maxLength: 3 }),
    close: fc.boolean(),
  })
  .map((a) => ({ ...a, action: a.values.accmeId === undefined ? "Add" : "Update" }) as const);
