/**
 * The `cuewave` command line: check, shift, fix, convert, peaks and sync over the same core and services as the app.
 * Exit codes: 0 success (check: no errors), 1 check found errors, 2 unreadable input or bad arguments,
 * 3 an internal error (a bug: please report it).
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UsageError } from './cli/args';
import { runCheck } from './cli/check';
import { runConvert } from './cli/convert';
import { runFix } from './cli/fix';
import { type CliIo, processIo } from './cli/io';
import { runPeaks } from './cli/peaks';
import { runShift } from './cli/shift';
import { runSpell } from './cli/spell';
import { runSync } from './cli/sync';
import { FileWriteError } from './services/files';
import { saveFailureMessage } from './services/fs-errors';

const USAGE = `usage: cuewave <command> [options]

  check FILE [--profile NAME] [--json]       validate; exit 0 clean, 1 errors, 2 unreadable
  shift FILE --by DURATION [--from TIME] (-o OUT | --in-place)
                                             move cues, e.g. --by +2.35s, --by -350ms, --by -00:00:01,250
  fix FILE [--profile NAME] (-o OUT | --in-place)
                                             sort, renumber, normalize timestamps, fix overlaps
  fix FILE --rules a,b,c (-o OUT | --in-place)
                                             fix common errors instead: double-spaces,
                                             space-before-punctuation, space-after-punctuation,
                                             chinese-punctuation, tags, dialogue-dashes, empty-cues,
                                             hearing-impaired, ellipsis (or default / all)
  convert IN -o OUT [--to srt|vtt|ass]       write another format (from OUT's extension or --to)
  peaks MEDIA [--no-cache] -o OUT.json       waveform peaks in audiowaveform's JSON format
  sync FILE (--audio MEDIA | --reference REF.srt) (-o OUT | --in-place) [--max-offset 10m]
       [--max-drift 1%] [--no-drift] [--no-frame-rates] [--max-splits 8] [--split-penalty 8000]
       [--min-confidence 0.5] [--vad auto|energy|silero] [--no-cache] [--json]
                                             piecewise time map from the speech or a reference
                                             subtitle; exit 2 when not confident
  spell FILE [--lang en] [--json]            misspelt words with cue, line and suggestions (offline
                                             dictionary; Chinese skipped); exit 0 none, 1 found, 2 unreadable

Formats (told by content): SRT, WebVTT, ASS/SSA, MicroDVD, SBV; output keeps the input's format unless converted.
Output keeps the input's encoding, BOM and line endings. --in-place keeps the original as FILE.bak.
Profiles: default, netflix-en, netflix-zh-hans.
`;

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

/** Runs one CLI invocation and returns its exit code; never throws. */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.err : io.out)(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`cuewave: unknown command ${name}\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    return reportError(name, error, io);
  }
}

function reportError(command: string, error: unknown, io: CliIo): number {
  const e = error as Error & { code?: string };
  if (error instanceof UsageError) {
    io.err(`cuewave ${command}: ${e.message}\n(run cuewave --help for usage)\n`);
    return 2;
  }
  // A failed write: the same words as the app, with the command line's way out.
  if (error instanceof FileWriteError && error.code === 'write-failed' && error.cause !== undefined) {
    io.err(`cuewave ${command}: ${saveFailureMessage(error.path, error.cause, 'cli')}\n`);
    return 2;
  }
  // Service errors (FileReadError, MediaError) carry a code and a message that names the file.
  if (typeof e?.code === 'string' && typeof e.message === 'string') {
    io.err(`cuewave ${command}: ${e.message}\n`);
    return 2;
  }
  io.err(`cuewave ${command}: internal error: ${e?.stack ?? String(error)}\n`);
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
