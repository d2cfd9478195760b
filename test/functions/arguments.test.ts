import { CustomFunctionsError, valueError } from "../support/customFunctions";
import { BadArgument, cellsOf, guard, omitted } from "../../src/functions/arguments";

describe("guard", () => {
  it("turns a bad argument into #VALUE! with its message", () => {
    const result = guard(() => {
      throw new BadArgument("Sessions must be a whole number, got 'weekly'");
    });
    expect(result).toBeInstanceOf(CustomFunctionsError);
    expect(valueError(result)).toBe("Sessions must be a whole number, got 'weekly'");
  });

  it("passes a value through", () => {
    expect(guard(() => 52)).toBe(52);
  });

  it("lets a bug through instead of dressing it up as advice", () => {
    expect(() =>
      guard(() => {
        throw new TypeError("cannot read properties of undefined");
      })
    ).toThrow(TypeError);
  });
});

describe("arguments as Excel passes them", () => {
  it("reads null and undefined as left out, and an empty cell as given", () => {
    expect([omitted(null), omitted(undefined), omitted(""), omitted(0)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it("reads a range row by row, a lone value as one cell, and error literals as errors", () => {
    expect(cellsOf([[1, "a"], [""]])).toEqual([1, "a", ""]);
    expect(cellsOf(5)).toEqual([5]);
    expect(cellsOf([["#N/A"]])).toEqual([{ error: "#N/A" }]);
    expect(cellsOf([[{ type: "Double", basicValue: 2 }]])).toEqual([2]);
  });
});
