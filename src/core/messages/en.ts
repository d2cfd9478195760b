import { LEARNER_MESSAGES } from "../learners/learnerMessages";
import type { Condition, Issue, IssueCode } from "../model/issue";

type Messages = { readonly [C in IssueCode]: (issue: Extract<Issue, { code: C }>) => string };

const CONDITION_TEXT: Readonly<Record<Condition, string>> = {
  cme_passport: " because CME Passport is Yes",
  in_person: " for an activity delivered in person",
  usa: " when the country is USA",
  joint: " for a jointly provided activity",
  commercial_support: " for each commercial supporter",
  monetary: " for monetary support",
  moc: " for an activity registered for MOC",
  format_delivery: " for this format",
};

/** "1 row", "3 rows": a count with its noun, singular or plural. */
const rowsOf = (n: number, noun: string): string => `${String(n)} ${noun}${n === 1 ? "" : "s"}`;

const list = (items: readonly string[]): string =>
  items.length <= 6 ? items.join(", ") : `${items.slice(0, 6).join(", ")}, …`;

const andList = (items: readonly string[]): string =>
  items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1) ?? ""}`;

const rows = (r: readonly number[]): string =>
  r.length === 1 ? `row ${String(r[0])}` : `rows ${list(r.map(String))}`;

/** Some of `all` other rows, `listed` first: "rows 3, 4, 5, 6, 7, 8 and 994 more". */
const otherRows = (listed: readonly number[], all: number): string => {
  const shown = listed.slice(0, 6);
  const more = all - shown.length;
  return more > 0 ? `${rows(shown)} and ${String(more)} more` : rows(shown);
};

const quantity = {
  credits: "credits",
  physician_learners: "physician learners",
  other_learners: "other learners",
} as const;

/** One message per finding code; the compiler demands one for every code. */
export const MESSAGES: Messages = {
  ...LEARNER_MESSAGES,
  aggregate_format_repeated: (i) =>
    `Another ${i.format} activity starts within 12 months (${otherRows(i.otherRows, i.others)}); PARS asks for one such activity per 12 months, with all learners aggregated.`,
  boards_without_moc: (i) =>
    `MOC is No, but ${rowsOf(i.boards, "MOC board row")} ${i.boards === 1 ? "names" : "name"} this activity; set MOC to Yes or remove ${i.boards === 1 ? "it" : "those rows"}.`,
  formula_without_result: (i) =>
    `The cell holds ${i.formula === "" ? "a formula" : `the formula =${i.formula}`} but no saved result: the file was written by a program and never calculated. Open and save the workbook in Excel, then check again.`,
  negative_amount: (i) => `"${i.value}" is below zero; a support amount is 0 or more.`,
  zero_amount: () =>
    "Monetary support of 0: report the amount received, or mark the support In-kind if no money was given.",
  unknown_columns: (i) =>
    `Not read: ${list(
      i.headers.map((h, n) => {
        const s = i.suggestions[n];
        return s === null || s === undefined ? `"${h}"` : `"${h}" (did you mean ${s}?)`;
      })
    )}. Other columns are kept and ignored; rename a column to its PARS header to have it read.`,
  url_scheme_added: (i) => `"${i.value}" has no http:// or https://; read as ${i.url}.`,
  word_read_as: (i) =>
    i.why === "co_provided"
      ? `"${i.value}" read as ${i.as}: PARS asks for co-provided activities to be reported as Direct by the accredited provider that awards the credit.`
      : `"${i.value}" read as ${i.as}.`,
  date_as_text: (i) =>
    i.certain
      ? `This date is text, not an Excel date; Excel sorts and filters it as words. Read as ${i.day}.`
      : `This date is text, not an Excel date; Excel sorts and filters it as words. Read as ${i.day}, month first and without a time of day; check that day and enter it as a date.`,
  moc_blank_with_boards: (i) =>
    `MOC is blank, but ${rowsOf(i.boards, "MOC board row")} ${i.boards === 1 ? "names" : "name"} this activity; set MOC to Yes, or remove ${i.boards === 1 ? "it" : "those rows"}.`,
  cell_error: (i) =>
    `The cell holds the Excel error ${i.value}; expected a value. Fix the formula or type the value.`,
  closed_needs: (i) =>
    `No Status: the activity has ended, so it is checked as Ready to Close. To close it, PARS also needs: ${list(i.missing)}.`,
  code_normalised: (i) => `"${i.value}" read as ${i.normalised}, the code PARS expects.`,
  control_characters: () => "Contains a tab or line break; uploads will replace it with a space.",
  description_too_long: (i) =>
    `Description is ${String(i.length)} characters; PARS takes at most ${String(i.max)}.`,
  duplicate_column: (i) =>
    i.letters === undefined || i.letters === null || i.meaning === undefined
      ? `Column appears more than once (${i.columns.map((c) => `"${c}"`).join(", ")}); the first one is read, the others are ignored.`
      : `Columns ${andList(i.letters)} ${i.letters.length === 2 ? "both" : "all"} read as ${i.meaning} (${i.columns.map((c) => `"${c}"`).join(", ")}); column ${i.letters[0] ?? ""} is read, the others are ignored.`,
  end_before_start: (i) => `End date ${i.end} is before start date ${i.start}.`,
  end_date_not_passed: (i) =>
    `End date ${i.end} is not in the past (as of ${i.today}); a ${i.status} activity must have ended. Use Active until it ends.`,
  end_date_passed: (i) =>
    `End date ${i.end} is in the past (as of ${i.today}): PARS shows this Active activity as Ready to Close, and it is checked and exported as Ready to Close. Change its Status to Ready to Close, or to Closed once it has what Closed needs.`,
  in_kind_with_amount: () =>
    "In-kind support is reported with its source and no dollar value; the amount will not be reported.",
  internal_id_duplicate: (i) =>
    `Internal ID "${i.id}" is also used on ${otherRows(i.otherRows, i.others)} with the same format and start date; PARS would take them for one activity.`,
  internal_id_is_provider_id: (i) =>
    `Internal ID "${i.id}" is your seven-digit ACCME provider ID; give each activity its own Internal ID.`,
  internal_id_missing: (i) =>
    i.required === "moc"
      ? "Internal ID is required for an activity registered for MOC."
      : i.required === "upload"
        ? "Internal ID is required for batch upload."
        : i.required === "same_day"
          ? "Internal ID is required: another activity of the same format starts the same day."
          : "Internal ID is empty; it will be required for batch upload.",
  internal_id_reused: (i) =>
    `Internal ID "${i.id}" is also used on ${otherRows(i.otherRows, i.others)} for another format or start date. PARS tells them apart by format and start date; Support and MOC rows for this ID say which activity by their Start Date.`,
  internal_id_same_once_safe: (i) =>
    `Internal ID ${JSON.stringify(i.id)} is written ${JSON.stringify(i.written)}, the same as row ${String(i.otherRow)}'s ${JSON.stringify(i.otherId)}: PARS would take the two for one activity. Make the IDs differ in letters or digits.`,
  internal_id_seven_digits: (i) =>
    `Internal ID "${i.id}" has seven digits, like an ACCME provider ID; set your provider ID so this can be checked, or use another Internal ID.`,
  invalid_code: (i) =>
    `"${i.value}" is not a ${i.vocabulary}; expected one of: ${list(i.allowed)}.`,
  invalid_count: (i) => `"${i.value}" is not a learner count; expected a whole number, 0 or more.`,
  invalid_credits: (i) =>
    `"${i.value}" is not a credit amount; expected at least 0.25, in steps of 0.25.`,
  invalid_date: (i) => `"${i.value}" is not a date; expected MM/DD/YYYY or YYYY-MM-DD.`,
  invalid_number: (i) => `"${i.value}" is not a number.`,
  invalid_url: (i) =>
    `"${i.value}" is not a web address; expected one starting with http:// or https://.`,
  invalid_yes_no: (i) => `"${i.value}" is not Yes or No; expected Yes/No, Y/N or TRUE/FALSE.`,
  no_known_columns: (i) =>
    `No header in this row is a column of the ${i.table} table, so its rows cannot be read; expected headers such as ${list(i.expected.map((h) => `"${h}"`))}.`,
  learner_count_decreased: (i) =>
    `Cumulative learners through ${i.through} (${String(i.physicianLearners)} physicians, ${String(i.otherLearners)} others) are fewer than through ${i.previousThrough} (${String(i.previousPhysicianLearners)}, ${String(i.previousOtherLearners)}); a cumulative count only grows.`,
  learner_count_missing: (i) =>
    `No cumulative learner count through ${i.through} for this enduring material; add a Learner Counts row through ${i.through} (PARS asks for it each year the material is active).`,
  learner_count_not_cumulative: (i) =>
    `Learner Counts are for enduring materials; this activity is ${i.format}, whose learners are reported once on its own row. This count is not used.`,
  learner_count_outside_dates: (i) =>
    `Counted through ${i.through}, outside the activity's dates (${i.start} to ${i.end}).`,
  missing_column: (i) =>
    `The ${i.table} table has no "${i.column}" column; ${rowsOf(i.rows, "row")} ${i.rows === 1 ? "needs" : "need"} it${i.status === null ? "" : ` (for ${i.status})`}.`,
  missing_field: (i) =>
    `${i.column} is required for ${i.status}${i.condition === null ? "" : CONDITION_TEXT[i.condition]}.`,
  moc_attestation_incomplete: () =>
    "MOC Attestation must be Yes to close an activity registered for MOC.",
  moc_without_board: (i) =>
    i.status === null
      ? "MOC is Yes but no MOC board row names this activity; Closed will need at least one."
      : `MOC is Yes but no MOC board row names this activity; ${i.status} needs at least one.`,
  no_activity_on_date: (i) =>
    `No activity with Internal ID "${i.id}" starts on ${i.startDate}${i.starts.length === 0 ? "" : ` (its activities start on ${list(i.starts)})`}; this row belongs to none. Correct the Start Date.`,
  not_a_format: (i) => `"${i.value}" is not a PARS format; it is usually reported as ${i.usually}.`,
  orphan_row: (i) =>
    i.id === ""
      ? `This ${i.table} row has no Internal ID, so it belongs to no activity.`
      : `No activity has Internal ID "${i.id}"; this ${i.table} row belongs to none.`,
  row_of_several_activities: (i) =>
    i.by === "start_date"
      ? `Internal ID "${i.id}" is used for ${String(i.count)} activities (${otherRows(i.candidates, i.count)}); this row belongs to none of them until its Start Date says which.`
      : `Internal ID "${i.id}" is used for ${String(i.count)} activities (${otherRows(i.candidates, i.count)}) and this session's date does not say which; it belongs to none of them. Check the Session Date or give each activity its own Internal ID.`,
  series_total_mismatch: (i) =>
    `${quantity[i.quantity].replace(/^./, (c) => c.toUpperCase())} are ${String(i.reported)}, but its ${String(i.sessions)} session(s) add up to ${String(i.sessionsTotal)}.`,
  session_outside_dates: (i) =>
    `Session date ${i.date} is outside the activity's dates (${i.start} to ${i.end}).`,
  sources_without_support: (i) =>
    `Commercial Support is No, but ${rowsOf(i.sources, "support source row")} ${i.sources === 1 ? "names" : "name"} this activity.`,
  span_too_long: (i) =>
    `A ${i.format} may span at most ${String(i.maxMonths)} months: it must end by ${i.lastDay}. Report each period as its own activity.`,
  support_date_missing: (i) =>
    `The activity runs from ${i.start} to ${i.end}, across years; give the Date Received so the support is counted in the year it was received.`,
  support_without_source: (i) =>
    i.status === null
      ? "Commercial Support is Yes but no support source row names this activity; Closed will need one."
      : `Commercial Support is Yes but no support source row names this activity; ${i.status} needs at least one.`,
  text_empty_once_safe: (i) =>
    `${i.column} holds only characters an upload cannot carry (control characters); with them removed it is empty.`,
  unknown_format: (i) =>
    `"${i.value}" is not a PARS format; expected a format name or code (RSS, C, EM, JN, MR, TIW, PI, ISL, LFT, CML, Other/Blended).`,
};

/** The message a coordinator reads for a finding. */
export function messageOf(issue: Issue): string {
  const format = MESSAGES[issue.code] as (i: Issue) => string; // same key as the issue's code
  return format(issue);
}
