/**
 * Translation mode's pairing of a translation's cues with the cues of its read-only original. When the original is
 * opened, cues are paired by time (largest overlap first, one to one, as a bilingual join does); from then on a pair
 * follows the translation cue's id, so a timing edit (shift, nudge, drag) moves the cue with its original beside it
 * instead of matching it to whatever it now overlaps. Cues the translation gets later (insert, split) are paired
 * with the original cue they overlap most when first asked.
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

export class OriginalPairs {
  private readonly byId = new Map<number, number>();
  /** Original positions sorted by start, for lookups of new cues. */
  private readonly order: number[];

  constructor(
    readonly original: readonly Cue[],
    translation: readonly Cue[],
  ) {
    const partner = pairByTime(translation, original);
    translation.forEach((cue, i) => {
      const p = partner[i] as number;
      if (p >= 0) this.byId.set(cue.id, p);
    });
    this.order = original.map((_, i) => i).sort((a, b) => (original[a] as Cue).startMs - (original[b] as Cue).startMs);
  }

  /** Records that translation cue `id` translates original position `position` (cues added for it). */
  assign(id: number, position: number): void {
    this.byId.set(id, position);
  }

  /** Position in the original of the cue `cue` translates, or -1 when none overlaps it. */
  partnerOf(cue: Cue): number {
    const known = this.byId.get(cue.id);
    if (known !== undefined) return known;
    const found = this.bestOverlap(cue);
    if (found >= 0) this.byId.set(cue.id, found);
    return found;
  }

  /** The original cue of a translation cue, or null. */
  originalOf(cue: Cue): Cue | null {
    const position = this.partnerOf(cue);
    return position < 0 ? null : (this.original[position] ?? null);
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
    for (const cue of translation) {
      const p = this.partnerOf(cue);
      if (p >= 0) covered[p] = 1;
    }
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
