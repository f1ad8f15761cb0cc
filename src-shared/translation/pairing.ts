/**
 * Translation mode's pairing of a translation's cues with the cues of its read-only original. When the original is
 * opened, cues are paired by time (largest overlap first, one to one, as a bilingual join does); from then on a pair
 * follows the translation cue's id, so a timing edit (shift, nudge, drag) moves the cue with its original beside it
 * (and moves the original too: ./follow-timing.ts) instead of matching it to whatever it now overlaps. Cues the
 * translation gets later (insert) are paired with the original cue they overlap most when first asked; the halves of
 * a split share their original, and a merged cue keeps the originals of every cue merged into it.
 */

import { pairByTime } from '../bilingual/join';
import type { Cue, SubtitleDoc } from '../document';

function overlap(a: Pick<Cue, 'startMs' | 'endMs'>, b: Pick<Cue, 'startMs' | 'endMs'>): number {
  return Math.min(a.endMs, b.endMs) - Math.max(a.startMs, b.startMs);
}

/** What the translation is missing, for the list's marks. */
export interface Coverage {
  /** Positions (0-based) in the original of cues no translation cue is paired with, in time order. */
  untranslated: number[];
  /**
   * Untranslated original positions by the id of the translation cue they come after in time (-1: before the
   * first one), so the list can mark the row after which they fall.
   */
  missingAfter: Map<number, number[]>;
}

const EMPTY_IDS: ReadonlySet<number> = new Set();

export class OriginalPairs {
  /** Original positions (in time order) of each translation cue id that has any. */
  private readonly byId = new Map<number, readonly number[]>();
  /** Translation cue ids paired with each original position (ids of cues deleted since may linger: check the doc). */
  private readonly byPosition = new Map<number, Set<number>>();
  /** Original positions sorted by start, for lookups of new cues. */
  private order: number[];

  constructor(
    readonly original: readonly Cue[],
    translation: readonly Cue[],
  ) {
    const partner = pairByTime(translation, original);
    translation.forEach((cue, i) => {
      const p = partner[i] as number;
      if (p >= 0) this.setPartners(cue.id, [p]);
    });
    this.order = [];
    this.reorder();
  }

  /** Sorts the original's positions by start again, after its times changed (a timing edit that moved it). */
  reorder(): void {
    const original = this.original;
    const order = this.order;
    // Most retimings keep the order (a drag within its neighbours, a shift of everything): check before sorting.
    let sorted = order.length === original.length;
    for (let k = 1; sorted && k < order.length; k++)
      sorted = (original[order[k - 1] as number] as Cue).startMs <= (original[order[k] as number] as Cue).startMs;
    if (sorted) return;
    this.order = original.map((_, i) => i).sort((a, b) => (original[a] as Cue).startMs - (original[b] as Cue).startMs);
  }

  /** Records that translation cue `id` translates original position `position` (cues added for it). */
  assign(id: number, position: number): void {
    this.setPartners(id, [position]);
  }

  /** What is recorded for `id` (null: nothing yet, it is paired by overlap when first asked). */
  recorded(id: number): readonly number[] | null {
    return this.byId.get(id) ?? null;
  }

  /** Records (or with null forgets) the original positions of translation cue `id`; undo of an edit uses it too. */
  setPartners(id: number, positions: readonly number[] | null): void {
    for (const p of this.byId.get(id) ?? []) this.byPosition.get(p)?.delete(id);
    if (positions === null || positions.length === 0) {
      this.byId.delete(id);
      return;
    }
    this.byId.set(id, positions);
    for (const p of positions) {
      const ids = this.byPosition.get(p);
      if (ids) ids.add(id);
      else this.byPosition.set(p, new Set([id]));
    }
  }

  /** Positions in the original of the cues `cue` translates (one, or several after a merge); empty when none overlaps it. */
  partnersOf(cue: Cue): readonly number[] {
    const known = this.byId.get(cue.id);
    if (known !== undefined) return known;
    const found = this.bestOverlap(cue);
    if (found < 0) return [];
    const positions = [found];
    this.setPartners(cue.id, positions);
    return positions;
  }

  /** Position in the original of the (first) cue `cue` translates, or -1 when none overlaps it. */
  partnerOf(cue: Cue): number {
    return this.partnersOf(cue)[0] ?? -1;
  }

  /** Ids of the translation cues recorded as translating original position `position` (may include deleted cues). */
  translationsOf(position: number): ReadonlySet<number> {
    return this.byPosition.get(position) ?? EMPTY_IDS;
  }

  /** The original cue of a translation cue (the first, when a merge gave it several), or null. */
  originalOf(cue: Cue): Cue | null {
    const position = this.partnerOf(cue);
    return position < 0 ? null : (this.original[position] ?? null);
  }

  /** Every original cue of a translation cue, in time order. */
  originalsOf(cue: Cue): Cue[] {
    return this.partnersOf(cue).map((p) => this.original[p] as Cue);
  }

  private bestOverlap(cue: Cue): number {
    let best = -1;
    let bestShared = 0;
    // First original cue that could still be running at the cue's start: binary search on starts, then a scan.
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.original[this.order[mid] as number] as Cue).startMs < cue.endMs) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1; k >= 0; k--) {
      const position = this.order[k] as number;
      const other = this.original[position] as Cue;
      const shared = overlap(cue, other);
      if (shared > bestShared) {
        best = position;
        bestShared = shared;
      }
      // Starts go down from here; once a cue starts more than an hour before, stop (no subtitle runs that long).
      if (cue.startMs - other.startMs > 3_600_000) break;
    }
    return best;
  }

  /** Which original cues have no translation, and where they fall between the translation's cues. */
  coverage(translation: readonly Cue[]): Coverage {
    const covered = new Uint8Array(this.original.length);
    for (const cue of translation) for (const p of this.partnersOf(cue)) covered[p] = 1;
    const untranslated = this.order.filter((p) => covered[p] === 0);
    const byStart = [...translation].sort((a, b) => a.startMs - b.startMs);
    const missingAfter = new Map<number, number[]>();
    let k = 0;
    for (const p of untranslated) {
      const start = (this.original[p] as Cue).startMs;
      while (k < byStart.length && (byStart[k] as Cue).startMs <= start) k++;
      const key = k === 0 ? -1 : (byStart[k - 1] as Cue).id;
      const list = missingAfter.get(key);
      if (list) list.push(p);
      else missingAfter.set(key, [p]);
    }
    return { untranslated, missingAfter };
  }
}

/**
 * The translation's cue array with an empty cue added for every untranslated original cue (its times, no text), each
 * placed before the first existing cue that starts later; `added` maps each new cue to its original position.
 */
export function withMissingCues(
  doc: SubtitleDoc,
  pairs: OriginalPairs,
): { cues: Cue[]; added: { cue: Cue; position: number }[] } {
  const { untranslated } = pairs.coverage(doc.cues);
  const added = untranslated.map((position) => {
    const source = pairs.original[position] as Cue;
    return { cue: doc.createCue({ startMs: source.startMs, endMs: source.endMs, text: '' }), position };
  });
  const cues: Cue[] = [];
  let k = 0;
  for (const cue of doc.cues) {
    while (k < added.length && (added[k] as { cue: Cue }).cue.startMs < cue.startMs)
      cues.push((added[k++] as { cue: Cue }).cue);
    cues.push(cue);
  }
  while (k < added.length) cues.push((added[k++] as { cue: Cue }).cue);
  return { cues, added };
}
