// The engine's public surface: shells import from here only.
export type { CellError, CellValue } from "./model/cell";
export { cellFromHost, describeCell, isBlank, isCellError, EXCEL_ERRORS } from "./model/cell";
export type {
  Condition,
  Issue,
  IssueBody,
  IssueCode,
  Place,
  Severity,
  TableName,
} from "./model/issue";
export type { DateSystem, DayNumber, IsoDate } from "./dates";
export {
  addMonths,
  dayFromParts,
  dayOfIso,
  dayOfSerial,
  isoOfDay,
  lastDayOfSpan,
  partsOfDay,
  serialOfDay,
  usOfDay,
} from "./dates";
export type { FormatKey, FormatMatch, FormatProfile, CreditBasis, LearnerBasis } from "./formats";
export { FORMAT_KEYS, FORMAT_PROFILES, formatName, matchFormat, profileOf } from "./formats";
export { normaliseKey, lookUp, type Vocabulary } from "./codes/normalise";
export { matchCountry } from "./codes/country";
export {
  DELIVERY_METHODS,
  FEES,
  MEASUREMENT_TYPES,
  MOC_BOARDS,
  OUTCOME_NAMES,
  PROVIDERSHIPS,
  REGISTRATIONS,
  STATUSES,
  SUPPORT_TYPES,
  US_STATES,
} from "./codes/vocabularies";
export type {
  DeclaredStatusValue,
  DeliveryMethod,
  Fee,
  MeasurementType,
  MocBoard,
  OutcomeName,
  Providership,
  Registration,
  StatusName,
  SupportType,
} from "./codes/vocabularies";
export { ACTIVITIES, MOC, SESSIONS, SUPPORT, TABLE_SPECS } from "./schema";
export type { ActivityKey, ColumnSpec, MocKey, SessionKey, SupportKey, TableSpec } from "./schema";
export type { Field, Outcome } from "./parse/cells";
export {
  isCreditAmount,
  MAX_DESCRIPTION_LENGTH,
  readCount,
  readCredits,
  readDate,
  readFormat,
  readNumber,
  readText,
  readYesNo,
  splitList,
  valueOf,
} from "./parse/cells";
export { columnOfHeader, mapColumns, type ColumnMap, type MappedColumn } from "./parse/mapColumns";
export {
  locateTables,
  looksLikeActivitiesHeader,
  type LocatedTable,
  type SourceSheet,
  type SourceTable,
  type WorkbookSource,
} from "./parse/locateTables";
export {
  readRecords,
  type ActivityRecord,
  type ActivityValues,
  type MocRecord,
  type MocValues,
  type ReadTable,
  type ReadWorkbook,
  type SessionRecord,
  type SessionValues,
  type SupportRecord,
  type SupportValues,
} from "./parse/readRecords";
export type { Gap, GapKind, Tier } from "./rules/statusRequirements";
export type { BookRule, CheckContext, Finding, RowRule } from "./rules/context";
export { DEFAULT_RULES, type RuleSet } from "./rules/registry";
export {
  ACHIEVED_ORDER,
  checkRow,
  checkWorkbook,
  missingFor,
  type AchievedStatus,
  type CheckOptions,
  type CheckOutcome,
  type CheckResult,
  type CheckSummary,
  type RowVerdict,
} from "./check";
export { MESSAGES, messageOf } from "./messages/en";
export {
  creditsForMinutes,
  CREDIT_STEP,
  learnersFromAttendance,
  roundCredits,
  seriesCredits,
  seriesLearners,
  total,
} from "./calc/credits";
export { reportingPeriods, spanFits, type Period } from "./calc/periods";
export { InvalidOptionError } from "./errors";
export { stateCodeOf } from "./rules/valueRules";
