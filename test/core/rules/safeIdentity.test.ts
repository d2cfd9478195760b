import { missingFor, type CheckResult } from "../../../src/core";
import { aRow, type RowInput } from "../../support/builders";
import { run } from "../../support/check";

// The check judges what an upload will hold: IDs and required texts as made safe.

const NEW_CODES = new Set(["internal_id_same_once_safe", "text_empty_once_safe"]);
/** "code:severity@row:Column" of the Internal ID findings and the safe-text ones. */
function idFindings(result: CheckResult): string[] {
  return result.issues
    .filter((i) => NEW_CODES.has(i.code) || i.code.startsWith("internal_id"))
    .map((i) => `${i.code}:${i.severity}@${String(i.row)}:${i.column}`);
}

describe("Internal IDs the same once made safe", () => {
  it.each<[string, RowInput[], string[], boolean[]]>([
    [
      "a tab against a space: an error on each row",
      [{ "Internal ID": "GR 2024" }, { "Internal ID": "GR\t2024" }],
      [
        "internal_id_same_once_safe:error@2:Internal ID",
        "internal_id_same_once_safe:error@3:Internal ID",
      ],
      [false, false],
    ],
    [
      "the same as typed: only the duplicate finding",
      [{ "Internal ID": "GR 2024" }, { "Internal ID": "GR 2024" }],
      ["internal_id_duplicate:error@2:Internal ID", "internal_id_duplicate:error@3:Internal ID"],
      [false, false],
    ],
    [
      "differing only in case: the same ID as typed, only the duplicate finding",
      [{ "Internal ID": "gr-2024" }, { "Internal ID": "GR-2024" }],
      ["internal_id_duplicate:error@2:Internal ID", "internal_id_duplicate:error@3:Internal ID"],
      [false, false],
    ],
    [
      "a bidirectional mark: removed, so the same as the plain ID",
      [{ "Internal ID": "GR-2024" }, { "Internal ID": "GR-\u200f2024" }],
      [
        "internal_id_same_once_safe:error@2:Internal ID",
        "internal_id_same_once_safe:error@3:Internal ID",
      ],
      [false, false],
    ],
    [
      "two typed alike and one otherwise: the pair is a duplicate, and all three are one in the file",
      [
        { "Internal ID": "GR 2024" },
        { "Internal ID": "GR 2024" },
        { "Internal ID": "GR\n2024", Format: "Live Course" },
      ],
      [
        "internal_id_duplicate:error@2:Internal ID",
        "internal_id_same_once_safe:error@2:Internal ID",
        "internal_id_duplicate:error@3:Internal ID",
        "internal_id_same_once_safe:error@3:Internal ID",
        "internal_id_same_once_safe:error@4:Internal ID",
      ],
      [false, false, false],
    ],
    [
      "another format and day: still one ID in the file",
      [
        { "Internal ID": "GR 2024" },
        {
          "Internal ID": "GR\t2024",
          Format: "Live Course",
          "Start Date": "07/01/2024",
          "End Date": "07/02/2024",
        },
      ],
      [
        "internal_id_same_once_safe:error@2:Internal ID",
        "internal_id_same_once_safe:error@3:Internal ID",
      ],
      [false, false],
    ],
    [
      "a control character that leaves a distinct ID: nothing said here",
      [{ "Internal ID": "A\u0007" }, { "Internal ID": "B" }],
      [],
      [true, true],
    ],
    [
      "an ID of control characters only: empty once safe, a warning outside an upload",
      [{ "Internal ID": "\u0007\u0008" }],
      ["text_empty_once_safe:warning@2:Internal ID"],
      [true],
    ],
    [
      "an ID of control characters only on an MOC activity: an error",
      [{ "Internal ID": "\u0007", MOC: "Yes", "MOC Attestation": "Yes" }],
      ["text_empty_once_safe:error@2:Internal ID"],
      [false],
    ],
  ])("%s", (_, rows, expected, passes) => {
    const result = run({ activities: rows.map((r) => aRow(r)) });
    expect(idFindings(result)).toEqual(expected);
    if (passes.length === 1 && rows[0]?.MOC === "Yes") {
      // MOC rows also lack their board rows; only the ID's verdict is asserted below.
      expect(result.rows[0]!.passes).toBe(false);
      return;
    }
    expect(result.rows.map((r) => r.passes)).toEqual(passes);
  });

  it("names the other row, as typed and as written", () => {
    const result = run({
      activities: [aRow({ "Internal ID": "GR 2024" }), aRow({ "Internal ID": "GR\t2024" })],
    });
    expect(result.issues.filter((i) => i.code === "internal_id_same_once_safe")).toMatchObject([
      { row: 2, id: "GR 2024", written: "GR 2024", otherRow: 3, otherId: "GR\t2024" },
      { row: 3, id: "GR\t2024", written: "GR 2024", otherRow: 2, otherId: "GR 2024" },
    ]);
  });
});

describe("a required text empty once made safe", () => {
  it.each<[string, RowInput, string, string | null]>([
    ["Title (Draft)", { Title: "\u0007\u0008" }, "Incomplete", "Title"],
    ["Description (Active)", { Description: "\u200e\u200f" }, "Draft", "Description"],
    [
      "every Joint Provider (Closed)",
      { Providership: "Joint", "Joint Providers": "\u0001; \u0007" },
      "Ready to Close",
      "Joint Providers",
    ],
    ["a column no status needs (Location)", { Location: "\u0007" }, "Closed", null],
  ])("%s", (_, row, achieved, column) => {
    const result = run({ activities: [aRow(row)] });
    const verdict = result.rows[0]!;
    expect(verdict.achievedStatus).toBe(achieved);
    expect(verdict.passes).toBe(column === null);
    const found = result.issues.filter((i) => i.code === "text_empty_once_safe");
    if (column === null) {
      expect(found).toEqual([]);
      return;
    }
    expect(found).toMatchObject([{ severity: "error", row: 2, column }]);
    expect(missingFor(verdict, "Closed")).toContain(column);
  });
});
