/**
 * The timing post-processor (after Aegisub's): lead-in / lead-out, chaining cues separated by a small
 * gap, the profile's minimum gap and minimum duration, each optional, previewed as a list and applied
 * as one undo step. No step ever makes two cues overlap that did not: every move stops at the
 * neighbour minus the profile's minimum gap.
 */

import { type Cue, type SubtitleDoc, withFields } from '../document';
import { checkTime, ReplaceBuilder } from '../edits/common';
import type { Command } from '../history';
import { type CoreMessage, list, msg } from '../messages';
import type { ValidationProfile } from '../profiles';

/** Which steps run; each is off when absent (or 0 / false). */
export interface PostProcessOptions {
  /** Move starts this much earlier (at most down to the previous cue's end plus the minimum gap). */
  leadInMs?: number;
  /** Move ends this much later (at most up to the next cue's start minus the minimum gap). */
  leadOutMs?: number;
  /** Chain a cue to the next one when the gap between them is under this: end = next start - min gap. */
  chainGapUnderMs?: number;
  /** Widen gaps of more than 0 but less than the profile's minimum gap (or close them when that would make the cue too short). */
  enforceMinGap?: boolean;
  /** Extend cues shorter than the profile's minimum duration (but longer than 0 ms), into free room only. */
  enforceMinDuration?: boolean;
}

/** Why a cue changed. */
export type PostProcessReason = 'lead-in' | 'lead-out' | 'chain' | 'min-gap' | 'min-duration';

/** One cue's change, for the preview list. */
export interface PostProcessChange {
  /** 1-based number of the cue in the file. */
  number: number;
  id: number;
  beforeStartMs: number;
  beforeEndMs: number;
  afterStartMs: number;
  afterEndMs: number;
  reasons: PostProcessReason[];
  /** The reasons, e.g. "lead-in 100 ms; chained to cue 13" (put in words when shown). */
  reason: CoreMessage;
}

/** The preview and the command applying every change as one undo step. */
export interface PostProcessResult {
  changes: PostProcessChange[];
  command: Command;
}

type Profile = Pick<ValidationProfile, 'minGapMs' | 'minDurationMs'>;

/** Working state: times by rank in time order, with notes per rank. */
interface Work {
  order: number[];
  s: number[];
  e: number[];
  notes: Array<Array<[PostProcessReason, CoreMessage]>>;
  numberAt: (rank: number) => number;
}

/**
 * Plans the post-processor over the whole document, in time order (start, then file order):
 * 1. lead-in / lead-out, sharing the free room of a gap (minus the minimum gap) between the two
 *    cues when both want more than there is; 2. chaining; 3. minimum gap; 4. minimum duration.
 * Overlapping cues, cues covered by a longer one, cues of zero length and cues that end before they
 * start are left as they are, and touching cues stay touching. Returns every change in file order.
 */
export function postProcessTiming(doc: SubtitleDoc, profile: Profile, options: PostProcessOptions): PostProcessResult {
  const leadInMs = checkTime(options.leadInMs ?? 0, 'leadInMs');
  const leadOutMs = checkTime(options.leadOutMs ?? 0, 'leadOutMs');
  const chainUnderMs = checkTime(options.chainGapUnderMs ?? 0, 'chainGapUnderMs');
  const minGapMs = Math.max(0, Math.round(profile.minGapMs));
  const minDurationMs = Math.max(0, Math.round(profile.minDurationMs));
  const { cues } = doc;
  const order = Array.from(cues.keys()).sort((a, b) => (cues[a] as Cue).startMs - (cues[b] as Cue).startMs || a - b);
  const work: Work = {
    order,
    s: order.map((p) => (cues[p] as Cue).startMs),
    e: order.map((p) => (cues[p] as Cue).endMs),
    notes: order.map(() => []),
    numberAt: (rank) => (order[rank] as number) + 1,
  };
  if (leadInMs > 0 || leadOutMs > 0) addLeads(work, leadInMs, leadOutMs, minGapMs);
  if (chainUnderMs > 0) chain(work, chainUnderMs, minGapMs, minDurationMs);
  if (options.enforceMinGap && minGapMs > 0) widenGaps(work, minGapMs, minDurationMs);
  if (options.enforceMinDuration && minDurationMs > 0) extendShort(work, minGapMs, minDurationMs);

  const builder = new ReplaceBuilder();
  const changes: PostProcessChange[] = [];
  const byPosition: Array<[number, number]> = order.map((p, rank) => [p, rank]);
  byPosition.sort((a, b) => a[0] - b[0]);
  for (const [position, rank] of byPosition) {
    const cue = cues[position] as Cue;
    const startMs = work.s[rank] as number;
    const endMs = work.e[rank] as number;
    if (startMs === cue.startMs && endMs === cue.endMs) continue;
    builder.add(position, cue, withFields(cue, { startMs, endMs }));
    const notes = work.notes[rank] as Array<[PostProcessReason, CoreMessage]>;
    changes.push({
      number: position + 1,
      id: cue.id,
      beforeStartMs: cue.startMs,
      beforeEndMs: cue.endMs,
      afterStartMs: startMs,
      afterEndMs: endMs,
      reasons: [...new Set(notes.map(([reason]) => reason))],
      reason: msg('validation:postProcess.reasons', {
        notes: list(
          'validation:list.semicolon',
          notes.map(([, text]) => text),
        ),
      }),
    });
  }
  return { changes, command: builder.build('Timing post-processor') };
}

/**
 * Whether the cue at `rank` has the latest end so far (no earlier cue reaches past it) and a length: a
 * cue of zero length (or a reversed one) is left as it is, the validator reports it.
 */
function ownsGapAfter(work: Work, rank: number, latestEndBefore: number): boolean {
  const s = work.s[rank] as number;
  const e = work.e[rank] as number;
  return e > s && e >= latestEndBefore;
}

function note(work: Work, rank: number, reason: PostProcessReason, text: CoreMessage): void {
  (work.notes[rank] as Array<[PostProcessReason, CoreMessage]>).push([reason, text]);
}

function addLeads(work: Work, leadInMs: number, leadOutMs: number, minGapMs: number): void {
  const { s, e } = work;
  const n = s.length;
  if (n === 0) return;
  // Lead-in of the first cue: down to 0.
  if (leadInMs > 0 && (e[0] as number) > (s[0] as number)) {
    const got = Math.min(leadInMs, s[0] as number);
    if (got > 0) {
      s[0] = (s[0] as number) - got;
      note(work, 0, 'lead-in', msg('validation:postProcess.leadIn', { ms: got }));
    }
  }
  let latestEnd = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < n; k++) {
    const owner = ownsGapAfter(work, k, latestEnd);
    const endK = e[k] as number;
    if (k === n - 1) {
      if (owner && leadOutMs > 0) {
        e[k] = endK + leadOutMs;
        note(work, k, 'lead-out', msg('validation:postProcess.leadOut', { ms: leadOutMs }));
      }
      break;
    }
    const gapStart = Math.max(latestEnd, endK);
    const nextStart = s[k + 1] as number;
    const nextValid = (e[k + 1] as number) > nextStart;
    const room = nextStart - gapStart - minGapMs;
    const wantOut = owner ? leadOutMs : 0;
    const wantIn = nextValid ? leadInMs : 0;
    let gotOut = 0;
    let gotIn = 0;
    if (room > 0 && wantOut + wantIn > 0) {
      if (wantOut + wantIn <= room) {
        gotOut = wantOut;
        gotIn = wantIn;
      } else {
        gotOut = Math.floor((room * wantOut) / (wantOut + wantIn));
        gotIn = room - gotOut;
      }
    }
    if (gotOut > 0) {
      e[k] = endK + gotOut;
      note(
        work,
        k,
        'lead-out',
        gotOut < wantOut ? limited(work, 'leadOut', gotOut, k + 1, minGapMs) : msg(`${POST}leadOut`, { ms: gotOut }),
      );
    }
    if (gotIn > 0) {
      s[k + 1] = nextStart - gotIn;
      note(
        work,
        k + 1,
        'lead-in',
        gotIn < wantIn ? limited(work, 'leadIn', gotIn, k, minGapMs) : msg(`${POST}leadIn`, { ms: gotIn }),
      );
    }
    latestEnd = Math.max(latestEnd, e[k] as number);
  }
}

const POST = 'validation:postProcess.';

/** "lead-in 40 ms (stopped at cue 13)" or "lead-out 40 ms (stopped 83 ms from cue 13)". */
function limited(
  work: Work,
  which: 'leadIn' | 'leadOut',
  ms: number,
  neighbourRank: number,
  minGapMs: number,
): CoreMessage {
  const cue = work.numberAt(neighbourRank);
  return minGapMs > 0
    ? msg(`${POST}${which}StoppedGap`, { ms, gap: minGapMs, cue })
    : msg(`${POST}${which}Stopped`, { ms, cue });
}

/** The gap after the cue at rank `k`, for the cue that owns it (see `ownsGapAfter`). */
interface OwnedGap {
  k: number;
  startMs: number;
  endMs: number;
  nextStartMs: number;
  /** nextStartMs - endMs: 0 when the two touch, negative when they overlap. */
  gapMs: number;
}

/**
 * Calls `visit` for every cue, in time order, that owns the gap before the next cue; `visit` may
 * move that cue's end (`work.e[k]`), and the cues after it see the end where it left it.
 */
function eachOwnedGap(work: Work, visit: (gap: OwnedGap) => void): void {
  const { s, e } = work;
  let latestEnd = Number.NEGATIVE_INFINITY;
  for (let k = 0; k + 1 < s.length; k++) {
    if (ownsGapAfter(work, k, latestEnd)) {
      const startMs = s[k] as number;
      const endMs = e[k] as number;
      const nextStartMs = s[k + 1] as number;
      visit({ k, startMs, endMs, nextStartMs, gapMs: nextStartMs - endMs });
    }
    latestEnd = Math.max(latestEnd, e[k] as number);
  }
}

function chain(work: Work, underMs: number, minGapMs: number, minDurationMs: number): void {
  // Touching cues (gap 0) are chained already: touching is allowed, so they stay touching.
  eachOwnedGap(work, ({ k, startMs, endMs, nextStartMs, gapMs }) => {
    if (gapMs <= 0 || gapMs >= underMs || gapMs === minGapMs) return;
    const newEnd = nextStartMs - minGapMs;
    // Shrinking (a gap under the minimum) never makes the cue too short or empty.
    const shrinks = newEnd < endMs;
    const keepsLength = newEnd - startMs >= Math.min(Math.max(minDurationMs, 1), endMs - startMs);
    if (shrinks && !(keepsLength && newEnd > startMs)) return;
    work.e[k] = newEnd;
    const number = work.numberAt(k + 1);
    note(
      work,
      k,
      'chain',
      minGapMs > 0 ? msg(`${POST}chainedGap`, { cue: number, gap: minGapMs }) : msg(`${POST}chained`, { cue: number }),
    );
  });
}

function widenGaps(work: Work, minGapMs: number, minDurationMs: number): void {
  eachOwnedGap(work, ({ k, startMs, nextStartMs, gapMs }) => {
    if (gapMs <= 0 || gapMs >= minGapMs) return;
    const widened = nextStartMs - minGapMs;
    if (widened - startMs >= Math.max(minDurationMs, 1)) {
      work.e[k] = widened;
      note(work, k, 'min-gap', msg(`${POST}widened`, { cue: work.numberAt(k + 1), from: gapMs, to: minGapMs }));
    } else {
      // Trimming would make it too short: touching is allowed, so close the gap instead.
      work.e[k] = nextStartMs;
      note(work, k, 'min-gap', msg(`${POST}closed`, { cue: work.numberAt(k + 1), gap: gapMs }));
    }
  });
}

function extendShort(work: Work, minGapMs: number, minDurationMs: number): void {
  const { s, e } = work;
  const n = s.length;
  let latestEnd = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < n; k++) {
    const owner = ownsGapAfter(work, k, latestEnd);
    const startK = s[k] as number;
    const endK = e[k] as number;
    const length = endK - startK;
    if (owner && length < minDurationMs && startK >= latestEnd) {
      let need = minDurationMs - length;
      const nextStart = k + 1 < n ? (s[k + 1] as number) : Number.POSITIVE_INFINITY;
      const after = Math.max(0, Math.min(need, nextStart - minGapMs - endK));
      need -= after;
      const floor = k === 0 ? 0 : latestEnd + minGapMs;
      const before = Math.max(0, Math.min(need, startK - floor));
      if (after > 0 || before > 0) {
        e[k] = endK + after;
        s[k] = startK - before;
        const reached = (e[k] as number) - (s[k] as number) >= minDurationMs;
        const how: CoreMessage[] = [];
        if (after > 0) how.push(msg(`${POST}endLater`, { ms: after }));
        if (before > 0) how.push(msg(`${POST}startEarlier`, { ms: before }));
        note(
          work,
          k,
          'min-duration',
          reached
            ? msg(`${POST}extended`, { ms: minDurationMs, how: list('validation:list.comma', how) })
            : msg(`${POST}extendedShort`, {
                ms: after + before,
                short: minDurationMs - ((e[k] as number) - (s[k] as number)),
              }),
        );
      }
    }
    latestEnd = Math.max(latestEnd, e[k] as number);
  }
}
