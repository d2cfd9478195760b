import {
  ACTIVITIES,
  cellFromHost,
  describeCell,
  messageOf,
  readRecords,
  stateCodeOf,
  type CellValue,
  type IssueBody,
  type LocatedTable,
} from "../../src/core";
import { aRow, cellsOf } from "../support/builders";

const at = {
  table: "Activities",
  sheet: "Activities",
  row: 7,
  column: "Credits",
  severity: "error",
} as const;
const msg = (body: IssueBody) => messageOf({ ...body, ...at });

describe("messages", () => {
  it.each<[IssueBody, string]>([
    [{ code: "cell_error", value: "#N/A" }, "Excel error #N/A"],
    [{ code: "invalid_number", value: "lots" }, '"lots" is not a number'],
    [{ code: "invalid_yes_no", value: "maybe" }, "Yes/No, Y/N or TRUE/FALSE"],
    [{ code: "unknown_format", value: "Hackathon" }, "RSS, C, EM"],
    [
      {
        code: "invalid_code",
        value: "XX",
        vocabulary: "fee",
        allowed: ["Yes", "No, it's free", "Variable"],
      },
      "expected one of: Yes, No, it's free, Variable",
    ],
    [
      { code: "missing_column", rows: 3, status: "Closed" },
      '"Credits" column; 3 rows need it (for Closed)',
    ],
    [{ code: "missing_column", rows: 1, status: null }, "1 row needs it."],
    [
      { code: "no_known_columns", expected: ["Title", "Format"] },
      'No header in this row is a column of the Activities table, so its rows cannot be read; expected headers such as "Title", "Format".',
    ],
    [{ code: "internal_id_missing", required: "upload" }, "required for batch upload"],
    [
      {
        code: "internal_id_same_once_safe",
        id: "GR\t24",
        written: "GR 24",
        otherRow: 3,
        otherId: "GR 24",
      },
      'Internal ID "GR\\t24" is written "GR 24", the same as row 3\'s "GR 24": PARS would take the two for one activity.',
    ],
    [{ code: "text_empty_once_safe" }, "Credits holds only characters an upload cannot carry"],
    [{ code: "internal_id_missing", required: "same_day" }, "same format starts the same day"],
    [{ code: "internal_id_missing", required: null }, "will be required for batch upload"],
    [
      { code: "internal_id_reused", id: "A", otherRows: [3, 4, 5, 6, 7, 8, 9], others: 7 },
      "also used on rows 3, 4, 5, 6, 7, 8 and 1 more for another",
    ],
    [
      { code: "internal_id_duplicate", id: "TBD", otherRows: [3, 4, 5, 6, 7, 8, 9], others: 19999 },
      "also used on rows 3, 4, 5, 6, 7, 8 and 19993 more with the same",
    ],
    [
      { code: "aggregate_format_repeated", format: "ISL", otherRows: [3, 9], others: 2 },
      "within 12 months (rows 3, 9);",
    ],
    [{ code: "orphan_row", id: "" }, "has no Internal ID"],
    [{ code: "support_without_source", status: "Closed" }, "Closed needs at least one"],
    [{ code: "moc_without_board", status: null }, "Closed will need at least one"],
    [{ code: "boards_without_moc", boards: 2 }, "2 MOC board rows name"],
    [
      {
        code: "series_total_mismatch",
        quantity: "physician_learners",
        reported: 1000,
        sessionsTotal: 1040,
        sessions: 52,
      },
      "Physician learners are 1000, but its 52 session(s) add up to 1040",
    ],
    [
      { code: "end_date_not_passed", status: "Closed", end: "06/30/2026", today: "11/25/2025" },
      "a Closed activity must have ended",
    ],
    [
      { code: "duplicate_column", columns: ["Title", "Activity Title"] },
      '"Title", "Activity Title"',
    ],
    [
      {
        code: "duplicate_column",
        columns: ["Start Date", "Start"],
        meaning: "Start Date",
        letters: ["D", "K"],
      },
      "Columns D and K both read as Start Date",
    ],
  ])("%j reads well", (body, expected) => {
    expect(msg(body)).toContain(expected);
  });
});

describe("cells from a host", () => {
  it("turns office.js error strings into error values and keeps everything else", () => {
    expect(cellFromHost("#N/A")).toEqual({ error: "#N/A" });
    expect(cellFromHost("#Nope")).toBe("#Nope");
    expect(cellFromHost(3)).toBe(3);
    expect(cellFromHost(undefined)).toBeNull();
    expect(cellFromHost({ error: "#REF!" })).toEqual({ error: "#REF!" });
    expect(cellFromHost(BigInt(5))).toBe(5);
    expect(cellFromHost(Symbol("x"))).toEqual({ error: "#VALUE!" });
    expect(describeCell(true)).toBe("TRUE");
    expect(describeCell({ error: "#DIV/0!" })).toBe("#DIV/0!");
  });
});

describe("records", () => {
  const headers = ACTIVITIES.columns.map((c) => c.header);
  /** An Activities table with the full header row over `body`. */
  const activities = (body: CellValue[][]): LocatedTable => ({
    table: "Activities",
    sheet: "A",
    foundBy: "table",
    headerRow: 1,
    headers,
    body,
  });

  it("put every column's cell in its own field", () => {
    const cells = headers.map((h) => `value of ${h}`);
    const read = readRecords({ Activities: activities([cells]) }, 1900, () => undefined);
    const rec = read.activities.records[0] as unknown as Record<
      string,
      { kind: string; value?: unknown; issue?: { value?: unknown } }
    >;
    for (const c of ACTIVITIES.columns) {
      const f = rec[c.key]!;
      const seen = f.kind === "ok" ? JSON.stringify(f.value) : String(f.issue?.value);
      expect([c.key, seen.includes(c.header) || f.kind === "invalid"]).toEqual([c.key, true]);
    }
  });

  it("give the state code a row will be reported with", () => {
    const located = activities([cellsOf(headers, aRow({ State: "Illinois" }))]);
    const rec = readRecords({ Activities: located }, 1900, () => undefined).activities.records[0]!;
    expect(stateCodeOf(rec)).toBe("IL");
  });
});
