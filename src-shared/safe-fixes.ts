/**
 * The safe automatic fixes (`cuewave fix`, and "Fix all safe" in the editor): sort, normalize
 * timestamps and separators, renumber, fix overlaps. Safe means no text changes and no guesses:
 * a cue whose end is before its start is reported, not swapped, because either time may be the typo.
 */
import type { Cue, SubtitleDoc } from './document';
import { canonicalCopy } from './document';
import { fixOverlaps, isNoop, ReplaceBuilder, renumber, sortByStart } from './edits';
import { type Command, CompositeCommand, type History } from './history';
import { type CoreMessage, msg } from './messages';
import type { ReadProblem } from './problems';
import type { ValidationProfile } from './profiles';
import { formatSrtTime } from './time';

export interface SafeFixReport {
  /** One message per change made. */
  changes: CoreMessage[];
  /** One message per problem left for a person. */
  left: CoreMessage[];
}

/** Reader problems that canonical writing of the cue (or of the cue before it) repairs. */
const NORMALIZED_BY_REWRITE = new Set([
  'malformed-timestamp',
  'invalid-timestamp',
  'missing-blank-line',
  'text-after-blank-line',
]);

/**
 * Applies the safe fixes to the history's document as ONE undo step and says what changed.
 * `readProblems` are the reader's findings for the document as opened.
 */
export function applySafeFixes(
  history: History,
  readProblems: readonly ReadProblem[],
  profile: Pick<ValidationProfile, 'minGapMs' | 'minDurationMs'>,
): SafeFixReport {
  const doc = history.doc;
  const applied: Command[] = [];
  const report: SafeFixReport = { changes: [], left: [] };
  const step = (command: Command): void => {
    if (isNoop(command)) return;
    command.apply(doc);
    applied.push(command);
  };

  const sorted = sortByStart(doc);
  step(sorted.command);
  if (sorted.movedCount > 0) report.changes.push(msg('validation:safeFix.sorted', { count: sorted.movedCount }));

  const normalized = normalizeTimestamps(doc, readProblems);
  step(normalized.command);
  if (normalized.lines.length > 0) report.changes.push(...normalized.lines);

  const numbering = countNumberingChanges(doc);
  if (numbering > 0) {
    // A sort that moved cues already numbers by position; a document it left alone needs the explicit step.
    if (!doc.renumbered) step(renumber(doc));
    report.changes.push(msg('validation:safeFix.renumbered', { count: numbering }));
  }

  const overlaps = fixOverlaps(doc, profile);
  step(overlaps.command);
  for (const fix of overlaps.fixed) {
    report.changes.push(
      msg('validation:safeFix.overlapFixed', {
        cue: doc.indexOf(fix.id) + 1,
        end: formatSrtTime(fix.newEndMs),
        was: formatSrtTime(fix.oldEndMs),
      }),
    );
  }
  for (const left of overlaps.unfixed)
    report.left.push(msg('validation:safeFix.overlapLeft', { cue: doc.indexOf(left.id) + 1, reason: left.message }));
  for (let i = 0; i < doc.cues.length; i++) {
    const cue = doc.cues[i] as Cue;
    if (cue.endMs < cue.startMs) {
      report.left.push(
        msg('validation:safeFix.negativeLeft', {
          cue: i + 1,
          start: formatSrtTime(cue.startMs),
          end: formatSrtTime(cue.endMs),
        }),
      );
    }
  }

  for (const problem of readProblems) {
    if (problem.code === 'orphan-text') report.left.push(msg('validation:safeFix.orphanKept', { line: problem.line }));
    if (problem.timeLostByRewrite && problem.cueId !== null) {
      const at = doc.indexOf(problem.cueId) + 1;
      // The reader's notes ("start time: negative time (-00:00:06,843); read as 00:00:00,000").
      const notes = problem.message.values?.notes ?? problem.message;
      report.left.push(msg('validation:safeFix.negativeTimeKept', { cue: at, line: problem.line, notes }));
    }
  }

  // Undo the steps and run them again as one command, so a single undo reverts the whole fix.
  for (let i = applied.length - 1; i >= 0; i--) (applied[i] as Command).revert(doc);
  if (applied.length > 0) history.execute(new CompositeCommand('Fix all safe', applied));
  return report;
}

/** Rewrites in canonical form every cue whose timing line or separator the reader had to repair. */
function normalizeTimestamps(
  doc: SubtitleDoc,
  readProblems: readonly ReadProblem[],
): { command: Command; lines: CoreMessage[] } {
  const positions = new Set<number>();
  // A cue whose timing line holds a negative time is never rewritten: the time would become 0 and be lost.
  const keptAsRead = new Set(readProblems.filter((p) => p.timeLostByRewrite).map((p) => p.cueId));
  for (const problem of readProblems) {
    if (!NORMALIZED_BY_REWRITE.has(problem.code) || problem.cueId === null || keptAsRead.has(problem.cueId)) continue;
    const position = doc.indexOf(problem.cueId);
    if (position < 0 || !(doc.cues[position] as Cue).source) continue;
    positions.add(position);
    // A missing blank line is repaired by writing the cue BEFORE it canonically (the writer adds the separator).
    if (problem.code === 'missing-blank-line' && position > 0 && (doc.cues[position - 1] as Cue).source)
      positions.add(position - 1);
  }
  const builder = new ReplaceBuilder();
  const lines: CoreMessage[] = [];
  for (const position of [...positions].sort((a, b) => a - b)) {
    const cue = doc.cues[position] as Cue;
    // Only SRT numbers its cues: a WebVTT identifier is a name the user gave the cue, kept through the rewrite.
    builder.add(position, cue, canonicalCopy(cue, doc.sourceFormat !== 'srt'));
    lines.push(
      msg('validation:safeFix.normalized', {
        cue: position + 1,
        line: cue.line ?? '?',
        start: formatSrtTime(cue.startMs),
        end: formatSrtTime(cue.endMs),
      }),
    );
  }
  return { command: builder.build('Normalize timestamps'), lines };
}

/**
 * How many cues have (or, before renumbering, would get) an index line other than the one they were read with. Only
 * SRT numbers its cues; WebVTT identifiers (and the other formats, which have none) are never renumbered.
 */
function countNumberingChanges(doc: SubtitleDoc): number {
  if (doc.sourceFormat !== 'srt') return 0;
  let changed = 0;
  for (let i = 0; i < doc.cues.length; i++) {
    const source = (doc.cues[i] as Cue).source;
    if (source && source.index !== i + 1) changed++;
  }
  return changed;
}
