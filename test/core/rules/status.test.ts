import { asOfForYear, InvalidOptionError } from "../../../src/core";
import { aRow, TODAY, type RowInput } from "../../support/builders";
import { codes, messages, run } from "../../support/check";

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
        "CME Passport": "Yes",
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

describe("the end date against the as-of day", () => {
  // The grand rounds end 06/30/2025. [what, Status, as of, held to, passes, achieved, codes]
  const cases: [string, string, string, string, boolean, string, string[]][] = [
    ["Active, before it ends", "Active", "2025-03-01", "Active", true, "Active", []],
    ["Active, ending on the as-of day", "Active", "2025-06-30", "Active", true, "Active", []],
    [
      "Active after it ended: what PARS shows as Ready to Close",
      "Active",
      "2025-07-01",
      "Ready to Close",
      true,
      "Closed",
      ["end_date_passed@Activities!2:End Date"],
    ],
    [
      "Ready to Close before it ends",
      "Ready to Close",
      "2025-06-30",
      "Ready to Close",
      false,
      "Active",
      ["end_date_not_passed@Activities!2:End Date"],
    ],
    [
      "Closed before it ends",
      "Closed",
      "2025-06-30",
      "Closed",
      false,
      "Active",
      ["end_date_not_passed@Activities!2:End Date"],
    ],
    ["Closed the day after it ends", "Closed", "2025-07-01", "Closed", true, "Closed", []],
    ["no Status, before it ends", "", "2025-03-01", "Active", true, "Active", []],
    ["no Status, after it ends", "", "2025-07-01", "Ready to Close", true, "Closed", []],
  ];
  it.each(cases)("%s", (_what, status, asOf, heldTo, passes, achieved, expected) => {
    const { verdict, codes: found } = one(aRow({ Status: status }), asOf);
    expect(found).toEqual(expected);
    expect(verdict).toMatchObject({ heldTo, passes, achievedStatus: achieved });
  });

  it("says an Active row that has ended is Ready to Close in PARS, as a warning", () => {
    const { result } = one(aRow({ Status: "Active" }));
    expect(result.issues[0]).toMatchObject({
      code: "end_date_passed",
      severity: "warning",
      end: "06/30/2025",
      today: "11/25/2025",
    });
    expect(messages(result)[0]).toContain("PARS shows this Active activity as Ready to Close");
  });

  it("holds a row with no Status that has ended to Ready to Close, naming what Closed still needs", () => {
    const after = one(aRow({ Status: "", "Outcome Measures": "", "Physician Learners": "" }));
    expect(after.verdict).toMatchObject({ heldTo: "Ready to Close", passes: true });
    expect(after.codes).toEqual(["closed_needs@Activities!2:Status"]);
    expect(messages(after.result)).toEqual([
      "No Status: the activity has ended, so it is checked as Ready to Close. To close it, PARS also needs: Outcome Measures, Physician Learners.",
    ]);
  });

  it("reports a calendar year as ended when checked as of January 1 of the next year", () => {
    const year = aRow({ Status: "Closed", "Start Date": "01/01/2025", "End Date": "12/31/2025" });
    expect(one(year, "2025-12-31").codes).toEqual(["end_date_not_passed@Activities!2:End Date"]);
    expect(one(year, asOfForYear(2025)).verdict).toMatchObject({ passes: true });
  });
});

describe("asOfForYear", () => {
  it("is January 1 of the next year", () => {
    expect(asOfForYear(2025)).toBe("2026-01-01");
    expect(asOfForYear(1999)).toBe("2000-01-01");
  });
  it.each([2025.5, 1899, 9999, Number.NaN])("refuses %s", (year) => {
    expect(() => asOfForYear(year)).toThrow(InvalidOptionError);
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
          "Activity URL": "ftp://cme.example.org",
        })
      ).codes
    ).toEqual(["invalid_url@Activities!2:Activity URL"]);
    expect(one(aRow({ Description: "d".repeat(2501) })).codes).toEqual([
      "description_too_long@Activities!2:Description",
    ]);
  });
});
