/** Guard rails for hand timing: sentences naming the cues an edit left overlapping, reversed or far too long. */

import type { Cue } from '../document';
import { type CoreMessage, list, msg } from '../messages';
import type { ValidationProfile } from '../profiles';

/** A cue longer than the profile's maximum by more than this is reported. */
export const FAR_TOO_LONG_MS = 10_000;

const W = 'validation:timing.';

/** Seconds with at most one decimal: 7000 -> "7 s", 25_300 -> "25.3 s". */
function seconds(ms: number): CoreMessage {
  const tenths = Math.round(ms / 100) / 10;
  return msg('validation:unit.seconds', { value: Number.isInteger(tenths) ? tenths.toFixed(0) : tenths.toFixed(1) });
}

/** Durations for overlaps: "250 ms", "1.5 s". */
function amount(ms: number): CoreMessage {
  return ms < 1000 ? msg('validation:unit.milliseconds', { value: ms }) : seconds(ms);
}

/** "cue 13", "cues 13 and 14", "cues 13, 14 and 15", "6 cues (13 to 18)". */
function cueList(numbers: readonly number[]): CoreMessage {
  if (numbers.length === 1) return msg(`${W}cue`, { cue: numbers[0] as number });
  const last = numbers[numbers.length - 1] as number;
  if (numbers.length <= 4) {
    const first = list(
      'validation:list.enumeration',
      numbers.slice(0, -1).map((n) => msg('validation:list.item', { item: n })),
    );
    return msg(`${W}cues`, { first, last });
  }
  return msg(`${W}cueRange`, { count: numbers.length, first: numbers[0] as number, last });
}

/** Index over one state of the cue array: positions by id and a time order. */
class CueIndex {
  readonly rankOf = new Map<number, number>();
  /** Positions in time order (start, then position). */
  readonly order: number[];
  private readonly positionOf = new Map<number, number>();

  constructor(
    readonly cues: readonly Cue[],
    wanted: ReadonlySet<number>,
  ) {
    let sorted = true;
    for (let i = 0; i < cues.length; i++) {
      const cue = cues[i] as Cue;
      if (wanted.has(cue.id)) this.positionOf.set(cue.id, i);
      if (i > 0 && cue.startMs < (cues[i - 1] as Cue).startMs) sorted = false;
    }
    this.order = Array.from(cues.keys());
    if (!sorted) this.order.sort((a, b) => (cues[a] as Cue).startMs - (cues[b] as Cue).startMs || a - b);
    if (sorted) {
      for (const [, position] of this.positionOf) this.rankOf.set(position, position);
    } else {
      for (let k = 0; k < this.order.length; k++) this.rankOf.set(this.order[k] as number, k);
    }
  }

  position(id: number): number | undefined {
    return this.positionOf.get(id);
  }

  /** Positions of the cues that `position` overlaps (positive overlap), with the overlap in ms. */
  overlaps(position: number): Map<number, number> {
    const { cues, order } = this;
    const cue = cues[position] as Cue;
    const found = new Map<number, number>();
    const rank = this.rankOf.get(position) as number;
    const overlap = (other: Cue) => Math.min(cue.endMs, other.endMs) - Math.max(cue.startMs, other.startMs);
    // Later cues in time order that start before this one ends.
    for (let k = rank + 1; k < order.length; k++) {
      const other = cues[order[k] as number] as Cue;
      if (other.startMs >= cue.endMs) break;
      const ms = overlap(other);
      if (ms > 0) found.set(order[k] as number, ms);
    }
    // The nearest earlier cues in time order that end after this one starts (a long cue far back is not searched).
    for (let k = rank - 1; k >= 0 && k >= rank - 8; k--) {
      const ms = overlap(cues[order[k] as number] as Cue);
      if (ms > 0) found.set(order[k] as number, ms);
    }
    return found;
  }
}

/**
 * Guard rails after a timing edit: for each changed cue, one sentence per problem the edit created
 * or made worse, naming cues by their 1-based number in `after`: "Cue 12 now overlaps cue 13 by
 * 250 ms", "Cue 12 ends before it starts", "Cue 12 is 25.3 s long, 15.3 s over the profile's
 * maximum of 7 s" (only beyond the maximum by more than 10 s). A problem the cue already had to the
 * same degree in `before` is not repeated. `before`/`after` are the cue arrays before and after the
 * edit (e.g. `doc.cues.slice()` before executing and `doc.cues` after). The edit still happens.
 */
export function timingWarnings(
  before: readonly Cue[],
  after: readonly Cue[],
  changedIds: readonly number[],
  profile: Pick<ValidationProfile, 'maxDurationMs'>,
): CoreMessage[] {
  if (changedIds.length === 0) return [];
  const wanted = new Set(changedIds);
  const old = new CueIndex(before, wanted);
  const now = new CueIndex(after, wanted);
  const warnings: CoreMessage[] = [];
  const seenPairs = new Set<string>();
  for (const id of new Set(changedIds)) {
    const position = now.position(id);
    if (position === undefined) continue;
    const cue = after[position] as Cue;
    const number = position + 1;
    const oldPosition = old.position(id);
    const previous = oldPosition === undefined ? undefined : (before[oldPosition] as Cue);

    if (cue.endMs < cue.startMs && !(previous !== undefined && previous.endMs < previous.startMs)) {
      warnings.push(msg(`${W}negative`, { cue: number }));
    }

    const overlaps = now.overlaps(position);
    if (overlaps.size > 0) {
      const oldOverlaps = oldPosition === undefined ? new Map<number, number>() : old.overlaps(oldPosition);
      const oldById = new Map<number, number>();
      for (const [p, ms] of oldOverlaps) oldById.set((before[p] as Cue).id, ms);
      const fresh: Array<[number, number]> = [];
      for (const [p, ms] of overlaps) {
        const otherId = (after[p] as Cue).id;
        const pair = id < otherId ? `${id}:${otherId}` : `${otherId}:${id}`;
        if (seenPairs.has(pair)) continue;
        seenPairs.add(pair);
        if ((oldById.get(otherId) ?? 0) >= ms) continue;
        fresh.push([p + 1, ms]);
      }
      fresh.sort((a, b) => a[0] - b[0]);
      if (fresh.length === 1) {
        const [other, ms] = fresh[0] as [number, number];
        warnings.push(msg(`${W}overlapsOne`, { cue: number, other, amount: amount(ms) }));
      } else if (fresh.length > 1) {
        warnings.push(msg(`${W}overlapsMany`, { cue: number, cues: cueList(fresh.map(([n]) => n)) }));
      }
    }

    const maxMs = profile.maxDurationMs;
    if (maxMs > 0) {
      const over = cue.endMs - cue.startMs - maxMs;
      const oldOver = previous === undefined ? Number.NEGATIVE_INFINITY : previous.endMs - previous.startMs - maxMs;
      if (over > FAR_TOO_LONG_MS && over > oldOver) {
        warnings.push(
          msg(`${W}farTooLong`, {
            cue: number,
            length: seconds(cue.endMs - cue.startMs),
            over: seconds(over),
            max: seconds(maxMs),
          }),
        );
      }
    }
  }
  return warnings;
}
