// The slice of Excel's CustomFunctions runtime the worksheet functions touch: the Error class and
// its codes. Tests import this file before the functions so that errors can be built and inspected.

/** Error codes as the runtime defines them (custom-functions-runtime typings). */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** Stands in for CustomFunctions.Error: a code and the message Excel shows. */
export class CustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string
  ) {}
}

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: CustomFunctionsError,
  ErrorCode,
};

/** The message of a #VALUE! error a function returned; fails the test for any other result. */
export function valueError(result: unknown): string {
  if (!(result instanceof CustomFunctionsError) || result.code !== ErrorCode.invalidValue) {
    throw new Error(`expected a #VALUE! error, got ${JSON.stringify(result)}`);
  }
  return result.message ?? "";
}
