import {
  creditsForMinutes,
  dayOfIso,
  isoOfDay,
  learnersFromAttendance,
  matchFormat,
  formatName,
  reportingPeriods,
  roundCredits,
  seriesCredits,
  seriesLearners,
  spanFits,
  total,
} from "../../src/core";

const d = (iso: string) => dayOfIso(iso) as number;

describe("the FAQ's worked examples", () => {
  it("RSS: weekly one-hour grand rounds for a year are 52 credits and 1,040 physician learners", () => {
    expect(seriesCredits(1, 52)).toBe(52);
    expect(seriesLearners(20, 52)).toBe(1040);
    expect(total(Array.from({ length: 52 }, () => 1))).toBe(52);
  });

  it("journal: 20 learners, 1 hour → 20 learners, 1 credit", () => {
    const ids = Array.from({ length: 20 }, (_, i) => `L${i}`);
    expect(learnersFromAttendance("journal", ids)).toBe(20);
    expect(creditsForMinutes(60)).toBe(1);
  });

  it("manuscript review: 25 reviewers, 2 hours each → 25 learners, 2 credits", () => {
    const reviews = Array.from({ length: 40 }, (_, i) => `R${i % 25}`); // some review more than once
    expect(learnersFromAttendance("manuscript", reviews)).toBe(25);
    expect(roundCredits(2)).toBe(2);
  });

  it("test-item writing: 5 physicians × 10 hours → 5 learners, 10 credits", () => {
    expect(learnersFromAttendance("testItem", ["a", "b", "c", "d", "e", "a"])).toBe(5);
    expect(roundCredits(10)).toBe(10);
  });

  it("internet searching and learning: 50 learners × 30 minutes → 50 learners, 0.5 credits", () => {
    expect(
      learnersFromAttendance(
        "searching",
        Array.from({ length: 50 }, (_, i) => `L${i}`)
      )
    ).toBe(50);
    expect(creditsForMinutes(30)).toBe(0.5);
  });

  it("learning from teaching: 10 learners, at most 10 credits", () => {
    expect(
      learnersFromAttendance(
        "teaching",
        Array.from({ length: 10 }, (_, i) => `F${i}`)
      )
    ).toBe(10);
    expect(roundCredits(10)).toBe(10);
  });

  it("enduring material from 07/01/2023 to 12/31/2024 fits its 3-year span as one activity", () => {
    expect(spanFits("enduring", d("2023-07-01"), d("2024-12-31"))).toBe(true);
    expect(reportingPeriods("enduring", d("2023-07-01"), d("2024-12-31"))).toHaveLength(1);
  });
});

describe("learners from attendance", () => {
  it("counts every attendance for RSS, distinct learners (ignoring case and blanks) otherwise", () => {
    const records = ["A1", "a1", "B2", "", " B2 "];
    expect(learnersFromAttendance("rss", records)).toBe(4);
    expect(learnersFromAttendance("committee", records)).toBe(2);
  });
});

describe("rounding to the 0.25 step", () => {
  it.each([
    [0, 0],
    [5, 0],
    [7.5, 0.25],
    [8, 0.25],
    [15, 0.25],
    [22, 0.25],
    [23, 0.5],
    [45, 0.75],
    [50, 0.75],
    [53, 1],
    [90, 1.5],
    [-10, 0],
  ])("%p minutes give %p credits (nearest quarter hour, halves up)", (minutes, credits) => {
    expect(creditsForMinutes(minutes)).toBe(credits);
  });
  it("is not thrown off by floating-point noise", () => {
    expect(roundCredits(0.1 + 0.2 + 0.45)).toBe(0.75);
    expect(roundCredits(Number.NaN)).toBe(0);
  });
});

describe("reporting periods", () => {
  const periods = (format: Parameters<typeof reportingPeriods>[0], a: string, b: string) =>
    reportingPeriods(format, d(a), d(b)).map((p) => [isoOfDay(p.start), isoOfDay(p.end)]);

  it("keeps a 07/01–06/30 series in one period and splits one that runs a day longer", () => {
    expect(periods("rss", "2024-07-01", "2025-06-30")).toEqual([["2024-07-01", "2025-06-30"]]);
    expect(periods("rss", "2024-07-01", "2025-07-01")).toEqual([
      ["2024-07-01", "2025-06-30"],
      ["2025-07-01", "2025-07-01"],
    ]);
  });

  it("splits a 30-month journal activity into three periods and an enduring material by 3 years", () => {
    expect(periods("journal", "2023-01-15", "2025-07-14")).toEqual([
      ["2023-01-15", "2024-01-14"],
      ["2024-01-15", "2025-01-14"],
      ["2025-01-15", "2025-07-14"],
    ]);
    expect(periods("enduring", "2023-07-01", "2027-06-30")).toEqual([
      ["2023-07-01", "2026-06-30"],
      ["2026-07-01", "2027-06-30"],
    ]);
  });

  it("gives no period for an end before the start", () => {
    expect(reportingPeriods("rss", d("2025-01-01"), d("2024-01-01"))).toEqual([]);
    expect(spanFits("rss", d("2025-01-01"), d("2024-01-01"))).toBe(false);
  });
});

describe("canonical format", () => {
  it("names the format for a code or variant", () => {
    const m = matchFormat("iem");
    expect(m.kind === "format" && formatName(m.format)).toBe("Enduring Material");
    expect(matchFormat("Tumor Board")).toEqual({ kind: "not_a_format", usually: "rss" });
  });
});
