import {
  belongsTo,
  dayOfIso,
  indexActivities,
  messageOf,
  previewExport,
  type ActivityRecord,
  type DayNumber,
} from "../../src/core";
import { aBook, aRow, TODAY } from "../support/builders";
import { codes, run } from "../support/check";

// The same grand rounds, "GR", for two years: PARS tells them apart by start date (FAQ, Internal ID).
const YEAR_1 = aRow({ "Internal ID": "GR", "Start Date": "07/01/2023", "End Date": "06/30/2024" });
const YEAR_2 = aRow({ "Internal ID": "GR", "Start Date": "07/01/2024", "End Date": "06/30/2025" });
const supported = (row: Record<string, unknown>) => ({ ...row, "Commercial Support": "Yes" });
const support = (source: string, startDate = "") => ({
  "Internal ID": "GR",
  "Start Date": startDate,
  Source: source,
  "Support Type": "Monetary",
  Amount: 5000,
});

const day = (iso: string): DayNumber => dayOfIso(iso) as DayNumber;

describe("linked rows belong to the activity PARS identifies by Internal ID and start date", () => {
  it("a Support row naming its activity's start date goes to that year only", () => {
    const r = run({
      activities: [supported(YEAR_1), YEAR_2],
      support: [support("Acme", "07/01/2023")],
    });
    expect(codes(r, "error")).toEqual([]);
    expect(r.rows.map((v) => v.passes)).toEqual([true, true]);
  });

  it("a Support row that could be either year's is an error naming both, attached to neither", () => {
    const r = run({ activities: [supported(YEAR_1), YEAR_2], support: [support("Acme")] });
    // Before: year 2 got a false sources_without_support, year 1 was satisfied by the row.
    expect(codes(r, "error")).toEqual([
      "support_without_source@Activities!2:Commercial Support",
      "row_of_several_activities@Support!2:Internal ID",
    ]);
    expect(r.issues.find((i) => i.code === "row_of_several_activities")).toMatchObject({
      candidates: [2, 3],
      count: 2,
      by: "start_date",
    });
    expect(messageOf(r.issues.find((i) => i.code === "row_of_several_activities")!)).toBe(
      'Internal ID "GR" is used for 2 activities (rows 2, 3); this row belongs to none of them until its Start Date says which.'
    );
  });

  it("a start date no activity of the ID has is an error at the Start Date", () => {
    const r = run({
      activities: [supported(YEAR_1), YEAR_2],
      support: [support("Acme", "07/01/2022")],
    });
    const found = r.issues.find((i) => i.code === "no_activity_on_date");
    expect(found).toMatchObject({
      table: "Support",
      row: 2,
      column: "Start Date",
      severity: "error",
    });
    expect(messageOf(found!)).toBe(
      'No activity with Internal ID "GR" starts on 07/01/2022 (its activities start on 07/01/2023, 07/01/2024); this row belongs to none. Correct the Start Date.'
    );
  });

  it("an ID with one activity needs no Start Date, as before", () => {
    const r = run({ activities: [supported(YEAR_1)], support: [support("Acme")] });
    expect(codes(r)).toEqual([]);
  });

  it("MOC rows are told apart the same way", () => {
    const moc = (startDate: string) => ({
      "Internal ID": "GR",
      "Start Date": startDate,
      Board: "ABIM",
      "Practice Areas": "Internal Medicine",
      "Credit Types": "Medical Knowledge",
      "MOC Credits": 52,
      Fee: "No, it's free",
      Registration: "Open to all",
      "Activity URL": "https://cme.example.org/gr",
      "Claim Date": "07/15/2024",
    });
    const withMoc = (row: Record<string, unknown>) => ({
      ...row,
      MOC: "Yes",
      "MOC Attestation": "Yes",
    });
    const told = run({
      activities: [withMoc(YEAR_1), withMoc(YEAR_2)],
      moc: [moc("07/01/2023"), moc("07/01/2024")],
    });
    expect(codes(told, "error")).toEqual([]);
    const untold = run({ activities: [withMoc(YEAR_1), withMoc(YEAR_2)], moc: [moc("")] });
    expect(codes(untold, "error")).toEqual([
      "moc_without_board@Activities!2:MOC",
      "moc_without_board@Activities!3:MOC",
      "row_of_several_activities@MOC!2:Internal ID",
    ]);
  });

  it("Sessions belong to the activity whose dates hold the Session Date", () => {
    const session = (date: string) => ({ "Internal ID": "GR", "Session Date": date, Hours: 1 });
    const rss = (row: Record<string, unknown>) => ({
      ...row,
      Credits: 1,
      "Physician Learners": 20,
    });
    const s1 = { ...session("09/01/2023"), "Physician Learners": 20, "Other Learners": 0 };
    const s2 = { ...session("09/01/2024"), "Physician Learners": 20, "Other Learners": 0 };
    const r = run({ activities: [rss(YEAR_1), rss(YEAR_2)], sessions: [s1, s2] });
    expect(codes(r)).toEqual([
      "internal_id_reused@Activities!2:Internal ID",
      "internal_id_reused@Activities!3:Internal ID",
    ]);
    const outside = run({
      activities: [rss(YEAR_1), rss(YEAR_2)],
      sessions: [s1, { ...s2, "Session Date": "09/01/2022" }],
    });
    expect(outside.issues.find((i) => i.code === "row_of_several_activities")).toMatchObject({
      table: "Sessions",
      row: 3,
      by: "session_date",
    });
  });

  it("the upload lists each year's supporters under that year only, never under both", () => {
    const p = previewExport(
      aBook({
        activities: [supported(YEAR_1), supported(YEAR_2)],
        support: [support("Acme", "07/01/2023"), support("Globex", "07/01/2024")],
      }),
      { today: TODAY }
    );
    if (!p.ok) throw new Error(p.problem);
    expect(p.preview.activities.map((a) => a.support.map((s) => s.source))).toEqual([
      ["Acme"],
      ["Globex"],
    ]);
  });
});

describe("belongsTo", () => {
  const rec = (row: number, id: string, start: string, end: string, status = "Closed") =>
    ({
      row,
      internalId: { kind: "ok", value: id },
      startDate: { kind: "ok", value: day(start) },
      endDate: { kind: "ok", value: day(end) },
      status: { kind: "ok", value: status },
    }) as unknown as ActivityRecord;
  const a = rec(2, "GR", "2023-07-01", "2024-06-30");
  const b = rec(3, "gr ", "2024-07-01", "2025-06-30");
  const gone = rec(4, "X", "2024-01-01", "2024-01-01", "Cancelled");
  const index = indexActivities([a, b, gone]);

  it.each([
    ["no ID", "", null, { kind: "no_id" }],
    ["an ID no activity has", "Y", null, { kind: "no_id" }],
    ["an ID of two, without a date", "GR", null, { kind: "ambiguous", candidates: [a, b] }],
    ["its start date", "GR", { startsOn: day("2024-07-01") }, { kind: "one", activity: b }],
    ["a day within its dates", "GR", { within: day("2024-01-15") }, { kind: "one", activity: a }],
    [
      "a day within neither",
      "GR",
      { within: day("2026-01-15") },
      { kind: "ambiguous", candidates: [a, b] },
    ],
    ["another start date", "GR", { startsOn: day("2022-07-01") }, { kind: "no_date" }],
    ["a Cancelled activity's", "X", null, { kind: "cancelled" }],
  ] as const)("finds the activity by %s", (_name, id, which, expected) => {
    expect(belongsTo(index, id, which)).toMatchObject(expected);
  });
});
