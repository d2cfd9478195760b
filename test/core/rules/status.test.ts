import { aRow, TODAY, type RowInput } from "../../support/builders";
import { codes, run } from "../../support/check";

const one = (
  row: RowInput,
  today = TODAY,
  extra: Parameters<typeof run>[0] extends infer B
    ? Partial<Extract<B, { activities: unknown }>>
    : never = {}
) => {
  const result = run({ activities: [row], ...extra }, today);
  return { result, verdict: result.rows[0]!, codes: codes(result) };
};

describe("the FAQ grand-rounds series", () => {
  it("passes Closed with every field of DOMAIN.md §3", () => {
    const { verdict, codes: found } = one(aRow());
    expect(verdict).toMatchObject({
      declaredStatus: "Closed",
      achievedStatus: "Closed",
      passes: true,
    });
    expect(found).toEqual([]);
  });
});

describe("status requirements", () => {
  // [what, overrides, declared-status result, achieved, finding codes]
  const cases: [string, RowInput, boolean, string, string[]][] = [
    [
      "Draft needs only title, format and dates",
      { Status: "Draft", Description: "", Providership: "", Credits: "" },
      true,
      "Draft",
      [],
    ],
    [
      "Draft without a title",
      { Status: "Draft", Title: "" },
      false,
      "Incomplete",
      ["missing_field@Activities!2:Title"],
    ],
    [
      "Draft without an end date",
      { Status: "Draft", "End Date": "" },
      false,
      "Incomplete",
      ["missing_field@Activities!2:End Date"],
    ],
    [
      "Ready to Close lacks a description",
      { Status: "Ready to Close", Description: "" },
      false,
      "Draft",
      ["missing_field@Activities!2:Description"],
    ],
    [
      "Ready to Close lacks credits and providership",
      { Status: "Ready to Close", Credits: "", Providership: "" },
      false,
      "Draft",
      ["missing_field@Activities!2:Credits", "missing_field@Activities!2:Providership"],
    ],
    [
      "Ready to Close lacks the CME Passport answer",
      { Status: "Ready to Close", "CME Passport": "" },
      false,
      "Draft",
      ["missing_field@Activities!2:CME Passport"],
    ],
    [
      "CME Passport = Yes needs fee, registration and URL",
      { "CME Passport": "Yes" },
      false,
      "Draft",
      [
        "missing_field@Activities!2:Fee",
        "missing_field@Activities!2:Registration",
        "missing_field@Activities!2:Activity URL",
      ],
    ],
    [
      "CME Passport = Yes with all three",
      {
        "CME Passport": "Y",
        Fee: "Variable",
        Registration: "Limited",
        "Activity URL": "https://cme.example.org/gr",
      },
      true,
      "Closed",
      [],
    ],
    [
      "RSS needs a delivery method",
      { "Delivery Method": "" },
      false,
      "Draft",
      ["missing_field@Activities!2:Delivery Method"],
    ],
    [
      "journal CME has no delivery method or location",
      { Format: "JN", "Delivery Method": "", City: "", State: "", Country: "" },
      true,
      "Closed",
      [],
    ],
    ["in person needs a city", { City: "" }, false, "Draft", ["missing_field@Activities!2:City"]],
    [
      "in person in the USA needs a state",
      { State: "" },
      false,
      "Draft",
      ["missing_field@Activities!2:State"],
    ],
    [
      "in person outside the USA needs no state",
      { State: "", Country: "CAN", City: "Toronto" },
      true,
      "Closed",
      [],
    ],
    [
      "online delivery needs no city",
      { "Delivery Method": "Online", City: "", State: "", Country: "" },
      true,
      "Closed",
      [],
    ],
    [
      "Closed lacks outcome measures",
      { "Outcome Measures": "" },
      false,
      "Ready to Close",
      ["missing_field@Activities!2:Outcome Measures"],
    ],
    [
      "Closed lacks learner counts (0 is fine, blank is not)",
      { "Physician Learners": 0, "Other Learners": "" },
      false,
      "Ready to Close",
      ["missing_field@Activities!2:Other Learners"],
    ],
    [
      "Joint providership needs a joint provider to close",
      { Providership: "Joint" },
      false,
      "Ready to Close",
      ["missing_field@Activities!2:Joint Providers"],
    ],
    [
      "Joint with a joint provider",
      { Providership: "Joint", "Joint Providers": "County Medical Society" },
      true,
      "Closed",
      [],
    ],
    [
      "Closed lacks the commercial support answer",
      { "Commercial Support": "" },
      false,
      "Ready to Close",
      ["missing_field@Activities!2:Commercial Support"],
    ],
  ];
  it.each(cases)("%s", (_what, overrides, passes, achieved, expected) => {
    const { verdict, codes: found } = one(aRow(overrides));
    expect(found).toEqual(expected);
    expect(verdict.passes).toBe(passes);
    expect(verdict.achievedStatus).toBe(achieved);
  });
});

describe("the end date against today", () => {
  it("fails an Active row whose end date has passed, and says it could be Ready to Close", () => {
    const { verdict, codes: found, result } = one(aRow({ Status: "Active" }));
    expect(found).toEqual(["end_date_passed@Activities!2:End Date"]);
    expect(verdict).toMatchObject({ passes: false, achievedStatus: "Closed" });
    expect(result.issues[0]).toMatchObject({ end: "06/30/2025", today: "11/25/2025" });
  });

  it("passes an Active row that ends today", () => {
    const { verdict } = one(aRow({ Status: "Active" }), "2025-06-30");
    expect(verdict).toMatchObject({ passes: true, achievedStatus: "Active" });
  });

  it("fails Ready to Close and Closed before the end date has passed", () => {
    for (const status of ["Ready to Close", "Closed"]) {
      const { verdict, codes: found } = one(aRow({ Status: status }), "2025-06-30");
      expect(found).toEqual(["end_date_not_passed@Activities!2:End Date"]);
      expect(verdict).toMatchObject({ passes: false, achievedStatus: "Active" });
    }
  });

  it("holds a row with no status to Active until it ends, then to Closed", () => {
    const before = one(aRow({ Status: "", "Outcome Measures": "" }), "2025-03-01").verdict;
    expect(before).toMatchObject({ declaredStatus: null, heldTo: "Active", passes: true });
    const after = one(aRow({ Status: "", "Outcome Measures": "" }), "2025-07-01");
    expect(after.verdict).toMatchObject({ heldTo: "Closed", passes: false });
    expect(after.codes).toEqual(["missing_field@Activities!2:Outcome Measures"]);
  });
});

describe("values", () => {
  it("fails an end date before the start date", () => {
    const { verdict, codes: found } = one(aRow({ "End Date": "06/30/2024" }));
    expect(found).toEqual(["end_before_start@Activities!2:End Date"]);
    expect(verdict.achievedStatus).toBe("Incomplete");
  });

  it.each([
    ["RSS", "07/01/2024", "06/30/2025", true],
    ["RSS", "07/01/2024", "07/01/2025", false],
    ["Enduring Material", "07/01/2023", "12/31/2024", true],
    ["Enduring Material", "07/01/2023", "06/30/2026", true],
    ["Enduring Material", "07/01/2023", "07/01/2026", false],
    ["JN", "01/31/2024", "01/30/2025", true],
  ])("%s from %s to %s fits its span: %p", (format, start, end, fits) => {
    const row = aRow({ Format: format, "Start Date": start, "End Date": end, Status: "Draft" });
    const found = one(row, "2027-01-01").codes;
    expect(found.includes("span_too_long@Activities!2:End Date")).toBe(!fits);
  });

  it("reports text in a count, naming the row, column and what was expected", () => {
    const { result, verdict } = one(aRow({ "Physician Learners": "weekly" }));
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({
      code: "invalid_count",
      table: "Activities",
      row: 2,
      column: "Physician Learners",
      value: "weekly",
      severity: "error",
    });
    expect(verdict.passes).toBe(false);
  });

  it("reports an Excel error value as its own finding", () => {
    const { result } = one(aRow({ Credits: { error: "#REF!" } }));
    expect(result.issues.map((i) => [i.code, i.column])).toEqual([["cell_error", "Credits"]]);
  });

  it("normalises a US state name and refuses an unknown state", () => {
    expect(one(aRow({ State: "Illinois" })).result.issues).toMatchObject([
      { code: "code_normalised", normalised: "IL", severity: "warning" },
    ]);
    expect(one(aRow({ State: "ZZ" })).codes).toEqual(["invalid_code@Activities!2:State"]);
  });

  it.each([
    ["Fee", "Maybe"],
    ["Registration", "Members"],
    ["Providership", "Sponsored"],
    ["Outcome Measures", "Fun"],
    ["Delivery Method", "Radio"],
    ["Country", "Narnia"],
  ])("refuses an unknown %s value", (column, value) => {
    const { result, verdict } = one(
      aRow({
        [column]: value,
        "CME Passport": column === "Fee" || column === "Registration" ? "Yes" : "No",
        "Activity URL": "https://x.example.org",
      })
    );
    expect(result.issues.map((i) => [i.code, i.column])).toContainEqual(["invalid_code", column]);
    expect(verdict.passes).toBe(false);
  });

  it("refuses a URL that is not http(s) and a description that is too long", () => {
    expect(
      one(
        aRow({
          "CME Passport": "Yes",
          Fee: "Yes",
          Registration: "Limited",
          "Activity URL": "cme.example.org",
        })
      ).codes
    ).toEqual(["invalid_url@Activities!2:Activity URL"]);
    expect(one(aRow({ Description: "d".repeat(2501) })).codes).toEqual([
      "description_too_long@Activities!2:Description",
    ]);
  });
});
