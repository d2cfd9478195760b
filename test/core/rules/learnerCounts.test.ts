import { messageOf } from "../../../src/core";
import { aRow, type RowInput } from "../../support/builders";
import { codes, run } from "../../support/check";

/** The FAQ's enduring material: launched 07/01/2023, available through 12/31/2024. */
const ENDURING: RowInput = {
  "Internal ID": "EM-1",
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

const count = (through: string, physicians: number, others = 0, id = "EM-1"): RowInput => ({
  "Internal ID": id,
  Through: through,
  "Physician Learners": physicians,
  "Other Learners": others,
});

describe("Learner Counts", () => {
  it("takes one cumulative count per year without a finding", () => {
    const r = run({
      activities: [aRow(ENDURING)],
      learnerCounts: [count("12/31/2023", 400, 60), count("12/31/2024", 900, 150)],
    });
    expect(codes(r)).toEqual([]);
    expect(r.tables.map((t) => t.table)).toContain("Learner Counts");
  });

  it("is an error when a later count is lower, naming both counts", () => {
    const r = run({
      activities: [aRow(ENDURING)],
      learnerCounts: [count("12/31/2024", 300, 150), count("12/31/2023", 400, 60)],
    });
    expect(codes(r)).toEqual(["learner_count_decreased@Learner Counts!2:Physician Learners"]);
    expect(messageOf(r.issues[0]!)).toBe(
      "Cumulative learners through 12/31/2024 (300 physicians, 150 others) are fewer than through 12/31/2023 (400, 60); a cumulative count only grows."
    );
    expect(r.rows[0]!.passes).toBe(false);
  });

  it("is an error when the activity's own final counts are below the last count", () => {
    const r = run({
      activities: [aRow({ ...ENDURING, "Physician Learners": 100 })],
      learnerCounts: [count("12/31/2023", 400, 60)],
    });
    expect(codes(r)).toEqual(["learner_count_decreased@Activities!2:Physician Learners"]);
  });

  it("is an error outside the activity's dates, and for no activity", () => {
    const r = run({
      activities: [aRow(ENDURING)],
      learnerCounts: [count("12/31/2022", 10), count("12/31/2023", 400, 0, "EM-9")],
    });
    expect(codes(r)).toEqual([
      "learner_count_outside_dates@Learner Counts!2:Through",
      "orphan_row@Learner Counts!3:Internal ID",
    ]);
  });

  it("tells apart activities sharing an Internal ID by Start Date, and says when it cannot", () => {
    const second = { ...ENDURING, "Start Date": "01/01/2025", "End Date": "12/31/2025" };
    const ok = run({
      activities: [aRow(ENDURING), aRow(second)],
      learnerCounts: [{ ...count("12/31/2023", 400), "Start Date": "07/01/2023" }],
    });
    expect(codes(ok).filter((c) => c.includes("Learner Counts"))).toEqual([]);
    const unsure = run({
      activities: [aRow(ENDURING), aRow(second)],
      learnerCounts: [count("12/31/2023", 400)],
    });
    expect(codes(unsure).filter((c) => c.includes("Learner Counts"))).toEqual([
      "row_of_several_activities@Learner Counts!2:Internal ID",
    ]);
    expect(messageOf(unsure.issues.find((i) => i.code === "row_of_several_activities")!)).toContain(
      "rows 2, 3"
    );
  });

  it("warns that a count for a format reported once is not used", () => {
    const r = run({
      activities: [aRow()],
      learnerCounts: [count("12/31/2024", 500, 0, "IMGR-2024")],
    });
    expect(codes(r)).toEqual(["learner_count_not_cumulative@Learner Counts!2:Internal ID"]);
    expect(r.issues[0]!.severity).toBe("warning");
  });
});
