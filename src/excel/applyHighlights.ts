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
  const lists = sheets.map((key) =>
    context.workbook.worksheets
      .getItem(key)
      .getRange()
      .conditionalFormats.load("items/type,items/customOrNullObject/rule/formula")
  );
  return () =>
    lists.flatMap((list) =>
      list.items.filter((cf) => {
        if (cf.type !== "Custom") return false;
        const custom = cf.customOrNullObject;
        return !custom.isNullObject && isMarkFormula(custom.rule.formula);
      })
    );
}

/**
 * Replaces the add-in's marks by those of the plan: deletes the old ones and adds one custom
 * conditional format per planned mark. Conditional formats draw over a cell without changing its
 * value or its own format, and deleting them restores exactly what was there. One round trip,
 * plus one per `SYNC_BYTES` of addresses for a very large plan. `sheetKey` turns the plan's sheet
 * names into what finds the sheet now (its ID, should it have been renamed since the check).
 */
export async function applyHighlights(
  context: Excel.RequestContext,
  ours: readonly Excel.ConditionalFormat[],
  plan: HighlightPlan,
  sheetKey: (name: string) => string = (name) => name
): Promise<void> {
  for (const cf of ours) cf.delete();
  const sheets = new Map<string, Excel.Worksheet>();
  let bytes = 0;
  for (const mark of plan.marks) {
    let sheet = sheets.get(mark.sheet);
    if (sheet === undefined) {
      sheet = context.workbook.worksheets.getItem(sheetKey(mark.sheet));
      sheets.set(mark.sheet, sheet);
    }
    const cf = sheet.getRanges(mark.areas).conditionalFormats.add("Custom");
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
  await context.sync();
}
