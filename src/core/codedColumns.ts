import type { CodedColumn } from "./schema";
import { TABLE_SPECS, type TableName } from "./schema";

export type { CodedColumn };

/**
 * The coded columns of each table, by canonical header, with the canonical spellings the engine
 * reads (other spellings are read too: a dropdown suggests, the check decides). Derived from the
 * table declarations in `schema.ts`, where each column's list is declared.
 */
export const CODED_COLUMNS: Readonly<Record<TableName, Readonly<Record<string, CodedColumn>>>> =
  Object.fromEntries(
    TABLE_SPECS.map((spec) => [
      spec.table,
      Object.fromEntries(
        spec.columns.flatMap((c) => (c.coded === null ? [] : [[c.header, c.coded] as const]))
      ),
    ])
  ) as Record<TableName, Record<string, CodedColumn>>;
