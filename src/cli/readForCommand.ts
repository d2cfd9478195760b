// How a command reads the workbook it was given: with a progress line on a terminal while a big
// file is read, and one note when cells hold formulas with no saved result. `check` and `export`
// read the same way and say the same.
import { progressLine } from "./progressLine";
import { readWorkbookFile } from "./readWorkbook";
import type { XlsxRead } from "./xlsx/readXlsx";

/** What reading talks to: standard error, and whether it is a terminal. */
export type ReadIo = {
  readonly stderr: (text: string) => void;
  /** Whether standard error is a terminal (progress while a big file is read). */
  readonly stderrIsTTY?: boolean;
  /** From how many bytes a read shows progress (`progressLine`'s default when absent). */
  readonly progressFromBytes?: number;
};

/**
 * Reads the workbook at `file`, showing progress as `shownAs` on a terminal unless `quiet`.
 *
 * @throws {WorkbookReadError} (rejects) as `readWorkbookFile`
 */
export async function readForCommand(
  file: string,
  shownAs: string,
  io: ReadIo,
  quiet = false
): Promise<XlsxRead> {
  const progress =
    io.stderrIsTTY === true && !quiet
      ? progressLine(shownAs, io.stderr, io.progressFromBytes)
      : null;
  return readWorkbookFile(file, progress === null ? {} : { onProgress: progress.update }).finally(
    () => progress?.done()
  );
}

/**
 * The note for cells holding a formula with no saved result (each is also a finding on its row),
 * with its line end; null when there are none.
 */
export function formulasNote(read: XlsxRead): string | null {
  const { count, first } = read.formulasWithoutResult;
  if (count === 0) return null;
  const cells = count === 1 ? "1 cell holds a formula" : `${String(count)} cells hold formulas`;
  return `pars-ready: note: ${cells} with no saved result (first ${first ?? "?"}), each named on its row; open the file in Excel and save it to compute them\n`;
}
