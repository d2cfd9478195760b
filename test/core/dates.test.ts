import fc from "fast-check";
import {
  addMonths,
  dayOfIso,
  dayOfSerial,
  isoOfDay,
  lastDayOfSpan,
  partsOfDay,
  serialOfDay,
} from "../../src/core";

describe("calendar arithmetic", () => {
  it("agrees with the platform's Gregorian calendar for any day from 1900 to 9999", () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_567, max: 2_932_896 }), (day) => {
        const d = new Date(day * 86_400_000);
        expect(partsOfDay(day)).toEqual({
          year: d.getUTCFullYear(),
          month: d.getUTCMonth() + 1,
          day: d.getUTCDate(),
        });
      }),
      { numRuns: 5000 }
    );
  });

  it.each([
    ["2024-01-31", 1, "2024-02-29"],
    ["2023-01-31", 1, "2023-02-28"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2024-07-01", 12, "2025-07-01"],
    ["2023-07-01", 36, "2026-07-01"],
    ["2000-12-31", -12, "1999-12-31"],
  ])("%s plus %p months is %s (clamped to the month's end)", (from, months, to) => {
    expect(isoOfDay(addMonths(dayOfIso(from) as number, months))).toBe(to);
  });

  it("ends a 12-month span the day before the anniversary", () => {
    expect(isoOfDay(lastDayOfSpan(dayOfIso("2024-07-01") as number, 12))).toBe("2025-06-30");
  });

  it.each([
    [1900, 45_658],
    [1904, 44_196],
  ] as const)(
    "gives 01/01/2025 the serial Excel gives it in the %p date system",
    (system, serial) => {
      expect(serialOfDay(dayOfIso("2025-01-01") as number, system)).toBe(serial);
    }
  );

  it("turns a serial into its day and back in either date system", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1900, 1904),
        fc.integer({ min: 61, max: 2_958_465 }),
        (system, serial) => {
          const day = dayOfSerial(serial, system);
          if (day !== null) expect(serialOfDay(day, system)).toBe(serial);
        }
      )
    );
  });
});
