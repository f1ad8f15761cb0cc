/** Command-line argument parsing: positionals plus `--flag value` / `--flag=value` / boolean flags. */
import { type CoreMessage, type CoreValue, inEnglish, msg } from '../../src-shared/messages';

/** A usage error: its `message` is English (logs, tests), `said` is put in the user's language when printed. */
export class UsageError extends Error {
  override name = 'UsageError';
  readonly said: CoreMessage;
  constructor(said: CoreMessage) {
    super(inEnglish(said));
    this.said = said;
  }
}

/** A usage error of the catalog string `cli:<key>`. */
export function usage(key: string, values?: Readonly<Record<string, CoreValue>>): UsageError {
  return new UsageError(msg(`cli:${key}`, values));
}

export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

/**
 * Splits argv by a declared option table. Unknown options are usage errors rather than being
 * silently ignored: `cuewave shift a.srt --bye 2s` must not write an unshifted copy.
 */
export function parseArgs(argv: readonly string[], valued: readonly string[], booleans: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    // A lone negative duration such as `-350ms` is a value, not an option.
    if (!arg.startsWith('-') || /^-\d/.test(arg) || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (booleans.includes(name)) {
      if (eq > 0) throw usage('args.takesNoValue', { name });
      flags.add(name);
    } else if (valued.includes(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw usage('args.needsValue', { name });
      if (options.has(name)) throw usage('args.givenTwice', { name });
      options.set(name, value);
    } else {
      throw usage('args.unknownOption', { name });
    }
  }
  return { positionals, options, flags };
}

/** The single positional a command expects, or a usage error naming it. */
export function onePositional(args: ParsedArgs, what: string): string {
  if (args.positionals.length === 0) throw usage('args.missing', { what });
  if (args.positionals.length > 1) throw usage('args.unexpected', { arg: args.positionals[1] as string });
  return args.positionals[0] as string;
}

/** The output path from `-o` or its long form `--out`; giving both is a usage error rather than a silent pick. */
export function outputOption(args: ParsedArgs): string | undefined {
  const short = args.options.get('-o');
  const long = args.options.get('--out');
  if (short !== undefined && long !== undefined) throw usage('args.outOrOut');
  return short ?? long;
}
