import type { ActivityValues, MocValues, SupportValues } from "../parse/readRecords";
import type { StatusName } from "../codes/vocabularies";
import type { TableName } from "../model/issue";

/**
 * One commercial-support row of an activity going into an upload: the values its cells held
 * (absent when blank), text already made safe for the file.
 */
export type ExportSupport = { readonly row: number } & Partial<
  Readonly<Omit<SupportValues, "internalId">>
>;

/** One MOC board row of an activity going into an upload, as `ExportSupport`. */
export type ExportMoc = { readonly row: number } & Partial<Readonly<Omit<MocValues, "internalId">>>;

/** What PARS is asked to do with the record (upload-layouts.md §B, `activityRecordAction`). */
export type RecordAction = "Add" | "Update";

/**
 * An activity as every upload layout reads it: the Activities row's values (absent when blank),
 * its Support and MOC rows joined by Internal ID in sheet order, and what PARS is asked to do.
 * Layouts only ever see this shape, so a new layout needs no knowledge of the workbook.
 */
export type ExportActivity = {
  /** The sheet row number of the Activities row. */
  readonly row: number;
  readonly values: Partial<Readonly<ActivityValues>>;
  readonly support: readonly ExportSupport[];
  readonly moc: readonly ExportMoc[];
  /** Add when the row has no ACCME Activity ID yet, Update when it has one. */
  readonly action: RecordAction;
  /** True for a row declared Closed that passes Closed: PARS is asked to close it. */
  readonly close: boolean;
};

/** Why a row stays out of the file. */
export type ExclusionReason = "fails_status" | "cancelled" | "not_selected";

/** A row that stays out of the file, and why, in words a coordinator reads. */
export type ExcludedRow = {
  readonly sheet: string;
  readonly row: number;
  readonly internalId: string | null;
  readonly title: string | null;
  readonly reason: ExclusionReason;
  /** The status the row was held to; null for a Cancelled row. */
  readonly heldTo: StatusName | null;
  /** The error messages that keep it out (empty unless `reason` is fails_status). */
  readonly messages: readonly string[];
};

/**
 * A cell whose text was changed so that it cannot break the file: tabs, line breaks and other
 * control characters (and text XML cannot carry) each became a space.
 */
export type ChangedCell = {
  readonly table: TableName;
  readonly sheet: string;
  readonly row: number;
  readonly column: string;
  readonly internalId: string | null;
  readonly before: string;
  readonly after: string;
};
