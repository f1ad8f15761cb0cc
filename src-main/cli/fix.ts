/**
 * `cuewave fix FILE [--profile NAME] (-o OUT | --in-place)`: apply the safe automatic fixes and say what changed.
 * `cuewave fix FILE --rules a,b,c (-o OUT | --in-place)`: run those Fix common errors rules instead, one line per
 * changed cue; only the changed cues are rewritten, the rest of the file is written back byte for byte.
 */
import type { Cue } from '../../src-shared/document';
import { History } from '../../src-shared/history';
import { count } from '../../src-shared/plural';
import { getProfile, PROFILE_NAMES } from '../../src-shared/profiles';
import { applySafeFixes } from '../../src-shared/safe-fixes';
import { parseRuleList, planTextFixes, type TextRuleId, textFixCommand } from '../../src-shared/text-fixes';
import { onePositional, outputOption, parseArgs, UsageError } from './args';
import type { CliIo } from './io';
import { type LoadedSubtitle, loadSubtitle, outputTarget, reportLoadWarnings, saveSubtitle } from './subtitle-io';

export async function runFix(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ['--profile', '-o', '--out', '--rules'], ['--in-place']);
  const file = onePositional(args, 'FILE');
  const ruleList = args.options.get('--rules');
  let rules: TextRuleId[] | null = null;
  if (ruleList !== undefined) {
    try {
      rules = parseRuleList(ruleList);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    if (args.options.has('--profile')) throw new UsageError('--profile is for the safe fixes; --rules takes none');
  }
  const profileName = args.options.get('--profile') ?? 'default';
  const profile = getProfile(profileName);
  if (!profile) throw new UsageError(`unknown profile ${profileName} (known: ${PROFILE_NAMES.join(', ')})`);
  const target = outputTarget(file, outputOption(args), args.flags.has('--in-place'));

  const loaded = await loadSubtitle(file);
  reportLoadWarnings(loaded, io);
  if (rules !== null) return runRules(loaded, rules, target, io);
  const report = applySafeFixes(new History(loaded.doc), loaded.problems, profile);
  await saveSubtitle(loaded, target);

  for (const line of report.changes) io.out(`${line}\n`);
  if (report.changes.length === 0) io.out('nothing to fix\n');
  for (const line of report.left) io.err(`${loaded.path}: ${line}\n`);
  io.out(`wrote ${target.path}\n`);
  return 0;
}

async function runRules(
  loaded: LoadedSubtitle,
  rules: readonly TextRuleId[],
  target: ReturnType<typeof outputTarget>,
  io: CliIo,
): Promise<number> {
  const { doc } = loaded;
  const changes = planTextFixes(doc.cues, rules);
  for (const change of changes) {
    const cue = doc.cues[change.position] as Cue;
    const where =
      cue.line === undefined ? `cue ${change.position + 1}` : `cue ${change.position + 1} (line ${cue.line})`;
    const after = change.after === null ? 'removed' : JSON.stringify(change.after);
    io.out(`${where}: ${change.rules.join(', ')}: ${JSON.stringify(change.before)} -> ${after}\n`);
  }
  const made = textFixCommand(doc, changes);
  if (made) new History(doc).execute(made.command);
  await saveSubtitle(loaded, target);
  if (!made) io.out('nothing to fix\n');
  else io.out(`fixed ${count(made.replaced, 'cue')}, removed ${count(made.removed, 'empty cue')}\n`);
  io.out(`wrote ${target.path}\n`);
  return 0;
}
