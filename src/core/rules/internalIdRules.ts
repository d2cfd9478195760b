import type { ActivityRecord } from "../parse/readRecords";
import type { BookRule, Finding } from "./context";

const SEVEN_DIGITS = /^\d{7}$/;

/**
 * Internal ID: present; unique for one format and start date; not reused across formats or dates;
 * never the provider's seven-digit ACCME ID.
 * Source: PARS FAQ, "The Internal ID is a unique code ... used in combination with the data in the
 * Activity Type and Activity Date fields"; required "when your organization offers multiple
 * activities in the same format on the same date", "via batch upload" and "when the activity
 * offers MOC"; "Providers should not use their assigned seven-digit provider ID number".
 */
export const internalIdRules: BookRule = (ctx) => {
  const out: Finding[] = [];
  const place = (a: ActivityRecord) => ctx.book.activities.place(a.row, "internalId");
  const byFormatDay = new Map<string, number>();
  // Only activities without an ID need to know whether another shares their format and day.
  const withoutId = ctx.activities.filter((a) => a.internalId.state === "empty");
  if (withoutId.length > 0) {
    for (const a of ctx.activities) {
      if (a.format.state === "ok" && a.startDate.state === "ok") {
        const k = `${a.format.value}|${a.startDate.value}`;
        byFormatDay.set(k, (byFormatDay.get(k) ?? 0) + 1);
      }
    }
  }
  const columnAbsent = !ctx.book.activities.columns.columns.has("internalId");
  let neededWithoutColumn = 0;
  let requiredWithoutColumn = false;
  for (const a of ctx.activities) {
    if (a.internalId.state === "empty") {
      const sameDay =
        a.format.state === "ok" &&
        a.startDate.state === "ok" &&
        (byFormatDay.get(`${a.format.value}|${a.startDate.value}`) ?? 0) > 1;
      const required =
        a.moc.state === "ok" && a.moc.value
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
    if (a.internalId.state !== "ok") continue;
    const id = a.internalId.value;
    if (ctx.providerId !== null && id.trim() === ctx.providerId) {
      out.push({
        body: { code: "internal_id_is_provider_id", id },
        severity: "error",
        place: place(a),
        owner: a.row,
      });
    } else if (ctx.providerId === null && SEVEN_DIGITS.test(id.trim())) {
      out.push({
        body: { code: "internal_id_seven_digits", id },
        severity: "warning",
        place: place(a),
        owner: a.row,
      });
    }
    const others = ctx.othersWithSameId(a);
    if (others.length === 0) continue;
    const same = others.filter(
      (o) =>
        o.format.state === "ok" &&
        a.format.state === "ok" &&
        o.format.value === a.format.value &&
        o.startDate.state === "ok" &&
        a.startDate.state === "ok" &&
        o.startDate.value === a.startDate.value
    );
    if (same.length > 0) {
      out.push({
        body: { code: "internal_id_duplicate", id, otherRows: same.map((o) => o.row) },
        severity: "error",
        place: place(a),
        owner: a.row,
      });
    } else {
      out.push({
        body: { code: "internal_id_reused", id, otherRows: others.map((o) => o.row) },
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
