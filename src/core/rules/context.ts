import type { StatusName } from "../codes/vocabularies";
import type { IssueBody, Place, Severity } from "../model/issue";
import type {
  ActivityRecord,
  MocRecord,
  WorkbookRecords,
  SessionRecord,
  SupportRecord,
} from "../parse/readRecords";

/** What the rules know besides the row: the day, the provider, and the other tables joined. */
export type CheckContext = {
  /** The provider's seven-digit ACCME ID, when configured. */
  readonly providerId: string | null;
  /** True when the rows are checked for a batch upload, where the Internal ID is required. */
  readonly upload: boolean;
  readonly book: WorkbookRecords;
  /** Activities that are reported (not Cancelled), in sheet order. */
  readonly activities: readonly ActivityRecord[];
  /** An activity's Internal ID as compared (see `idKey`), "" when it has none. */
  readonly idKeyOf: (a: ActivityRecord) => string;
  /**
   * Every reported activity with the same Internal ID as `a`, `a` included, in sheet order; []
   * when no other has it (or `a` has none). One list per ID, shared by its activities.
   */
  readonly sameIdGroup: (a: ActivityRecord) => readonly ActivityRecord[];
  /** True when the Internal IDs leave nothing to say (see `JoinedTables`). */
  readonly plainIds: boolean;
  /**
   * Support, MOC and Sessions rows whose Internal ID is blank or matches no activity (Cancelled
   * activities included), in table order. Rows with an unreadable ID are left to their own finding.
   */
  readonly unlinked: readonly {
    readonly table: "Support" | "MOC" | "Sessions";
    readonly row: number;
    readonly id: string;
  }[];
  readonly supportOf: (a: ActivityRecord) => readonly SupportRecord[];
  readonly mocOf: (a: ActivityRecord) => readonly MocRecord[];
  readonly sessionsOf: (a: ActivityRecord) => readonly SessionRecord[];
  /** The status each activity is held to: its declared one, or the one implied by its end date. */
  readonly heldTo: (a: ActivityRecord) => StatusName;
  /** Whether an activity has ended by the as-of day (`asOfDay.ts`); null without a valid end date. */
  readonly ended: (a: ActivityRecord) => boolean | null;
};

/**
 * A finding as a rule makes it. `owner` is the sheet row of the activity it counts against (an
 * error makes that row fail its status); null when it counts against no activity.
 */
export type Finding = {
  readonly body: IssueBody;
  readonly severity: Severity;
  readonly place: Place;
  readonly owner: number | null;
};

/** A check of one activity. Pure: same row and context, same findings. */
export type RowRule = (a: ActivityRecord, ctx: CheckContext) => readonly Finding[];

/** A check across all the rows of the workbook. */
export type BookRule = (ctx: CheckContext) => readonly Finding[];

export const NONE: readonly Finding[] = [];

/** The key Internal IDs are compared by: trimmed, upper case. */
export function idKey(id: string): string {
  // Most IDs are already keys: the ID itself, without making two new strings.
  return isOwnKey(id) ? id : id.trim().toUpperCase();
}

/**
 * True for an ID the ID rules (`internalIdRules`, `safeIdRules`) have nothing to say about on its
 * own: its own key, so also the same once made safe for an upload, and not seven characters long
 * as a provider's ACCME ID is. When every activity has such an ID and no two share one, the join
 * says so (`plainIds`) and those rules skip their pass: a new condition in them belongs here too.
 */
export function isPlainId(id: string): boolean {
  return id.length !== 7 && isOwnKey(id);
}

/** True for an ID that is its own key: visible ASCII only (no space), no lower-case letter. */
export function isOwnKey(id: string): boolean {
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f || (c >= 0x61 && c <= 0x7a)) return false;
  }
  return true;
}
