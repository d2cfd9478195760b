/** What went wrong talking to Excel, in the terms the task pane explains it. */
export type ExcelProblem =
  "locked" | "table_gone" | "editing" | "too_large" | "api_missing" | "name_taken" | "unexpected";

/**
 * An Excel call failed. Keeps Office's error code and debug info for support, and says what
 * happened and what the coordinator can do about it.
 */
export class ExcelAccessError extends Error {
  override readonly name = "ExcelAccessError";
  readonly problem: ExcelProblem;
  /** Office's error code (`AccessDenied`, `ItemNotFound`...), when Office gave one. */
  readonly code: string | null;
  /** What to do about it, one sentence. */
  readonly remedy: string;
  /** The sheet renamed or deleted while the add-in worked on it, when that is what happened. */
  readonly sheetChange: SheetChange | null;

  constructor(
    problem: ExcelProblem,
    message: string,
    remedy: string,
    options: { cause?: unknown; code?: string | null; sheetChange?: SheetChange | null } = {}
  ) {
    super(message, { cause: options.cause });
    this.problem = problem;
    this.code = options.code ?? null;
    this.remedy = remedy;
    this.sheetChange = options.sheetChange ?? null;
  }
}

/** A sheet that was renamed (`now` its new name) or deleted (`now` null) while a check ran. */
export type SheetChange = { readonly sheet: string; readonly now: string | null };

/**
 * The first of `before`'s sheets that `after` no longer has by its ID, or has under another
 * name, as the error a check ends in; null when all are as they were.
 */
export function sheetChange(
  before: readonly { readonly name: string; readonly id: string }[],
  after: readonly { readonly name: string; readonly id: string }[]
): ExcelAccessError | null {
  for (const b of before) {
    const a = after.find((x) => x.id === b.id);
    if (a === undefined) {
      return new ExcelAccessError(
        "table_gone",
        `The sheet "${b.name}" was deleted while the check ran.`,
        "Nothing was changed. Run Check again to check the workbook as it is now.",
        { sheetChange: { sheet: b.name, now: null } }
      );
    }
    if (a.name !== b.name) {
      return new ExcelAccessError(
        "table_gone",
        `The sheet "${b.name}" was renamed "${a.name}" while the check ran.`,
        "Nothing was changed. Run Check again so the findings name the sheet as it is now.",
        { sheetChange: { sheet: b.name, now: a.name } }
      );
    }
  }
  return null;
}

const EXPLAIN: Readonly<Record<ExcelProblem, { message: string; remedy: string }>> = {
  locked: {
    message: "Excel refused the change: the sheet or workbook is protected.",
    remedy:
      "Unprotect the sheet (Review › Unprotect Sheet) or the workbook structure, then try again.",
  },
  table_gone: {
    message: "A table or sheet that was checked is no longer there.",
    remedy: "Run Check again so PARS Ready finds the tables as they are now.",
  },
  editing: {
    message: "Excel is busy: a cell is being edited.",
    remedy: "Press Enter or Esc to finish editing the cell, then try again.",
  },
  too_large: {
    message: "The data is too large for Excel to hand over in one piece.",
    remedy: "Try again; if it keeps failing, split the table or remove unused columns.",
  },
  api_missing: {
    message: "This version of Excel lacks a feature PARS Ready needs here.",
    remedy: "Update Excel (Microsoft 365, Excel 2021 or later, or Excel on the web).",
  },
  name_taken: {
    message: "A sheet or table name PARS Ready wanted is already taken.",
    remedy: "Run Insert PARS tables again; it picks a free name.",
  },
  unexpected: {
    message: "Excel reported an unexpected error.",
    remedy: "Try again; if it persists, save the workbook, reopen it and retry.",
  },
};

const BY_CODE: Readonly<Record<string, ExcelProblem>> = {
  AccessDenied: "locked",
  InvalidOperationInLockedSheet: "locked",
  ItemNotFound: "table_gone",
  InvalidReference: "table_gone",
  InvalidOperationInCellEditMode: "editing",
  RequestPayloadSizeLimitExceeded: "too_large",
  ResponsePayloadSizeLimitExceeded: "too_large",
  RangeExceedsLimit: "too_large",
  ApiNotFound: "api_missing",
  NotImplemented: "api_missing",
  ItemAlreadyExists: "name_taken",
};

/** Office's error code of a thrown value, if it has one. */
export function officeCode(error: unknown): string | null {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = error.code;
    if (typeof code === "string") return code;
  }
  return null;
}

/** An `ExcelAccessError` for a problem the adapter detects itself. */
export function excelProblem(problem: ExcelProblem, cause?: unknown): ExcelAccessError {
  const e = EXPLAIN[problem];
  return new ExcelAccessError(problem, e.message, e.remedy, { cause, code: officeCode(cause) });
}

/** Turns whatever an Excel batch threw into an `ExcelAccessError`; one already made passes through. */
export function toExcelAccessError(error: unknown): ExcelAccessError {
  if (error instanceof ExcelAccessError) return error;
  const code = officeCode(error);
  const problem = (code !== null ? BY_CODE[code] : undefined) ?? "unexpected";
  const made = excelProblem(problem, error);
  if (problem === "unexpected" && error instanceof Error && error.message !== "") {
    return new ExcelAccessError("unexpected", `${made.message} (${error.message})`, made.remedy, {
      cause: error,
      code,
    });
  }
  return made;
}
