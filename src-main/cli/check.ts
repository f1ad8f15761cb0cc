/** `cuewave check FILE [--profile NAME] [--json]`: validate a file; exit 0 clean, 1 errors, 2 unreadable. */
import type { SubtitleDoc } from '../../src-shared/document';
import { msg } from '../../src-shared/messages';
import { type Problem, problemText } from '../../src-shared/problems';
import { getProfile, PROFILE_NAMES } from '../../src-shared/profiles';
import { countBySeverity, validate } from '../../src-shared/validate';
import { onePositional, parseArgs, usage } from './args';
import type { CliIo } from './io';
import { words } from './say';
import { cliWording, eolName, loadSubtitle, reportLoadWarnings } from './subtitle-io';

export interface CheckIssue {
  severity: Problem['severity'];
  /** A validation code, or `encoding-guess` when the file's encoding is only a guess. */
  code: Problem['code'] | 'encoding-guess';
  /** 1-based position of the cue in the file, null for text before the first cue. */
  cue: number | null;
  /** 1-based line of the cue's timing line; for an orphan, its first line. */
  line: number | null;
  /** What is wrong, in English (the JSON output is machine-readable and stable). */
  message: string;
}

export async function runCheck(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ['--profile'], ['--json']);
  const file = onePositional(args, 'FILE');
  const profileName = args.options.get('--profile') ?? 'default';
  const profile = getProfile(profileName);
  if (!profile) throw usage('args.unknownProfile', { name: profileName, known: PROFILE_NAMES.join(', ') });

  const loaded = await loadSubtitle(file);
  const json = args.flags.has('--json');
  // In text mode the encoding guess is one of the issues printed on stdout, so it is not repeated on stderr.
  reportLoadWarnings(json || !loaded.encodingDoubt ? loaded : { ...loaded, warnings: loaded.warnings.slice(1) }, io);
  const problems = validate(loaded.doc, profile, loaded.problems);
  const counts = countBySeverity(problems);
  const issues = problems.map((p) => toIssue(loaded.doc, p));
  const messages = new Map<CheckIssue, Problem>();
  if (!json) for (let i = 0; i < issues.length; i++) messages.set(issues[i] as CheckIssue, problems[i] as Problem);
  if (loaded.encodingDoubt) {
    // Pipelines see it: a warning (exit code unchanged) before the validation issues.
    issues.unshift({
      severity: 'warning',
      code: 'encoding-guess',
      cue: null,
      line: null,
      message: cliWording(loaded.encodingDoubt.message),
    });
    counts.warning++;
  }

  if (json) {
    const report = {
      file,
      encoding: loaded.encoding,
      bom: loaded.bom,
      eol: eolName(loaded.doc.format.eol),
      cues: loaded.doc.length,
      errors: counts.error,
      warnings: counts.warning,
      issues,
    };
    io.out(`${JSON.stringify(report)}\n`);
  } else {
    for (const issue of issues) {
      const where = issue.line !== null ? `${file}:${issue.line}` : file;
      // The problem's own message in the language shown (the encoding guess comes from main, in English).
      const problem = messages.get(issue);
      const message = problem ? problemText(problem, io.t) : issue.message;
      const severity = msg(`validation:severity.${issue.severity}`);
      io.out(`${words(io, 'cli:check.issue', { where, severity, code: issue.code, message })}\n`);
    }
    const summary = words(io, loaded.bom ? 'cli:check.summaryBom' : 'cli:check.summary', {
      file,
      cues: msg('cli:count.cue', { count: loaded.doc.length }),
      errors: msg('cli:count.error', { count: counts.error }),
      warnings: msg('cli:count.warning', { count: counts.warning }),
      encoding: loaded.encoding,
      eol: eolName(loaded.doc.format.eol),
      profile: profile.name,
    });
    io.out(`${summary}\n`);
  }
  return counts.error > 0 ? 1 : 0;
}

const OWN_LINE_CODES: ReadonlySet<Problem['code']> = new Set(['orphan-text', 'text-after-blank-line', 'lone-index']);

function toIssue(doc: SubtitleDoc, problem: Problem): CheckIssue {
  const position = problem.cueId === null ? -1 : doc.indexOf(problem.cueId);
  const cue = position >= 0 ? doc.cues[position] : undefined;
  // Text outside a cue's own lines (orphans, text after a blank line, a lone number) is located by its own first
  // line; everything else by its cue's timing line.
  const line = OWN_LINE_CODES.has(problem.code) ? problem.line : (cue?.line ?? problem.line);
  return {
    severity: problem.severity,
    code: problem.code,
    cue: position >= 0 ? position + 1 : null,
    line: line ?? null,
    message: problemText(problem),
  };
}
