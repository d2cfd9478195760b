import type { MocBoard } from "../codes/vocabularies";
import type { DayNumber } from "../dates";
import type { MonthDay } from "./monthDay";

/** What PARS is asked to do with a learner completion (draft `LearnerRecordAction`). */
export type LearnerAction = "Add" | "Delete";

/** The activity a completion is reported against, as the learner file names it. */
export type LearnerActivity = {
  /** PARS's own ID of the activity: learners are reported against an activity already in PARS. */
  readonly accmeId: string;
  readonly title: string;
  readonly internalId: string | null;
};

/** The MOC credit of a completion: the board, its credit type and the points. */
export type LearnerMoc = {
  readonly board: MocBoard;
  /** The credit type's canonical name (the board's own when known, else as written). */
  readonly creditType: string;
  readonly points: number;
};

/**
 * One learner completion as the learner file reads it: text already made safe for the file,
 * every value checked. The birth year is not here: it is never read.
 */
export type ExportLearner = {
  /** The sheet row of the Learners row. */
  readonly row: number;
  readonly firstName: string;
  readonly lastName: string;
  readonly birth: MonthDay | null;
  readonly npi: string | null;
  readonly license: { readonly state: string; readonly number: string } | null;
  /** The learner's ID with the row's board, when given. */
  readonly boardId: { readonly board: MocBoard; readonly id: string } | null;
  readonly completion: DayNumber;
  /** AMA PRA Category 1 credits, when the row reports them. */
  readonly cmeCredits: number | null;
  readonly moc: LearnerMoc | null;
  readonly action: LearnerAction;
  readonly activity: LearnerActivity;
};
