import {
  checkWorkbookRecords,
  missingFor,
  type CheckOptions,
  type CheckResult,
  type Uncheckable,
} from "../check";
import type { StatusName } from "../codes/vocabularies";
import type { IsoDate } from "../dates";
import type { Issue, Place, TableName } from "../model/issue";
import { messageOf } from "../messages/en";
import type { WorkbookSource } from "../parse/locateTables";
import type { ActivityRecord, MocRecord, ReadTable, SupportRecord } from "../parse/readRecords";
import { idKey } from "../rules/context";
import { gapBlocks } from "../rules/statusRequirements";
import type { ChangedCell, ExcludedRow, ExportActivity, ExportMoc, ExportSupport } from "./model";
import { NO_INTERNAL_ID } from "./identity";
import { closeWithheldBecause, parsCodedValues } from "./parsCodes";
import { safeText, startsLikeFormula } from "./safeText";
import { wholeDollars } from "./wholeDollars";

/**
 * Which rows to export: Activities sheet row numbers and/or Internal IDs (compared without case).
 * A row named either way is selected. Without a selection every row is a candidate.
 */
export type ExportSelection = {
  readonly rows?: readonly number[];
  readonly internalIds?: readonly string[];
};

/** What an export is prepared from: the check's options (always for batch upload) and a selection. */
export type ExportOptions = Omit<CheckOptions, "upload"> & {
  readonly select?: ExportSelection;
};

/** A value that goes into the file other than as the workbook shows it, said out loud. */
export type ExportNote = {
  readonly code: "amount_not_whole" | "in_kind_amount_dropped" | "close_withheld" | "formula_like";
  readonly table: TableName;
  readonly sheet: string;
  readonly row: number;
  readonly column: string;
  readonly internalId: string | null;
  /** The value in the workbook. */
  readonly value: string;
  /** The value written instead (the whole dollars of `amount_not_whole`); null when none is. */
  readonly written: string | null;
};

/**
 * What an export would hold, computed before any file is made: the activities that go in (in sheet
 * order), the rows that stay out and why, and every cell whose text or number is adjusted.
 */
export type ExportPreview = {
  readonly asOf: IsoDate;
  readonly activities: readonly ExportActivity[];
  readonly excluded: readonly ExcludedRow[];
  readonly changed: readonly ChangedCell[];
  readonly notes: readonly ExportNote[];
  /** Selected row numbers and Internal IDs that name no Activities row. */
  readonly unmatched: readonly string[];
  /** The check the preview rests on, for callers that show more. */
  readonly check: CheckResult;
};

/** An export preview, or why the workbook cannot give one. */
export type ExportPreviewOutcome =
  { readonly ok: true; readonly preview: ExportPreview } | Uncheckable;

/**
 * Decides which rows go into an upload: a row goes in when it passes the status it is held to
 * (checked for batch upload, so every row needs an Internal ID); a failing row stays out with its
 * error messages; a Cancelled row stays out (FAQ: an activity never held is not reported).
 * Text is made safe for every layout here, once, so all layouts carry the same values.
 *
 * @throws {InvalidOptionError} as `checkWorkbook`
 */
export function previewExport(book: WorkbookSource, options: ExportOptions): ExportPreviewOutcome {
  const { select, ...check } = options;
  const checked = checkWorkbookRecords(book, { ...check, upload: true });
  if (!checked.ok) return checked;
  const { result, records, joined } = checked;

  const selectedRows = new Set(select?.rows ?? []);
  const selectedIds = new Set((select?.internalIds ?? []).map(idKey));
  const selecting = select !== undefined && (selectedRows.size > 0 || selectedIds.size > 0);
  const seenRows = new Set<number>();
  const seenIds = new Set<string>();
  const isSelected = (row: number, id: string | null): boolean => {
    if (!selecting) return true;
    const byRow = selectedRows.has(row);
    const byId = id !== null && selectedIds.has(idKey(id));
    if (byRow) seenRows.add(row);
    if (byId) seenIds.add(idKey(id));
    return byRow || byId;
  };

  const issuesAt = new Map<string, Issue[]>();
  for (const i of result.issues) {
    if (i.severity !== "error") continue;
    const key = `${i.table}|${String(i.row)}`;
    const list = issuesAt.get(key);
    if (list === undefined) issuesAt.set(key, [i]);
    else list.push(i);
  }
  const missingColumnIssues = result.issues.filter((i) => i.code === "missing_column");

  const sheet = records.activities.sheet;
  const changed: ChangedCell[] = [];
  const notes: ExportNote[] = [];
  const activities: ExportActivity[] = [];
  const excluded: ExcludedRow[] = [];

  const verdictRows = new Map(result.rows.map((v) => [v.row, v] as const));
  for (const a of records.activities.records) {
    const id = a.internalId.kind === "ok" ? a.internalId.value : null;
    const title = a.title.kind === "ok" ? a.title.value : null;
    const chosen = isSelected(a.row, id);
    const verdict = verdictRows.get(a.row);
    const base = { sheet, row: a.row, internalId: id, title };
    if (verdict === undefined) {
      // Only Cancelled rows have no verdict: the engine does not check them.
      excluded.push({
        ...base,
        reason: chosen ? "cancelled" : "not_selected",
        heldTo: null,
        messages: [],
      });
      continue;
    }
    if (!chosen) {
      excluded.push({ ...base, reason: "not_selected", heldTo: verdict.heldTo, messages: [] });
      continue;
    }
    // The rows the check joined to this activity: never another activity's with the same ID.
    const linkedSupport = joined.supportOf(a);
    const linkedMoc = joined.mocOf(a);
    // Support and MOC rows only travel with an activity that says Yes to them; the check already
    // flags the contradiction, and the file must not say No and list supporters in one record.
    const sendSupport =
      a.commercialSupport.kind === "ok" && a.commercialSupport.value ? linkedSupport : [];
    const sendMoc = a.moc.kind === "ok" && a.moc.value ? linkedMoc : [];
    if (!verdict.passes) {
      const own: Issue[] = [...(issuesAt.get(`Activities|${String(a.row)}`) ?? [])];
      // Support and MOC cells count against their activity only when it is held to Closed.
      if (verdict.heldTo === "Closed") {
        for (const s of linkedSupport)
          own.push(...(issuesAt.get(`Support|${String(s.row)}`) ?? []));
        for (const m of linkedMoc) own.push(...(issuesAt.get(`MOC|${String(m.row)}`) ?? []));
      }
      const absent = new Set(
        verdict.gaps
          .filter((g) => g.kind === "missing" && gapBlocks(g.tier, verdict.heldTo))
          .map((g) => `${g.place.table}|${g.place.column}`)
      );
      for (const i of missingColumnIssues) if (absent.has(`${i.table}|${i.column}`)) own.push(i);
      const messages = own.map(messageOf);
      if (messages.length === 0) {
        // Never leave a row out without a reason: fall back to what its status lacks.
        const lacking = missingFor(verdict, verdict.heldTo);
        messages.push(`Does not meet ${verdict.heldTo}: ${lacking.join(", ")}.`);
      }
      excluded.push({
        ...base,
        reason: "fails_status",
        heldTo: verdict.heldTo,
        messages: dedupe(messages),
      });
      continue;
    }
    if (id === null) {
      // No upload row without its Provider Activity ID: with no Internal ID column the check says
      // so once, for the table; that one finding is each row's reason.
      const column = missingColumnIssues.find(
        (i) =>
          i.table === "Activities" &&
          i.column === records.activities.place(a.row, "internalId").column
      );
      excluded.push({
        ...base,
        reason: "fails_status",
        heldTo: verdict.heldTo,
        messages: [column === undefined ? NO_INTERNAL_ID : messageOf(column)],
      });
      continue;
    }
    activities.push(
      exportActivity(
        a,
        verdict.declaredStatus,
        sendSupport,
        sendMoc,
        records.activities,
        records.support,
        records.moc,
        changed,
        notes
      )
    );
  }

  const unmatched: string[] = [];
  for (const r of selectedRows) if (!seenRows.has(r)) unmatched.push(`row ${String(r)}`);
  for (const id of select?.internalIds ?? []) {
    if (!seenIds.has(idKey(id)) && !unmatched.includes(id)) unmatched.push(id);
  }
  return {
    ok: true,
    preview: { asOf: result.asOf, activities, excluded, changed, notes, unmatched, check: result },
  };
}

function dedupe(list: readonly string[]): string[] {
  return [...new Set(list)];
}

type AnyTable = Pick<ReadTable<string, unknown>, "table" | "sheet"> & {
  readonly place: (row: number, key: never) => Place;
};

/**
 * The valid values of a record, with text made safe and each change recorded. Blank and invalid
 * cells are left out: an invalid cell never reaches here on a passing row unless its column is
 * not required at the row's status, and then it is not reported.
 */
const CREDIT_KEYS: ReadonlySet<string> = new Set(["credits", "mocCredits"]);

/**
 * Columns no upload layout writes (upload-layouts.md §A and §B have no place for them): left out
 * of the export so that the list of changed cells names only cells whose text reaches the file.
 * Status is used for the record action, not sent. Take a key out of this list when a layout
 * writes it.
 */
const NOT_SENT: ReadonlySet<string> = new Set([
  "status",
  "notes",
  "location",
  "mocAttestation",
  "practiceAreas",
  "contentArea",
  "fee:moc",
  "registration:moc",
  "url:moc",
]);

function valuesOf<V>(
  record: { readonly row: number } & { readonly [K in keyof V]: { kind: string } },
  table: AnyTable,
  internalId: string | null,
  changed: ChangedCell[],
  skip: string | null
): Partial<V> {
  const out: Partial<Record<string, unknown>> = {};
  const suffix = table.table === "MOC" ? ":moc" : "";
  for (const key of Object.keys(record)) {
    if (key === "row" || key === skip) continue;
    if (NOT_SENT.has(key) || NOT_SENT.has(key + suffix)) continue;
    const field = (record as unknown as Record<string, { kind: string; value?: unknown }>)[key];
    if (field === undefined || field.kind !== "ok") continue;
    let value = field.value;
    const place = (): Place => table.place(record.row, key as never);
    if (typeof value === "string") {
      const safe = safeText(value);
      if (safe !== value) changed.push({ ...place(), internalId, before: value, after: safe });
      // Nothing left once made safe: the value is absent, never written empty.
      if (safe === "") continue;
      value = safe;
    } else if (typeof value === "number" && CREDIT_KEYS.has(key)) {
      // The check accepts credits within 1e-9 of a 0.25 step (a formula's floating-point noise,
      // which Excel itself hides); the file gets the step itself, and the summary says so.
      const step = Math.round(value * 4) / 4;
      if (step !== value) {
        changed.push({ ...place(), internalId, before: String(value), after: String(step) });
      }
      value = step;
    } else if (Array.isArray(value) && value.every((v) => typeof v === "string")) {
      const items = value as readonly string[];
      // An item with nothing left once made safe is no item: never written as an empty one.
      const safe = items.map(safeText).filter((s) => s !== "");
      if (safe.length !== items.length || safe.some((s, i) => s !== items[i])) {
        changed.push({
          ...place(),
          internalId,
          before: items.join("; "),
          after: safe.join("; "),
        });
      }
      if (safe.length === 0) continue;
      value = safe;
    }
    out[key] = value;
  }
  return out as Partial<V>;
}

/**
 * Notes each text of a record that Excel would run as a formula if the file were opened in it
 * to review (`startsLikeFormula`): the file carries it as typed, the coordinator is told.
 */
function formulaLike(
  row: number,
  values: object,
  table: AnyTable,
  internalId: string | null,
  notes: ExportNote[]
): void {
  for (const [key, v] of Object.entries(values)) {
    if (key === "row") continue;
    const texts: readonly unknown[] = Array.isArray(v) ? v : [v];
    for (const t of texts) {
      if (typeof t !== "string" || !startsLikeFormula(t)) continue;
      notes.push({
        ...table.place(row, key as never),
        code: "formula_like",
        internalId,
        value: t,
        written: null,
      });
    }
  }
}

function exportActivity(
  a: ActivityRecord,
  declared: StatusName | null,
  supportRows: readonly SupportRecord[],
  mocRows: readonly MocRecord[],
  activitiesTable: AnyTable,
  supportTable: AnyTable,
  mocTable: AnyTable,
  changed: ChangedCell[],
  notes: ExportNote[]
): ExportActivity {
  const id = a.internalId.kind === "ok" ? a.internalId.value : null;
  const values = parsCodedValues(
    valuesOf<ExportActivity["values"]>(a, activitiesTable, id, changed, null)
  );
  const support: ExportSupport[] = supportRows.map((s) => {
    const v = valuesOf<Omit<ExportSupport, "row">>(s, supportTable, id, changed, "internalId");
    const note = (code: ExportNote["code"], value: number): void => {
      notes.push({
        ...supportTable.place(s.row, "amount" as never),
        code,
        internalId: id,
        value: String(value),
        written: code === "amount_not_whole" ? String(wholeDollars(value)) : null,
      });
    };
    if (v.amount !== undefined && v.supportType === "In-kind") {
      // FAQ: in-kind support is reported with its source and no dollar value.
      note("in_kind_amount_dropped", v.amount);
      const { amount: _dropped, ...rest } = v;
      void _dropped;
      return { row: s.row, ...rest };
    }
    if (v.amount !== undefined && !Number.isInteger(v.amount)) {
      note("amount_not_whole", v.amount);
      return { row: s.row, ...v, amount: wholeDollars(v.amount) };
    }
    return { row: s.row, ...v };
  });
  const moc: ExportMoc[] = mocRows.map((m) => ({
    row: m.row,
    ...valuesOf<Omit<ExportMoc, "row">>(m, mocTable, id, changed, "internalId"),
  }));
  formulaLike(a.row, values, activitiesTable, id, notes);
  for (const s of support) formulaLike(s.row, s, supportTable, id, notes);
  for (const m of moc) formulaLike(m.row, m, mocTable, id, notes);
  const withheld = declared === "Closed" ? closeWithheldBecause(values, moc.length) : null;
  if (withheld !== null) {
    notes.push({
      ...activitiesTable.place(a.row, "status" as never),
      code: "close_withheld",
      internalId: id,
      value: "Closed",
      written: null,
    });
  }
  return {
    row: a.row,
    values,
    support,
    moc,
    action: values.accmeId === undefined ? "Add" : "Update",
    close: declared === "Closed" && withheld === null,
  };
}
