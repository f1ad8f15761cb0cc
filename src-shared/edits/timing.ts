/** Bulk timing edits: shift by a delta, two-point (linear) sync and frame-rate conversion. */
import { type Cue, type SubtitleDoc, withFields } from '../document';
import { type Command, RetimeCues, retimeMs } from '../history';
import { type CueScope, checkDelta, emptyCommand, findCue, resolveScope } from './common';

/** What a bulk timing edit did. */
export interface TimingResult {
  command: Command;
  /** Cues whose times change. */
  changedCount: number;
  /** Cues with a time that would have been negative and was clamped to 0. */
  clampedCount: number;
  clampedIds: number[];
}

/**
 * Maps both times of every cue at `positions` by t' = scale * t + offsetMs (retimeMs), rounding to integer ms and
 * clamping at 0. Unchanged cues stay the same objects. O(k) for k positions.
 */
function mapTimes(
  doc: SubtitleDoc,
  positions: ArrayLike<number>,
  scale: number,
  offsetMs: number,
  label: string,
): TimingResult {
  const { cues } = doc;
  // Pre-sized arrays: this loop runs over all 232,400 cues of a big document in one shift.
  const capacity = positions.length;
  const changedAt = new Int32Array(capacity);
  const before = new Array<Cue>(capacity);
  const after = new Array<Cue>(capacity);
  const clampedIds: number[] = [];
  let changed = 0;
  for (let k = 0; k < capacity; k++) {
    const position = positions[k] as number;
    const cue = cues[position] as Cue;
    const rawStart = Math.round(scale * cue.startMs + offsetMs);
    const rawEnd = Math.round(scale * cue.endMs + offsetMs);
    const startMs = retimeMs(cue.startMs, scale, offsetMs);
    const endMs = retimeMs(cue.endMs, scale, offsetMs);
    if (rawStart < 0 || rawEnd < 0) clampedIds.push(cue.id);
    if (startMs === cue.startMs && endMs === cue.endMs) continue;
    changedAt[changed] = position;
    before[changed] = cue;
    after[changed] = withFields(cue, { startMs, endMs });
    changed++;
  }
  if (changed === 0)
    return { command: emptyCommand(label), changedCount: 0, clampedCount: clampedIds.length, clampedIds };
  before.length = changed;
  after.length = changed;
  const command = new RetimeCues(label, changedAt.subarray(0, changed), before, after, scale, offsetMs);
  return { command, changedCount: changed, clampedCount: clampedIds.length, clampedIds };
}

/** Options for `shiftCues`. */
export interface ShiftOptions {
  /** Signed delta in ms (`byMs` is accepted as a synonym). */
  by?: number;
  byMs?: number;
  /** Which cues move; default all. */
  scope?: CueScope;
}

/**
 * Builds a shift of cues by a signed delta. Times that would become negative are clamped to 0
 * and counted, so shifting by +d then -d restores every cue that was never clamped.
 */
export function shiftCues(doc: SubtitleDoc, options: ShiftOptions): TimingResult {
  const byMs = checkDelta(options.by ?? options.byMs ?? Number.NaN, 'by');
  const positions = resolveScope(doc, options.scope);
  const label = `Shift ${positions.length === 1 ? 'cue' : 'cues'} by ${byMs} ms`;
  return mapTimes(doc, positions, 1, byMs, label);
}

/** A reference cue for two-point sync and the start time it should get. */
export interface SyncPoint {
  id: number;
  newStartMs: number;
}

/** Options for `twoPointSync`. */
export interface TwoPointSyncOptions {
  first: SyncPoint;
  second: SyncPoint;
  /** Cues to remap; default all. `{ fromId }` syncs from a cue on (partial sync). */
  scope?: CueScope;
}

/** Two-point sync outcome: the linear map t' = scale * t + offsetMs, or why the input was rejected. */
export type SyncResult =
  | (TimingResult & { ok: true; scale: number; offsetMs: number })
  | { ok: false; error: string; command: null };

/**
 * Builds a two-point sync: the two reference cues' starts move to the given times and every cue
 * in scope follows the same linear map t' = a * t + b (rounded to integer ms, clamped at 0),
 * which corrects both an offset and a drift (e.g. a 25 fps vs 23.976 fps mismatch). Rejects the
 * same cue twice, reference cues starting at the same time, equal or reversed target times.
 */
export function twoPointSync(doc: SubtitleDoc, options: TwoPointSyncOptions): SyncResult {
  const { first, second } = options;
  if (first.id === second.id) return reject('Choose two different reference cues.');
  const firstCue = findCue(doc, first.id);
  const secondCue = findCue(doc, second.id);
  if (firstCue === undefined) return reject(`No cue with id ${first.id}.`);
  if (secondCue === undefined) return reject(`No cue with id ${second.id}.`);
  if (!Number.isFinite(first.newStartMs) || !Number.isFinite(second.newStartMs)) {
    return reject('The new start times must be numbers.');
  }
  const fromA = firstCue.startMs;
  const fromB = secondCue.startMs;
  const toA = first.newStartMs;
  const toB = second.newStartMs;
  if (fromA === fromB) return reject('The two reference cues start at the same time; choose cues further apart.');
  if (toA === toB) return reject('The two new start times are equal; they must differ.');
  const scale = (toB - toA) / (fromB - fromA);
  if (scale <= 0) return reject('The new start times are in the opposite order of the reference cues.');
  const offsetMs = toA - scale * fromA;
  let positions: Int32Array;
  try {
    positions = resolveScope(doc, options.scope);
  } catch (error) {
    return reject((error as Error).message);
  }
  const result = mapTimes(doc, positions, scale, offsetMs, 'Two-point sync');
  return { ...result, ok: true, scale, offsetMs };
}

function reject(error: string): { ok: false; error: string; command: null } {
  return { ok: false, error, command: null };
}

/** Options for `convertFrameRate`. */
export interface FrameRateOptions {
  /** Frame rate the times were made for, e.g. 23.976. */
  fromFps: number;
  /** Frame rate of the video they must fit, e.g. 25. */
  toFps: number;
  scope?: CueScope;
}

/** Frame-rate conversion outcome, or why the rates were rejected. */
export type FrameRateResult =
  | (TimingResult & { ok: true; scale: number })
  | { ok: false; error: string; command: null };

/**
 * Builds a frame-rate conversion: t' = t * fromFps / toFps (23.976 -> 25 shortens every time by
 * about 4 %), rounded to integer ms. Rates are used as given (23.976, not 24000/1001).
 */
export function convertFrameRate(doc: SubtitleDoc, options: FrameRateOptions): FrameRateResult {
  const { fromFps, toFps } = options;
  const valid = (fps: number) => Number.isFinite(fps) && fps > 0;
  if (!valid(fromFps) || !valid(toFps)) return reject('Frame rates must be positive numbers.');
  const scale = fromFps / toFps;
  let positions: Int32Array;
  try {
    positions = resolveScope(doc, options.scope);
  } catch (error) {
    return reject((error as Error).message);
  }
  const result = mapTimes(doc, positions, scale, 0, `Convert ${fromFps} fps to ${toFps} fps`);
  return { ...result, ok: true, scale };
}
