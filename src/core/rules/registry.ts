import { LEARNER_RULES, type LearnerRule } from "../learners/learnerRules";
import type { BookRule, RowRule } from "./context";
import {
  aggregatedFormatsOncePerYear,
  mocAgreesWithBoards,
  orphanRows,
  sessionsRollUp,
  sessionsWithinDates,
  supportAgreesWithSources,
} from "./crossTableRules";
import { internalIdRules } from "./internalIdRules";
import { learnerCountsAgree } from "./learnerCountRules";
import { safeIdRules } from "./safeIdRules";
import { endNotBeforeStart, spanWithinFormat, usStateCode } from "./valueRules";
import { datesAsDates, yesNoAsListed } from "./writingRules";

/** The rule set: immutable lists, passed to the engine (the status requirements run apart). */
export type RuleSet = {
  readonly rowRules: readonly RowRule[];
  readonly bookRules: readonly BookRule[];
  /** Checks of the Learners table, run once the activities are judged; none when left out. */
  readonly learnerRules?: readonly LearnerRule[];
};

/** Every rule PARS Ready checks, in report order. */
export const DEFAULT_RULES: RuleSet = {
  rowRules: [
    endNotBeforeStart,
    spanWithinFormat,
    usStateCode,
    supportAgreesWithSources,
    mocAgreesWithBoards,
    sessionsWithinDates,
    sessionsRollUp,
  ],
  bookRules: [
    internalIdRules,
    safeIdRules,
    orphanRows,
    aggregatedFormatsOncePerYear,
    learnerCountsAgree,
    yesNoAsListed,
    datesAsDates,
  ],
  learnerRules: LEARNER_RULES,
};
