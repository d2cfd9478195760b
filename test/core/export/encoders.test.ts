import { wholeDollars } from "../../../src/core/export/wholeDollars";
import {
  plainNumber,
  usDate,
  isoDate,
  isoDateTime,
  yearOf,
} from "../../../src/core/export/encoders";
import { dayOfIso } from "../../../src/core";

describe("export encoders", () => {
  it.each([
    [52, "52"],
    [0.25, "0.25"],
    [17.75, "17.75"],
    [2500, "2500"],
    [1200.5, "1200.5"],
    [1e21, "1000000000000000000000"],
    [1.5e-7, "0.00000015"],
  ])("writes %p as %s, never rounded, never in exponent form", (n, text) => {
    expect(plainNumber(n)).toBe(text);
  });

  it("writes a day in each date form, the same on every call", () => {
    const d = dayOfIso("2024-02-29")!;
    expect([usDate(d), isoDate(d), isoDateTime(d), yearOf(d)]).toEqual([
      "02/29/2024",
      "2024-02-29",
      "2024-02-29T00:00:00",
      "2024",
    ]);
    expect(usDate(d)).toBe("02/29/2024");
  });
});

describe("wholeDollars", () => {
  it.each([
    [2500, 2500],
    [1200.5, 1201],
    [99.49, 99],
    [99.5, 100],
    [0.4, 0],
  ])("writes $%p as %p dollars: the nearest dollar, half a dollar up", (amount, dollars) => {
    expect(wholeDollars(amount)).toBe(dollars);
  });
});
