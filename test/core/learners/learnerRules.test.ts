import { messageOf, type CheckResult } from "../../../src/core";
import { aRow, type RowInput } from "../../support/builders";
import { codes, run } from "../../support/check";

// Learner completions of the FAQ's grand-rounds series (IMGR-2024, 07/01/2024-06/30/2025, 52
// credits, 1,040 physician learners), already in PARS as 201900001. MOC cases register it with
// ABIM and check as of 07/15/2025, two weeks after the series ended.

const ACTIVITY = aRow({ "ACCME Activity ID": "201900001" });
const MOC_ACTIVITY = aRow({
  "ACCME Activity ID": "201900001",
  MOC: "Yes",
  "MOC Attestation": "Yes",
});
const ABIM = {
  "Internal ID": "IMGR-2024",
  Board: "ABIM",
  "Practice Areas": "Internal Medicine",
  "Credit Types": "Medical Knowledge",
  "MOC Credits": 52,
  Fee: "No",
  Registration: "Open to all",
  "Activity URL": "https://cme.example.org/imgr",
  "Claim Date": "07/31/2025",
};

/** One completion: the grand rounds attended by a physician, CME credit only. */
const learner = (overrides: RowInput = {}): RowInput => ({
  "Internal ID": "IMGR-2024",
  "First Name": "Maria",
  "Last Name": "Lopez",
  "Birth Date": "03/14",
  NPI: "1234567893",
  "Completion Date": "09/12/2024",
  "CME Credits": 1,
  Action: "Add",
  ...overrides,
});

/** The same physician reporting ABIM MOC for a session two weeks before the check. */
const mocLearner = (overrides: RowInput = {}): RowInput =>
  learner({
    Board: "ABIM",
    "Board ID": "123456",
    "MOC Credit Type": "Medical Knowledge",
    "MOC Points": 1,
    "Completion Date": "06/30/2025",
    ...overrides,
  });

const learnerFindings = (r: CheckResult): string[] =>
  codes(r).filter((c) => c.includes("@Learners!") || c.startsWith("completions_exceed"));

const check = (learners: RowInput[], activities = [ACTIVITY], today?: string): CheckResult =>
  run({ activities, learners }, today);
const checkMoc = (learners: RowInput[], board: RowInput = ABIM): CheckResult =>
  run({ activities: [MOC_ACTIVITY], moc: [board], learners }, "2025-07-15");

describe("a learner completion that boards and PARS accept", () => {
  it("has no finding, for CME credit", () => {
    expect(learnerFindings(check([learner()]))).toEqual([]);
  });

  it("has no finding, for ABIM MOC reported within 30 days", () => {
    expect(learnerFindings(checkMoc([mocLearner()]))).toEqual([]);
  });

  it("leaves the activity's own verdict alone, whatever its learners hold", () => {
    const r = check([learner({ "First Name": "", NPI: "1234567890" })]);
    expect(r.rows[0]).toMatchObject({ achievedStatus: "Closed", passes: true });
  });
});

describe.each([
  ["no first name", { "First Name": "" }, ["learner_field_missing@Learners!2:First Name"]],
  ["no last name", { "Last Name": " " }, ["learner_field_missing@Learners!2:Last Name"]],
  ["02/30 as birth date", { "Birth Date": "02/30" }, ["invalid_birth_date@Learners!2:Birth Date"]],
  [
    "no birth date (a warning: CME Passport matches on it)",
    { "Birth Date": "" },
    ["learner_field_missing@Learners!2:Birth Date"],
  ],
  [
    "a birth date formula Excel never calculated",
    { "Birth Date": { formula: 'TEXT(B2,"mm/dd")' } },
    ["formula_without_result@Learners!2:Birth Date"],
  ],
  ["a mistyped NPI", { NPI: "1234567890" }, ["invalid_npi@Learners!2:NPI"]],
  ["a nine-digit NPI", { NPI: 123456789 }, ["invalid_npi@Learners!2:NPI"]],
  [
    "no completion date",
    { "Completion Date": "" },
    ["learner_field_missing@Learners!2:Completion Date"],
  ],
  [
    "a completion before the series began",
    { "Completion Date": "06/30/2024" },
    ["completion_outside_dates@Learners!2:Completion Date"],
  ],
  [
    "a completion after the series ended",
    { "Completion Date": "07/02/2025" },
    ["completion_outside_dates@Learners!2:Completion Date"],
  ],
  [
    "a completion after the day checked",
    { "Completion Date": "12/01/2025" },
    [
      "completion_in_future@Learners!2:Completion Date",
      "completion_outside_dates@Learners!2:Completion Date",
    ],
  ],
  ["credits not in 0.25 steps", { "CME Credits": 0.3 }, ["invalid_credits@Learners!2:CME Credits"]],
  [
    "more credits than the activity's",
    { "CME Credits": 53 },
    ["learner_credits_exceed@Learners!2:CME Credits"],
  ],
  ["no credit at all", { "CME Credits": "" }, ["learner_no_credit@Learners!2:CME Credits"]],
  [
    "an Internal ID no activity has",
    { "Internal ID": "IMGR-2023" },
    ["learner_without_activity@Learners!2:Internal ID"],
  ],
  [
    "no activity named",
    { "Internal ID": "" },
    ["learner_without_activity@Learners!2:ACCME Activity ID"],
  ],
  [
    "a Start Date the activity does not start on",
    { "Start Date": "07/08/2024" },
    ["no_activity_on_date@Learners!2:Start Date"],
  ],
  [
    "an ACCME Activity ID of another activity",
    { "ACCME Activity ID": "201900002" },
    ["learner_accme_id_mismatch@Learners!2:ACCME Activity ID"],
  ],
  ["an unknown action", { Action: "Update" }, ["invalid_code@Learners!2:Action"]],
])("a completion with %s", (_, overrides, want) => {
  it("is found where the cell is", () => {
    expect(learnerFindings(check([learner(overrides)]))).toEqual(want);
  });
});

describe("severity", () => {
  it("warns, not errs, about a missing birth date on a CME-only completion, but errs on MOC", () => {
    const cme = check([learner({ "Birth Date": "" })]);
    expect(cme.issues.find((i) => i.column === "Birth Date")?.severity).toBe("warning");
    const moc = checkMoc([mocLearner({ "Birth Date": "" })]);
    expect(moc.issues.find((i) => i.column === "Birth Date")?.severity).toBe("error");
  });
});

describe("joining a completion to its activity", () => {
  const year2 = aRow({
    "ACCME Activity ID": "202000001",
    "Start Date": "07/01/2025",
    "End Date": "06/30/2026",
    Status: "Active",
  });

  it("by Internal ID and Start Date when the ID is reused each year", () => {
    const r = check(
      [learner({ "Start Date": "07/01/2025", "Completion Date": "09/10/2025" })],
      [ACTIVITY, year2]
    );
    expect(learnerFindings(r)).toEqual([]);
  });

  it("names both activities when the ID is reused and no Start Date says which", () => {
    const r = check([learner()], [ACTIVITY, year2]);
    expect(learnerFindings(r)).toEqual(["row_of_several_activities@Learners!2:Internal ID"]);
    expect(messageOf(r.issues.find((i) => i.table === "Learners")!)).toBe(
      'Internal ID "IMGR-2024" is used for 2 activities (rows 2, 3); this row belongs to none of them until its Start Date says which.'
    );
  });

  it("by ACCME Activity ID alone", () => {
    const r = check([learner({ "Internal ID": "", "ACCME Activity ID": "201900001" })]);
    expect(learnerFindings(r)).toEqual([]);
  });

  it("never to a Cancelled activity", () => {
    const r = check([learner()], [aRow({ "ACCME Activity ID": "201900001", Status: "Cancelled" })]);
    expect(learnerFindings(r)).toEqual(["learner_activity_cancelled@Learners!2:Internal ID"]);
  });

  it("needs an activity already in PARS (an ACCME Activity ID): an error for upload, a warning before", () => {
    const r = check([learner()], [aRow()]);
    expect(learnerFindings(r)).toEqual(["learner_activity_no_accme_id@Learners!2:Internal ID"]);
    expect(r.issues.find((i) => i.table === "Learners")?.severity).toBe("warning");
  });

  it("needs an activity that supports at least Active", () => {
    const draft = aRow({
      "ACCME Activity ID": "201900001",
      Status: "Draft",
      "Delivery Method": "",
    });
    const r = check([learner()], [draft]);
    expect(learnerFindings(r)).toEqual(["learner_activity_not_active@Learners!2:Internal ID"]);
    expect(messageOf(r.issues.find((i) => i.table === "Learners")!)).toBe(
      "The activity (row 2) supports only Draft; PARS takes learners for an activity that is at least Active."
    );
  });
});

describe("MOC completions", () => {
  it.each([
    [
      "no board ID (ABIM requires it)",
      { "Board ID": "" },
      ["learner_field_missing@Learners!2:Board ID"],
    ],
    [
      "no MOC credit type",
      { "MOC Credit Type": "" },
      ["learner_field_missing@Learners!2:MOC Credit Type"],
    ],
    ["no MOC points", { "MOC Points": "" }, ["learner_field_missing@Learners!2:MOC Points"]],
    [
      "points but no board",
      { Board: "", "Board ID": "" },
      ["learner_field_missing@Learners!2:Board"],
    ],
    [
      "a credit type ABIM does not take",
      { "MOC Credit Type": "Patient Safety" },
      ["learner_credit_type_unknown@Learners!2:MOC Credit Type"],
    ],
    ["ABIM's credit type by its short name", { "MOC Credit Type": "MK" }, []],
    [
      "more points than the activity is registered for",
      { "MOC Points": 53 },
      ["learner_points_exceed@Learners!2:MOC Points"],
    ],
    [
      "a board the activity is not registered with",
      { Board: "ABA" },
      [
        "learner_board_not_registered@Learners!2:Board",
        "learner_credit_type_unknown@Learners!2:MOC Credit Type",
      ],
    ],
    [
      "a completion after the claim date (and after the day checked)",
      { "Completion Date": "08/01/2025" },
      [
        "completion_in_future@Learners!2:Completion Date",
        "completion_outside_dates@Learners!2:Completion Date",
      ],
    ],
    ["a completion after the end but by the claim date", { "Completion Date": "07/10/2025" }, []],
    [
      "a completion more than 30 days old",
      { "Completion Date": "06/01/2025" },
      ["moc_completion_late@Learners!2:Completion Date"],
    ],
  ])("with %s", (_, overrides, want) => {
    expect(learnerFindings(checkMoc([mocLearner(overrides)]))).toEqual(want);
  });

  it("ABS takes a completion without board ID, on name and birth date", () => {
    const abs = { ...ABIM, Board: "ABS", "Credit Types": "Accredited CME" };
    const r = checkMoc(
      [mocLearner({ Board: "ABS", "Board ID": "", "MOC Credit Type": "Accredited CME" })],
      abs
    );
    expect(learnerFindings(r)).toEqual([]);
  });

  it("a board whose credit types are not published takes any, with a warning", () => {
    const abts = { ...ABIM, Board: "ABTS" };
    const r = checkMoc([mocLearner({ Board: "ABTS", "MOC Credit Type": "Whatever It Is" })], abts);
    expect(learnerFindings(r)).toEqual([
      "learner_credit_type_unverified@Learners!2:MOC Credit Type",
    ]);
    expect(r.issues.find((i) => i.table === "Learners")?.severity).toBe("warning");
  });

  it("ABPath's SAM is refused for completions from 2021 on", () => {
    const path = { ...ABIM, Board: "ABPath" };
    const r = checkMoc([mocLearner({ Board: "ABPath", "MOC Credit Type": "SAM" })], path);
    expect(learnerFindings(r)).toEqual([
      "learner_credit_type_discontinued@Learners!2:MOC Credit Type",
    ]);
  });

  describe("ABP", () => {
    const abp = { ...ABIM, Board: "ABP", "Credit Types": "Lifelong Learning and Self-Assessment" };
    const abpLearner = (overrides: RowInput = {}): RowInput =>
      mocLearner({ Board: "ABP", "MOC Credit Type": "MOC Part 2", ...overrides });

    it("takes the same points for every learner of the activity", () => {
      const r = checkMoc(
        [
          abpLearner(),
          abpLearner({ "First Name": "James", "Last Name": "Chen", "MOC Points": 0.5 }),
          abpLearner({ "First Name": "Ana", "Last Name": "Ruiz", "MOC Points": 1 }),
        ],
        abp
      );
      expect(learnerFindings(r)).toEqual(["board_points_differ@Learners!3:MOC Points"]);
      expect(messageOf(r.issues.find((i) => i.code === "board_points_differ")!)).toBe(
        "ABP takes the same MOC points for every learner of an activity: row 2 reports 1, this row 0.5."
      );
    });

    it("warns about completions of a year checked after December 1 of that year", () => {
      const late = run(
        {
          activities: [MOC_ACTIVITY],
          moc: [{ ...abp, "Claim Date": "" }],
          learners: [abpLearner({ "Completion Date": "06/20/2025" })],
        },
        "2025-12-02"
      );
      expect(learnerFindings(late)).toContain("board_report_deadline@Learners!2:Completion Date");
      const inTime = run(
        {
          activities: [MOC_ACTIVITY],
          moc: [{ ...abp, "Claim Date": "" }],
          learners: [abpLearner({ "Completion Date": "06/20/2025" })],
        },
        "2025-12-01"
      );
      expect(learnerFindings(inTime)).not.toContain(
        "board_report_deadline@Learners!2:Completion Date"
      );
    });
  });
});

describe("completions across rows", () => {
  it("the same learner, activity and day twice is an error on both rows, naming the other", () => {
    const r = check([
      learner(),
      learner({ "First Name": "MARIA", NPI: "" }),
      learner({ "Completion Date": "09/19/2024" }),
    ]);
    expect(learnerFindings(r)).toEqual([
      "learner_duplicate@Learners!2:Completion Date",
      "learner_duplicate@Learners!3:Completion Date",
    ]);
    expect(messageOf(r.issues.find((i) => i.row === 3 && i.code === "learner_duplicate")!)).toBe(
      "The same learner, activity and completion date is also on row 2; the completion would be reported twice."
    );
  });

  it("a journal CME completion twice a day is a warning (ABP takes several a day)", () => {
    const journal = aRow({
      "ACCME Activity ID": "201900001",
      Format: "JN",
      Credits: 1,
      "Physician Learners": 20,
    });
    const r = check([learner(), learner()], [journal]);
    expect(r.issues.filter((i) => i.code === "learner_duplicate").map((i) => i.severity)).toEqual([
      "warning",
      "warning",
    ]);
  });

  it("a Delete of a record and its Add are not duplicates; a Delete no Add matches is warned about", () => {
    expect(learnerFindings(check([learner(), learner({ Action: "Delete" })]))).toEqual([]);
    const r = check([learner({ Action: "Delete" })]);
    expect(learnerFindings(r)).toEqual(["learner_delete_unmatched@Learners!2:Action"]);
    expect(r.issues[0]?.severity).toBe("warning");
  });

  it("more completions than the activity's learner counts is a warning on the activity", () => {
    const small = aRow({
      "ACCME Activity ID": "201900001",
      "Physician Learners": 1,
      "Other Learners": 0,
    });
    const r = check([learner(), learner({ "First Name": "James", "Last Name": "Chen" })], [small]);
    expect(learnerFindings(r)).toEqual([
      "completions_exceed_learners@Activities!2:Physician Learners",
    ]);
    expect(r.rows[0]?.passes).toBe(true);
  });
});

describe("messages a coordinator reads", () => {
  it("say which column and what is expected", () => {
    const r = checkMoc([mocLearner({ "Board ID": "", NPI: "1234567890", "Birth Date": "04/31" })]);
    expect(r.issues.filter((i) => i.table === "Learners").map(messageOf)).toEqual([
      '"04/31" is not a birth month and day; expected MM/DD (02/29 is allowed, the year is not needed).',
      '"1234567890" is not a valid NPI: its last digit is not the check digit of the first nine; look for a mistyped digit.',
      "Board ID is required by ABIM, which rejects completions without it.",
    ]);
  });
});
