/** Shared plumbing for edit operations: id lookup, scopes, time checks and replace-command building. */
import type { Cue, SubtitleDoc } from '../document';
import { type Command, CompositeCommand, ReplaceCues } from '../history';

/** Which cues a bulk timing edit touches. */
export type CueScope =
  /** Every cue. */
  | 'all'
  /** The given cues (a selection); unknown ids are an error. */
  | { readonly ids: readonly number[] }
  /** Every cue starting at or after this time. */
  | { readonly fromMs: number }
  /** This cue and every cue after it in the document (partial sync). */
  | { readonly fromId: number };

/** Position of the cue with `id`; throws a RangeError naming the id when the document has no such cue. */
export function positionOf(doc: SubtitleDoc, id: number): number {
  const position = doc.indexOf(id);
  if (position < 0) throw new RangeError(`No cue with id ${id}`);
  return position;
}

/** The cue with `id` and its position; throws when there is none. */
export function locate(doc: SubtitleDoc, id: number): { cue: Cue; position: number } {
  const position = positionOf(doc, id);
  return { cue: doc.cues[position] as Cue, position };
}

/** The cue with `id`, or undefined. */
export function findCue(doc: SubtitleDoc, id: number): Cue | undefined {
  const position = doc.indexOf(id);
  return position < 0 ? undefined : doc.cues[position];
}

/** Positions of `ids`, ascending and without duplicates; throws on an unknown id. */
export function positionsOf(doc: SubtitleDoc, ids: readonly number[]): number[] {
  const positions = ids.map((id) => positionOf(doc, id));
  positions.sort((a, b) => a - b);
  let kept = 0;
  for (let i = 0; i < positions.length; i++) {
    if (i === 0 || positions[i] !== positions[i - 1]) positions[kept++] = positions[i] as number;
  }
  positions.length = kept;
  return positions;
}

/** Positions a scope covers, ascending. O(n) for time and position scopes, O(k log k) for k ids. */
export function resolveScope(doc: SubtitleDoc, scope: CueScope = 'all'): Int32Array {
  const { cues } = doc;
  if (scope === 'all') return rangePositions(0, cues.length);
  if ('ids' in scope) return Int32Array.from(positionsOf(doc, scope.ids));
  if ('fromId' in scope) return rangePositions(positionOf(doc, scope.fromId), cues.length);
  const fromMs = checkTime(scope.fromMs, 'fromMs');
  const positions = new Int32Array(cues.length);
  let count = 0;
  for (let i = 0; i < cues.length; i++) if ((cues[i] as Cue).startMs >= fromMs) positions[count++] = i;
  return positions.subarray(0, count);
}

/** A typed array, not number[]: a 232,400-cue range is one allocation the garbage collector need not scan. */
function rangePositions(from: number, to: number): Int32Array {
  const positions = new Int32Array(to - from);
  for (let i = from; i < to; i++) positions[i - from] = i;
  return positions;
}

/** Checks a time given by a caller: a finite number of ms, not negative; fractions are rounded. */
export function checkTime(value: number, name: string): number {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number of ms, got ${value}`);
  const ms = Math.round(value);
  if (ms < 0) throw new RangeError(`${name} must not be negative, got ${value}`);
  return ms;
}

/** Checks a signed duration given by a caller (a shift); fractions are rounded. */
export function checkDelta(value: number, name: string): number {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number of ms, got ${value}`);
  return Math.round(value);
}

/** Collects in-place replacements and turns them into one ReplaceCues (or an empty command when none). */
export class ReplaceBuilder {
  readonly positions: number[] = [];
  readonly before: Cue[] = [];
  readonly after: Cue[] = [];

  /** Records that the cue at `position` becomes `next`; a no-op when `next` is the same object. */
  add(position: number, previous: Cue, next: Cue): void {
    if (next === previous) return;
    this.positions.push(position);
    this.before.push(previous);
    this.after.push(next);
  }

  get count(): number {
    return this.positions.length;
  }

  build(label: string, coalesceKey?: string): Command {
    if (this.positions.length === 0) return emptyCommand(label);
    return new ReplaceCues(label, this.positions, this.before, this.after, coalesceKey);
  }
}

/** A command that changes nothing, for edits that found nothing to do (the caller may skip executing it). */
export function emptyCommand(label: string): Command {
  return new CompositeCommand(label, []);
}

/** Whether a command built by an edit changes nothing (an empty composite or an empty replace). */
export function isNoop(command: Command): boolean {
  if (command instanceof CompositeCommand) return command.isEmpty;
  if (command instanceof ReplaceCues) return command.count === 0;
  return false;
}
