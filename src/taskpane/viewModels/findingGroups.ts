import {
  HEADER_ISSUE_CODES,
  messageOf,
  missingColumnsFor,
  missingFor,
  TABLE_SPECS,
  type AchievedStatus,
  type CheckResult,
  type Issue,
  type IssueCode,
  type MissingColumnRef,
  type RowVerdict,
  type Severity,
  type StatusName,
  type TableName,
} from "../../core";
import type { CellPlace } from "../../excel/WorkbookGateway";

/** How the findings are gathered: by what is wrong (the finding's code) or by sheet row. */
export type GroupBy = "cause" | "row";

/** Which findings to list, and how. */
export type FindingFilter = {
  readonly groupBy: GroupBy;
  readonly severity: "all" | Severity;
  /** An achieved status, "failing" for rows that miss their declared status, or "all". */
  readonly status: "all" | "failing" | AchievedStatus;
  readonly table: "all" | TableName;
  /** A column header as the findings name it, or "all". */
  readonly column: string;
  /** Words every listed finding contains (message, column, row, ID or title), any case. */
  readonly search: string;
};

export const ALL_FINDINGS: FindingFilter = {
  groupBy: "cause",
  severity: "all",
  status: "all",
  table: "all",
  column: "all",
  search: "",
};

/** One finding, ready to show and to navigate to. */
export type FindingItem = {
  /** Stable across filters: the finding's index in the check's result. */
  readonly key: string;
  readonly severity: Severity;
  readonly code: IssueCode;
  readonly column: string;
  readonly message: string;
  /** Where it is, in words: "Row 3 · A-2", "Support row 2", "Activities columns". */
  readonly where: string;
  readonly place: CellPlace;
  /**
   * Set on a row's line that points to a finding said once elsewhere (the header's missing
   * column): that finding's key. Such a line is not a finding of its own, so it is not counted.
   */
  readonly refersTo?: string;
};

/** A heading over findings that belong together, with what it needs to be shown. */
export type FindingGroup = {
  readonly key: string;
  readonly title: string;
  /** One sentence on the cause, or the row's statuses in a coordinator's words. */
  readonly detail: string | null;
  /** For a row that fails its status: what it still lacks for it (the engine's `missingFor`). */
  readonly needs: { readonly status: StatusName; readonly columns: readonly string[] } | null;
  readonly errors: number;
  readonly warnings: number;
  /** Errors first, then warnings, each in the engine's order. */
  readonly items: readonly FindingItem[];
};

/**
 * What each kind of finding means, said once above all the findings of that kind. Keyed by every
 * finding code (`IssueCode` includes the Learners codes), so a new code without a heading fails
 * typecheck.
 */
const CAUSES: Readonly<Record<IssueCode, { title: string; why: string }>> = {
  missing_field: {
    title: "Required value missing",
    why: "PARS needs these cells for the status the row declares.",
  },
  missing_column: {
    title: "Column missing",
    why: "The table has no column PARS needs; add it to the table's header row.",
  },
  duplicate_column: {
    title: "Column repeated",
    why: "Two headers name the same PARS column; only one can be read.",
  },
  no_known_columns: {
    title: "No PARS columns",
    why: "None of the headers is a PARS column, so the rows cannot be read.",
  },
  cell_error: {
    title: "Excel error in a cell",
    why: "A formula returns an error; fix the formula or type the value.",
  },
  invalid_date: { title: "Not a date", why: "Dates are read as MM/DD/YYYY or real Excel dates." },
  invalid_number: { title: "Not a number", why: "These cells need a number." },
  invalid_yes_no: { title: "Not Yes or No", why: "These cells take Yes or No." },
  invalid_credits: {
    title: "Credits not valid",
    why: "Credits are a number of hours, in quarter-hour steps.",
  },
  invalid_count: { title: "Learner count not valid", why: "Counts are whole numbers, 0 or more." },
  unknown_format: {
    title: "Format not known",
    why: "The format must be one of the PARS formats or its code.",
  },
  not_a_format: {
    title: "Not a PARS format",
    why: "A common name that PARS reports under another format.",
  },
  invalid_code: {
    title: "Value not in the PARS list",
    why: "These cells take one of PARS's values; the dropdown shows them.",
  },
  code_normalised: {
    title: "Value read as its PARS code",
    why: "Understood, but written differently from what PARS expects.",
  },
  invalid_url: { title: "Web address not valid", why: "Addresses start with http:// or https://." },
  description_too_long: {
    title: "Description too long",
    why: "PARS limits the description's length.",
  },
  control_characters: {
    title: "Tab or line break in text",
    why: "Uploads replace these with spaces.",
  },
  end_before_start: { title: "Ends before it starts", why: "The end date precedes the start." },
  span_too_long: {
    title: "Activity spans too long",
    why: "This format may span only so many months; report each period on its own row.",
  },
  end_date_passed: {
    title: "End date passed for the status",
    why: "An activity past its end date is reported as Ready to Close or Closed.",
  },
  end_date_not_passed: {
    title: "End date not yet passed",
    why: "An activity can close only after its end date.",
  },
  internal_id_missing: {
    title: "Internal ID missing",
    why: "These rows need an Internal ID to be told apart.",
  },
  internal_id_duplicate: {
    title: "Internal ID repeated",
    why: "Each activity needs its own Internal ID.",
  },
  internal_id_reused: {
    title: "Internal ID reused",
    why: "Another activity already uses this Internal ID.",
  },
  internal_id_is_provider_id: {
    title: "Internal ID is the provider ID",
    why: "The Internal ID repeats the provider's ACCME ID.",
  },
  internal_id_seven_digits: {
    title: "Internal ID looks like a provider ID",
    why: "Seven digits are easily taken for an ACCME provider ID.",
  },
  orphan_row: {
    title: "Row belongs to no activity",
    why: "Its Internal ID matches no row of the Activities table.",
  },
  support_without_source: {
    title: "Commercial support without a source",
    why: "Commercial Support is Yes, but no Support row names the activity.",
  },
  sources_without_support: {
    title: "Support sources without commercial support",
    why: "Support rows name an activity whose Commercial Support is No.",
  },
  in_kind_with_amount: {
    title: "In-kind support with an amount",
    why: "In-kind support has none.",
  },
  moc_without_board: {
    title: "MOC without a board",
    why: "MOC is Yes, but no MOC row names the activity.",
  },
  boards_without_moc: {
    title: "MOC boards without MOC",
    why: "MOC rows name an activity whose MOC is No.",
  },
  moc_attestation_incomplete: {
    title: "MOC attestation incomplete",
    why: "An activity registered for MOC closes only with its attestation.",
  },
  session_outside_dates: {
    title: "Session outside the activity's dates",
    why: "Each session falls within its activity's start and end.",
  },
  series_total_mismatch: {
    title: "Series totals differ from its sessions",
    why: "The activity's totals should add up its sessions.",
  },
  aggregate_format_repeated: {
    title: "Same format and start date",
    why: "Rows alike in format and start need Internal IDs to be told apart.",
  },
  formula_without_result: {
    title: "Formula never calculated",
    why: "The file was saved by a program without results; open and save it in Excel.",
  },
  negative_amount: {
    title: "Support amount below zero",
    why: "A support amount is 0 or more.",
  },
  zero_amount: {
    title: "Monetary support of 0",
    why: "Report the amount received, or mark the support In-kind.",
  },
  url_scheme_added: {
    title: "Web address given https://",
    why: "The address had no http:// or https://, so one was added when reading it.",
  },
  word_read_as: {
    title: "Word read as a PARS value",
    why: "Understood as the value PARS takes; write that value to be sure.",
  },
  date_as_text: {
    title: "Date typed as text",
    why: "Read as a date, but Excel sorts and filters it as words; enter it as a date.",
  },
  moc_blank_with_boards: {
    title: "MOC blank, but boards named",
    why: "MOC board rows name the activity; set MOC to Yes, or remove those rows.",
  },
  unknown_columns: {
    title: "Columns not read",
    why: "These headers are not PARS columns; rename one to its PARS header to have it read.",
  },
  closed_needs: {
    title: "Ended without a status",
    why: "It is checked as Ready to Close; closing it needs the values listed.",
  },
  internal_id_same_once_safe: {
    title: "Internal IDs the same in the upload",
    why: "Written as an upload carries them, two IDs become one; make them differ in letters or digits.",
  },
  text_empty_once_safe: {
    title: "Text empty in the upload",
    why: "The cell holds only characters an upload cannot carry.",
  },
  no_activity_on_date: {
    title: "No activity starts on this date",
    why: "The Internal ID is known, but none of its activities starts on the row's Start Date.",
  },
  row_of_several_activities: {
    title: "Row fits several activities",
    why: "Its Internal ID is used for more than one activity, and the date does not say which.",
  },
  learner_count_missing: {
    title: "Yearly learner count missing",
    why: "An enduring material reports cumulative learners for each year it is active.",
  },
  learner_count_decreased: {
    title: "Cumulative learners went down",
    why: "A cumulative count only grows from one year to the next.",
  },
  learner_count_not_cumulative: {
    title: "Learner count for a non-enduring activity",
    why: "Learner Counts are for enduring materials; other formats report learners on their own row.",
  },
  learner_count_outside_dates: {
    title: "Learner count outside the activity's dates",
    why: "A count's through date falls within the activity's start and end.",
  },
  support_date_missing: {
    title: "Date Received missing",
    why: "The activity spans years, so the support needs the date it was received.",
  },
  invalid_birth_date: {
    title: "Birth month and day not valid",
    why: "Birth dates are written MM/DD, without the year.",
  },
  invalid_npi: {
    title: "NPI not valid",
    why: "An NPI is ten digits, the last a check digit of the first nine.",
  },
  learner_without_activity: {
    title: "Completion names no activity",
    why: "Its Internal ID or ACCME Activity ID matches no reported activity.",
  },
  learner_activity_ambiguous: {
    title: "Completion fits several activities",
    why: "The ACCME Activity ID is on more than one activity; give the Internal ID.",
  },
  learner_activity_cancelled: {
    title: "Completion for a Cancelled activity",
    why: "Learners of a Cancelled activity are not reported.",
  },
  learner_accme_id_mismatch: {
    title: "ACCME Activity ID does not match",
    why: "The completion's ACCME Activity ID is not that of the activity its Internal ID names.",
  },
  learner_activity_not_active: {
    title: "Activity not yet Active",
    why: "PARS takes learners for an activity that is at least Active.",
  },
  learner_activity_no_accme_id: {
    title: "Activity has no ACCME Activity ID",
    why: "Learners are reported against an activity already in PARS, which gives it that ID.",
  },
  learner_field_missing: {
    title: "Learner value missing",
    why: "PARS or the board needs these cells for a learner completion.",
  },
  learner_no_credit: {
    title: "Completion reports no credit",
    why: "Give CME Credits, or a board with MOC Credit Type and MOC Points.",
  },
  completion_outside_dates: {
    title: "Completion outside the activity's dates",
    why: "A completion date falls within its activity's start and end.",
  },
  completion_in_future: {
    title: "Completion dated in the future",
    why: "A completion is reported once it has happened.",
  },
  learner_credits_exceed: {
    title: "More credits than the activity",
    why: "A learner's CME credits are at most the activity's.",
  },
  learner_board_not_registered: {
    title: "Board not registered for the activity",
    why: "A board takes MOC completions only for activities registered with it.",
  },
  learner_points_exceed: {
    title: "More MOC points than registered",
    why: "A learner's MOC points are at most those the activity is registered for with the board.",
  },
  learner_credit_type_unknown: {
    title: "MOC credit type not taken by the board",
    why: "Each board takes only its own MOC credit types.",
  },
  learner_credit_type_unverified: {
    title: "MOC credit type not checked",
    why: "The board's credit types are not known here; make sure it is the board's own name.",
  },
  learner_credit_type_discontinued: {
    title: "MOC credit type no longer taken",
    why: "The board stopped taking this credit type for later completions.",
  },
  board_completion_too_early: {
    title: "Completion before the board takes them",
    why: "The board takes completions through PARS only from a certain date on.",
  },
  board_points_differ: {
    title: "MOC points differ between learners",
    why: "This board takes the same MOC points for every learner of an activity.",
  },
  board_report_deadline: {
    title: "Board's reporting deadline passed",
    why: "The board takes a year's completions only until its deadline, so it may refuse these.",
  },
  moc_completion_late: {
    title: "MOC completion reported late",
    why: "ACCME and the boards expect MOC completions within 30 days.",
  },
  learner_duplicate: {
    title: "Learner completion repeated",
    why: "The same learner, activity and completion date is on more than one row.",
  },
  learner_delete_unmatched: {
    title: "Delete matches no completion",
    why: "No Add row names this completion; make sure it was reported to PARS before.",
  },
  completions_exceed_learners: {
    title: "More completions than learners",
    why: "An activity's completions may be fewer than its learners, never more.",
  },
};

/** The heading of a kind of finding. */
export function causeOf(code: IssueCode): { title: string; why: string } {
  return CAUSES[code];
}

const verdictKey = (sheet: string, row: number) => `${sheet}|${String(row)}`;

function labelOf(v: RowVerdict | undefined): string | null {
  if (v === undefined) return null;
  return [v.internalId, v.title].filter((x) => x !== null && x !== "").join(" · ") || null;
}

function whereOf(issue: Issue, v: RowVerdict | undefined): string {
  if (HEADER_ISSUE_CODES.has(issue.code)) return `${issue.table} columns`;
  const hidden = issue.hidden === true ? " (hidden row)" : "";
  const base =
    issue.table === "Activities"
      ? `Row ${String(issue.row)}${hidden}`
      : `${issue.table} row ${String(issue.row)}${hidden}`;
  const label = labelOf(v);
  return label === null ? base : `${base} · ${label}`;
}

/** A row's statuses as a coordinator says them. */
export function statusText(v: RowVerdict): string {
  const declared =
    v.declaredStatus === null
      ? `no status declared, so checked for ${v.heldTo}`
      : `declared ${v.declaredStatus}`;
  return `Data supports ${v.achievedStatus}; ${declared}.`;
}

const bySeverity = (a: FindingItem, b: FindingItem) =>
  (a.severity === "error" ? 0 : 1) - (b.severity === "error" ? 0 : 1);

/** The table and column choices a result offers its filters, in the engine's order. */
export function filterChoices(result: CheckResult): {
  tables: TableName[];
  columns: string[];
} {
  const tables: TableName[] = [];
  const columns: string[] = [];
  for (const issue of result.issues) {
    if (!tables.includes(issue.table)) tables.push(issue.table);
    if (!columns.includes(issue.column)) columns.push(issue.column);
  }
  return { tables, columns: columns.sort((a, b) => a.localeCompare(b)) };
}

/**
 * A check's findings gathered by cause or by sheet row, keeping those the filter asks for. Errors
 * come before warnings inside a group, and groups with errors before those with only warnings.
 * Activities rows carry their statuses; a status filter keeps only Activities rows. Pure.
 */
export function findingGroups(result: CheckResult, filter: FindingFilter): FindingGroup[] {
  const verdicts = new Map(result.rows.map((r) => [verdictKey(r.sheet, r.row), r] as const));
  const words = filter.search
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== "");
  const groups = new Map<
    string,
    {
      base: Omit<FindingGroup, "items" | "errors" | "warnings">;
      items: FindingItem[];
      /** Where the group sits in the sheets: its table and row (0 for the header). */
      table: TableName;
      row: number;
    }
  >();

  result.issues.forEach((issue, i) => {
    if (filter.severity !== "all" && issue.severity !== filter.severity) return;
    if (filter.table !== "all" && issue.table !== filter.table) return;
    if (filter.column !== "all" && issue.column !== filter.column) return;
    const header = HEADER_ISSUE_CODES.has(issue.code);
    const v =
      issue.table === "Activities" && !header
        ? verdicts.get(verdictKey(issue.sheet, issue.row))
        : undefined;
    if (filter.status !== "all") {
      if (v === undefined) return;
      if (filter.status === "failing" ? v.passes : v.achievedStatus !== filter.status) return;
    }
    const item: FindingItem = {
      key: String(i),
      severity: issue.severity,
      code: issue.code,
      column: issue.column,
      message: messageOf(issue),
      where: whereOf(issue, v),
      place: { table: issue.table, sheet: issue.sheet, row: issue.row, column: issue.column },
    };
    if (words.length > 0) {
      const text = `${item.where} ${item.column} ${item.message}`.toLowerCase();
      if (!words.every((w) => text.includes(w))) return;
    }
    const row = header ? 0 : issue.row;
    const key =
      filter.groupBy === "cause"
        ? `cause|${issue.code}`
        : `row|${issue.table}|${issue.sheet}|${String(row)}`;
    let group = groups.get(key);
    if (group === undefined) {
      const base =
        filter.groupBy === "cause"
          ? causeBase(key, issue.code)
          : rowBase(key, issue.table, issue.sheet, header, v, item.where);
      group = { base, items: [], table: issue.table, row };
      groups.set(key, group);
    }
    group.items.push(item);
  });

  // A failing row whose table lacks a whole column the row's status needs: that finding is said
  // once, at the header, so the row gets a line pointing to it, and a group of its own when it
  // has no other finding (the CLI lists such a row too).
  if (filter.groupBy === "row") {
    // Looked up once, not per row: at 10,000 rows every one may point to the same header finding.
    const headerFindings = new Map<string, number>();
    result.issues.forEach((issue, i) => {
      if (issue.code === "missing_column") headerFindings.set(`${issue.table}|${issue.column}`, i);
    });
    for (const v of result.rows) {
      if (v.passes) continue;
      for (const m of missingColumnsFor(v, v.heldTo)) {
        const at = headerFindings.get(`${m.table}|${m.column}`);
        const header = at === undefined ? undefined : result.issues[at];
        // verdicts adds the header's finding for every column a row is pointed to; without it
        // there is nothing to point to, and the row's needs line still names the column.
        if (at === undefined || header === undefined) continue;
        const item = pointerItem(v, m, header, at, filter, words);
        if (item === null) continue;
        const key = `row|Activities|${v.sheet}|${String(v.row)}`;
        let group = groups.get(key);
        if (group === undefined) {
          const base = rowBase(key, "Activities", v.sheet, false, v, item.where);
          group = { base, items: [], table: "Activities", row: v.row };
          groups.set(key, group);
        }
        group.items.push(item);
      }
    }
  }

  const out: { group: FindingGroup; table: number; row: number }[] = [];
  for (const { base, items, table, row } of groups.values()) {
    const errors = items.filter((x) => x.severity === "error").length;
    out.push({
      group: { ...base, errors, warnings: items.length - errors, items: items.sort(bySeverity) },
      table: TABLE_ORDER.get(table) ?? TABLE_ORDER.size,
      row,
    });
  }
  // By cause, the most common error first; by row, rows with errors first, in sheet order.
  return out
    .sort(
      (a, b) =>
        (a.group.errors > 0 ? 0 : 1) - (b.group.errors > 0 ? 0 : 1) ||
        (filter.groupBy === "cause"
          ? b.group.items.length - a.group.items.length
          : a.table - b.table || a.row - b.row)
    )
    .map((x) => x.group);
}

const TABLE_ORDER = new Map<TableName, number>(TABLE_SPECS.map((t, i) => [t.table, i]));

/**
 * A failing row's line for a column its table lacks: an error that names the column and points to
 * the header's `missing_column` finding (its place, so going to it goes to the header row). Null
 * when the filter leaves it out.
 */
function pointerItem(
  v: RowVerdict,
  m: MissingColumnRef,
  header: Issue,
  at: number,
  filter: FindingFilter,
  words: readonly string[]
): FindingItem | null {
  if (filter.severity === "warning") return null;
  if (filter.table !== "all" && filter.table !== m.table && filter.table !== "Activities") {
    return null;
  }
  if (filter.column !== "all" && filter.column !== m.column) return null;
  if (filter.status !== "all") {
    if (filter.status === "failing" ? v.passes : v.achievedStatus !== filter.status) return null;
  }
  const label = labelOf(v);
  const item: FindingItem = {
    key: `${String(at)}>${v.sheet}|${String(v.row)}`,
    severity: "error",
    code: "missing_column",
    column: m.column,
    message: `The ${m.table} table has no ${m.column} column, which this row needs for ${v.heldTo}: see ${m.table} columns, header row ${String(m.headerRow)}.`,
    where: label === null ? `Row ${String(v.row)}` : `Row ${String(v.row)} · ${label}`,
    place: { table: m.table, sheet: header.sheet, row: m.headerRow, column: m.column },
    refersTo: String(at),
  };
  if (words.length > 0) {
    const text = `${item.where} ${item.column} ${item.message}`.toLowerCase();
    if (!words.every((w) => text.includes(w))) return null;
  }
  return item;
}

type GroupBase = Omit<FindingGroup, "items" | "errors" | "warnings">;

function causeBase(key: string, code: IssueCode): GroupBase {
  const cause = causeOf(code);
  return { key, title: cause.title, detail: cause.why === "" ? null : cause.why, needs: null };
}

function rowBase(
  key: string,
  table: TableName,
  sheetName: string,
  header: boolean,
  v: RowVerdict | undefined,
  where: string
): GroupBase {
  const sheet = sheetName === table ? "" : ` on ${sheetName}`;
  if (header) {
    return { key, title: `${table} columns${sheet}`, detail: null, needs: null };
  }
  const lacking = v === undefined || v.passes ? [] : missingFor(v, v.heldTo);
  return {
    key,
    title: `${where}${sheet}`,
    detail: v === undefined ? null : statusText(v),
    needs: v === undefined || v.passes ? null : { status: v.heldTo, columns: lacking },
  };
}

/** For a failing row, "Not ready for Closed: City, Credits." */
export function needsText(needs: NonNullable<FindingGroup["needs"]>): string {
  return needs.columns.length === 0
    ? `Not ready for ${needs.status}: fix the errors below.`
    : `Not ready for ${needs.status}: needs ${needs.columns.join(", ")}.`;
}
