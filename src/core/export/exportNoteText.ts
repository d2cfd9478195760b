import type { ExportNote } from "./previewExport";
import { CLOSED_FIELDS_NOT_CARRIED } from "./parsCodes";

/**
 * One preview note as a coordinator reads it, the same words in the command line and the pane:
 * where the value is, what it is, and what goes into the file instead.
 */
export function exportNoteText(n: ExportNote): string {
  const where = `${n.table} row ${String(n.row)} ${n.column}`;
  switch (n.code) {
    case "amount_not_whole":
      return `${where}: ${n.value} is not whole dollars; written as ${String(n.written)} (rounded to the nearest dollar, half up).`;
    case "in_kind_amount_dropped":
      return `${where}: ${n.value} is in-kind support; its amount is not reported.`;
    case "formula_like":
      return `${where}: ${JSON.stringify(n.value)} starts with ${JSON.stringify(n.value.charAt(0))}, so Excel would run it as a formula if the file is opened in Excel to review it; it is written as typed. Review the file in a text editor, or open it in Excel with that column set to Text.`;
    case "close_withheld":
      return `${where}: ${n.value}, but sent without the request to close it: the upload has no place for ${CLOSED_FIELDS_NOT_CARRIED.join(", ")}, which Closed requires for MOC. Close it in PARS once uploaded.`;
  }
}
