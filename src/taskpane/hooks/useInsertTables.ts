import { useCallback, useState } from "react";
import type { InsertedTables, InsertOptions } from "../../excel/insertTables";
import type { WorkbookPort } from "../deps";
import { toPaneError, type PaneError } from "../paneError";

/** Inserting the PARS tables, as one union. */
export type InsertState =
  | { readonly status: "idle" }
  | { readonly status: "running" }
  | { readonly status: "done"; readonly made: InsertedTables }
  | { readonly status: "failed"; readonly error: PaneError };

/** Inserting the PARS tables on new sheets, with or without the example row. */
export function useInsertTables(workbook: WorkbookPort): {
  state: InsertState;
  example: boolean;
  setExample: (example: boolean) => void;
  /** Resolves true once the tables are in, false when inserting failed (the state says why). */
  insert: (options: InsertOptions) => Promise<boolean>;
} {
  const [state, setState] = useState<InsertState>({ status: "idle" });
  const [example, setExample] = useState(true);
  const insert = useCallback(
    async (options: InsertOptions) => {
      setState({ status: "running" });
      try {
        setState({ status: "done", made: await workbook.insertTables(options) });
        return true;
      } catch (e) {
        setState({ status: "failed", error: toPaneError(e) });
        return false;
      }
    },
    [workbook]
  );
  return { state, example, setExample, insert };
}
