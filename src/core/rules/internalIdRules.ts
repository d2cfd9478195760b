import { OTHER_ROWS_LISTED } from "../model/issue";
import type { ActivityRecord } from "../parse/readRecords";
import { NONE, type BookRule, type Finding } from "./context";

const SEVEN_DIGITS = /^\d{7}$/;

/** The rows of `rows` other than `a`'s: the first OTHER_ROWS_LISTED of them, and how many in all. */
function othersIn(
  rows: readonly ActivityRecord[],
  a: ActivityRecord
): { otherRows: number[]; others: number } {
  const otherRows: number[] = [];
  for (let i = 0; i < rows.length && otherRows.length < OTHER_ROWS_LISTED; i++) {
    const o = rows[i] as ActivityRecord;
    if (o !== a) otherRows.push(o.row);
  }
  return { otherRows, others: rows.length - 1 };
}

/** For each activity, the activities of its Internal ID's group with its format and start date. */
type SameFormatAndDay = Map<ActivityRecord, readonly ActivityRecord[]>;

/**
 * For each activity of one Internal ID's group, the activities of the group with its format and
 * start date (itself included; alone when either is unreadable). Made once per group and kept in
 * `made`, so that a group of thousands (an ID such as "TBD" on every row) costs one pass, not one
 * per row.
 */
function sameFormatAndDay(
  made: Map<readonly ActivityRecord[], SameFormatAndDay>,
  group: readonly ActivityRecord[]
): SameFormatAndDay {
  let byActivity = made.get(group);
  if (byActivity === undefined) {
    byActivity = new Map();
    const byKey = new Map<string, ActivityRecord[]>();
    for (const a of group) {
      if (a.format.kind !== "ok" || a.startDate.kind !== "ok") {
        byActivity.set(a, [a]);
        continue;
      }
      const key = `${a.format.value}|${String(a.startDate.value)}`;
      let list = byKey.get(key);
      if (list === undefined) byKey.set(key, (list = []));
      list.push(a);
      byActivity.set(a, list);
    }
    made.set(group, byActivity);
  }
  return byActivity;
}

/** How many activities there are of each format and start date, by "format|day". */
function countByFormatAndDay(activities: readonly ActivityRecord[]): Map<string, number> {
  const byFormatDay = new Map<string, number>();
  for (const a of activities) {
    if (a.format.kind === "ok" && a.startDate.kind === "ok") {
      const k = `${a.format.value}|${a.startDate.value}`;
      byFormatDay.set(k, (byFormatDay.get(k) ?? 0) + 1);
    }
  }
  return byFormatDay;
}

/**
 * Internal ID: present; unique for one format and start date; not reused across formats or dates;
 * never the provider's seven-digit ACCME ID.
 * Source: PARS FAQ, "The Internal ID is a unique code ... used in combination with the data in the
 * Activity Type and Activity Date fields"; required "when your organization offers multiple
 * activities in the same format on the same date", "via batch upload" and "when the activity
 * offers MOC"; "Providers should not use their assigned seven-digit provider ID number".
 */
export const internalIdRules: BookRule = (ctx) => {
  if (ctx.plainIds) return NONE; // every ID present, distinct, and not seven characters
  const out: Finding[] = [];
  const place = (a: ActivityRecord) => ctx.book.activities.place(a.row, "internalId");
  const groups = new Map<readonly ActivityRecord[], SameFormatAndDay>();
  // Only activities without an ID need to know whether another shares their format and day:
  // counted when the first of them is met, so a book where every row has an ID never counts.
  let byFormatDay: Map<string, number> | null = null;
  const columnAbsent = !ctx.book.activities.columns.columns.has("internalId");
  let neededWithoutColumn = 0;
  let requiredWithoutColumn = false;
  // Indexed: in a function this size a `for ... of` allocates an iterator result per activity.
  const activities = ctx.activities;
  for (let n = 0; n < activities.length; n++) {
    const a = activities[n] as ActivityRecord;
    if (a.internalId.kind === "empty") {
      byFormatDay ??= countByFormatAndDay(activities);
      const sameDay =
        a.format.kind === "ok" &&
        a.startDate.kind === "ok" &&
        (byFormatDay.get(`${a.format.value}|${a.startDate.value}`) ?? 0) > 1;
      const required =
        a.moc.kind === "ok" && a.moc.value
          ? "moc"
          : ctx.upload
            ? "upload"
            : sameDay
              ? "same_day"
              : null;
      if (columnAbsent) {
        // No Internal ID column at all: said once for the table, not once per row.
        neededWithoutColumn++;
        requiredWithoutColumn ||= required !== null;
        continue;
      }
      out.push({
        body: { code: "internal_id_missing", required },
        severity: required === null ? "warning" : "error",
        place: place(a),
        owner: a.row,
      });
      continue;
    }
    if (a.internalId.kind !== "ok") continue;
    const id = a.internalId.value;
    if (ctx.providerId !== null && id.trim() === ctx.providerId) {
      out.push({
        body: { code: "internal_id_is_provider_id", id },
        severity: "error",
        place: place(a),
        owner: a.row,
      });
    } else if (ctx.providerId === null && id.length >= 7 && SEVEN_DIGITS.test(id.trim())) {
      out.push({
        body: { code: "internal_id_seven_digits", id },
        severity: "warning",
        place: place(a),
        owner: a.row,
      });
    }
    const group = ctx.sameIdGroup(a);
    if (group.length === 0) continue;
    const same = sameFormatAndDay(groups, group).get(a) as readonly ActivityRecord[];
    if (same.length > 1) {
      out.push({
        body: { code: "internal_id_duplicate", id, ...othersIn(same, a) },
        severity: "error",
        place: place(a),
        owner: a.row,
      });
    } else {
      out.push({
        body: { code: "internal_id_reused", id, ...othersIn(group, a) },
        severity: "warning",
        place: place(a),
        owner: a.row,
      });
    }
  }
  if (neededWithoutColumn > 0) {
    out.push({
      body: { code: "missing_column", rows: neededWithoutColumn, status: null },
      severity: requiredWithoutColumn ? "error" : "warning",
      place: ctx.book.activities.place(ctx.book.activities.headerRow, "internalId"),
      owner: null,
    });
  }
  return out;
};
