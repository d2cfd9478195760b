import { messageOf, type LearnerIssueBody, type LearnerIssueCode } from "../../../src/core";

const at = {
  table: "Learners",
  sheet: "Learners",
  row: 5,
  column: "Board ID",
  severity: "error",
} as const;

// One sample per Learners code: the Record makes the compiler demand a sample for every code.
const SAMPLES: {
  readonly [C in LearnerIssueCode]: [Extract<LearnerIssueBody, { code: C }>, string];
} = {
  invalid_birth_date: [
    { code: "invalid_birth_date", value: "02/30" },
    '"02/30" is not a birth month and day',
  ],
  invalid_npi: [
    { code: "invalid_npi", value: "123", problem: "not_ten_digits" },
    "expected ten digits",
  ],
  learner_without_activity: [
    { code: "learner_without_activity", internalId: "", accmeId: "999" },
    'ACCME Activity ID "999"',
  ],
  learner_activity_ambiguous: [
    { code: "learner_activity_ambiguous", id: "201", rows: [2, 9] },
    "(rows 2, 9)",
  ],
  learner_activity_cancelled: [{ code: "learner_activity_cancelled" }, "is Cancelled"],
  learner_accme_id_mismatch: [
    { code: "learner_accme_id_mismatch", given: "1", activity: "2", activityRow: 4 },
    '(row 4: "2")',
  ],
  learner_activity_not_active: [
    { code: "learner_activity_not_active", activityRow: 3, achieved: "Incomplete" },
    "supports only Incomplete",
  ],
  learner_activity_no_accme_id: [
    { code: "learner_activity_no_accme_id", activityRow: 3 },
    "has no ACCME Activity ID yet",
  ],
  learner_field_missing: [
    { code: "learner_field_missing", requirement: "board", board: "ABP" },
    "Board ID is required by ABP",
  ],
  learner_no_credit: [{ code: "learner_no_credit" }, "reports no credit"],
  completion_outside_dates: [
    {
      code: "completion_outside_dates",
      date: "08/01/2025",
      start: "07/01/2024",
      end: "06/30/2025",
      claimDate: "07/31/2025",
    },
    "after the board's claim date 07/31/2025",
  ],
  completion_in_future: [
    { code: "completion_in_future", date: "12/01/2025", today: "11/25/2025" },
    "after the day checked (11/25/2025)",
  ],
  learner_credits_exceed: [
    { code: "learner_credits_exceed", credits: 3, max: 1.5 },
    "CME credits 3 are more than the activity's 1.5",
  ],
  learner_board_not_registered: [
    { code: "learner_board_not_registered", board: "ABA", registered: [] },
    "not registered for MOC with any board",
  ],
  learner_points_exceed: [
    { code: "learner_points_exceed", board: "ABIM", points: 2, max: 1.5 },
    "registered for with ABIM",
  ],
  learner_credit_type_unknown: [
    {
      code: "learner_credit_type_unknown",
      board: "ABIM",
      value: "PS",
      allowed: ["Medical Knowledge", "Practice Assessment"],
    },
    "expected one of: Medical Knowledge, Practice Assessment",
  ],
  learner_credit_type_unverified: [
    { code: "learner_credit_type_unverified", board: "ABTS", value: "X" },
    "does not know which credit types ABTS takes",
  ],
  learner_credit_type_discontinued: [
    {
      code: "learner_credit_type_discontinued",
      board: "ABPath",
      type: "Self-Assessment Module",
      last: "12/31/2020",
    },
    "up to 12/31/2020 only",
  ],
  board_completion_too_early: [
    { code: "board_completion_too_early", board: "ABS", date: "01/05/2021", first: "03/01/2021" },
    "from 03/01/2021 on",
  ],
  board_points_differ: [
    { code: "board_points_differ", board: "ABP", points: 0.5, otherRow: 2, otherPoints: 1 },
    "row 2 reports 1, this row 0.5",
  ],
  board_report_deadline: [
    { code: "board_report_deadline", board: "ABP", deadline: "12/01/2025", today: "12/02/2025" },
    "until 12/01/2025",
  ],
  moc_completion_late: [
    { code: "moc_completion_late", date: "06/01/2025", days: 44, today: "07/15/2025" },
    "is 44 days old",
  ],
  learner_duplicate: [
    { code: "learner_duplicate", otherRows: [3, 4], others: 12, allowedByFormat: false },
    "rows 3, 4 and 10 more",
  ],
  learner_delete_unmatched: [{ code: "learner_delete_unmatched" }, "no Add row"],
  completions_exceed_learners: [
    { code: "completions_exceed_learners", completions: 12, learners: 10 },
    "never more",
  ],
};

describe("Learners messages", () => {
  it.each(Object.entries(SAMPLES))("%s says what to fix", (_, [body, fragment]) => {
    expect(messageOf({ ...body, ...at })).toContain(fragment);
  });
});
