import { InvalidOptionError } from "../core";
import { ExcelAccessError } from "../excel/excelErrors";
import { SettingsSaveError } from "../excel/documentSettings";

/** A failure as the pane shows it: what happened, and what to do. */
export type PaneError = { readonly title: string; readonly remedy: string };

/** Explains anything an action threw; nothing is swallowed, and nothing is shown raw. */
export function toPaneError(error: unknown): PaneError {
  if (error instanceof ExcelAccessError) return { title: error.message, remedy: error.remedy };
  if (error instanceof InvalidOptionError) {
    return {
      title: `The setting ${error.option} is not valid: ${error.message}.`,
      remedy: "Correct it under Settings, save, and check again.",
    };
  }
  if (error instanceof SettingsSaveError) {
    return {
      title: `The settings could not be saved in the workbook (${error.message}).`,
      remedy: "Make sure the workbook is not read-only, then save the settings again.",
    };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return {
    title: `Something went wrong in PARS Ready: ${detail}`,
    remedy: "Try again. If it keeps happening, reload the add-in and report what you did.",
  };
}
