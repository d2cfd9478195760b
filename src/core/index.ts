// The engine's public surface: shells import from here only.
export type { CellError, CellValue, UnsavedFormula } from "./model/cell";
export {
  cellFromHost,
  describeCell,
  isBlank,
  isCellError,
  isUnsavedFormula,
  EXCEL_ERRORS,
} from "./model/cell";
export type {
  Condition,
  Issue,
  IssueBody,
  IssueCode,
  Place,
  Severity,
  TableName,
} from "./model/issue";
export { HEADER_ISSUE_CODES, makeIssue, OTHER_ROWS_LISTED, UNREADABLE_CODES } from "./model/issue";
export type { DateSystem, DayNumber, IsoDate } from "./dates";
export {
  addMonths,
  anniversary,
  dayFromParts,
  dayOfIso,
  dayOfSerial,
  isoOfDay,
  lastDayOfSpan,
  partsOfDay,
  serialOfDay,
  usOfDay,
} from "./dates";
export type { FormatKey, FormatMatch, FormatProfile, LearnerBasis } from "./formats";
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
export {
  ACTIVITIES,
  DATE_HEADERS,
  defineTable,
  excelTableNameOf,
  LEARNER_COUNTS,
  MOC,
  SESSIONS,
  specOf,
  SUPPORT,
  TABLE_SPECS,
  TEXT_HEADERS,
} from "./schema";
export type {
  ActivityKey,
  AnyTableSpec,
  ColumnDeclaration,
  ColumnSpec,
  KeyOf,
  MocKey,
  Reader,
  RowOf,
  SessionKey,
  SupportKey,
  TableSpec,
  ValuesOf,
  ValuesOfTable,
} from "./schema";
export type { Field, Outcome } from "./parse/cells";
export {
  isCreditAmount,
  MAX_DESCRIPTION_LENGTH,
  readAmount,
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
  hasActivitiesHeader,
  HEADER_SEARCH_ROWS,
  looksLikeActivitiesHeader,
  type LocatedTable,
  type SourceSheet,
  type SourceTable,
  type WorkbookSource,
} from "./parse/locateTables";
export {
  readRecords,
  readTable,
  recordsOf,
  type ActivityRecord,
  type ActivityValues,
  type MocRecord,
  type MocValues,
  type ReadTable,
  type TableRecords,
  type WorkbookRecords,
  type SessionRecord,
  type SessionValues,
  type SupportRecord,
  type SupportValues,
} from "./parse/readRecords";
export type { Gap, GapKind, Tier } from "./rules/statusRequirements";
export type { BookRule, CheckContext, Finding, RowRule } from "./rules/context";
export { DEFAULT_RULES, type RuleSet } from "./rules/registry";
export { asOfDay, asOfForYear, declaredStatusOf, type AsOfDay } from "./rules/asOfDay";
export {
  belongsTo,
  indexActivities,
  isCancelled,
  joinTables,
  type ActivityIndex,
  type Belonging,
  type JoinedTables,
  type LinkedTable,
  type UnlinkedRow,
  type WhichActivity,
} from "./join/joinTables";
export {
  ACHIEVED_ORDER,
  checkWorkbook,
  checkWorkbookRecords,
  missingFor,
  type AchievedStatus,
  type CheckOptions,
  type CheckedRecords,
  type CheckOutcome,
  type CheckResult,
  type CheckSummary,
  type RowVerdict,
  type Uncheckable,
} from "./check";
export { missingColumnsFor, type MissingColumnRef } from "./verdicts";
export { checkRow, compileHeaders, compiledHeadersOf, type CompiledHeaders } from "./checkRow";
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
export type {
  ChangedCell,
  ExcludedRow,
  ExclusionReason,
  ExportActivity,
  ExportMoc,
  ExportSupport,
  RecordAction,
} from "./export/model";
export type {
  LayoutId,
  TextColumn,
  TextLayout,
  UploadLayout,
  XmlElement,
  XmlLayout,
} from "./export/layout";
export {
  previewExport,
  type ExportNote,
  type ExportOptions,
  type ExportPreview,
  type ExportPreviewOutcome,
  type ExportSelection,
} from "./export/previewExport";
export { safeText } from "./export/safeText";
export { exportNoteText } from "./export/exportNoteText";
export { wholeDollars } from "./export/wholeDollars";
export {
  CLOSED_FIELDS_NOT_CARRIED,
  closeWithheldBecause,
  parsCodedValues,
} from "./export/parsCodes";
export { renderExport, type EmptyField, type RenderedExport } from "./export/renderExport";
export {
  buildExport,
  exportChunks,
  exportFileName,
  exportText,
  layoutOf,
  UPLOAD_LAYOUTS,
  type ExportFile,
  type ExportSummary,
} from "./export/buildExport";
export {
  TEMPLATE_D,
  TEMPLATE_D_BLOCK_COLUMNS,
  TEMPLATE_D_FIXED_COLUMNS,
  TEMPLATE_D_LIST_SEPARATOR,
  TEMPLATE_D_LOCATION_CODES,
} from "./export/templateD";
export {
  PARS_XML,
  XML_CERTIFICATION,
  XML_CURRENCY,
  XML_FEES,
  XML_FORMAT_NAMES,
  XML_MOC_BOARDS,
  XML_SPONSORSHIP,
} from "./export/parsXml";
export { declaredPaths, escapeXml } from "./export/xmlElements";
export {
  appendExportLog,
  EXPORT_LOG_HEADERS,
  EXPORT_LOG_SHEET,
  EXPORT_LOG_TABLE,
  exportLogEntry,
  findPriorExport,
  InvalidExportLogError,
  logCellText,
  loggedExportsInBook,
  loggedExportsOf,
  readExportLog,
  type ExportLogEntry,
  type LoggedExport,
} from "./export/exportLog";
export { sha256Bytes, sha256Hex, utf8Bytes } from "./export/sha256";
export { UnknownLayoutError } from "./export/errors";
export { stateCodeOf } from "./rules/valueRules";
export { GRAND_ROUNDS_EXAMPLE } from "./examples";
export { CODED_COLUMNS, type CodedColumn } from "./codedColumns";
export { reportingYear, yearDueOn, type ReportingYear } from "./annual/reportingYear";
export {
  annualReport,
  COUNTING_RULE,
  HOURS_RULE,
  type AnnualInput,
  type AnnualReport,
  type CommercialSupportFigures,
  type Continuing,
  type EnduringCount,
  type Figures,
  type LearnerCountEntry,
  type LearnerPair,
  type RowRef,
  type SupportEntry,
  type ToClose,
  type ToEnter,
} from "./annual/annualReport";
export { yearEndReport, type YearEndOutcome } from "./annual/yearEndReport";
export {
  checklistSteps,
  HAND_ENTERED_AMOUNTS,
  type ChecklistStep,
  type HandEnteredAmounts,
  type HandEnteredKey,
} from "./annual/checklistSteps";
export {
  isValidNpi,
  npiCheckDigit,
  npiDigits,
  npiProblem,
  NPI_PREFIX,
  type NpiProblem,
} from "./learners/npi";
export { isMonthDay, parseMonthDay, usOfMonthDay, type MonthDay } from "./learners/monthDay";
export {
  BOARD_RULES,
  creditTypeNamed,
  creditTypesOf,
  type BoardRules,
  type MocCreditType,
  type Sourced,
} from "./learners/boards";
export type { ExportLearner, LearnerAction, LearnerActivity, LearnerMoc } from "./learners/model";
export {
  ACTIVITY_ID_DOMAIN,
  ACTIVITY_REPORT_NS,
  BIRTH_YEAR_PLACEHOLDER,
  buildLearnerFile,
  COMPLETION_TIME,
  CREDIT_ID_SCHEME,
  LEARNER_ACTION_VALUES,
  LEARNER_CREDIT_UNIT,
  LEARNER_ID_DOMAIN_PREFIX,
  LEARNER_RECORD_ACTION,
  learnerFileName,
  NPI_DOMAIN,
  PARS_LEARNER_EXTENSION_NS,
  type LearnerFile,
  type LearnerFileOptions,
} from "./learners/activityReport";
export { LEARNERS } from "./schema";
export type { LearnerKey, LearnerRecord, LearnerValues } from "./schema";
export { LEARNER_ACTIONS, readBirthDate, readNpi } from "./learners/readers";
export type {
  LearnerIssueBody,
  LearnerIssueCode,
  LearnerRequirement,
} from "./learners/learnerIssues";
export { LEARNER_MESSAGES } from "./learners/learnerMessages";
export { joinLearners, type JoinedLearners, type LinkedLearner } from "./learners/joinLearners";
export {
  checkLearners,
  isMocRow,
  LEARNER_RULES,
  MOC_REPORTING_DAYS,
  type LearnerContext,
  type LearnerRule,
} from "./learners/learnerRules";
export {
  buildLearnerExport,
  LEARNER_LAYOUT_NAME,
  LEARNER_LAYOUT_NOTES,
  previewLearners,
  type ExcludedLearner,
  type LearnerExportFile,
  type LearnerPreview,
  type LearnerPreviewOutcome,
  type LearnerSummary,
} from "./learners/previewLearners";
export type { LoggableFile, LoggedLayout } from "./export/exportLog";
export { proposeFixes, type Fix, type FixKind, type FixOptions } from "./fixes/proposeFixes";
