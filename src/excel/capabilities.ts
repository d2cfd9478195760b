/** Which features the host's Excel can run, from its supported requirement sets. */
export type Capabilities = {
  /** Reading tables and sheets (getUsedRangeOrNullObject: ExcelApi 1.4; getRangeByIndexes: 1.7). */
  readonly check: boolean;
  /** Conditional formats over RangeAreas (ExcelApi 1.9). */
  readonly highlight: boolean;
  /** The workbook-wide worksheet changed event (ExcelApi 1.9). */
  readonly live: boolean;
  /** Data validation and pausing events during the add-in's own writes (ExcelApi 1.8). */
  readonly insertTables: boolean;
};

/** The Excel API version each feature needs, for the note shown when a feature is off. */
export const NEEDS: Readonly<Record<keyof Capabilities, string>> = {
  check: "1.7",
  highlight: "1.9",
  live: "1.9",
  insertTables: "1.8",
};

/**
 * Asks the host once per feature. `isSetSupported` is `Office.context.requirements.isSetSupported`
 * in the add-in and a fake in tests.
 */
export function capabilitiesOf(
  isSetSupported: (name: string, version: string) => boolean
): Capabilities {
  const has = (v: string) => isSetSupported("ExcelApi", v);
  return {
    check: has(NEEDS.check),
    highlight: has(NEEDS.highlight),
    live: has(NEEDS.live),
    insertTables: has(NEEDS.insertTables),
  };
}
