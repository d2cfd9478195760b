import type { MocBoard } from "../codes/vocabularies";
import type { AchievedStatus } from "../verdicts";
import type { NpiProblem } from "./npi";

/** Why a learner row's cell is required, for the message. */
export type LearnerRequirement =
  /** Every completion: PARS identifies a learner by name (FAQ 7921). */
  | "always"
  /** A row that names a board, a MOC credit type or MOC points reports MOC credit. */
  | "moc"
  /** The row's board rejects completions without it. */
  | "board"
  /** CME Passport and the state boards match a learner on name and birth month and day. */
  | "match";

/**
 * What the Learners table's findings say, as data (part of `IssueBody`, model/issue.ts): one code
 * per condition, with the parameters its message needs. Dates are MM/DD/YYYY, as messages show.
 */
export type LearnerIssueBody =
  | { readonly code: "invalid_birth_date"; readonly value: string }
  | { readonly code: "invalid_npi"; readonly value: string; readonly problem: NpiProblem }
  | {
      readonly code: "learner_without_activity";
      /** The Internal ID and ACCME Activity ID the row gives ("" when blank). */
      readonly internalId: string;
      readonly accmeId: string;
    }
  | {
      /** Two activities share the ACCME Activity ID a row names (by Internal ID, see
       * `row_of_several_activities`). */
      readonly code: "learner_activity_ambiguous";
      readonly id: string;
      /** The Activities rows the row could belong to, in sheet order. */
      readonly rows: readonly number[];
    }
  | { readonly code: "learner_activity_cancelled" }
  | {
      readonly code: "learner_accme_id_mismatch";
      readonly given: string;
      readonly activity: string;
      readonly activityRow: number;
    }
  | {
      readonly code: "learner_activity_not_active";
      readonly activityRow: number;
      readonly achieved: AchievedStatus;
    }
  | { readonly code: "learner_activity_no_accme_id"; readonly activityRow: number }
  | {
      readonly code: "learner_field_missing";
      readonly requirement: LearnerRequirement;
      readonly board: MocBoard | null;
    }
  | { readonly code: "learner_no_credit" }
  | {
      readonly code: "completion_outside_dates";
      readonly date: string;
      readonly start: string;
      readonly end: string;
      /** The board's credit-claim date, when the completion may come after the end by it. */
      readonly claimDate: string | null;
    }
  | { readonly code: "completion_in_future"; readonly date: string; readonly today: string }
  | { readonly code: "learner_credits_exceed"; readonly credits: number; readonly max: number }
  | {
      readonly code: "learner_board_not_registered";
      readonly board: MocBoard;
      /** The boards the activity is registered with. */
      readonly registered: readonly MocBoard[];
    }
  | {
      readonly code: "learner_points_exceed";
      readonly board: MocBoard;
      readonly points: number;
      readonly max: number;
    }
  | {
      readonly code: "learner_credit_type_unknown";
      readonly board: MocBoard;
      readonly value: string;
      readonly allowed: readonly string[];
    }
  | {
      readonly code: "learner_credit_type_unverified";
      readonly board: MocBoard;
      readonly value: string;
    }
  | {
      readonly code: "learner_credit_type_discontinued";
      readonly board: MocBoard;
      readonly type: string;
      readonly last: string;
    }
  | {
      readonly code: "board_completion_too_early";
      readonly board: MocBoard;
      readonly date: string;
      readonly first: string;
    }
  | {
      readonly code: "board_points_differ";
      readonly board: MocBoard;
      readonly points: number;
      readonly otherRow: number;
      readonly otherPoints: number;
    }
  | {
      readonly code: "board_report_deadline";
      readonly board: MocBoard;
      readonly deadline: string;
      readonly today: string;
    }
  | {
      readonly code: "moc_completion_late";
      readonly date: string;
      readonly days: number;
      readonly today: string;
    }
  | {
      readonly code: "learner_duplicate";
      /** The first of the other rows (at most OTHER_ROWS_LISTED), in row order. */
      readonly otherRows: readonly number[];
      readonly others: number;
      /** True where a board takes several completions a day (journal CME): then a warning. */
      readonly allowedByFormat: boolean;
    }
  | { readonly code: "learner_delete_unmatched" }
  | {
      readonly code: "completions_exceed_learners";
      readonly completions: number;
      readonly learners: number;
    };

export type LearnerIssueCode = LearnerIssueBody["code"];
