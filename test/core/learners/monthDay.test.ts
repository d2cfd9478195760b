import fc from "fast-check";
import { dayFromParts, serialOfDay } from "../../../src/core/dates";
import { isMonthDay, parseMonthDay, usOfMonthDay } from "../../../src/core/learners/monthDay";

const serial = (y: number, m: number, d: number): number => serialOfDay(dayFromParts(y, m, d)!);

describe("a birth month and day", () => {
  it.each([
    ["07/04", 7, 4],
    ["7/4", 7, 4],
    ["07-04", 7, 4],
    ["02/29", 2, 29],
    ["12/31", 12, 31],
    ["07/04/1970", 7, 4],
    ["1970-07-04", 7, 4],
    ["02/29/1971", 2, 29],
    ["--07-04", 7, 4],
    ["July 4", 7, 4],
    ["Jul 4, 1970", 7, 4],
    ["Sept. 9", 9, 9],
    ["4 July", 7, 4],
    ["04-Jul-1970", 7, 4],
    [" 03/15 ", 3, 15],
  ])("reads %j as %i/%i, any year ignored", (text, month, day) => {
    expect(parseMonthDay(text, 1900)).toEqual({ month, day });
  });

  it("reads a date cell's month and day and drops its year, in either date system", () => {
    expect(parseMonthDay(serial(1968, 2, 29), 1900)).toEqual({ month: 2, day: 29 });
    expect(parseMonthDay(serial(1975, 11, 30) - 1462, 1904)).toEqual({ month: 11, day: 30 });
    // A time of day in the cell changes nothing.
    expect(parseMonthDay(serial(1980, 1, 2) + 0.75, 1900)).toEqual({ month: 1, day: 2 });
  });

  it.each([
    "02/30",
    "04/31",
    "13/01",
    "00/10",
    "06/00",
    "2/30/1970",
    "Febtember 3",
    "0704",
    "07/04/70",
    "4th of July",
    "soon",
  ])("refuses %j: no year has that day, or it is not a month and day", (text) => {
    expect(parseMonthDay(text, 1900)).toBeNull();
  });

  it("gives nothing for a blank cell, an Excel error or TRUE (the caller says which)", () => {
    expect(parseMonthDay(null, 1900)).toBeNull();
    expect(parseMonthDay({ error: "#N/A" }, 1900)).toBeNull();
    expect(parseMonthDay(true, 1900)).toBeNull();
  });

  it("knows which days some year has", () => {
    expect(isMonthDay(2, 29)).toBe(true);
    expect(isMonthDay(2, 30)).toBe(false);
    expect(isMonthDay(9, 31)).toBe(false);
    expect(isMonthDay(1.5, 3)).toBe(false);
  });

  it("writes MM/DD", () => {
    expect(usOfMonthDay({ month: 7, day: 4 })).toBe("07/04");
  });

  it("never throws, and whatever it reads is a real day of some year", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.constant(null)), (cell) => {
        const md = parseMonthDay(cell, 1900);
        if (md !== null) expect(isMonthDay(md.month, md.day)).toBe(true);
      })
    );
  });
});
