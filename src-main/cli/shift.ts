/** `cuewave shift FILE --by DURATION [--from TIME] (-o OUT | --in-place)`: move cues in time. */
import { shiftCues } from '../../src-shared/edits';
import { History } from '../../src-shared/history';
import { msg } from '../../src-shared/messages';
import { formatSrtTime, parseDuration, parseTime } from '../../src-shared/time';
import { onePositional, outputOption, parseArgs, usage } from './args';
import type { CliIo } from './io';
import { words } from './say';
import { loadSubtitle, outputTarget, reportLoadWarnings, saveSubtitle } from './subtitle-io';

/** The latest time the reader reads back (nine hour digits), so a shift never writes a file it cannot open. */
const MAX_READABLE_MS = 999_999_999 * 3_600_000 + 3_599_999;

export async function runShift(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ['--by', '--from', '-o', '--out'], ['--in-place']);
  const file = onePositional(args, 'FILE');
  const byText = args.options.get('--by');
  if (byText === undefined) throw usage('shift.missingBy');
  const byMs = parseDuration(byText);
  if (byMs === null) throw usage('shift.badBy', { value: byText });
  const fromText = args.options.get('--from');
  const fromMs = fromText === undefined ? null : parseTime(fromText);
  if (fromText !== undefined && fromMs === null) throw usage('shift.badFrom', { value: fromText });
  const target = outputTarget(file, outputOption(args), args.flags.has('--in-place'));

  const loaded = await loadSubtitle(file);
  reportLoadWarnings(loaded, io);
  let latest = 0;
  for (const cue of loaded.doc.cues) latest = Math.max(latest, cue.startMs, cue.endMs);
  if (latest + byMs > MAX_READABLE_MS) {
    throw usage('shift.tooLate', { value: byText, time: formatSrtTime(MAX_READABLE_MS) });
  }
  const scope = fromMs === null ? 'all' : { fromMs };
  const result = shiftCues(loaded.doc, { by: byMs, scope });
  new History(loaded.doc).execute(result.command);
  await saveSubtitle(loaded, target);

  const cues = msg('cli:count.cue', { count: result.changedCount });
  const shifted =
    fromMs === null
      ? words(io, 'cli:shift.shifted', { cues, ms: byMs, path: target.path })
      : words(io, 'cli:shift.shiftedFrom', { cues, ms: byMs, from: formatSrtTime(fromMs), path: target.path });
  io.out(`${shifted}\n`);
  if (result.clampedCount > 0) io.err(`${words(io, 'cli:shift.clamped', { file, count: result.clampedCount })}\n`);
  return 0;
}
