import type { StatusName } from "../codes/vocabularies";

import type { LearnerIssueBody } from "../learners/learnerIssues";
import type { TableName } from "../schema";

/** The tables of a PARS workbook (docs/DOMAIN.md §4), as declared in `schema.ts`. */
export type { TableName };

export type Severity = "error" | "warning";

/** Why a field is asked for beyond the status itself, for the message. */
export type Condition =
  | "cme_passport"
  | "in_person"
  | "usa"
  | "joint"
  | "commercial_support"
  | "monetary"
  | "moc"
  | "format_delivery";

/**
 * What a finding says, as data: a union on a stable snake_case `code`, with the parameters its
 * message needs. Message text lives in `messages/en.ts`.
 */
export type IssueBody =
  | LearnerIssueBody
  | { readonly code: "cell_error"; readonly value: string }
  | { readonly code: "formula_without_result"; readonly formula: string }
  | { readonly code: "negative_amount"; readonly value: string }
  | { readonly code: "zero_amount" }
  | { readonly code: "url_scheme_added"; readonly value: string; readonly url: string }
  | {
      readonly code: "word_read_as";
      readonly value: string;
      readonly as: string;
      /** Why the word means that value, when there is more to say than the reading. */
      readonly why: "co_provided" | null;
    }
  | { readonly code: "moc_blank_with_boards"; readonly boards: number }
  | {
      readonly code: "date_as_text";
      /** The cell's text as written. */
      readonly value: string;
      /** The day it is read as, MM/DD/YYYY. */
      readonly day: string;
      /** The same day as YYYY-MM-DD, for a shell that writes it back as a date. */
      readonly iso: string;
      /**
       * False when the text could mean another day to the person who typed it (03/04/2025, which
       * reads month first) or carries a time of day: then only a person can say what to write.
       */
      readonly certain: boolean;
    }
  | { readonly code: "invalid_date"; readonly value: string }
  | { readonly code: "invalid_number"; readonly value: string }
  | { readonly code: "invalid_yes_no"; readonly value: string }
  | { readonly code: "invalid_credits"; readonly value: string }
  | { readonly code: "invalid_count"; readonly value: string }
  | { readonly code: "unknown_format"; readonly value: string }
  | { readonly code: "not_a_format"; readonly value: string; readonly usually: string }
  | {
      readonly code: "invalid_code";
      readonly value: string;
      readonly vocabulary: string;
      readonly allowed: readonly string[];
    }
  | { readonly code: "code_normalised"; readonly value: string; readonly normalised: string }
  | { readonly code: "invalid_url"; readonly value: string }
  | { readonly code: "description_too_long"; readonly length: number; readonly max: number }
  | { readonly code: "control_characters"; readonly value: string }
  | { readonly code: "missing_column"; readonly rows: number; readonly status: StatusName | null }
  | {
      readonly code: "duplicate_column";
      readonly columns: readonly string[];
      /** The canonical header they all read as. */
      readonly meaning?: string;
      /** Their sheet columns ("D", "K"); null where the header row's place is not known. */
      readonly letters?: readonly string[] | null;
    }
  | { readonly code: "no_known_columns"; readonly expected: readonly string[] }
  | {
      readonly code: "unknown_columns";
      /** Headers the table does not know, as written. */
      readonly headers: readonly string[];
      /** For each header, the canonical header it most likely means, or null. */
      readonly suggestions: readonly (string | null)[];
    }
  | {
      readonly code: "missing_field";
      readonly status: StatusName;
      readonly condition: Condition | null;
    }
  | { readonly code: "end_before_start"; readonly start: string; readonly end: string }
  | {
      readonly code: "span_too_long";
      readonly format: string;
      readonly maxMonths: number;
      readonly lastDay: string;
    }
  | {
      readonly code: "end_date_passed";
      readonly status: StatusName;
      readonly end: string;
      readonly today: string;
    }
  | {
      readonly code: "closed_needs";
      /** What Closed needs that the row lacks, as `missingFor` names it. */
      readonly missing: readonly string[];
    }
  | {
      readonly code: "end_date_not_passed";
      readonly status: StatusName;
      readonly end: string;
      readonly today: string;
    }
  | {
      readonly code: "internal_id_missing";
      readonly required: "moc" | "upload" | "same_day" | null;
    }
  | {
      readonly code: "internal_id_duplicate";
      readonly id: string;
      /** The first of the other rows (at most OTHER_ROWS_LISTED), in row order. */
      readonly otherRows: readonly number[];
      /** How many other rows there are in all. */
      readonly others: number;
    }
  | {
      readonly code: "internal_id_reused";
      readonly id: string;
      /** The first of the other rows (at most OTHER_ROWS_LISTED), in row order. */
      readonly otherRows: readonly number[];
      /** How many other rows there are in all. */
      readonly others: number;
    }
  | {
      readonly code: "internal_id_same_once_safe";
      /** The Internal ID as typed. */
      readonly id: string;
      /** The ID as an upload writes it (`safeText`). */
      readonly written: string;
      /** The first other row whose ID, typed otherwise, is written the same. */
      readonly otherRow: number;
      readonly otherId: string;
    }
  | { readonly code: "text_empty_once_safe" }
  | { readonly code: "internal_id_is_provider_id"; readonly id: string }
  | { readonly code: "internal_id_seven_digits"; readonly id: string }
  | { readonly code: "orphan_row"; readonly id: string }
  | {
      readonly code: "no_activity_on_date";
      readonly id: string;
      /** The start date the row names, MM/DD/YYYY. */
      readonly startDate: string;
      /** The start dates of the activities with the ID, MM/DD/YYYY. */
      readonly starts: readonly string[];
    }
  | {
      readonly code: "row_of_several_activities";
      readonly id: string;
      /** The first of the activities' rows (at most OTHER_ROWS_LISTED), in row order. */
      readonly candidates: readonly number[];
      /** How many activities it could belong to. */
      readonly count: number;
      /** What tells them apart: a Start Date column (Support, MOC) or the Session Date. */
      readonly by: "start_date" | "session_date";
    }
  | { readonly code: "support_without_source"; readonly status: StatusName | null }
  | { readonly code: "sources_without_support"; readonly sources: number }
  | { readonly code: "in_kind_with_amount" }
  | { readonly code: "moc_without_board"; readonly status: StatusName | null }
  | { readonly code: "boards_without_moc"; readonly boards: number }
  | { readonly code: "moc_attestation_incomplete" }
  | {
      readonly code: "session_outside_dates";
      readonly date: string;
      readonly start: string;
      readonly end: string;
    }
  | {
      readonly code: "series_total_mismatch";
      readonly quantity: "credits" | "physician_learners" | "other_learners";
      readonly reported: number;
      readonly sessionsTotal: number;
      readonly sessions: number;
    }
  | { readonly code: "learner_count_missing"; readonly year: number; readonly through: string }
  | {
      readonly code: "learner_count_decreased";
      readonly through: string;
      readonly previousThrough: string;
      readonly physicianLearners: number;
      readonly otherLearners: number;
      readonly previousPhysicianLearners: number;
      readonly previousOtherLearners: number;
    }
  | { readonly code: "learner_count_not_cumulative"; readonly format: string }
  | {
      readonly code: "learner_count_outside_dates";
      readonly through: string;
      readonly start: string;
      readonly end: string;
    }
  | { readonly code: "support_date_missing"; readonly start: string; readonly end: string }
  | {
      readonly code: "aggregate_format_repeated";
      readonly format: string;
      /** The other rows nearest in start date (at most OTHER_ROWS_LISTED), in row order. */
      readonly otherRows: readonly number[];
      /** How many other rows there are in all. */
      readonly others: number;
    };

/**
 * How many other rows a finding about rows that belong together names. A workbook can give
 * thousands of rows one Internal ID ("TBD"): listing every other row on every one of them would
 * make millions of numbers; the count says how many there are.
 */
export const OTHER_ROWS_LISTED = 10;

export type IssueCode = IssueBody["code"];

/** Findings about a table's header row rather than about a row of data. */
export const HEADER_ISSUE_CODES: ReadonlySet<IssueCode> = new Set<IssueCode>([
  "missing_column",
  "duplicate_column",
  "no_known_columns",
  "unknown_columns",
]);

/**
 * Findings that say a cell's value cannot be read as what its column holds. In a column the row's
 * status does not need they are warnings: PARS would not ask for the value yet.
 */
export const UNREADABLE_CODES: ReadonlySet<IssueCode> = new Set<IssueCode>([
  "cell_error",
  "formula_without_result",
  "invalid_date",
  "invalid_number",
  "invalid_yes_no",
  "invalid_credits",
  "invalid_count",
  "unknown_format",
  "not_a_format",
  "invalid_code",
  "invalid_url",
  "description_too_long",
]);

/** Where a finding is: the table, the sheet's own row number, and the column's header as written. */
export type Place = {
  readonly table: TableName;
  readonly sheet: string;
  readonly row: number;
  readonly column: string;
};

/** A finding about the data: what, how bad, and where. Never thrown. */
export type Issue = IssueBody &
  Place & {
    readonly severity: Severity;
    /** The finding's row is hidden in Excel (Hide, or a filter): the report says so. */
    readonly hidden?: true;
  };

/** Turns an issue body and its place into an issue. */
export function makeIssue(body: IssueBody, severity: Severity, place: Place): Issue {
  // Object.assign and named stores: spreading two objects of varying shapes measured ~30x slower,
  // which a workbook with many findings notices. Key order is the same as `{...body, ...place}`.
  const issue = Object.assign({}, body) as IssueBody & {
    -readonly [K in keyof Place]: Place[K];
  } & {
    severity: Severity;
  };
  issue.table = place.table;
  issue.sheet = place.sheet;
  issue.row = place.row;
  issue.column = place.column;
  issue.severity = severity;
  return issue;
}
