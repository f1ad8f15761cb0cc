/** Validation: a table of pure per-cue rules checked against a profile, plus the reader's problems that still apply. */
import type { Cue, SubtitleDoc } from './document';
import { type CoreMessage, msg } from './messages';
import {
  PROBLEM_CODES,
  PROBLEM_SEVERITY,
  type Problem,
  type ProblemCode,
  type ReadProblem,
  type ReadProblemCode,
  type Severity,
} from './problems';
import { getProfile, type ValidationProfile } from './profiles';
import { measureText, type TextMeasure } from './text-metrics';
import { formatSrtTime } from './time';

/** Codes found by rules (the others only come from the reader). */
export type RuleCode = Exclude<ProblemCode, ReadProblemCode>;

/** Everything a rule may look at for one cue. One object is reused across cues: read it, never keep it. */
export interface CueContext {
  readonly cue: Cue;
  /** 1-based position of the cue, the number users see. */
  readonly number: number;
  readonly durationMs: number;
  /** Visible characters, lines and longest line of the cue's text. */
  readonly text: TextMeasure;
  /** The cue before this one in file order, or null for the first. */
  readonly previous: Cue | null;
  /** The cue after this one in time order (start, then end, then position), or null for the last. */
  readonly next: Cue | null;
  /** 1-based position of `next` (0 when there is none). */
  readonly nextNumber: number;
  /**
   * Whether this cue, or `next`, has a timing error of its own (ends before it starts, or starts before the cue
   * before it in the file). Such a cue's times are what is wrong, so an overlap or gap against it would only
   * repeat the root cause: it is reported once, as itself.
   */
  readonly flawed: boolean;
  readonly nextFlawed: boolean;
  readonly profile: ValidationProfile;
}

/** A validation rule: returns the message when the cue breaks it, null otherwise. */
export interface Rule {
  readonly code: RuleCode;
  check(context: CueContext): CoreMessage | null;
}

const time = formatSrtTime;

/**
 * Names a cue by position, adding the number written in the file when it differs, so a user
 * looking at swapped blocks `301` then `300` can find them: "cue 301 (numbered 300 in the file)".
 * `start` is the form that starts a sentence ("Cue 301").
 */
function cueName(cue: Cue, number: number, start = false): CoreMessage {
  const index = cue.source === undefined ? null : cue.source.index;
  if (index === null || index === number)
    return { key: start ? 'validation:cue.start' : 'validation:cue.inner', values: { number } };
  return { key: start ? 'validation:cue.startInFile' : 'validation:cue.innerInFile', values: { number, index } };
}

/** cueName capitalised, to start a message. */
function subject(cue: Cue, number: number): CoreMessage {
  return cueName(cue, number, true);
}

/** "12 characters", counted in the language shown. */
function characters(count: number): CoreMessage {
  return { key: 'validation:unit.character', values: { count } };
}

/** Cue durations that rules about length and speed skip: these cues already have an error. */
function hasNoDuration(context: CueContext): boolean {
  return context.durationMs <= 0;
}

/** Formats a rate so it never rounds down to the limit it exceeds (20.04 > 20 shows as 20.04, not 20.0). */
function formatRate(rate: number, limit: number): number {
  const tenths = Math.round(rate * 10) / 10;
  return tenths > limit ? tenths : Math.round(rate * 100) / 100;
}

/** The rules, in the order of PROBLEM_CODES, so a cue's problems come out in code order. */
export const RULES: readonly Rule[] = Object.freeze([
  {
    code: 'overlap',
    check({ cue, number, next, nextNumber, flawed, nextFlawed }) {
      // Touching (end == next start) is the norm in dialogue, not an overlap.
      if (next === null || cue.endMs <= next.startMs || flawed || nextFlawed) return null;
      return msg('validation:rule.overlap', {
        cue: subject(cue, number),
        next: cueName(next, nextNumber),
        ms: cue.endMs - next.startMs,
        end: time(cue.endMs),
        nextStart: time(next.startMs),
      });
    },
  },
  {
    code: 'negative-duration',
    check({ cue, number, durationMs }) {
      if (durationMs >= 0) return null;
      return msg('validation:rule.negativeDuration', {
        cue: subject(cue, number),
        start: time(cue.startMs),
        end: time(cue.endMs),
        ms: durationMs,
      });
    },
  },
  {
    code: 'zero-duration',
    check({ cue, number, durationMs }) {
      if (durationMs !== 0) return null;
      return msg('validation:rule.zeroDuration', { cue: subject(cue, number), start: time(cue.startMs) });
    },
  },
  {
    code: 'out-of-order',
    check({ cue, number, previous }) {
      if (previous === null || cue.startMs >= previous.startMs) return null;
      return msg('validation:rule.outOfOrder', {
        cue: subject(cue, number),
        start: time(cue.startMs),
        previous: cueName(previous, number - 1),
        previousStart: time(previous.startMs),
      });
    },
  },
  {
    code: 'empty-text',
    check({ cue, number, text }) {
      return text.blank ? msg('validation:rule.emptyText', { cue: subject(cue, number) }) : null;
    },
  },
  {
    code: 'too-short',
    check(context) {
      const { cue, number, durationMs, profile } = context;
      if (hasNoDuration(context) || durationMs >= profile.minDurationMs) return null;
      return msg('validation:rule.tooShort', {
        cue: subject(cue, number),
        ms: durationMs,
        limit: profile.minDurationMs,
      });
    },
  },
  {
    code: 'too-long',
    check({ cue, number, durationMs, profile }) {
      if (profile.maxDurationMs <= 0 || durationMs <= profile.maxDurationMs) return null;
      return msg('validation:rule.tooLong', {
        cue: subject(cue, number),
        ms: durationMs,
        limit: profile.maxDurationMs,
      });
    },
  },
  {
    code: 'reading-speed',
    check(context) {
      const { cue, number, durationMs, text, profile } = context;
      // Compared as integers-ish products so 40 characters in exactly 2000 ms at 20 cps passes.
      if (profile.maxCps <= 0 || hasNoDuration(context) || text.blank) return null;
      if (text.chars * 1000 <= profile.maxCps * durationMs) return null;
      const rate = (text.chars * 1000) / durationMs;
      return msg('validation:rule.readingSpeed', {
        cue: subject(cue, number),
        rate: characters(formatRate(rate, profile.maxCps)),
        chars: characters(text.chars),
        ms: durationMs,
        limit: profile.maxCps,
      });
    },
  },
  {
    code: 'line-too-long',
    check({ cue, number, text, profile }) {
      if (profile.maxLineLength <= 0 || text.longestLength <= profile.maxLineLength) return null;
      return msg('validation:rule.lineTooLong', {
        cue: subject(cue, number),
        line: text.longestLine,
        count: text.longestLength,
        limit: profile.maxLineLength,
      });
    },
  },
  {
    code: 'too-many-lines',
    check({ cue, number, text, profile }) {
      if (profile.maxLines <= 0 || text.lines <= profile.maxLines) return null;
      return msg('validation:rule.tooManyLines', {
        cue: subject(cue, number),
        count: text.lines,
        limit: profile.maxLines,
      });
    },
  },
  {
    code: 'gap-too-small',
    check({ cue, number, next, nextNumber, profile, flawed, nextFlawed }) {
      if (next === null || profile.minGapMs <= 0 || flawed || nextFlawed) return null;
      const gapMs = next.startMs - cue.endMs;
      // A gap of 0 (touching) is a deliberate chain; a negative gap is an overlap, reported as such.
      if (gapMs <= 0 || gapMs >= profile.minGapMs) return null;
      return msg('validation:rule.gapTooSmall', {
        cue: subject(cue, number),
        next: cueName(next, nextNumber),
        ms: gapMs,
        end: time(cue.endMs),
        nextStart: time(next.startMs),
        limit: profile.minGapMs,
      });
    },
  },
]);

const CODE_RANK: Readonly<Record<ProblemCode, number>> = Object.fromEntries(
  PROBLEM_CODES.map((code, index) => [code, index]),
) as Record<ProblemCode, number>;

/**
 * For each position, the position of the next cue in time order (start, then end, then file
 * position), or -1. Sorting first is what keeps two swapped cues from looking like an overlap:
 * in file order `08:42,566-->08:42,800` then `08:40,966-->08:42,566` is only out of order.
 */
function nextInTimeOrder(cues: readonly Cue[]): Int32Array {
  const count = cues.length;
  const next = new Int32Array(count).fill(-1);
  let sorted = true;
  for (let i = 1; i < count && sorted; i++) {
    const a = cues[i - 1] as Cue;
    const b = cues[i] as Cue;
    if (a.startMs > b.startMs || (a.startMs === b.startMs && a.endMs > b.endMs)) sorted = false;
  }
  if (sorted) {
    for (let i = 0; i + 1 < count; i++) next[i] = i + 1;
    return next;
  }
  const order = Array.from({ length: count }, (_, i) => i);
  order.sort((i, j) => {
    const a = cues[i] as Cue;
    const b = cues[j] as Cue;
    return a.startMs - b.startMs || a.endMs - b.endMs || i - j;
  });
  for (let k = 0; k + 1 < count; k++) next[order[k] as number] = order[k + 1] as number;
  return next;
}

/** 1 for each cue whose own times are wrong: it ends before it starts, or starts before the cue before it in the file. */
function flawedCues(cues: readonly Cue[]): Uint8Array {
  const flawed = new Uint8Array(cues.length);
  for (let i = 0; i < cues.length; i++) {
    const cue = cues[i] as Cue;
    if (isFlawed(cue, i > 0 ? (cues[i - 1] as Cue) : null)) flawed[i] = 1;
  }
  return flawed;
}

/** Whether a cue has a timing error of its own (negative duration, or out of order after `previous`, its file predecessor). */
export function isFlawed(cue: Cue, previous: Cue | null): boolean {
  return cue.endMs < cue.startMs || (previous !== null && cue.startMs < previous.startMs);
}

function isBlank(text: string): boolean {
  return text.trim() === '';
}

/**
 * Whether a reader problem still describes the document. Orphan text lives in the trailer of the
 * cue it follows (or in `doc.leading`), which edits keep, so it stays while that text is there; an
 * edited cue keeps its index line and the separators around it, so a bad index or a missing blank line
 * stays too; every other reader problem is about the cue's timing or text as read and goes once it is edited.
 */
export function readProblemStillApplies(doc: SubtitleDoc, problem: ReadProblem, position: number): boolean {
  if (problem.cueId === null) return !isBlank(doc.leading);
  if (position < 0) return false;
  const cue = doc.cues[position] as Cue;
  if (problem.code === 'orphan-text' || problem.code === 'lone-index') return !isBlank(cue.trailer);
  // An edited cue keeps the index line it was read with until the document is renumbered (then the writer
  // numbers by position, so a bad index is gone on save).
  if (problem.code === 'bad-index') return !doc.renumbered && fromFile(cue);
  // A missing separator is written back as read while both cues are where the file had them.
  if (problem.code === 'missing-blank-line')
    return !doc.renumbered && position > 0 && fromFile(doc.cues[position - 1] as Cue) && fromFile(cue);
  return cue.source !== undefined;
}

/** Whether a cue was read from the file (edited or not), so the writer keeps its index line and separation. */
function fromFile(cue: Cue): boolean {
  return cue.source !== undefined || cue.origin !== undefined;
}

/** A reader problem as a validation problem, with its severity. */
export function toProblem(problem: ReadProblem): Problem {
  return {
    code: problem.code,
    severity: PROBLEM_SEVERITY[problem.code],
    cueId: problem.cueId,
    line: problem.line,
    message: problem.message,
  };
}

/** Reader problems that still apply, grouped by cue position (-1 = before the first cue), each group in line order. */
function groupReadProblems(doc: SubtitleDoc, readProblems: readonly ReadProblem[]): Map<number, Problem[]> {
  const groups = new Map<number, Problem[]>();
  for (const problem of readProblems) {
    const position = problem.cueId === null ? -1 : doc.indexOf(problem.cueId);
    if (!readProblemStillApplies(doc, problem, position)) continue;
    const group = groups.get(position);
    if (group) group.push(toProblem(problem));
    else groups.set(position, [toProblem(problem)]);
  }
  for (const group of groups.values()) group.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return groups;
}

/** Orders problems of one cue by code, in PROBLEM_CODES order. */
export function byCodeRank(a: Problem, b: Problem): number {
  return CODE_RANK[a.code] - CODE_RANK[b.code];
}

/** A CueContext that its owner refills for each cue. */
export type MutableContext = { -readonly [K in keyof CueContext]: CueContext[K] };

/** Checks the cue of `context` against every rule, adding what it breaks to `into` in RULES order. */
export function checkCue(context: CueContext, into: Problem[]): void {
  const cue = context.cue;
  for (const rule of RULES) {
    // The message stays a key and values: put in words only when shown (the lists are virtualized).
    const message = rule.check(context);
    if (message === null) continue;
    into.push({
      code: rule.code,
      severity: PROBLEM_SEVERITY[rule.code],
      cueId: cue.id,
      line: cue.line ?? null,
      message,
    });
  }
}

/**
 * Checks every cue of `doc` against `profile` (or the profile of that name) and merges in the reader's problems that still
 * apply. Results are sorted by cue position (text before the first cue first), then by code in
 * PROBLEM_CODES order. `line` is the reader's line, or the cue's timing line as read (null for
 * cues created since).
 */
export function validate(
  doc: SubtitleDoc,
  profileOrName: ValidationProfile | string,
  readProblems: readonly ReadProblem[] = [],
): Problem[] {
  const profile = typeof profileOrName === 'string' ? getProfile(profileOrName) : profileOrName;
  if (profile === null) throw new Error(`Unknown validation profile: ${profileOrName}`);
  const cues = doc.cues;
  const next = nextInTimeOrder(cues);
  const readerGroups = groupReadProblems(doc, readProblems);
  const problems: Problem[] = [...(readerGroups.get(-1) ?? []).sort(byCodeRank)];
  const context: MutableContext = {
    cue: cues[0] as Cue,
    number: 0,
    durationMs: 0,
    text: measureText(''),
    previous: null,
    next: null,
    nextNumber: 0,
    flawed: false,
    nextFlawed: false,
    profile,
  };
  const flawed = flawedCues(cues);
  for (let i = 0; i < cues.length; i++) {
    const cue = cues[i] as Cue;
    const nextPosition = next[i] as number;
    context.cue = cue;
    context.number = i + 1;
    context.durationMs = cue.endMs - cue.startMs;
    context.text = measureText(cue.text);
    context.previous = i > 0 ? (cues[i - 1] as Cue) : null;
    context.next = nextPosition >= 0 ? (cues[nextPosition] as Cue) : null;
    context.nextNumber = nextPosition + 1;
    context.flawed = flawed[i] === 1;
    context.nextFlawed = nextPosition >= 0 && flawed[nextPosition] === 1;
    const reader = readerGroups.size > 0 ? readerGroups.get(i) : undefined;
    const target = reader ? [...reader] : problems;
    checkCue(context, target);
    if (reader) problems.push(...target.sort(byCodeRank));
  }
  return problems;
}

/** How many problems of each severity, e.g. for a status bar ("2 errors, 40 warnings"). */
export function countBySeverity(problems: readonly Problem[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0 };
  for (const problem of problems) counts[problem.severity]++;
  return counts;
}

/** How many problems of each code that occurs. */
export function countByCode(problems: readonly Problem[]): Partial<Record<ProblemCode, number>> {
  const counts: Partial<Record<ProblemCode, number>> = {};
  for (const problem of problems) counts[problem.code] = (counts[problem.code] ?? 0) + 1;
  return counts;
}

/** Problems grouped by cue id, in their original order, for per-cue markers; problems with no cue are left out. */
export function problemsByCue(problems: readonly Problem[]): Map<number, Problem[]> {
  const byCue = new Map<number, Problem[]>();
  for (const problem of problems) {
    if (problem.cueId === null) continue;
    const list = byCue.get(problem.cueId);
    if (list) list.push(problem);
    else byCue.set(problem.cueId, [problem]);
  }
  return byCue;
}

/** The worst severity per cue id (error beats warning): what a list row or timeline region colours itself by. */
export function severityByCue(problems: readonly Problem[]): Map<number, Severity> {
  const worst = new Map<number, Severity>();
  for (const problem of problems) {
    if (problem.cueId === null || worst.get(problem.cueId) === 'error') continue;
    worst.set(problem.cueId, problem.severity);
  }
  return worst;
}
