import { lookUp } from "../../../src/core/codes/normalise";
import { MOC_BOARDS } from "../../../src/core/codes/vocabularies";
import { BOARD_RULES, creditTypeNamed, creditTypesOf } from "../../../src/core/learners/boards";

describe("the board tables", () => {
  it("have an entry for every MOC board, each fact with its source", () => {
    expect(Object.keys(BOARD_RULES).sort()).toEqual([...MOC_BOARDS.values].sort());
    for (const rules of Object.values(BOARD_RULES)) {
      for (const fact of [
        rules.creditTypes,
        rules.boardId,
        rules.samePoints,
        rules.onePerDay,
        rules.reportBy,
        rules.firstCompletion,
      ]) {
        expect(fact.source).toMatch(/\S{10,}/);
      }
    }
  });

  it("let ABS match a learner without a board ID, and no other board", () => {
    const optional = Object.values(BOARD_RULES).filter((r) => r.boardId.value === "optional");
    expect(optional.map((r) => r.board)).toEqual(["ABS"]);
  });

  it("hold ABP's rules: same points for all, once a day except journal CME, by December 1", () => {
    const abp = BOARD_RULES.ABP;
    expect(abp.samePoints.value).toBe(true);
    expect(abp.onePerDay.value).toEqual({ exceptFormats: ["journal"] });
    expect(abp.reportBy.value).toEqual({ month: 12, day: 1 });
    expect(BOARD_RULES.ABIM.samePoints.value).toBe(false);
  });

  it("read a board's credit types by name or common variant", () => {
    const abim = creditTypesOf("ABIM")!;
    expect(lookUp(abim, "medical knowledge")).toBe("Medical Knowledge");
    expect(lookUp(abim, "MK")).toBe("Medical Knowledge");
    expect(lookUp(abim, "Patient Safety")).toBeUndefined();
    expect(lookUp(creditTypesOf("ABA")!, "Patient Safety")).toBe("Patient Safety");
    expect(lookUp(creditTypesOf("ABPath")!, "SAM")).toBe("Self-Assessment Module");
  });

  it("know no credit types for the boards no source documents", () => {
    expect(creditTypesOf("ABOHNS")).toBeNull();
    expect(creditTypesOf("ABTS")).toBeNull();
    expect(creditTypesOf("ABOS")).toBeNull();
  });

  it("keep ABPath's SAM for completions up to 2020 only", () => {
    expect(creditTypeNamed("ABPath", "Self-Assessment Module")?.lastCompletion).toBe("2020-12-31");
    expect(creditTypeNamed("ABPath", "Lifelong Learning")?.lastCompletion).toBeNull();
  });
});
