import { valueError } from "../support/customFunctions";
import * as fc from "fast-check";
import { checkWorkbook, missingFor, type CellValue } from "../../src/core";
import {
  credits,
  format,
  learnerTotal,
  learners,
  missing,
  npiOk,
  periods,
  rssCredits,
  spanOk,
  status,
} from "../../src/functions/functions";
import { localToday } from "../../src/functions/arguments";
import { ACTIVITY_HEADERS, aBook, aRow, cellsOf, TODAY } from "../support/builders";

// Excel hands a range over as rows of cells, and a single cell passed for a range as [[value]].
const col = (...values: unknown[]): unknown[][] => values.map((v) => [v]);
const ids = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1)}`);
/** Excel's serial for a date, as a date cell holds it. */
const serial = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25_569;

describe("the FAQ's worked examples", () => {
  it("weekly one-hour grand rounds for a year: 52 credits, 20 physicians each time = 1,040", () => {
    expect(rssCredits([[1]], 52)).toBe(52);
    expect(learnerTotal([[20]], 52)).toBe(1040);
    expect(rssCredits(col(...Array<number>(52).fill(1)))).toBe(52);
    expect(learnerTotal(col(...Array<number>(52).fill(20)))).toBe(1040);
    // Attendance records: the same 20 physicians at each of 52 sessions count per session.
    const attendance = Array.from({ length: 52 }, () => ids("MD", 20)).flat();
    expect(learners("RSS", col(...attendance))).toBe(1040);
  });

  it("journal CME: 20 learners, 1 hour = 20 learners, 1 credit", () => {
    expect(learners("JN", col(...ids("L", 20)))).toBe(20);
    expect(credits(60)).toBe(1);
    expect(credits(1, "hours")).toBe(1);
  });

  it("manuscript review: 25 reviewers × 2 hours = 25 learners, 2 credits", () => {
    // A reviewer who reviews two manuscripts is still one learner.
    expect(learners("MR", col(...ids("R", 25), "R1", "r2 "))).toBe(25);
    expect(credits(2, "hours")).toBe(2);
  });

  it("test-item writing: 5 physicians × 10 hours = 5 learners, 10 credits", () => {
    expect(learners("TIW", [ids("W", 5)])).toBe(5);
    expect(credits(600)).toBe(10);
  });

  it("internet searching and learning: 50 learners × 30 minutes = 50 learners, 0.5 credits", () => {
    expect(learners("ISL", col(...ids("S", 50)))).toBe(50);
    expect(credits(30)).toBe(0.5);
  });

  it("learning from teaching: 10 learners, at most 10 credits", () => {
    expect(learners("LFT", col(...ids("T", 10)))).toBe(10);
    expect(credits(10, "hours")).toBe(10);
  });

  it("enduring material 07/01/2023 to 12/31/2024 is one activity", () => {
    expect(spanOk("EM", "07/01/2023", "12/31/2024")).toBe(true);
    expect(periods("EM", serial("2023-07-01"), serial("2024-12-31"))).toEqual([
      [serial("2023-07-01"), serial("2024-12-31")],
    ]);
  });
});

describe("PARS.RSS_CREDITS", () => {
  it.each([
    [[[1.5]], 10, 15],
    [[["1.5"]], "10", 15],
    [[[0.75]], 0, 0],
    [col(1, "", 1.5, null, 0.5), undefined, 3],
    [[[1, 2, 3]], null, 6],
    [[[2]], undefined, 2],
  ])("hours %j with sessions %j gives %j", (hours, sessions, want) => {
    expect(rssCredits(hours, sessions)).toBe(want);
  });

  it.each([
    [[[1]], "weekly", "Sessions must be a whole number, got 'weekly'"],
    [[[1]], 2.5, "Sessions must be a whole number, got '2.5'"],
    [[[1]], -3, "Sessions must be a whole number, 0 or more, got '-3'"],
    [[[1]], "", "Sessions must be a whole number, got an empty cell"],
    [[["one"]], 52, "Hours must be a number, got 'one'"],
    [[[""]], 52, "Hours must be a number, got an empty cell"],
    [[[-1]], 52, "Hours must be a number, 0 or more, got '-1'"],
    [[["#N/A"]], 52, "Hours holds the Excel error #N/A; fix that cell first"],
    [col(1, 2), 52, "Hours must be one value when Sessions is given, got a range of 2 cells"],
    [col(1, "n/a"), undefined, "Hours (cell 2 of the range) must be a number, got 'n/a'"],
  ])("hours %j with sessions %j is refused: %s", (hours, sessions, message) => {
    expect(valueError(rssCredits(hours, sessions))).toContain(message);
  });
});

describe("PARS.LEARNER_TOTAL", () => {
  it.each([
    [[[20]], 52, 1040],
    [[["1,040"]], 1, 1040],
    [col(20, 18, "", 22), null, 60],
    [[[0]], 10, 0],
  ])("learners %j with sessions %j gives %j", (count, sessions, want) => {
    expect(learnerTotal(count, sessions)).toBe(want);
  });

  it.each([
    [[[20]], "weekly", "Sessions must be a whole number, got 'weekly'"],
    [[[20.5]], 2, "Learners must be a whole number, got '20.5'"],
    [[[true]], 2, "Learners must be a whole number, got 'TRUE'"],
    [col(20, -1), undefined, "Learners (cell 2 of the range) must be a whole number, 0 or more"],
    [[[20, 30]], 4, "Learners must be one value when Sessions is given"],
  ])("learners %j with sessions %j is refused: %s", (count, sessions, message) => {
    expect(valueError(learnerTotal(count, sessions))).toContain(message);
  });
});

describe("PARS.LEARNERS", () => {
  it("counts every attendance for a series and distinct learners otherwise", () => {
    const records = col("A1", "a1", " A1 ", "B2", "", 12345, 12345);
    expect(learners("Regularly Scheduled Series", records)).toBe(6);
    expect(learners("Live Course", records)).toBe(3);
    expect(learners("committee", records)).toBe(3);
  });

  it("counts nobody in an empty range", () => {
    expect(learners("JN", col("", null))).toBe(0);
  });

  it.each([
    [
      "Grand Rounds",
      "Format 'Grand Rounds' is not a PARS format; it is usually reported as Regularly Scheduled Series",
    ],
    ["XYZ", "Format 'XYZ' is not a PARS format name or code"],
    ["", "Format is empty; give a PARS format such as RSS"],
    [42, "Format '42' is not a PARS format name or code"],
  ])("refuses the format %j", (f, message) => {
    expect(valueError(learners(f, col("A")))).toContain(message);
  });

  it("refuses an Excel error among the IDs, naming the cell", () => {
    expect(valueError(learners("JN", col("A", "#REF!")))).toBe(
      "Learner ID (cell 2 of the range) holds the Excel error #REF!; fix that cell first"
    );
  });
});

describe("PARS.CREDITS", () => {
  // Nearest quarter credit, a time exactly halfway between two quarters rounding up.
  it.each([
    [30, undefined, 0.5],
    [60, null, 1],
    [0, undefined, 0],
    [7, undefined, 0],
    [7.5, undefined, 0.25],
    [22.4, undefined, 0.25],
    [22.5, undefined, 0.5],
    [52.5, undefined, 1],
    [90, "minutes", 1.5],
    [45, "min", 0.75],
    ["1,200", undefined, 20],
    [1.125, "hours", 1.25],
    [1.12, "Hours", 1],
    [0.3, "h", 0.25],
    [52, "hours", 52],
  ])("%j %j gives %j", (time, unit, want) => {
    expect(credits(time, unit)).toBe(want);
  });

  it.each([
    ["an hour", undefined, "Time must be a number, got 'an hour'"],
    [-30, undefined, "Time must be a number, 0 or more, got '-30'"],
    [30, "days", `Unit must be "minutes" or "hours", got 'days'`],
    [30, "", `Unit must be "minutes" or "hours", got an empty cell`],
    [30, 60, `Unit must be "minutes" or "hours", got '60'`],
  ])("%j %j is refused: %s", (time, unit, message) => {
    expect(valueError(credits(time, unit))).toBe(message);
  });
});

describe("PARS.STATUS and PARS.MISSING agree with the engine", () => {
  const headerRow = [ACTIVITY_HEADERS];
  const rowOf = (overrides: Record<string, CellValue>) => [
    cellsOf(ACTIVITY_HEADERS, aRow(overrides)),
  ];
  const engine = (overrides: Record<string, CellValue>, today: string) => {
    const outcome = checkWorkbook(aBook({ activities: [aRow(overrides)] }), { today });
    if (!outcome.ok) throw new Error("no Activities table");
    return outcome.result;
  };

  const cases: [string, Record<string, CellValue>][] = [
    ["the complete grand rounds", {}],
    ["no description or providership", { Description: "", Providership: "" }],
    ["no title", { Title: "" }],
    ["Active, not ended", { Status: "Active", "End Date": "06/30/2026" }],
    ["Active but ended", { Status: "Active" }],
    ["Closed but not ended", { "End Date": "12/31/2026" }],
    ["no declared status, ended", { Status: "", "Physician Learners": "" }],
    ["no declared status, running", { Status: "", "End Date": "12/31/2026" }],
    ["in person without a city", { City: "", "Other Learners": "" }],
    ["CME Passport without fee", { "CME Passport": "Yes" }],
    ["dates as serials", { "Start Date": serial("2024-07-01"), "End Date": serial("2025-06-30") }],
    ["span too long", { "End Date": "12/31/2025" }],
    ["end before start", { "End Date": "01/01/2024" }],
    ["Ready to Close without outcomes", { Status: "Ready to Close", "Outcome Measures": "" }],
    ["not a format", { Format: "Grand Rounds" }],
    ["joint without joint providers", { Providership: "Joint" }],
    ["Draft with only Draft fields", { Status: "Draft", Credits: "", Description: "" }],
  ];

  for (const today of [TODAY, "2025-01-15"]) {
    it.each(cases)(`%s, as of ${today}`, (_name, overrides) => {
      const result = engine(overrides, today);
      const verdict = result.rows[0]!;
      expect(status(headerRow, rowOf(overrides), today)).toBe(verdict.achievedStatus);
      expect(missing(headerRow, rowOf(overrides), null, today)).toBe(
        missingFor(verdict, verdict.heldTo).join("; ")
      );
      for (const s of ["Draft", "Active", "Ready to Close", "Closed"] as const) {
        expect(missing(headerRow, rowOf(overrides), s, today)).toBe(
          missingFor(verdict, s).join("; ")
        );
      }
    });
  }

  it("says what the FAQ's Active status lacks, as one text", () => {
    const row = rowOf({ Description: "", Providership: "" });
    expect(missing(headerRow, row, "Active", TODAY)).toBe(
      "Description; Providership; End Date not in the past"
    );
    expect(missing(headerRow, rowOf({}), "Closed", TODAY)).toBe("");
    expect(status(headerRow, row, TODAY)).toBe("Draft");
  });

  it("reads today from an Excel date serial as well as from text", () => {
    const row = rowOf({ Status: "Active", "End Date": "06/30/2026" });
    expect(status(headerRow, row, serial("2026-07-01"))).toBe(
      engine({ Status: "Active", "End Date": "06/30/2026" }, "2026-07-01").rows[0]!.achievedStatus
    );
    expect(status(headerRow, row, "07/01/2026")).toBe(status(headerRow, row, serial("2026-07-01")));
  });

  it("defaults today to the local calendar day", () => {
    const row = rowOf({ Status: "Active", "End Date": "06/30/2026" });
    expect(status(headerRow, row)).toBe(status(headerRow, row, localToday()));
    expect(missing(headerRow, row)).toBe(missing(headerRow, row, null, localToday()));
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05");
  });

  it("accepts a header column with a row column, and headers in any order", () => {
    const cells = cellsOf(ACTIVITY_HEADERS, aRow({ Description: "" }));
    const columns = ACTIVITY_HEADERS.map((h, i) => [h, cells[i]] as const).reverse();
    expect(
      status(
        columns.map(([h]) => [h]),
        columns.map(([, c]) => [c]),
        TODAY
      )
    ).toBe(status(headerRow, rowOf({ Description: "" }), TODAY));
    expect(status(headerRow, rowOf({ Description: "" }), TODAY)).toBe("Draft");
  });

  it("gives Cancelled and nothing missing for a row declared Cancelled", () => {
    const overrides = { Status: "Cancelled", Title: "" };
    expect(engine(overrides, TODAY).cancelledRows).toEqual([2]);
    expect(status(headerRow, rowOf(overrides), TODAY)).toBe("Cancelled");
    expect(missing(headerRow, rowOf(overrides), null, TODAY)).toBe("");
  });

  it("gives empty text for an empty row", () => {
    const blank = [ACTIVITY_HEADERS.map(() => "")];
    expect(status(headerRow, blank, TODAY)).toBe("");
    expect(missing(headerRow, blank, "Closed", TODAY)).toBe("");
  });

  it.each([
    [headerRow, [["a", "b"]], TODAY, "Headers has 27 cells but the row has 2"],
    [[["Name", "Age"]], [["x", 3]], TODAY, "Headers must be the Activities header row"],
    [
      headerRow,
      [
        [1, 2],
        [3, 4],
      ],
      TODAY,
      "Row must be one row, got 2 rows",
    ],
    [
      headerRow,
      rowOf({}),
      "tomorrow",
      "Today must be a date (MM/DD/YYYY or a date cell), got 'tomorrow'",
    ],
    [
      headerRow,
      rowOf({}),
      "02/30/2025",
      "Today must be a date (MM/DD/YYYY or a date cell), got '02/30/2025'",
    ],
  ])("STATUS refuses %#: %s", (h, r, today, message) => {
    expect(valueError(status(h, r, today))).toContain(message);
    expect(valueError(missing(h, r, null, today))).toContain(message);
  });

  it.each([["Cancelled"], ["Finished"], [3]])("MISSING refuses the status %j", (s) => {
    expect(valueError(missing(headerRow, rowOf({}), s, TODAY))).toMatch(
      /^Status must be Draft, Active, Ready to Close or Closed, got '/
    );
  });
});

describe("PARS.SPAN_OK and PARS.PERIODS", () => {
  it.each([
    ["RSS", "07/01/2024", "06/30/2025", true],
    ["RSS", "07/01/2024", "07/01/2025", false],
    ["Enduring Material", "2023-07-01", "2026-06-30", true],
    ["IEM", "2023-07-01", "2026-07-01", false],
    ["JN", serial("2025-01-01"), serial("2025-01-01"), true],
  ])("%s from %j to %j fits: %j", (f, start, end, want) => {
    expect(spanOk(f, start, end)).toBe(want);
  });

  it("splits an activity into 12-month periods, the last ending with it", () => {
    expect(periods("RSS", "07/01/2024", "12/31/2025")).toEqual([
      [serial("2024-07-01"), serial("2025-06-30")],
      [serial("2025-07-01"), serial("2025-12-31")],
    ]);
    expect(periods("EM", "01/31/2020", "01/30/2026")).toEqual([
      [serial("2020-01-31"), serial("2023-01-30")],
      [serial("2023-01-31"), serial("2026-01-30")],
    ]);
  });

  it.each([
    ["RSS", "07/01/2024", "06/30/2024", "End 06/30/2024 is before Start 07/01/2024"],
    ["RSS", "soon", "06/30/2025", "Start must be a date (MM/DD/YYYY or a date cell), got 'soon'"],
    ["RSS", "07/01/2024", "", "End must be a date (MM/DD/YYYY or a date cell), got an empty cell"],
    ["Webinar", "07/01/2024", "06/30/2025", "it is usually reported as Live Course"],
  ])("%s from %j to %j is refused: %s", (f, start, end, message) => {
    expect(valueError(spanOk(f, start, end))).toContain(message);
    const spilled = periods(f, start, end);
    expect(spilled).toHaveLength(1);
    expect(valueError(spilled[0]![0])).toContain(message);
  });
});

describe("PARS.FORMAT", () => {
  it.each([
    ["RSS", "Regularly Scheduled Series"],
    ["em", "Enduring Material"],
    ["  internet live course ", "Live Course"],
    ["Journal CME", "Journal-based CME"],
    ["pi", "Performance/Quality Improvement"],
    ["Other/Blended", "Other/Blended Learning"],
  ])("%j is %j", (text, name) => {
    expect(format(text)).toBe(name);
  });

  it.each([
    [
      "Tumor Board",
      "Format 'Tumor Board' is not a PARS format; it is usually reported as Regularly Scheduled Series",
    ],
    ["Lecture", "Format 'Lecture' is not a PARS format name or code"],
    [null, "Format is empty"],
    [{ error: "#DIV/0!" }, "Format holds the Excel error #DIV/0!"],
  ])("refuses %j", (text, message) => {
    expect(valueError(format(text))).toContain(message);
  });

  it("reads the shown value of a linked data type", () => {
    expect(format({ type: "String", basicValue: "EM" })).toBe("Enduring Material");
  });
});

describe("PARS.NPI_OK", () => {
  it.each([
    [1234567893, true],
    ["1234567893", true],
    ["1234567810", true],
    ["123-456-7893", true],
    [[[1993999998]], true],
    ["1234567890", false],
    [123456789, false],
    [1234567893.5, false],
    ["NPI pending", false],
    ["", false],
    [null, false],
  ])("NPI_OK(%j) is %s", (npi, want) => {
    expect(npiOk(npi)).toBe(want);
  });

  it("refuses a range of several NPIs and an Excel error, saying so", () => {
    expect(valueError(npiOk([[1234567893], [1993999998]]))).toBe(
      "NPI must be one cell, got a range of 2 cells"
    );
    expect(valueError(npiOk("#N/A"))).toContain("Excel error #N/A");
  });
});

describe("no argument makes a function throw", () => {
  const cell = fc.oneof(
    fc.string(),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.constantFrom("#N/A", "RSS", "EM", "07/01/2024", "Closed", "hours", "")
  );
  const range = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), {
    minLength: 1,
    maxLength: 4,
  });

  it("every function returns a value or a #VALUE! error for any cells", () => {
    fc.assert(
      fc.property(range, range, cell, cell, (r1, r2, c1, c2) => {
        const results = [
          rssCredits(r1, c1),
          learnerTotal(r1, c1),
          learners(c1, r1),
          credits(c1, c2),
          status(r1, r2, c1),
          missing(r1, r2, c1, c2),
          spanOk(c1, c2, c1),
          ...periods(c1, c2, c2).flat(),
          format(c1),
          npiOk(c1),
          npiOk(r1),
        ];
        for (const r of results) {
          if (typeof r === "object") expect(valueError(r)).not.toBe("");
        }
      })
    );
  });
});
