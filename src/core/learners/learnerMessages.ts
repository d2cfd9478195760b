import type { Issue } from "../model/issue";
import type { LearnerIssueCode, LearnerRequirement } from "./learnerIssues";

type LearnerMessages = {
  readonly [C in LearnerIssueCode]: (issue: Extract<Issue, { code: C }>) => string;
};

const rowList = (rows: readonly number[]): string =>
  rows.length === 1
    ? `row ${String(rows[0])}`
    : `rows ${rows.slice(0, 6).map(String).join(", ")}${rows.length > 6 ? ", …" : ""}`;

const REQUIREMENT: Readonly<Record<LearnerRequirement, string>> = {
  always: "for every learner completion",
  moc: "for a MOC completion (the row names a board, a MOC credit type or MOC points)",
  board: "by this board, which rejects completions without it",
  match:
    "for CME Passport and the state boards, which match learners on name and birth month and day",
};

/** One message per Learners finding code (merged into `MESSAGES`, messages/en.ts). */
export const LEARNER_MESSAGES: LearnerMessages = {
  board_completion_too_early: (i) =>
    `${i.board} takes completions from ${i.first} on through PARS; this one is dated ${i.date}.`,
  board_points_differ: (i) =>
    `${i.board} takes the same MOC points for every learner of an activity: row ${String(i.otherRow)} reports ${String(i.otherPoints)}, this row ${String(i.points)}.`,
  board_report_deadline: (i) =>
    `${i.board} takes a year's completions until ${i.deadline}; as of ${i.today} that day has passed, so the board may refuse this one.`,
  completion_in_future: (i) =>
    `Completion date ${i.date} is after the day checked (${i.today}); a completion is reported once it has happened.`,
  completion_outside_dates: (i) =>
    i.claimDate === null
      ? `Completion date ${i.date} is outside the activity's dates (${i.start} to ${i.end}).`
      : `Completion date ${i.date} is outside the activity's dates (${i.start} to ${i.end}) and after the board's claim date ${i.claimDate}.`,
  completions_exceed_learners: (i) =>
    `${String(i.completions)} learner completions name this activity, but it reports ${String(i.learners)} learners; completions may be fewer than the learners, never more.`,
  invalid_birth_date: (i) =>
    `"${i.value}" is not a birth month and day; expected MM/DD (02/29 is allowed, the year is not needed).`,
  invalid_npi: (i) =>
    i.problem === "check_digit"
      ? `"${i.value}" is not a valid NPI: its last digit is not the check digit of the first nine; look for a mistyped digit.`
      : `"${i.value}" is not an NPI; expected ten digits.`,
  learner_accme_id_mismatch: (i) =>
    `ACCME Activity ID "${i.given}" is not the one of the activity its Internal ID names (row ${String(i.activityRow)}: "${i.activity}").`,
  learner_activity_ambiguous: (i) =>
    `ACCME Activity ID "${i.id}" is on more than one activity (${rowList(i.rows)}); give this completion's Internal ID, and correct the activities' IDs.`,
  learner_activity_cancelled: () =>
    "The activity this completion names is Cancelled; its learners are not reported.",
  learner_activity_no_accme_id: (i) =>
    `Learners are reported against an activity already in PARS: the activity (row ${String(i.activityRow)}) has no ACCME Activity ID yet.`,
  learner_activity_not_active: (i) =>
    `The activity (row ${String(i.activityRow)}) supports only ${i.achieved}; PARS takes learners for an activity that is at least Active.`,
  learner_board_not_registered: (i) =>
    i.registered.length === 0
      ? `The activity is not registered for MOC with any board, so ${i.board} cannot take this completion.`
      : `The activity is registered for MOC with ${i.registered.join(", ")}, not ${i.board}.`,
  learner_credit_type_discontinued: (i) =>
    `${i.board} took "${i.type}" for completions up to ${i.last} only.`,
  learner_credit_type_unknown: (i) =>
    `"${i.value}" is not a MOC credit type ${i.board} takes; expected one of: ${i.allowed.join(", ")}.`,
  learner_credit_type_unverified: (i) =>
    `PARS Ready does not know which credit types ${i.board} takes, so "${i.value}" is not checked; make sure it is the board's own name for it.`,
  learner_credits_exceed: (i) =>
    `CME credits ${String(i.credits)} are more than the activity's ${String(i.max)}.`,
  learner_delete_unmatched: () =>
    "This Delete names a completion that no Add row of the workbook has; make sure it was reported to PARS before.",
  learner_duplicate: (i) => {
    const others =
      i.others > i.otherRows.length
        ? `${rowList(i.otherRows)} and ${String(i.others - i.otherRows.length)} more`
        : rowList(i.otherRows);
    return i.allowedByFormat
      ? `The same learner, activity and completion date is also on ${others}; a board that takes several journal completions a day may accept it, other reports count it twice.`
      : `The same learner, activity and completion date is also on ${others}; the completion would be reported twice.`;
  },
  learner_field_missing: (i) =>
    i.requirement === "board" && i.board !== null
      ? `${i.column} is required by ${i.board}, which rejects completions without it.`
      : `${i.column} is required ${REQUIREMENT[i.requirement]}.`,
  learner_no_credit: () =>
    "The completion reports no credit: give its CME Credits, or a board with MOC Credit Type and MOC Points.",
  learner_points_exceed: (i) =>
    `MOC points ${String(i.points)} are more than the ${String(i.max)} the activity is registered for with ${i.board}.`,
  learner_without_activity: (i) =>
    i.internalId !== ""
      ? `No reported activity has Internal ID "${i.internalId}"; this completion belongs to none.`
      : i.accmeId !== ""
        ? `No reported activity has ACCME Activity ID "${i.accmeId}"; this completion belongs to none.`
        : "This completion names no activity: give its Internal ID or its ACCME Activity ID.",
  moc_completion_late: (i) =>
    `This MOC completion (${i.date}) is ${String(i.days)} days old as of ${i.today}; ACCME and the boards expect MOC completions within 30 days.`,
};
