/** Minimal `--name value` / `--flag` parsing for the operator CLIs (codec, simulate); unknown options are errors. */
export interface ParsedArgs {
  command: string | undefined;
  options: Map<string, string | true>;
}

/** `<command> --name value --flag ...` */
export function parseArgs(argv: readonly string[], allowed: Record<string, 'value' | 'flag'>): ParsedArgs {
  const [command, ...rest] = argv;
  return { command, options: parseOptions(rest, allowed) };
}

/** `--name value --flag ...`: a flag maps to `true`, an option to its value. */
export function parseOptions(rest: readonly string[], allowed: Record<string, 'value' | 'flag'>): Map<string, string | true> {
  const options = new Map<string, string | true>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"`);
    const name = arg.slice(2);
    const kind = allowed[name];
    if (!kind) throw new UsageError(`unknown option --${name}`);
    if (kind === 'flag') {
      options.set(name, true);
      continue;
    }
    const value = rest[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
    options.set(name, value);
    i++;
  }
  return options;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
