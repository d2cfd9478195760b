import { messageOf } from "../../../src/core";
import { aRow, type BookInput, type RowInput } from "../../support/builders";
import { codes, run } from "../../support/check";

const ONGOING = { "Start Date": "07/01/2025", "End Date": "06/30/2026" }; // not ended on TODAY

const one = (row: RowInput, extra: Omit<BookInput, "activities"> = {}) => {
  const result = run({ activities: [row], ...extra });
  return {
    result,
    verdict: result.rows[0]!,
    found: result.issues.map((i) => `${i.severity} ${i.code}@${i.column}`),
  };
};

describe("never stricter than PARS: a value the status does not need", () => {
  // [what, row, passes, achieved, findings as "severity code@column"]
  const cases: [string, RowInput, boolean, string, string[]][] = [
    [
      '"TBD" credits on a Draft',
      aRow({ ...ONGOING, Status: "Draft", Credits: "TBD" }),
      true,
      "Draft",
      ["warning invalid_credits@Credits"],
    ],
    [
      '"TBD" credits on an Active row',
      aRow({ ...ONGOING, Status: "Active", Credits: "TBD" }),
      false,
      "Draft",
      ["error invalid_credits@Credits"],
    ],
    [
      "an address that is no URL while CME Passport is No",
      aRow({ "Activity URL": "see flyer" }),
      true,
      "Closed",
      ["warning invalid_url@Activity URL"],
    ],
    [
      "an address without its scheme, read as https",
      aRow({
        "CME Passport": "Yes",
        Fee: "Yes",
        Registration: "Limited",
        "Activity URL": "cme.example.org/gr",
      }),
      true,
      "Closed",
      ["warning url_scheme_added@Activity URL"],
    ],
    [
      '"TBD" learners on an Active row',
      aRow({ ...ONGOING, Status: "Active", "Physician Learners": "TBD" }),
      true,
      "Active",
      ["warning invalid_count@Physician Learners"],
    ],
    [
      '"TBD" learners on a Closed row',
      aRow({ "Physician Learners": "TBD" }),
      false,
      "Ready to Close",
      ["error invalid_count@Physician Learners"],
    ],
    [
      "an Excel error in Notes",
      aRow({ Notes: { error: "#REF!" } }),
      true,
      "Closed",
      ["warning cell_error@Notes"],
    ],
    [
      "an invalid US State where PARS asks for one",
      aRow({ State: "Chicagoland" }),
      false,
      "Draft",
      ["error invalid_code@State"],
    ],
    [
      "an invalid US State on an online activity, which PARS does not ask for",
      aRow({ "Delivery Method": "Online", State: "Chicagoland" }),
      true,
      "Closed",
      ["warning invalid_code@State"],
    ],
  ];
  it.each(cases)("%s", (_what, row, passes, achieved, expected) => {
    const { verdict, found } = one(row);
    expect(found).toEqual(expected);
    expect(verdict).toMatchObject({ passes, achievedStatus: achieved });
  });

  it("a Support value an activity short of Closed does not need is a warning", () => {
    const row = aRow({ ...ONGOING, Status: "Active", "Commercial Support": "Yes" });
    const support = [
      { "Internal ID": "IMGR-2024", Source: "Acme", "Support Type": "Monetary", Amount: "TBD" },
    ];
    const { verdict, found } = one(row, { support });
    expect(found).toEqual(["warning invalid_number@Amount"]);
    expect(verdict.passes).toBe(true);
  });
});

describe("spans of 12 months and 3 years from February 29 (the day before the anniversary)", () => {
  it.each([
    ["Regularly Scheduled Series", "02/29/2024", "02/28/2025", []],
    [
      "Regularly Scheduled Series",
      "02/29/2024",
      "03/01/2025",
      ["span_too_long@Activities!2:End Date"],
    ],
    ["Enduring Material", "02/29/2024", "02/28/2027", []],
    ["Enduring Material", "02/29/2024", "03/01/2027", ["span_too_long@Activities!2:End Date"]],
    ["Regularly Scheduled Series", "07/01/2024", "06/30/2025", []],
  ])("%s from %s to %s", (format, start, end, expected) => {
    const r = run(
      {
        activities: [
          aRow({
            Format: format,
            "Start Date": start,
            "End Date": end,
            "Delivery Method": "In-Person",
          }),
        ],
      },
      "2027-06-01"
    );
    expect(codes(r, "error")).toEqual(expected);
  });

  it("names the last day in the message", () => {
    const r = run({ activities: [aRow({ "Start Date": "02/29/2024", "End Date": "03/01/2025" })] });
    expect(messageOf(r.issues[0]!)).toContain("it must end by 02/28/2025");
  });
});

describe("words read as PARS values, with a note", () => {
  it.each([
    [
      "Providership",
      "Co-provided",
      "Direct",
      "PARS asks for co-provided activities to be reported as Direct",
    ],
    ["Status", "Completed", "Closed", '"Completed" read as Closed.'],
    ["Status", "Planned", "Draft", '"Planned" read as Draft.'],
  ])("%s %s is %s", (column, written, as, message) => {
    const { result } = one(aRow({ [column]: written }));
    const note = result.issues.find((i) => i.code === "word_read_as");
    expect(note).toMatchObject({ severity: "warning", column, value: written, as });
    expect(messageOf(note!)).toContain(message);
  });

  it("reads plain spellings of a value without a note", () => {
    expect(one(aRow({ Status: "closed", Providership: "D" })).found).toEqual([]);
  });
});

describe("new findings", () => {
  const supportRow = (amount: number | string, type = "Monetary") => ({
    "Internal ID": "IMGR-2024",
    Source: "Acme",
    "Support Type": type,
    Amount: amount,
  });
  const supported = aRow({ "Commercial Support": "Yes" });

  it("a negative support amount is an error", () => {
    const { verdict, result } = one(supported, { support: [supportRow(-500)] });
    expect(result.issues).toMatchObject([
      { code: "negative_amount", severity: "error", table: "Support" },
    ]);
    expect(verdict.passes).toBe(false);
  });

  it("a monetary amount of zero is a warning", () => {
    const { verdict, found } = one(supported, { support: [supportRow(0)] });
    expect(found).toEqual(["warning zero_amount@Amount"]);
    expect(verdict.passes).toBe(true);
  });

  it("MOC rows while the MOC column is blank are a warning", () => {
    const moc = [{ "Internal ID": "IMGR-2024", Board: "ABIM" }];
    const { found, result } = one(aRow({ MOC: "" }), { moc });
    expect(found).toEqual(["warning moc_blank_with_boards@MOC"]);
    expect(messageOf(result.issues[0]!)).toContain("MOC is blank, but 1 MOC board row names");
  });

  it("a formula without a saved result says to open and save the workbook, not that Title is required", () => {
    const { found, result } = one(aRow({ Title: { formula: 'CONCAT("Grand ","Rounds")' } }));
    expect(found).toEqual(["error formula_without_result@Title"]);
    expect(messageOf(result.issues[0]!)).toContain("Open and save the workbook in Excel");
  });
});
