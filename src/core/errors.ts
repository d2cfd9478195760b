/** A caller passed an option core cannot work with (a malformed date, a provider ID that is not seven digits). */
export class InvalidOptionError extends Error {
  override readonly name = "InvalidOptionError";
  constructor(
    readonly option: string,
    readonly value: string,
    readonly expected: string
  ) {
    super(`Option ${option} must be ${expected}, got "${value}"`);
  }
}
