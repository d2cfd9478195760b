import { isMarkFormula, markFormula, MARK_STYLES, type HighlightPlan } from "./highlightPlan";
import { SYNC_BYTES } from "./readWorkbook";

/**
 * Queues a load of every conditional format on the given sheets (by name or ID); after the next
 * sync, the returned function picks out the add-in's own marks. The user's conditional formats are
 * only read.
 */
export function queueMarkScan(
  context: Excel.RequestContext,
  sheets: readonly string[]
): () => Excel.ConditionalFormat[] {
  const bySheet = queueMarkScanBySheet(context, sheets);
  return () => [...bySheet().values()].flat();
}

/**
 * `queueMarkScan`, with the marks by the sheet (name or ID, as given) they are on; a sheet
 * without marks of the add-in's is left out.
 */
export function queueMarkScanBySheet(
  context: Excel.RequestContext,
  sheets: readonly string[]
): () => Map<string, Excel.ConditionalFormat[]> {
  const lists = sheets.map((key) => ({
    key,
    list: context.workbook.worksheets
      .getItem(key)
      .getRange()
      .conditionalFormats.load("items/type,items/customOrNullObject/rule/formula"),
  }));
  return () => {
    const out = new Map<string, Excel.ConditionalFormat[]>();
    for (const { key, list } of lists) {
      const ours = list.items.filter((cf) => {
        if (cf.type !== "Custom") return false;
        const custom = cf.customOrNullObject;
        return !custom.isNullObject && isMarkFormula(custom.rule.formula);
      });
      if (ours.length > 0) out.set(key, ours);
    }
    return out;
  };
}

/**
 * Replaces the add-in's marks by those of the plan: adds one custom conditional format per planned
 * mark, then deletes the old ones. Conditional formats draw over a cell without changing its value
 * or its own format, and deleting them restores exactly what was there. One round trip, plus one
 * per `SYNC_BYTES` of addresses for a very large plan. `sheetKey` turns the plan's sheet names
 * into what finds the sheet now (its ID, should it have been renamed since the check).
 *
 * Whole or not at all, as far as Excel allows: the old marks are deleted only in the last round
 * trip, and when Excel refuses a part (a protected sheet), the new marks already added are taken
 * away again, leaving the old ones as they were. Throws what Excel threw.
 */
export async function applyHighlights(
  context: Excel.RequestContext,
  ours: readonly Excel.ConditionalFormat[],
  plan: HighlightPlan,
  sheetKey: (name: string) => string = (name) => name
): Promise<void> {
  const sheets = new Map<string, Excel.Worksheet>();
  const added: Excel.ConditionalFormat[] = [];
  let bytes = 0;
  try {
    for (const mark of plan.marks) {
      let sheet = sheets.get(mark.sheet);
      if (sheet === undefined) {
        sheet = context.workbook.worksheets.getItem(sheetKey(mark.sheet));
        sheets.set(mark.sheet, sheet);
      }
      const cf = sheet.getRanges(mark.areas).conditionalFormats.add("Custom");
      added.push(cf);
      const style = MARK_STYLES[mark.kind];
      cf.custom.rule.formula = markFormula(mark.kind);
      cf.custom.format.fill.color = style.fill;
      if (style.font !== null) cf.custom.format.font.color = style.font;
      // A plan for a huge, mostly failing table can exceed one request's payload: send it in parts.
      bytes += mark.areas.length + 200;
      if (bytes >= SYNC_BYTES) {
        // One round trip per SYNC_BYTES of addresses, not per mark: the payload limit forces it.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        bytes = 0;
      }
    }
    for (const cf of ours) cf.delete();
    await context.sync();
  } catch (e) {
    await takeBack(context, added);
    throw e;
  }
}

/** Deletes the marks of a pass that failed part way, as far as Excel lets it. */
async function takeBack(
  context: Excel.RequestContext,
  added: readonly Excel.ConditionalFormat[]
): Promise<void> {
  if (added.length === 0) return;
  try {
    for (const cf of added) cf.delete();
    await context.sync();
  } catch {
    // Those Excel refused to add are not there to delete; the caller reports the first failure.
  }
}
