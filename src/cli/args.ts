/** A command line the user got wrong: said in one line, with the usage. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export type ParsedArgs = {
  readonly positional: readonly string[];
  readonly options: ReadonlyMap<string, string | true>;
};

/**
 * Splits arguments into positionals and `--name value` / `--name=value` / `-o value` options.
 * `flags` take no value.
 *
 * @throws {UsageError} for an unknown option or one missing its value
 */
export function parseArgs(
  argv: readonly string[],
  spec: {
    readonly values: readonly string[];
    readonly flags: readonly string[];
    readonly short?: Readonly<Record<string, string>>;
  }
): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith("-") || arg === "-") {
      positional.push(arg);
      continue;
    }
    const [rawName, inline] = arg.includes("=")
      ? (arg.split(/=(.*)/s, 2) as [string, string])
      : [arg, undefined];
    const name = rawName.startsWith("--")
      ? rawName.slice(2)
      : (spec.short?.[rawName.slice(1)] ?? "");
    if (spec.flags.includes(name)) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      options.set(name, true);
    } else if (spec.values.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith("--"))) {
        throw new UsageError(`--${name} needs a value`);
      }
      options.set(name, value);
    } else {
      throw new UsageError(`unknown option ${rawName}`);
    }
  }
  return { positional, options };
}
