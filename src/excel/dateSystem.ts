import type { DateSystem } from "../core";

/** Days between the 1900 and the 1904 date systems' serial numbers for the same day. */
export const DAYS_1900_TO_1904 = 1462;

/**
 * Queues a probe of the workbook's date system; after the next sync, the returned function says
 * which it is. No API set the add-in targets exposes it, but DATE does: 1 Jan 1904 is day 0 of the
 * 1904 system (old Mac workbooks) and day 1,462 of the 1900 one.
 */
export function queueDateSystem(context: Excel.RequestContext): () => DateSystem {
  const epoch = context.workbook.functions.date(1904, 1, 1).load("value");
  return () => (epoch.value === 0 ? 1904 : 1900);
}
