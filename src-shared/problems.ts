/** Problem codes shared by the reader and the validator, with their fixed severities. */
import type { Translate } from './i18n/translator';
import { type CoreMessage, inEnglish, sayIn } from './messages';

export type Severity = 'error' | 'warning';

export const PROBLEM_SEVERITY = {
  overlap: 'error',
  'negative-duration': 'error',
  'zero-duration': 'error',
  'out-of-order': 'error',
  'invalid-timestamp': 'error',
  'orphan-text': 'error',
  'malformed-timestamp': 'warning',
  'bad-index': 'warning',
  'missing-blank-line': 'warning',
  'text-after-blank-line': 'warning',
  'lone-index': 'warning',
  'format-kept': 'warning',
  'empty-text': 'warning',
  'too-short': 'warning',
  'too-long': 'warning',
  'reading-speed': 'warning',
  'line-too-long': 'warning',
  'too-many-lines': 'warning',
  'gap-too-small': 'warning',
} as const satisfies Record<string, Severity>;

export type ProblemCode = keyof typeof PROBLEM_SEVERITY;

export const PROBLEM_CODES = Object.keys(PROBLEM_SEVERITY) as ProblemCode[];

/** Codes only the reader can find: they describe the file's text, not the cues' values. */
export type ReadProblemCode =
  | 'malformed-timestamp'
  | 'invalid-timestamp'
  | 'bad-index'
  | 'missing-blank-line'
  | 'text-after-blank-line'
  | 'lone-index'
  /** Something of a WebVTT, ASS or MicroDVD file the cue model cannot show (styles, comments, karaoke, frame rate). */
  | 'format-kept'
  | 'orphan-text';

/** A problem found while reading a file. `line` is the 1-based line in the file. */
export interface ReadProblem {
  readonly code: ReadProblemCode;
  readonly line: number;
  /** The cue the problem belongs to; for an orphan, the cue it follows (null before the first cue). */
  readonly cueId: number | null;
  /** What is wrong, as a catalog message (put in words when shown: `problemText`). */
  readonly message: CoreMessage;
  /**
   * Set on an `invalid-timestamp` that no rewrite can repair: a negative time, held as 0, survives only in the
   * text as read, so writing the cue canonically would lose it (and its duration). Left for a person.
   */
  readonly timeLostByRewrite?: true;
}

/** A problem in a document, from the reader or from a validation rule. */
export interface Problem {
  readonly code: ProblemCode;
  readonly severity: Severity;
  /** The cue the problem is about (for overlaps, the earlier cue); null for text before the first cue. */
  readonly cueId: number | null;
  /** 1-based line in the file as read, when known. */
  readonly line: number | null;
  /** What is wrong, as a catalog message (put in words when shown: `problemText`). */
  readonly message: CoreMessage;
}

/** A problem's message in words: in English unless a translator is given (the UI passes the one shown). */
export function problemText(problem: Pick<Problem, 'message'>, t?: Translate): string {
  return t === undefined ? inEnglish(problem.message) : sayIn(t, problem.message);
}

/** The catalog key of a problem code's display name ("Overlap", "重叠"). */
export function problemCodeKey(code: ProblemCode): string {
  return `validation:code.${code}`;
}
