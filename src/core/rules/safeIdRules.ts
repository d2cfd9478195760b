import { safeText } from "../export/safeText";
import type { ActivityRecord } from "../parse/readRecords";
import { idKey, NONE, type BookRule, type Finding } from "./context";

/**
 * Internal ID as an upload writes it (`safeText`): two IDs typed otherwise ("GR 2024" and
 * "GR<tab>2024") that are one text in the file are an error on each row, naming the first other
 * row; an ID made only of characters no upload can carry is empty in the file. IDs the same as
 * typed are left to `internalIdRules`, so an exact duplicate is said once.
 * Source: PARS FAQ, "The Internal ID is a unique code ... used in combination with the data in the
 * Activity Type and Activity Date fields": PARS matches upload records by the Provider Activity ID
 * the file holds, not by the cell.
 */
/** True for a text of printable ASCII only: it is the same once made safe. */
function printableAscii(text: string): boolean {
  // A loop rather than a regular expression: it runs on every activity's ID.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

/** The ID as an upload writes it; the typed text itself, by identity, when nothing changes. */
const written = (typed: string): string => (printableAscii(typed) ? typed : safeText(typed));

export const safeIdRules: BookRule = (ctx) => {
  if (ctx.plainIds) return NONE; // every ID printable ASCII: the same once made safe
  const out: Finding[] = [];
  const place = (a: ActivityRecord) => ctx.book.activities.place(a.row, "internalId");
  // Most books have no ID that changes once made safe: then nothing can collide.
  const changedKeys = new Set<string>();
  // Indexed: in a function this size a `for ... of` allocates an iterator result per activity.
  const activities = ctx.activities;
  for (let n = 0; n < activities.length; n++) {
    const a = activities[n] as ActivityRecord;
    if (a.internalId.kind !== "ok") continue;
    const typed = a.internalId.value;
    const safe = written(typed);
    if (safe === typed) continue;
    if (safe === "") {
      const required = ctx.upload || (a.moc.kind === "ok" && a.moc.value);
      out.push({
        body: { code: "text_empty_once_safe" },
        severity: required ? "error" : "warning",
        place: place(a),
        owner: a.row,
      });
    } else {
      changedKeys.add(idKey(safe));
    }
  }
  if (changedKeys.size === 0) return out;

  const bySafe = new Map<string, ActivityRecord[]>();
  for (const a of ctx.activities) {
    if (a.internalId.kind !== "ok") continue;
    const k = idKey(written(a.internalId.value));
    if (!changedKeys.has(k)) continue;
    const list = bySafe.get(k);
    if (list === undefined) bySafe.set(k, [a]);
    else list.push(a);
  }
  for (const group of bySafe.values()) {
    if (group.length < 2) continue;
    const typed = group.map((a) => (a.internalId.kind === "ok" ? a.internalId.value : ""));
    const typedKeys = typed.map(idKey);
    group.forEach((a, i) => {
      const j = typedKeys.findIndex((k, n) => n !== i && k !== typedKeys[i]);
      if (j < 0) return; // every other row of the group has this ID as typed
      out.push({
        body: {
          code: "internal_id_same_once_safe",
          id: typed[i] as string,
          written: written(typed[i] as string),
          otherRow: (group[j] as ActivityRecord).row,
          otherId: typed[j] as string,
        },
        severity: "error",
        place: place(a),
        owner: a.row,
      });
    });
  }
  return out;
};
