/** `cuewave fix FILE [--profile NAME] (-o OUT | --in-place)`: apply the safe automatic fixes and say what changed. */
import { History } from '../../src-shared/history';
import { getProfile, PROFILE_NAMES } from '../../src-shared/profiles';
import { applySafeFixes } from '../../src-shared/safe-fixes';
import { onePositional, outputOption, parseArgs, UsageError } from './args';
import type { CliIo } from './io';
import { loadSubtitle, outputTarget, reportLoadWarnings, saveSubtitle } from './subtitle-io';

export async function runFix(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ['--profile', '-o', '--out'], ['--in-place']);
  const file = onePositional(args, 'FILE');
  const profileName = args.options.get('--profile') ?? 'default';
  const profile = getProfile(profileName);
  if (!profile) throw new UsageError(`unknown profile ${profileName} (known: ${PROFILE_NAMES.join(', ')})`);
  const target = outputTarget(file, outputOption(args), args.flags.has('--in-place'));

  const loaded = await loadSubtitle(file);
  reportLoadWarnings(loaded, io);
  const report = applySafeFixes(new History(loaded.doc), loaded.problems, profile);
  await saveSubtitle(loaded, target);

  for (const line of report.changes) io.out(`${line}\n`);
  if (report.changes.length === 0) io.out('nothing to fix\n');
  for (const line of report.left) io.err(`${file}: ${line}\n`);
  io.out(`wrote ${target.path}\n`);
  return 0;
}
