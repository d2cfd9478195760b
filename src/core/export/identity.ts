import { idKey } from "../rules/context";
import type { ActivityRecord } from "../parse/readRecords";
import type { ExportActivity } from "./model";
import { safeText } from "./safeText";

// What an activity is known by in PARS, judged on the text the file will hold rather than on the
// cells: PARS matches records by Provider Activity ID, so an upload row without one, or two rows
// whose IDs become one text once made safe, would be taken for other activities or for one.

/** Why a row without an Internal ID cannot go into an upload (when the check gave no words). */
export const NO_INTERNAL_ID =
  "Has no Internal ID: every row of a batch upload needs one, and PARS matches records by it.";

/**
 * The text columns of a row that hold only characters no upload can carry: made safe they are
 * empty, so they count as empty, and a row needing them cannot go in as if they were filled.
 */
export function emptiedOnceSafe(a: ActivityRecord): (keyof ActivityRecord)[] {
  const out: (keyof ActivityRecord)[] = [];
  for (const key of Object.keys(a) as (keyof ActivityRecord)[]) {
    const field = a[key] as { kind?: string; value?: unknown } | number;
    if (typeof field !== "object" || field.kind !== "ok") continue;
    const v = field.value;
    const texts = typeof v === "string" ? [v] : Array.isArray(v) ? v : [];
    if (texts.some((t) => typeof t === "string" && t.trim() !== "" && safeText(t) === "")) {
      out.push(key);
    }
  }
  return out;
}

/** Two rows whose Internal IDs differ in the workbook but are one text in the file. */
export type IdCollision = {
  readonly row: number;
  readonly typed: string;
  readonly written: string;
  readonly otherRow: number;
  readonly otherTyped: string;
};

/**
 * The activities of a file whose Provider Activity ID, as written, is another row's while their
 * Internal IDs as typed differ ("GR 2024" and "GR<tab>2024"): each is named with the first other
 * row it collides with. Rows sharing one typed ID are the check's business (`internalIdRules`).
 */
export function idCollisions(
  activities: readonly ExportActivity[],
  typedId: (row: number) => string | undefined
): IdCollision[] {
  const byWritten = new Map<string, ExportActivity[]>();
  for (const a of activities) {
    const written = a.values.internalId;
    if (written === undefined) continue;
    const k = idKey(written);
    const list = byWritten.get(k);
    if (list === undefined) byWritten.set(k, [a]);
    else list.push(a);
  }
  const out: IdCollision[] = [];
  for (const group of byWritten.values()) {
    if (group.length < 2) continue;
    const typed = group.map((a) => typedId(a.row) ?? "");
    if (new Set(typed.map(idKey)).size < 2) continue;
    group.forEach((a, i) => {
      const j = typed.findIndex((t, k) => k !== i && idKey(t) !== idKey(typed[i] as string));
      out.push({
        row: a.row,
        typed: typed[i] as string,
        written: a.values.internalId as string,
        otherRow: (group[j] as ExportActivity).row,
        otherTyped: typed[j] as string,
      });
    });
  }
  return out;
}

/** A collision in words, for the preview. */
export function collisionMessage(c: IdCollision): string {
  return `Internal ID ${JSON.stringify(c.typed)} is written ${JSON.stringify(c.written)}, the same as row ${String(c.otherRow)}'s ${JSON.stringify(c.otherTyped)}: PARS would take the two for one activity. Make the IDs differ in letters or digits.`;
}
