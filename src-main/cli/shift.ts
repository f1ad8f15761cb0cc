/** `cuewave shift FILE --by DURATION [--from TIME] (-o OUT | --in-place)`: move cues in time. */
import { shiftCues } from '../../src-shared/edits';
import { History } from '../../src-shared/history';
import { count } from '../../src-shared/plural';
import { formatSrtTime, parseDuration, parseTime } from '../../src-shared/time';
import { onePositional, outputOption, parseArgs, UsageError } from './args';
import type { CliIo } from './io';
import { loadSubtitle, outputTarget, reportLoadWarnings, saveSubtitle } from './subtitle-io';

/** The latest time the reader reads back (nine hour digits), so a shift never writes a file it cannot open. */
const MAX_READABLE_MS = 999_999_999 * 3_600_000 + 3_599_999;

export async function runShift(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ['--by', '--from', '-o', '--out'], ['--in-place']);
  const file = onePositional(args, 'FILE');
  const byText = args.options.get('--by');
  if (byText === undefined) throw new UsageError('missing --by DURATION (e.g. +2.35s, -350ms, -00:00:01,250)');
  const byMs = parseDuration(byText);
  if (byMs === null) throw new UsageError(`--by ${byText}: not a duration (e.g. +2.35s, -350ms, -00:00:01,250)`);
  const fromText = args.options.get('--from');
  const fromMs = fromText === undefined ? null : parseTime(fromText);
  if (fromText !== undefined && fromMs === null)
    throw new UsageError(`--from ${fromText}: not a time (e.g. 00:10:00,000)`);
  const target = outputTarget(file, outputOption(args), args.flags.has('--in-place'));

  const loaded = await loadSubtitle(file);
  reportLoadWarnings(loaded, io);
  let latest = 0;
  for (const cue of loaded.doc.cues) latest = Math.max(latest, cue.startMs, cue.endMs);
  if (latest + byMs > MAX_READABLE_MS) {
    throw new UsageError(
      `--by ${byText}: would move cues past ${formatSrtTime(MAX_READABLE_MS)}, the latest time a subtitle file can hold here`,
    );
  }
  const scope = fromMs === null ? 'all' : { fromMs };
  const result = shiftCues(loaded.doc, { by: byMs, scope });
  new History(loaded.doc).execute(result.command);
  await saveSubtitle(loaded, target);

  const from = fromMs === null ? '' : ` from ${formatSrtTime(fromMs)}`;
  io.out(`shifted ${count(result.changedCount, 'cue')} by ${byMs} ms${from}; wrote ${target.path}\n`);
  if (result.clampedCount > 0) {
    io.err(
      `${file}: ${count(result.clampedCount, 'cue')} would have started before 00:00:00,000 and were clamped to 0\n`,
    );
  }
  return 0;
}
