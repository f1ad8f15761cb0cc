/**
 * `cuewave spell FILE [--lang en] [--json]`: lists misspelt words with their cue, line and suggestions, using the same
 * offline dictionary as the app (Chinese, tags, numbers and words in capitals are skipped). Exit codes as `check`:
 * 0 none found, 1 misspellings found, 2 unreadable input or bad arguments.
 */

import { msg } from '../../src-shared/messages';
import { isSpellLanguage, SPELL_LANGUAGES, SpellChecker } from '../services/spell-core';
import { onePositional, parseArgs, usage } from './args';
import type { CliIo } from './io';
import { words } from './say';
import { loadSubtitle, reportLoadWarnings } from './subtitle-io';

/** One misspelling as `--json` reports it. */
export interface SpellIssue {
  /** 1-based position of the cue in the file. */
  cue: number;
  /** 1-based line within the cue's text. */
  cueLine: number;
  /** 1-based line in the file (the cue's timing line + cueLine), null for a cue read without a line number. */
  line: number | null;
  /** 1-based column (UTF-16) in that line. */
  column: number;
  word: string;
  suggestions: string[];
}

export async function runSpell(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ['--lang'], ['--json']);
  const file = onePositional(args, 'FILE');
  const lang = args.options.get('--lang') ?? 'en';
  if (!isSpellLanguage(lang)) throw usage('spell.noDictionary', { lang, known: SPELL_LANGUAGES.join(', ') });

  const loaded = await loadSubtitle(file);
  const json = args.flags.has('--json');
  reportLoadWarnings(loaded, io);
  const checker = await SpellChecker.load(lang);
  const { cues } = loaded.doc;
  const issues: SpellIssue[] = checker.check(cues.map((c) => c.text)).map((m) => {
    const cue = cues[m.text] as (typeof cues)[number];
    const before = cue.text.slice(0, m.offset);
    const cueLine = before.split('\n').length;
    const column = m.offset - (before.lastIndexOf('\n') + 1) + 1;
    return {
      cue: m.text + 1,
      cueLine,
      line: cue.line === undefined ? null : cue.line + cueLine,
      column,
      word: m.word,
      suggestions: checker.suggest(m.word),
    };
  });

  if (json) {
    io.out(`${JSON.stringify({ file, lang, cues: cues.length, misspellings: issues.length, issues })}\n`);
  } else {
    for (const issue of issues) {
      const where = issue.line !== null ? `${file}:${issue.line}:${issue.column}` : file;
      const values = { where, cue: issue.cue, line: issue.cueLine, word: issue.word };
      const line =
        issue.suggestions.length > 0
          ? words(io, 'cli:spell.issue', { ...values, suggestions: issue.suggestions.join(', ') })
          : words(io, 'cli:spell.issueNoSuggestion', values);
      io.out(`${line}\n`);
    }
    const cueCount = msg('cli:count.cue', { count: cues.length });
    io.out(`${words(io, 'cli:spell.summary', { file, cues: cueCount, count: issues.length, lang })}\n`);
  }
  return issues.length > 0 ? 1 : 0;
}
