/**
 * `cuewave fix FILE [--profile NAME] (-o OUT | --in-place)`: apply the safe automatic fixes and say what changed.
 * `cuewave fix FILE --rules a,b,c (-o OUT | --in-place)`: run those Fix common errors rules instead, one line per
 * changed cue; only the changed cues are rewritten, the rest of the file is written back byte for byte.
 */
import type { Cue } from '../../src-shared/document';
import { History } from '../../src-shared/history';
import { msg } from '../../src-shared/messages';
import { getProfile, PROFILE_NAMES } from '../../src-shared/profiles';
import { applySafeFixes } from '../../src-shared/safe-fixes';
import {
  parseRuleList,
  planTextFixes,
  RuleListError,
  type TextRuleId,
  textFixCommand,
} from '../../src-shared/text-fixes';
import { onePositional, outputOption, parseArgs, UsageError, usage } from './args';
import type { CliIo } from './io';
import { say, words } from './say';
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
      throw error instanceof RuleListError ? new UsageError(error.said) : error;
    }
    if (args.options.has('--profile')) throw usage('fix.profileWithRules');
  }
  const profileName = args.options.get('--profile') ?? 'default';
  const profile = getProfile(profileName);
  if (!profile) throw usage('args.unknownProfile', { name: profileName, known: PROFILE_NAMES.join(', ') });
  const target = outputTarget(file, outputOption(args), args.flags.has('--in-place'));

  const loaded = await loadSubtitle(file);
  reportLoadWarnings(loaded, io);
  if (rules !== null) return runRules(loaded, rules, target, io);
  const report = applySafeFixes(new History(loaded.doc), loaded.problems, profile);
  await saveSubtitle(loaded, target);

  for (const line of report.changes) io.out(`${say(io, line)}\n`);
  if (report.changes.length === 0) io.out(`${words(io, 'cli:fix.nothing')}\n`);
  for (const line of report.left) io.err(`${words(io, 'cli:fix.left', { path: loaded.path, line })}\n`);
  io.out(`${words(io, 'cli:wrote', { path: target.path })}\n`);
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
      cue.line === undefined
        ? msg('cli:fix.cue', { cue: change.position + 1 })
        : msg('cli:fix.cueAtLine', { cue: change.position + 1, line: cue.line });
    const after = change.after === null ? msg('cli:fix.removed') : JSON.stringify(change.after);
    const before = JSON.stringify(change.before);
    io.out(`${words(io, 'cli:fix.change', { where, rules: change.rules.join(', '), before, after })}\n`);
  }
  const made = textFixCommand(doc, changes);
  if (made) new History(doc).execute(made.command);
  await saveSubtitle(loaded, target);
  if (!made) io.out(`${words(io, 'cli:fix.nothing')}\n`);
  else {
    const cues = msg('cli:count.cue', { count: made.replaced });
    io.out(`${words(io, 'cli:fix.fixedCues', { cues, empty: msg('cli:count.emptyCue', { count: made.removed }) })}\n`);
  }
  io.out(`${words(io, 'cli:wrote', { path: target.path })}\n`);
  return 0;
}
