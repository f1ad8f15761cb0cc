/**
 * Live validation for the editor: the core `validate` on open and after structural edits, and an
 * incremental pass for in-place edits of a few cues (typing, a drag, a time typed in), which re-checks
 * only those cues and their neighbours. On a 232,400-cue document a full pass costs ~50 ms, an
 * incremental one a few microseconds, so typing never waits for validation.
 */
import type { Cue, SubtitleDoc } from '../../src-shared/document';
import type { Problem, ReadProblem, Severity } from '../../src-shared/problems';
import type { ValidationProfile } from '../../src-shared/profiles';
import { measureText } from '../../src-shared/text-metrics';
import {
  byCodeRank,
  checkCue,
  isFlawed,
  type MutableContext,
  readProblemStillApplies,
  toProblem,
  validate,
} from '../../src-shared/validate';

/** Whether cue a comes before (or with) cue b in the validator's time order (start, then end). */
function inOrder(a: Cue, b: Cue): boolean {
  return a.startMs < b.startMs || (a.startMs === b.startMs && a.endMs <= b.endMs);
}

export class LiveValidation {
  /** Problems in the validator's order: by cue position (text before the first cue first), then code. */
  problems: Problem[] = [];
  /**
   * The same problems split by severity, each in the same order, kept up to date by incremental passes: the
   * problems panel lists errors first without re-sorting or copying tens of thousands of problems per keystroke.
   */
  bySeverity: Record<Severity, Problem[]> = { error: [], warning: [] };
  byCue = new Map<number, Problem[]>();
  severity = new Map<number, Severity>();
  counts: Record<Severity, number> = { error: 0, warning: 0 };
  /** Bumped on every change of the results. */
  version = 0;
  /** Whether the document was in time order at the last full pass (incremental passes need it). */
  private sorted = false;
  private readonly readByCue = new Map<number, ReadProblem[]>();

  constructor(
    private readonly doc: SubtitleDoc,
    private profile: ValidationProfile,
    private readonly readProblems: readonly ReadProblem[],
  ) {
    for (const problem of readProblems) {
      if (problem.cueId === null) continue;
      const list = this.readByCue.get(problem.cueId);
      if (list) list.push(problem);
      else this.readByCue.set(problem.cueId, [problem]);
    }
    this.full();
  }

  setProfile(profile: ValidationProfile): void {
    this.profile = profile;
    this.full();
  }

  /** Re-validates the whole document. */
  full(): void {
    const { doc } = this;
    this.problems = validate(doc, this.profile, this.readProblems);
    this.sorted = true;
    for (let i = 1; i < doc.cues.length && this.sorted; i++) {
      if (!inOrder(doc.cues[i - 1] as Cue, doc.cues[i] as Cue)) this.sorted = false;
    }
    this.byCue = new Map();
    this.severity = new Map();
    this.counts = { error: 0, warning: 0 };
    this.bySeverity = { error: [], warning: [] };
    for (const problem of this.problems) {
      this.index(problem);
      this.bySeverity[problem.severity].push(problem);
    }
    this.version++;
  }

  /**
   * Re-validates after the cues with these ids were replaced in place (same positions). Returns false,
   * changing nothing, when only a full pass can be right (unsorted document, a cue moved past a neighbour).
   */
  update(ids: readonly number[]): boolean {
    const { doc } = this;
    if (!this.sorted || ids.length > 64) return false;
    const cues = doc.cues;
    const affected = new Set<number>();
    for (const id of ids) {
      const p = doc.indexOf(id);
      if (p < 0) return false;
      const cue = cues[p] as Cue;
      if (p > 0 && !inOrder(cues[p - 1] as Cue, cue)) return false;
      if (p + 1 < cues.length && !inOrder(cue, cues[p + 1] as Cue)) return false;
      for (let q = p - 1; q <= p + 1; q++) if (q >= 0 && q < cues.length) affected.add(q);
    }
    for (const position of [...affected].sort((a, b) => a - b)) this.replaceAt(position);
    this.version++;
    return true;
  }

  /** The problems of the cue at `position`, computed exactly as `validate` would for a sorted document. */
  private check(position: number): Problem[] {
    const cues = this.doc.cues;
    const cue = cues[position] as Cue;
    const next = position + 1 < cues.length ? (cues[position + 1] as Cue) : null;
    const context: MutableContext = {
      cue,
      number: position + 1,
      durationMs: cue.endMs - cue.startMs,
      text: measureText(cue.text),
      previous: position > 0 ? (cues[position - 1] as Cue) : null,
      next,
      nextNumber: next === null ? 0 : position + 2,
      // Incremental passes run on sorted documents only, where a cue's file predecessor is its time predecessor.
      flawed: isFlawed(cue, position > 0 ? (cues[position - 1] as Cue) : null),
      nextFlawed: next !== null && isFlawed(next, cue),
      profile: this.profile,
    };
    const out: Problem[] = [];
    const reader = this.readByCue.get(cue.id);
    if (reader) {
      const still = reader
        .filter((p) => readProblemStillApplies(this.doc, p, position))
        .sort((a, b) => a.line - b.line);
      for (const p of still) out.push(toProblem(p));
    }
    checkCue(context, out);
    if (reader) out.sort(byCodeRank);
    return out;
  }

  private replaceAt(position: number): void {
    const cue = this.doc.cues[position] as Cue;
    const fresh = this.check(position);
    const [from, to] = this.rangeOf(this.problems, position);
    for (let i = from; i < to; i++) this.unindex(this.problems[i] as Problem);
    this.problems.splice(from, to - from, ...fresh);
    for (const severity of ['error', 'warning'] as const) {
      const list = this.bySeverity[severity];
      const [start, end] = this.rangeOf(list, position);
      list.splice(start, end - start, ...fresh.filter((problem) => problem.severity === severity));
    }
    this.byCue.delete(cue.id);
    this.severity.delete(cue.id);
    for (const problem of fresh) this.index(problem);
  }

  /** [from, to) of the problems of the cue at `position` in `problems` (binary search: ordered by position). */
  private rangeOf(problems: readonly Problem[], position: number): [number, number] {
    const { doc } = this;
    const positionOf = (i: number) => {
      const id = (problems[i] as Problem).cueId;
      return id === null ? -1 : doc.indexOf(id);
    };
    let lo = 0;
    let hi = problems.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (positionOf(mid) < position) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < problems.length && positionOf(end) === position) end++;
    return [lo, end];
  }

  private index(problem: Problem): void {
    this.counts[problem.severity]++;
    if (problem.cueId === null) return;
    const list = this.byCue.get(problem.cueId);
    if (list) list.push(problem);
    else this.byCue.set(problem.cueId, [problem]);
    if (this.severity.get(problem.cueId) !== 'error') this.severity.set(problem.cueId, problem.severity);
  }

  private unindex(problem: Problem): void {
    this.counts[problem.severity]--;
  }
}
