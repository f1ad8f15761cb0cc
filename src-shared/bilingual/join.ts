/**
 * Join two documents of the same timing (e.g. a Chinese and an English file) into one bilingual document: cues are
 * paired by time overlap, not by position, so a file with one cue more or less still lines up. A pair becomes one
 * cue with the upper document's lines over the lower's, at the upper cue's times; a cue without a partner is kept
 * as it is and reported.
 */
import { type Cue, SubtitleDoc } from '../document';

/** Two cues are partners when they overlap by at least this share of the shorter one. */
export const MIN_OVERLAP_SHARE = 0.5;

export interface JoinedPair {
  upperId: number;
  lowerId: number;
  /** Largest difference between the two cues' starts or ends, in ms (0 when the timing is the same). */
  timeDifferenceMs: number;
}

/** A cue that found no partner; it is kept in the result with its own text and times. */
export interface UnmatchedCue {
  side: 'upper' | 'lower';
  cueId: number;
  /** 1-based position in its own document. */
  position: number;
  startMs: number;
  endMs: number;
  text: string;
}

export interface JoinResult {
  doc: SubtitleDoc;
  pairs: JoinedPair[];
  unmatched: UnmatchedCue[];
}

function overlap(a: Cue, b: Cue): number {
  return Math.min(a.endMs, b.endMs) - Math.max(a.startMs, b.startMs);
}

function isPartner(a: Cue, b: Cue): boolean {
  const shared = overlap(a, b);
  if (shared <= 0) return a.startMs === b.startMs && a.endMs === b.endMs;
  const shorter = Math.min(a.endMs - a.startMs, b.endMs - b.startMs);
  return shared >= shorter * MIN_OVERLAP_SHARE;
}

/** Indexes of `cues` sorted by start, then end, then position. */
function byStart(cues: readonly Cue[]): number[] {
  return cues
    .map((_, i) => i)
    .sort((x, y) => {
      const a = cues[x] as Cue;
      const b = cues[y] as Cue;
      return a.startMs - b.startMs || a.endMs - b.endMs || x - y;
    });
}

/**
 * Pairs cues of `upper` with cues of `lower` by time: every overlapping pair is a candidate; the largest overlaps
 * are taken first and each cue has at most one partner. Returns lower position by upper position (-1: none).
 */
export function pairByTime(upper: readonly Cue[], lower: readonly Cue[]): Int32Array {
  const order = byStart(lower);
  const candidates: { u: number; l: number; shared: number }[] = [];
  let from = 0;
  for (const u of byStart(upper)) {
    const cue = upper[u] as Cue;
    // Upper cues come by start, so a lower cue that ends before this one starts overlaps none of the rest.
    while (from < order.length && (lower[order[from] as number] as Cue).endMs < cue.startMs) from++;
    for (let k = from; k < order.length; k++) {
      const other = lower[order[k] as number] as Cue;
      if (other.startMs > cue.endMs) break;
      if (isPartner(cue, other)) candidates.push({ u, l: order[k] as number, shared: overlap(cue, other) });
    }
  }
  candidates.sort((a, b) => b.shared - a.shared || a.u - b.u || a.l - b.l);
  const partnerOfUpper = new Int32Array(upper.length).fill(-1);
  const taken = new Uint8Array(lower.length);
  for (const { u, l } of candidates) {
    if (partnerOfUpper[u] !== -1 || taken[l] === 1) continue;
    partnerOfUpper[u] = l;
    taken[l] = 1;
  }
  return partnerOfUpper;
}

/** Joins `upper` over `lower`; neither is changed. */
export function joinBilingual(upper: SubtitleDoc, lower: SubtitleDoc): JoinResult {
  const partner = pairByTime(upper.cues, lower.cues);
  const result = new SubtitleDoc([], upper.format);
  const placed: { cue: Cue; startMs: number; endMs: number; order: number }[] = [];
  const pairs: JoinedPair[] = [];
  const unmatched: UnmatchedCue[] = [];
  const lowerTaken = new Uint8Array(lower.cues.length);
  upper.cues.forEach((cue, u) => {
    const l = partner[u] as number;
    if (l < 0) {
      unmatched.push(unmatchedOf('upper', cue, u));
      placed.push({ cue, startMs: cue.startMs, endMs: cue.endMs, order: u });
      return;
    }
    const other = lower.cues[l] as Cue;
    lowerTaken[l] = 1;
    pairs.push({
      upperId: cue.id,
      lowerId: other.id,
      timeDifferenceMs: Math.max(Math.abs(cue.startMs - other.startMs), Math.abs(cue.endMs - other.endMs)),
    });
    const text = `${cue.text}\n${other.text}`;
    placed.push({ cue: { ...cue, text }, startMs: cue.startMs, endMs: cue.endMs, order: u });
  });
  lower.cues.forEach((cue, l) => {
    if (lowerTaken[l] === 1) return;
    unmatched.push(unmatchedOf('lower', cue, l));
    placed.push({ cue, startMs: cue.startMs, endMs: cue.endMs, order: upper.cues.length + l });
  });
  placed.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs || a.order - b.order);
  result.cues = placed.map(({ cue }) =>
    result.createCue({ startMs: cue.startMs, endMs: cue.endMs, text: cue.text, settings: cue.settings }),
  );
  unmatched.sort((a, b) => a.startMs - b.startMs || (a.side === b.side ? 0 : a.side === 'upper' ? -1 : 1));
  return { doc: result, pairs, unmatched };
}

function unmatchedOf(side: 'upper' | 'lower', cue: Cue, index: number): UnmatchedCue {
  return { side, cueId: cue.id, position: index + 1, startMs: cue.startMs, endMs: cue.endMs, text: cue.text };
}
