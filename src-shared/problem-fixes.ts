/**
 * Fixes for one problem code at a time ("Fix all overlaps…" in the Problems panel): each plan lists every change
 * (cue, before, after) so the user sees it before applying, and builds ONE command. Also the fix for a timestamp
 * the reader had to repair (`00:05:60,433` carried over to `00:06:00,433`): write the cue's timing line anew.
 */
import type { Cue, SubtitleDoc } from './document';
import { withFields } from './document';
import { fixNegativeDurations, fixOverlaps, isNoop, ReplaceBuilder, renumber, sortByStart } from './edits';
import type { Command } from './history';
import { type CoreMessage, inEnglish, msg } from './messages';
import type { Problem, ProblemCode } from './problems';
import type { ValidationProfile } from './profiles';
import { formatSrtTime } from './time';

/** Codes with a fix for all of them at once. */
export const FIXABLE_CODES = [
  'overlap',
  'negative-duration',
  'out-of-order',
  'invalid-timestamp',
  'malformed-timestamp',
  'bad-index',
] as const satisfies readonly ProblemCode[];
export type FixableCode = (typeof FIXABLE_CODES)[number];

export function isFixableCode(code: string): code is FixableCode {
  return (FIXABLE_CODES as readonly string[]).includes(code);
}

/** One line of a fix's preview. */
export interface FixPreviewRow {
  readonly id: number;
  /** 1-based cue number before the fix. */
  readonly cue: number;
  readonly before: CoreMessage;
  readonly after: CoreMessage;
}

export interface CodeFixPlan {
  readonly code: FixableCode;
  /** The undo step's name, e.g. "Fix 1 overlap". */
  readonly label: string;
  readonly command: Command;
  readonly rows: FixPreviewRow[];
  /** Problems of this code the fix cannot repair. */
  readonly left: CoreMessage[];
}

/** How a fix names what it repairs, counted: "1 overlap", "2 cues out of order" (catalog `validation:fix.noun`). */
export function fixNounMessage(code: FixableCode, n: number): CoreMessage {
  return msg(`validation:fix.noun.${code}`, { count: n });
}

/** "1 overlap", "2 cues out of order", in English. */
export function fixNoun(code: FixableCode, n: number): string {
  return inEnglish(fixNounMessage(code, n));
}

/** A row's text that is data (a timing line as written), not words. */
const asIs = (text: string): CoreMessage => msg('validation:fix.row.asIs', { text });

const time = formatSrtTime;
const span = (cue: Pick<Cue, 'startMs' | 'endMs'>) => `${time(cue.startMs)} --> ${time(cue.endMs)}`;

/** The cue's timing line as it is written in the file (while the cue is unedited), else null. */
export function timingLineAsRead(cue: Cue): string | null {
  const body = cue.source?.body;
  if (body === undefined) return null;
  const end = body.search(/\r\n|\r|\n/);
  return (end < 0 ? body : body.slice(0, end)).trim();
}

/**
 * Whether writing the cue's timing line anew would lose a time: a negative time (`-00:00:06,843`) is held as 0,
 * so only the line as read still has it. Such a cue is kept as written (as `cuewave fix` does).
 */
export function rewriteLosesTime(cue: Cue): boolean {
  const line = timingLineAsRead(cue);
  return line !== null && /(?:^|[\s>])-\s*\d/.test(line);
}

/**
 * Writes these cues' timing lines anew from the values they were read as (the carried-over value of an
 * out-of-range or non-standard timestamp). Cues already edited are written that way anyway and are skipped, and so
 * are cues whose line holds a negative time (rewriting would turn it into 0).
 */
export function rewriteTimings(doc: SubtitleDoc, ids: readonly number[], label = 'Rewrite timestamps'): Command {
  const builder = new ReplaceBuilder();
  for (const id of new Set(ids)) {
    const position = doc.indexOf(id);
    if (position < 0) continue;
    const cue = doc.cues[position] as Cue;
    if (cue.source === undefined || rewriteLosesTime(cue)) continue;
    builder.add(position, cue, withFields(cue, {}));
  }
  return builder.build(label);
}

/** What writing the cue's timing line anew changes: the line as read, and as it will be written. */
export function timingRewrite(cue: Cue): { before: string; after: string } | null {
  const before = timingLineAsRead(cue);
  if (before === null || rewriteLosesTime(cue)) return null;
  const after = cue.settings === '' ? span(cue) : `${span(cue)} ${cue.settings}`;
  return { before, after };
}

function cueIdsOf(problems: readonly Problem[], code: ProblemCode): number[] {
  const ids: number[] = [];
  for (const problem of problems) if (problem.code === code && problem.cueId !== null) ids.push(problem.cueId);
  return ids;
}

/** Plans the fix of every `code` problem; null when there is nothing it can change. */
export function planCodeFix(
  doc: SubtitleDoc,
  code: FixableCode,
  problems: readonly Problem[],
  profile: Pick<ValidationProfile, 'minGapMs' | 'minDurationMs'>,
): CodeFixPlan | null {
  const rows: FixPreviewRow[] = [];
  const left: CoreMessage[] = [];
  const numberOf = (id: number) => doc.indexOf(id) + 1;
  let command: Command;
  switch (code) {
    case 'overlap': {
      const result = fixOverlaps(doc, profile);
      command = result.command;
      for (const fix of result.fixed) {
        rows.push({
          id: fix.id,
          cue: numberOf(fix.id),
          before: msg('validation:fix.row.ends', { time: time(fix.oldEndMs) }),
          after: msg('validation:fix.row.ends', { time: time(fix.newEndMs) }),
        });
      }
      for (const unfixed of result.unfixed)
        left.push(msg('validation:fix.cueLeft', { cue: numberOf(unfixed.id), reason: unfixed.message }));
      break;
    }
    case 'negative-duration': {
      const result = fixNegativeDurations(doc);
      command = result.command;
      for (const id of result.fixedIds) {
        const cue = doc.cues[doc.indexOf(id)] as Cue;
        rows.push({
          id,
          cue: numberOf(id),
          before: asIs(span(cue)),
          after: asIs(span({ startMs: cue.endMs, endMs: cue.startMs })),
        });
      }
      break;
    }
    case 'out-of-order': {
      const result = sortByStart(doc);
      command = result.command;
      if (!isNoop(command)) {
        const before = new Map(doc.cues.map((cue, i) => [cue.id, i + 1]));
        command.apply(doc);
        for (let i = 0; i < doc.cues.length; i++) {
          const cue = doc.cues[i] as Cue;
          const was = before.get(cue.id) as number;
          if (was !== i + 1)
            rows.push({
              id: cue.id,
              cue: was,
              before: msg('validation:fix.row.cueAt', { cue: was, time: time(cue.startMs) }),
              after: msg('validation:fix.row.cue', { cue: i + 1 }),
            });
        }
        command.revert(doc);
      }
      break;
    }
    case 'invalid-timestamp':
    case 'malformed-timestamp': {
      const ids = cueIdsOf(problems, code);
      command = rewriteTimings(
        doc,
        ids,
        code === 'invalid-timestamp' ? 'Rewrite out-of-range timestamps' : 'Rewrite non-standard timestamps',
      );
      for (const id of new Set(ids)) {
        const position = doc.indexOf(id);
        const change = position < 0 ? null : timingRewrite(doc.cues[position] as Cue);
        if (change) rows.push({ id, cue: position + 1, before: asIs(change.before), after: asIs(change.after) });
      }
      break;
    }
    case 'bad-index': {
      command = renumber(doc);
      for (let i = 0; i < doc.cues.length; i++) {
        const cue = doc.cues[i] as Cue;
        const index = cue.source?.index;
        if (cue.source !== undefined && index !== i + 1) {
          rows.push({
            id: cue.id,
            cue: i + 1,
            before: index == null ? msg('validation:fix.row.noNumber') : msg('validation:fix.row.numbered', { index }),
            after: msg('validation:fix.row.numbered', { index: i + 1 }),
          });
        }
      }
      if (rows.length === 0) return null;
      break;
    }
  }
  if (isNoop(command)) return null;
  return { code, label: `Fix ${fixNoun(code, rows.length)}`, command, rows, left };
}
