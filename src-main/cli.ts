/**
 * The `cuewave` command line: check, shift, fix, convert, peaks and sync over the same core and services as the app.
 * Exit codes: 0 success (check: no errors), 1 check found errors, 2 unreadable input or bad arguments,
 * 3 an internal error (a bug: please report it).
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { languageOfTag, type UiLanguage } from '../src-shared/i18n/languages';
import { UsageError, usage } from './cli/args';
import { runCheck } from './cli/check';
import { runConvert } from './cli/convert';
import { runFix } from './cli/fix';
import { type CliIo, processIo } from './cli/io';
import { runPeaks } from './cli/peaks';
import { cliTranslator, environmentLanguage, say, words } from './cli/say';
import { runShift } from './cli/shift';
import { runSpell } from './cli/spell';
import { runSync } from './cli/sync';
import { FileWriteError } from './services/files';
import { saveFailureMessage } from './services/fs-errors';

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  check: runCheck,
  shift: runShift,
  fix: runFix,
  convert: runConvert,
  peaks: runPeaks,
  sync: runSync,
  spell: runSpell,
};

/** Commands whose own `--lang` option means something else (spell: the dictionary). */
const OWN_LANG_OPTION: ReadonlySet<string> = new Set(['spell']);

/**
 * Takes the language options out of argv: `--lang X` before the command, and after it for commands that have no
 * `--lang` of their own. Returns the rest and the language asked for (null when none).
 */
function takeLanguage(argv: readonly string[]): { rest: string[]; lang: string | null } {
  const rest: string[] = [];
  let lang: string | null = null;
  let command: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const mine = command === null || !OWN_LANG_OPTION.has(command);
    if (mine && arg === '--lang' && i + 1 < argv.length) {
      lang = argv[++i] as string;
      continue;
    }
    if (mine && arg.startsWith('--lang=')) {
      lang = arg.slice('--lang='.length);
      continue;
    }
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (command === null && !arg.startsWith('-')) command = arg;
    rest.push(arg);
  }
  return { rest, lang };
}

/**
 * Runs one CLI invocation and returns its exit code; never throws. Human output speaks the language of `--lang`,
 * else of the environment (LC_ALL, LC_MESSAGES, LANG), else English.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo = processIo,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  const { rest, lang } = takeLanguage(argv);
  const asked: UiLanguage | null = lang === null ? null : languageOfTag(lang);
  const language = asked ?? environmentLanguage(env);
  const said: CliIo = { out: io.out, err: io.err, t: cliTranslator(language) };
  const [name, ...args] = rest;
  if (lang !== null && asked === null)
    return reportError(name ?? 'cuewave', usage('args.unknownLanguage', { value: lang }), said);
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? said.err : said.out)(words(said, 'cli:usage'));
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    said.err(`${words(said, 'cli:unknownCommand', { name })}\n\n${words(said, 'cli:usage')}`);
    return 2;
  }
  try {
    return await command(args, said);
  } catch (error) {
    return reportError(name, error, said);
  }
}

function reportError(command: string, error: unknown, io: CliIo): number {
  const e = error as Error & { code?: string };
  if (error instanceof UsageError) {
    io.err(`${words(io, 'cli:usageError', { command, message: say(io, error.said) })}\n`);
    return 2;
  }
  // A failed write: the same words as the app, with the command line's way out.
  if (error instanceof FileWriteError && error.code === 'write-failed' && error.cause !== undefined) {
    io.err(`${words(io, 'cli:failed', { command, message: saveFailureMessage(error.path, error.cause, 'cli') })}\n`);
    return 2;
  }
  // Service errors (FileReadError, MediaError) carry a code and a message that names the file.
  if (typeof e?.code === 'string' && typeof e.message === 'string') {
    io.err(`${words(io, 'cli:failed', { command, message: e.message })}\n`);
    return 2;
  }
  io.err(`${words(io, 'cli:internalError', { command, stack: e?.stack ?? String(error) })}\n`);
  return 3;
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
