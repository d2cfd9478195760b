import {
  dayOfIso,
  InvalidOptionError,
  messageOf,
  reportingYear,
  yearDueOn,
  yearEndReport,
  type AnnualReport,
} from "../../../src/core";
import { aBook, aRow, type BookInput, type RowInput } from "../../support/builders";

/** The year-end report of a workbook that has an Activities table. */
function report(input: BookInput, year: number): AnnualReport {
  const out = yearEndReport(aBook(input), year);
  if (!out.ok) throw new Error(out.problem);
  return out.report;
}

/** The FAQ's enduring material: launched 07/01/2023, available through 12/31/2024. */
const ENDURING: RowInput = {
  "Internal ID": "EM-1",
  Title: "Heart Failure Update (online)",
  Format: "Enduring Material",
  "Start Date": "07/01/2023",
  "End Date": "12/31/2024",
  "Delivery Method": "Online",
  City: "",
  State: "",
  Country: "",
  Credits: 2,
  "Physician Learners": 900,
  "Other Learners": 150,
};

const COURSE: RowInput = {
  "Internal ID": "C-1",
  Title: "Annual Cardiology Update",
  Format: "Live Course",
  "Start Date": "03/14/2025",
  "End Date": "03/15/2025",
  Credits: 12.5,
  "Physician Learners": 200,
  "Other Learners": 40,
  Providership: "Joint",
  "Joint Providers": "Heart Society",
};

describe("the reporting year", () => {
  it("is judged as of January 1 after it and due by March 31", () => {
    expect(reportingYear(2025)).toMatchObject({ asOf: "2026-01-01", dueBy: "2026-03-31" });
  });

  it("defaults to last year until its deadline has passed, then to this year", () => {
    expect(yearDueOn(dayOfIso("2026-02-10")!)).toBe(2025);
    expect(yearDueOn(dayOfIso("2026-03-31")!)).toBe(2025);
    expect(yearDueOn(dayOfIso("2026-04-01")!)).toBe(2026);
    expect(yearDueOn(dayOfIso("2026-12-01")!)).toBe(2026);
  });

  it("refuses a year that is not YYYY", () => {
    expect(() => reportingYear(25.5)).toThrow(InvalidOptionError);
    expect(() => yearEndReport(aBook({ activities: [aRow()] }), 99)).toThrow(InvalidOptionError);
  });
});

describe("the FAQ's grand rounds, 07/01/2024 to 06/30/2025", () => {
  const book = { activities: [aRow()] };

  it("is to be entered in 2024 and continues into 2025, without counting there", () => {
    const r = report(book, 2024);
    expect(r.checklist.toEnter).toEqual([
      expect.objectContaining({ row: 2, internalId: "IMGR-2024", action: "enter", ready: true }),
    ]);
    expect(r.checklist.continuing).toEqual([
      expect.objectContaining({ row: 2, endDate: "2025-06-30", inPars: false }),
    ]);
    expect(r.checklist.toClose).toEqual([]);
    expect(r.totals).toEqual({ activities: 0, credits: 0, physicianLearners: 0, otherLearners: 0 });
    expect(r.done).toBe(true);
  });

  it("counts its 1,040 physician learners and 52 credits once, in 2025, the year it ends", () => {
    const r = report(book, 2025);
    expect(r.byFormat).toEqual({
      "Regularly Scheduled Series": {
        activities: 1,
        credits: 52,
        physicianLearners: 1040,
        otherLearners: 0,
      },
    });
    expect(r.byProvidership).toEqual({ Direct: r.totals });
    expect(r.checklist.toEnter).toEqual([]);
    expect(r.checklist.toClose).toEqual([]);
    expect(report(book, 2024).totals.physicianLearners + r.totals.physicianLearners).toBe(1040);
  });

  it("takes its learners from its sessions when the row leaves them blank", () => {
    const sessions = Array.from({ length: 52 }, (_, i) => ({
      "Internal ID": "IMGR-2024",
      "Session Date": `2024-07-${String((i % 28) + 1).padStart(2, "0")}`,
      Hours: 1,
      "Physician Learners": 20,
      "Other Learners": 1,
    }));
    const r = report(
      {
        activities: [aRow({ "Physician Learners": "", "Other Learners": "" })],
        sessions,
      },
      2025
    );
    expect(r.totals).toMatchObject({ physicianLearners: 1040, otherLearners: 52 });
    // Blank counts do not support Closed: the checklist says so.
    expect(r.checklist.toClose[0]?.lacks).toEqual(["Physician Learners", "Other Learners"]);
  });
});

describe("the FAQ's enduring material, 07/01/2023 to 12/31/2024", () => {
  it("counts in both years it is active", () => {
    for (const year of [2023, 2024]) {
      expect(report({ activities: [aRow(ENDURING)] }, year).byFormat).toHaveProperty(
        ["Enduring Material", "activities"],
        1
      );
    }
  });

  it("in its last year takes the row's own counts as cumulative through 12/31", () => {
    const r = report({ activities: [aRow(ENDURING)] }, 2024);
    expect(r.checklist.enduringCounts).toEqual([
      expect.objectContaining({
        internalId: "EM-1",
        count: { physicianLearners: 900, otherLearners: 150 },
        countFrom: "activity",
        problem: null,
      }),
    ]);
    expect(r.totals).toMatchObject({ physicianLearners: 900, otherLearners: 150, credits: 2 });
    expect(r.issues).toEqual([]);
  });

  it("in its first year, without a count through 12/31/2023, is a finding and not done", () => {
    const r = report({ activities: [aRow(ENDURING)] }, 2023);
    expect(r.checklist.enduringCounts[0]).toMatchObject({ count: null, problem: "missing" });
    expect(r.issues).toEqual([
      expect.objectContaining({
        code: "learner_count_missing",
        table: "Activities",
        row: 2,
        column: "Physician Learners",
        severity: "error",
      }),
    ]);
    expect(messageOf(r.issues[0]!)).toContain("through 12/31/2023");
    expect(r.done).toBe(false);
    expect(r.checklist.continuing).toEqual([expect.objectContaining({ internalId: "EM-1" })]);
  });
});

describe("the checklist", () => {
  it("lists an activity that ended in the year and does not support Closed, with what it lacks", () => {
    const r = report(
      {
        activities: [
          aRow(COURSE),
          aRow({ ...COURSE, "Internal ID": "C-2", "Outcome Measures": "", "Joint Providers": "" }),
        ],
      },
      2025
    );
    expect(r.checklist.toClose).toEqual([
      expect.objectContaining({
        row: 3,
        internalId: "C-2",
        endDate: "2025-03-15",
        achievedStatus: "Ready to Close",
        lacks: ["Joint Providers", "Outcome Measures"],
      }),
    ]);
    expect(r.done).toBe(false);
  });

  it("says update for an activity already in PARS, and what keeps a row from being entered", () => {
    const r = report(
      {
        activities: [
          aRow({ ...COURSE, "ACCME Activity ID": "202512345" }),
          aRow({ ...COURSE, "Internal ID": "C-3", Description: "", Credits: "" }),
        ],
      },
      2025
    );
    expect(r.checklist.toEnter).toEqual([
      expect.objectContaining({ internalId: "C-1", action: "update", ready: true, lacks: [] }),
      expect.objectContaining({
        internalId: "C-3",
        action: "enter",
        ready: false,
        lacks: ["Credits", "Description"],
      }),
    ]);
  });

  it("leaves out activities of other years, Cancelled rows and rows without dates", () => {
    const r = report(
      {
        activities: [
          aRow({ ...COURSE, "Start Date": "03/14/2024", "End Date": "03/15/2024" }),
          aRow({ ...COURSE, "Internal ID": "C-4", Status: "Cancelled" }),
          aRow({ ...COURSE, "Internal ID": "C-5", "Start Date": "", "End Date": "" }),
        ],
      },
      2025
    );
    expect(r.counted).toEqual([]);
    expect(r.checklist.toEnter).toEqual([]);
    expect(r.checklist.toClose).toEqual([]);
  });
});

describe("the Program Summary figures", () => {
  it("totals by format and by providership", () => {
    const r = report({ activities: [aRow(), aRow(COURSE)] }, 2025);
    expect(r.byProvidership).toEqual({
      Direct: { activities: 1, credits: 52, physicianLearners: 1040, otherLearners: 0 },
      Joint: { activities: 1, credits: 12.5, physicianLearners: 200, otherLearners: 40 },
    });
    expect(r.totals).toEqual({
      activities: 2,
      credits: 64.5,
      physicianLearners: 1240,
      otherLearners: 40,
    });
    expect(Object.keys(r.byFormat)).toEqual(["Regularly Scheduled Series", "Live Course"]);
  });

  it("sums the year's commercial support by source and lists in-kind sources", () => {
    const supported = { ...COURSE, "Commercial Support": "Yes" };
    const r = report(
      {
        activities: [
          aRow(supported),
          aRow({
            ...supported,
            "Internal ID": "C-6",
            "Start Date": "05/01/2025",
            "End Date": "05/01/2025",
          }),
          aRow({
            ...supported,
            "Internal ID": "C-7",
            "Start Date": "05/01/2024",
            "End Date": "05/01/2024",
          }),
        ],
        support: [
          { "Internal ID": "C-1", Source: "Acme Pharma", "Support Type": "Monetary", Amount: 5000 },
          {
            "Internal ID": "C-6",
            Source: "acme pharma",
            "Support Type": "Monetary",
            Amount: 2500.1,
          },
          {
            "Internal ID": "C-6",
            Source: "Beta Devices",
            "Support Type": "Monetary",
            Amount: 9000,
          },
          { "Internal ID": "C-1", Source: "Gamma Labs", "Support Type": "In-kind", Amount: "" },
          { "Internal ID": "C-7", Source: "Old Year Inc", "Support Type": "Monetary", Amount: 100 },
        ],
      },
      2025
    );
    expect(r.commercialSupport).toEqual({
      monetary: 16500.1,
      bySource: { "Beta Devices": 9000, "Acme Pharma": 7500.1 },
      inKindSources: ["Gamma Labs"],
    });
  });
});

describe("the FAQ's enduring material with a Learner Counts table", () => {
  const counts = [
    {
      "Internal ID": "EM-1",
      Through: "12/31/2023",
      "Physician Learners": 400,
      "Other Learners": 60,
    },
    {
      "Internal ID": "EM-1",
      Through: "12/31/2024",
      "Physician Learners": 900,
      "Other Learners": 150,
    },
  ];

  it("reports the count through 12/31/2023 for 2023 and the cumulative one for 2024", () => {
    const y2023 = report({ activities: [aRow(ENDURING)], learnerCounts: counts }, 2023);
    expect(y2023.checklist.enduringCounts[0]).toMatchObject({
      count: { physicianLearners: 400, otherLearners: 60 },
      countFrom: "learner_counts",
      previous: null,
      problem: null,
    });
    expect(y2023.totals).toMatchObject({ activities: 1, physicianLearners: 400 });
    expect(y2023.done).toBe(true);
    const y2024 = report({ activities: [aRow(ENDURING)], learnerCounts: counts }, 2024);
    expect(y2024.checklist.enduringCounts[0]).toMatchObject({
      count: { physicianLearners: 900, otherLearners: 150 },
      previous: { physicianLearners: 400, otherLearners: 60 },
      problem: null,
    });
  });

  it("marks a count lower than the year before, which the check also reports", () => {
    const falling = [counts[0]!, { ...counts[1]!, "Physician Learners": 350 }];
    const out = yearEndReport(
      aBook({ activities: [aRow(ENDURING)], learnerCounts: falling }),
      2024
    );
    if (!out.ok) throw new Error(out.problem);
    expect(out.report.checklist.enduringCounts[0]?.problem).toBe("decreased");
    expect(out.report.done).toBe(false);
    expect(out.check.issues.map((i) => i.code)).toContain("learner_count_decreased");
  });

  it("counts support in the year it was received, and asks for the date when it is missing", () => {
    const supported = { ...ENDURING, "Commercial Support": "Yes" };
    const support = [
      {
        "Internal ID": "EM-1",
        Source: "Acme Pharma",
        "Support Type": "Monetary",
        Amount: 3000,
        "Date Received": "08/15/2023",
      },
      {
        "Internal ID": "EM-1",
        Source: "Acme Pharma",
        "Support Type": "Monetary",
        Amount: 1000,
        "Date Received": "02/01/2024",
      },
      { "Internal ID": "EM-1", Source: "Beta Devices", "Support Type": "Monetary", Amount: 500 },
    ];
    const book = { activities: [aRow(supported)], support, learnerCounts: counts };
    const y2023 = report(book, 2023);
    expect(y2023.commercialSupport.bySource).toEqual({ "Acme Pharma": 3000 });
    // Undated support counts once, in the year the activity ends.
    expect(report(book, 2024).commercialSupport).toMatchObject({
      monetary: 1500,
      bySource: { "Acme Pharma": 1000, "Beta Devices": 500 },
    });
    expect(y2023.issues).toEqual([
      expect.objectContaining({
        code: "support_date_missing",
        table: "Support",
        row: 4,
        column: "Date Received",
        severity: "warning",
      }),
    ]);
    expect(messageOf(y2023.issues[0]!)).toContain("from 07/01/2023 to 12/31/2024");
  });
});
