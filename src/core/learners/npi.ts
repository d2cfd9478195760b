// The National Provider Identifier's check digit. Source: CMS, "Requirements for National Provider
// Identifier (NPI) and NPI Enumerator Check Digit" (LEARNERS.md §2): an NPI is nine
// digits and a check digit computed by the Luhn formula as if the card-issuer prefix 80840 stood
// in front of them. The prefix is always the same, so its contribution to the Luhn sum is the
// constant 24; the code below adds it rather than the five digits.

/** The card-issuer prefix the NPI check digit is computed over (CMS). */
export const NPI_PREFIX = "80840";

/** The Luhn sum of `NPI_PREFIX` in the positions it takes before a nine-digit payload. */
const PREFIX_SUM = 24;

/** Why a text is not an NPI, or null when it is one. */
export type NpiProblem = "not_ten_digits" | "check_digit";

/**
 * The check digit of a nine-digit NPI payload: the digit that makes the Luhn sum over
 * `80840` + payload + check digit a multiple of 10. The worked example of CMS: 123456789 → 3.
 * When the sum already ends in 0 the digit is 0, not 10.
 *
 * @throws {RangeError} when `payload` is not exactly nine ASCII digits
 */
export function npiCheckDigit(payload: string): number {
  if (!/^[0-9]{9}$/.test(payload)) {
    throw new RangeError(`An NPI payload is nine digits, got "${payload}"`);
  }
  let sum = PREFIX_SUM;
  // From the rightmost payload digit leftwards, every other digit is doubled (the check digit,
  // to their right, is the undoubled first position of the Luhn scheme).
  for (let i = 0; i < 9; i++) {
    const digit = payload.charCodeAt(8 - i) - 48;
    if (i % 2 === 0) {
      const doubled = digit * 2;
      sum += doubled > 9 ? doubled - 9 : doubled;
    } else {
      sum += digit;
    }
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * What is wrong with an NPI as written, or null when it is ten digits ending in the right check
 * digit. Spaces and hyphens between digit groups ("123-456-7893") are ignored, nothing else is.
 */
export function npiProblem(text: string): NpiProblem | null {
  const digits = text.trim().replace(/[\s-]/g, "");
  if (!/^[0-9]{10}$/.test(digits)) return "not_ten_digits";
  return npiCheckDigit(digits.slice(0, 9)) === digits.charCodeAt(9) - 48 ? null : "check_digit";
}

/** True when `text` is a valid NPI (see `npiProblem`). */
export function isValidNpi(text: string): boolean {
  return npiProblem(text) === null;
}

/** The ten digits of a valid NPI as written in a file, without spaces or hyphens. */
export function npiDigits(text: string): string {
  return text.trim().replace(/[\s-]/g, "");
}
