import { buildLearnerExport, previewLearners } from "../../../src/core";
import { aBook, aRow, TODAY, type RowInput } from "../../support/builders";

const ACTIVITY = aRow({ "ACCME Activity ID": "201900001" });
const learner = (overrides: RowInput = {}): RowInput => ({
  "Internal ID": "IMGR-2024",
  "First Name": "Maria",
  "Last Name": "Lopez",
  "Birth Date": "03/14/1975",
  "Completion Date": "09/12/2024",
  "CME Credits": 1,
  ...overrides,
});

function preview(learners: RowInput[], activities = [ACTIVITY]) {
  const out = previewLearners(aBook({ activities, learners }), {
    today: TODAY,
    providerId: "0001234",
  });
  if (!out.ok) throw new Error(out.problem);
  return out.preview;
}

describe("the learner export preview", () => {
  it("takes the rows without errors, in sheet order, and keeps the others out with their messages", () => {
    const p = preview([
      learner(),
      learner({ "First Name": "James", NPI: "1234567890" }),
      learner({ "First Name": "Ana", "Birth Date": "" }),
    ]);
    expect(p.learners.map((l) => [l.row, l.firstName])).toEqual([
      [2, "Maria"],
      [4, "Ana"],
    ]);
    expect(p.excluded).toEqual([
      {
        sheet: "Learners",
        row: 3,
        name: "James Lopez",
        internalId: "IMGR-2024",
        messages: [
          '"1234567890" is not a valid NPI: its last digit is not the check digit of the first nine; look for a mistyped digit.',
        ],
      },
    ]);
  });

  it("keeps month and day of a birth date and nothing of its year", () => {
    const [l] = preview([learner()]).learners;
    expect(l?.birth).toEqual({ month: 3, day: 14 });
    expect(JSON.stringify(l)).not.toContain("1975");
  });

  it("keeps out every completion of an activity not yet in PARS (an upload needs its ACCME ID)", () => {
    const p = preview([learner()], [aRow()]);
    expect(p.learners).toEqual([]);
    expect(p.excluded[0]?.messages).toEqual([
      "Learners are reported against an activity already in PARS: the activity (row 2) has no ACCME Activity ID yet.",
    ]);
  });

  it("makes text safe for the file and lists each change", () => {
    const p = preview([learner({ "Last Name": "Lopez\tGarcía" })]);
    expect(p.learners[0]?.lastName).toBe("Lopez García");
    expect(p.changed).toEqual([
      expect.objectContaining({
        table: "Learners",
        row: 2,
        column: "Last Name",
        before: "Lopez\tGarcía",
        after: "Lopez García",
      }),
    ]);
  });

  it("summarises the file for the log: completions, and each activity once", () => {
    const p = preview([learner(), learner({ "First Name": "James" })]);
    const file = buildLearnerExport(p, { providerId: "0001234", stamp: "2025-11-25T14:05" });
    expect(file.fileName).toBe("pars-learners-20251125-1405.xml");
    expect(file.summary).toMatchObject({ layout: "learners", rows: 2, internalIds: ["IMGR-2024"] });
  });
});
