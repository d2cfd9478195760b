import fc from "fast-check";
import { isValidNpi, npiCheckDigit, npiDigits, npiProblem } from "../../../src/core/learners/npi";

describe("the NPI check digit (CMS: Luhn over the 80840 prefix)", () => {
  it("gives the check digit of CMS's worked example", () => {
    expect(npiCheckDigit("123456789")).toBe(3);
  });

  it.each([
    ["1234567893", "CMS's worked example"],
    ["1993999998", "a published valid NPI"],
    ["1234567810", "check digit 0, which a formula without the final modulo gets wrong"],
    ["123-456-7893", "digit groups separated by hyphens"],
    [" 1234567893 ", "spaces around it"],
  ])("accepts %s (%s)", (npi) => {
    expect(npiProblem(npi)).toBeNull();
    expect(isValidNpi(npi)).toBe(true);
  });

  it.each([
    ["1234567890", "check_digit"],
    ["1234567894", "check_digit"],
    ["2234567893", "check_digit"],
    ["123456789", "not_ten_digits"],
    ["12345678930", "not_ten_digits"],
    ["12345678X3", "not_ten_digits"],
    ["", "not_ten_digits"],
    ["１２３４５６７８９３", "not_ten_digits"],
  ])("refuses %s (%s)", (npi, problem) => {
    expect(npiProblem(npi)).toBe(problem);
    expect(isValidNpi(npi)).toBe(false);
  });

  it("makes every payload valid with exactly one of the ten last digits", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{9}$/), (payload) => {
        const valid = [..."0123456789"].filter((d) => isValidNpi(payload + d));
        expect(valid).toEqual([String(npiCheckDigit(payload))]);
      })
    );
  });

  it("catches every single-digit typo and every swap of two different neighbours", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{9}$/), fc.integer({ min: 0, max: 8 }), (payload, i) => {
        const npi = payload + String(npiCheckDigit(payload));
        const a = npi[i] as string;
        const b = npi[i + 1] as string;
        const typo = npi.slice(0, i) + String((Number(a) + 1) % 10) + npi.slice(i + 1);
        expect(isValidNpi(typo)).toBe(false);
        // Luhn misses only the swap of 0 and 9.
        if (a !== b && !(a + b === "09" || a + b === "90")) {
          expect(isValidNpi(npi.slice(0, i) + b + a + npi.slice(i + 2))).toBe(false);
        }
      })
    );
  });

  it("refuses a payload that is not nine digits (a misuse, not data)", () => {
    expect(() => npiCheckDigit("12345678")).toThrow(RangeError);
  });

  it("writes an NPI's digits without separators", () => {
    expect(npiDigits(" 123-456 7893")).toBe("1234567893");
  });
});
