/**
 * Translation mode: timing edits move both. A timing edit on the translation (drag, resize, set start/end, shift,
 * sync, snap, nudge, split, merge...) is turned, before it runs, into one command that also retimes the original
 * cues paired with the cues it moved, and records the pairing changes it implies; undo restores both.
 *
 * The rule, per group of cues that belong together (the translation cues and original cues linked by pairing):
 * - the group's translation span is the earliest start and latest end of its translation cues, before and after;
 * - when the span moved as a whole (start and end by the same amount), every original cue of the group moves by it;
 * - otherwise the group's first original cue gets the change of the start, its last one the change of the end
 *   (one original cue, the usual case: start and end follow the translation's start and end).
 * Times are moved by the same amount, not copied, so an original that was timed apart keeps its own offsets; an
 * original never starts before 0 nor ends before it starts. When the whole translation moved by one shift or one
 * linear retiming (shift all, two-point sync of all), the original cues no translation is paired with move by it too.
 *
 * Split: the original is not split; a professional translating splits a long line in two for reading speed, while
 * the original stays the one cue that was spoken. The two halves both pair with it, and since together they span
 * what the cue spanned, the original's times do not change. Merge: the original's cues are not merged either (its
 * text is read-only and its cues stay what the other language's subtitler made); the merged cue pairs with the
 * originals of every cue merged into it (none of them is marked untranslated) and, spanning what they spanned,
 * retimes none. Cues inserted or deleted by hand move no original.
 */
import { type Cue, type SubtitleDoc, withFields } from '../document';
import { type Command, CompositeCommand, ReplaceAll, ReplaceCues, SetRenumbered, SpliceCues } from '../history';
import type { OriginalPairs } from './pairing';

/** The original cues a timing edit of the translation moves: positions with their cues before and after. */
export interface OriginalRetime {
  positions: number[];
  before: Cue[];
  after: Cue[];
}

/** A pairing recorded anew by the edit: the positions of translation cue `id` before and after (null: none recorded). */
export interface PairingChange {
  id: number;
  before: readonly number[] | null;
  after: readonly number[] | null;
}

/** What a translation edit does to the original beside it. */
export interface OriginalFollow {
  retime: OriginalRetime;
  pairing: PairingChange[];
}

interface Span {
  startMs: number;
  endMs: number;
}

/** The cues a command replaces: each id's cue before it ran and after (absent: the cue did not exist then). */
interface CueChanges {
  before: Map<number, Cue>;
  after: Map<number, Cue>;
}

/** Reads the cues a command built from history primitives changes; null for a command it cannot see into. */
function changesOf(command: Command): CueChanges | null {
  const changes: CueChanges = { before: new Map(), after: new Map() };
  const part = (before: readonly Cue[], after: readonly Cue[]): void => {
    // In place (the usual timing edit: the same ids at the same places) no cue goes away.
    let inPlace = before.length === after.length;
    for (let i = 0; inPlace && i < before.length; i++) inPlace = (before[i] as Cue).id === (after[i] as Cue).id;
    const stays = inPlace ? null : new Set(after.map((c) => c.id));
    for (const cue of before) {
      // A cue an earlier part already changed or added has its state before the command recorded (or none).
      if (!changes.before.has(cue.id) && !changes.after.has(cue.id)) changes.before.set(cue.id, cue);
      if (stays !== null && !stays.has(cue.id)) changes.after.delete(cue.id);
    }
    for (const cue of after) changes.after.set(cue.id, cue);
  };
  const walk = (c: Command): boolean => {
    if (c instanceof ReplaceCues) part(c.before, c.after);
    else if (c instanceof SpliceCues) part(c.removed, c.inserted);
    else if (c instanceof ReplaceAll) part(c.before, c.after);
    else if (c instanceof CompositeCommand) return c.parts.every(walk);
    else if (!(c instanceof SetRenumbered)) return false;
    return true;
  };
  return walk(command) ? changes : null;
}

const contains = (outer: Span, inner: Span) => outer.startMs <= inner.startMs && inner.endMs <= outer.endMs;
const overlaps = (a: Span, b: Span) => Math.min(a.endMs, b.endMs) > Math.max(a.startMs, b.startMs);

/** At most this many (new or removed cues) × (moved cues) are compared to tell a split or merge from an insert or delete. */
const STRUCTURE_CHECK_LIMIT = 1_000_000;

/**
 * What `command`, about to run on the translation `doc` (still as before it), does to the original: the original
 * cues to retime and the pairings to record. Null when it moves no translation cue (typing, insert, delete, sort).
 */
export function planOriginalFollow(command: Command, doc: SubtitleDoc, pairs: OriginalPairs): OriginalFollow | null {
  const changes = changesOf(command);
  if (changes === null) return null;
  const { before, after } = changes;
  const moved: Cue[] = [];
  const removed: Cue[] = [];
  const added: Cue[] = [];
  for (const [id, old] of before) {
    const now = after.get(id);
    if (now === undefined) removed.push(old);
    else if (now.startMs !== old.startMs || now.endMs !== old.endMs) moved.push(old);
  }
  if (moved.length === 0) return null;
  for (const [id, cue] of after) if (!before.has(id)) added.push(cue);
  const addedIds = new Set(added.map((c) => c.id));

  // Pairing before the edit, of a cue as it was (recorded now if it was still to be found by overlap): the pairs
  // change only after the command ran, so they still tell the state before it.
  const partners0 = (cue: Cue): readonly number[] => pairs.partnersOf(cue);

  // A split: a new cue inside the old span of a cue that shrank. A merge: a removed cue inside the new span of a cue
  // that grew. Other new or removed cues were inserted or deleted by hand: they take no part in the spans.
  const partnersAfter = new Map<number, readonly number[]>();
  const splitBorn = new Set<number>();
  const mergedAway = new Set<number>();
  /** The cues split off a moved cue, or merged into it: they belong to its group whatever their pairing. */
  const related = new Map<number, number[]>();
  const relate = (id: number, other: number) => {
    const list = related.get(id);
    if (list) list.push(other);
    else related.set(id, [other]);
  };
  const pairing: PairingChange[] = [];
  if ((added.length + removed.length) * moved.length <= STRUCTURE_CHECK_LIMIT) {
    for (const cue of added) {
      const from = moved.find((old) => contains(old, cue) && contains(old, after.get(old.id) as Cue));
      if (from === undefined) continue;
      splitBorn.add(cue.id);
      relate(from.id, cue.id);
      const own = partners0(from);
      const mine = own.filter((p) => overlaps(pairs.original[p] as Cue, cue));
      partnersAfter.set(cue.id, mine.length > 0 ? mine : own);
      const theirs = own.filter((p) => overlaps(pairs.original[p] as Cue, after.get(from.id) as Cue));
      if (theirs.length > 0 && theirs.length < own.length) partnersAfter.set(from.id, theirs);
    }
    for (const cue of removed) {
      const into = moved.find((old) => {
        const now = after.get(old.id) as Cue;
        return contains(now, cue) && contains(now, old);
      });
      if (into === undefined) continue;
      mergedAway.add(cue.id);
      relate(into.id, cue.id);
      const union = new Set([...(partnersAfter.get(into.id) ?? partners0(into)), ...partners0(cue)]);
      partnersAfter.set(
        into.id,
        [...union].sort((a, b) => (pairs.original[a] as Cue).startMs - (pairs.original[b] as Cue).startMs || a - b),
      );
    }
  }
  for (const [id, positions] of partnersAfter) {
    const was = pairs.recorded(id);
    if (!samePositions(was, positions)) pairing.push({ id, before: was, after: positions });
  }

  // Cues as they are before and after the edit, for the spans: only the cues that exist at that moment and count.
  const timesBefore = (id: number): Cue | null => {
    if (addedIds.has(id) || (before.has(id) && after.get(id) === undefined && !mergedAway.has(id))) return null;
    const old = before.get(id);
    if (old !== undefined) return old;
    const position = doc.indexOf(id);
    return position < 0 ? null : (doc.cues[position] as Cue);
  };
  const timesAfter = (id: number): Cue | null => {
    const now = after.get(id);
    if (now !== undefined) return before.has(id) || splitBorn.has(id) ? now : null;
    if (before.has(id)) return null;
    const position = doc.indexOf(id);
    return position < 0 ? null : (doc.cues[position] as Cue);
  };
  const originalsOf = (id: number, cue: Cue | null): readonly number[] => {
    const later = partnersAfter.get(id);
    const earlier = cue ? pairs.partnersOf(cue) : [];
    return later === undefined ? earlier : [...new Set([...earlier, ...later])];
  };

  // Groups: translation cues and original cues linked by pairing, before or after the edit.
  const seenIds = new Set<number>();
  const seenPositions = new Uint8Array(pairs.original.length);
  const retimed = new Map<number, Cue>();
  const retime = (p: number, ds: number, de: number, whole: boolean, first: number, last: number) => {
    const cue = pairs.original[p] as Cue;
    let startMs = cue.startMs + (whole || cue.startMs === first ? ds : 0);
    let endMs = cue.endMs + (whole || cue.endMs === last ? de : 0);
    startMs = Math.max(0, startMs);
    endMs = Math.max(startMs, endMs);
    if (startMs !== cue.startMs || endMs !== cue.endMs) retimed.set(p, withFields(cue, { startMs, endMs }));
  };
  const visit = (old: Cue) => {
    const startId = old.id;
    if (seenIds.has(startId)) return;
    // The usual group, one translation cue and its one original, without the search (a shift of 232,400 cues).
    const own = pairs.partnersOf(old);
    if (own.length === 1 && pairing.length === 0 && related.size === 0) {
      const p = own[0] as number;
      const linked = pairs.translationsOf(p);
      if (seenPositions[p] !== 1 && linked.size === 1 && linked.has(startId)) {
        // Its original has no other translation cue, so no other group reaches this cue: no need to mark it seen.
        seenPositions[p] = 1;
        const now = after.get(startId) as Cue;
        const ds = now.startMs - old.startMs;
        const de = now.endMs - old.endMs;
        const cue = pairs.original[p] as Cue;
        retime(p, ds, de, true, cue.startMs, cue.endMs);
        return;
      }
    }
    const ids: number[] = [];
    const positions: number[] = [];
    const idQueue = [startId];
    const positionQueue: number[] = [];
    seenIds.add(startId);
    while (idQueue.length > 0 || positionQueue.length > 0) {
      const id = idQueue.pop();
      if (id !== undefined) {
        ids.push(id);
        for (const other of related.get(id) ?? []) {
          if (seenIds.has(other)) continue;
          seenIds.add(other);
          idQueue.push(other);
        }
        for (const p of originalsOf(id, timesBefore(id) ?? timesAfter(id))) {
          if (seenPositions[p] === 1) continue;
          seenPositions[p] = 1;
          positionQueue.push(p);
        }
        continue;
      }
      const p = positionQueue.pop() as number;
      positions.push(p);
      const linked = [...pairs.translationsOf(p)];
      for (const change of pairing) if (change.after?.includes(p)) linked.push(change.id);
      for (const other of linked) {
        if (seenIds.has(other)) continue;
        seenIds.add(other);
        idQueue.push(other);
      }
    }
    if (positions.length === 0) return;
    const spanBefore = spanOf(ids.map(timesBefore));
    const spanAfter = spanOf(ids.map(timesAfter));
    if (spanBefore === null || spanAfter === null) return;
    const ds = spanAfter.startMs - spanBefore.startMs;
    const de = spanAfter.endMs - spanBefore.endMs;
    if (ds === 0 && de === 0) return;
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const p of positions) {
      first = Math.min(first, (pairs.original[p] as Cue).startMs);
      last = Math.max(last, (pairs.original[p] as Cue).endMs);
    }
    for (const p of positions) retime(p, ds, de, ds === de, first, last);
  };
  for (const cue of moved) visit(cue);
  // The whole translation moved by one shift or one linear retiming (shift all, sync all): the original cues no
  // translation is paired with follow the same retiming, so the original stays one piece.
  // (Two cues at least: one cue resized would fit a line through its two times and scale the whole original.)
  const whole = moved.length >= 2 && moved.length === doc.cues.length ? wholeFileMap(moved, after) : null;
  if (whole !== null) {
    const { original } = pairs;
    for (let p = 0; p < original.length; p++) {
      if (seenPositions[p] === 1 || translatedNow(pairs, doc, p)) continue;
      const cue = original[p] as Cue;
      const startMs = Math.max(0, whole(cue.startMs));
      const endMs = Math.max(startMs, whole(cue.endMs));
      if (startMs !== cue.startMs || endMs !== cue.endMs) retimed.set(p, withFields(cue, { startMs, endMs }));
    }
  }

  const positions = [...retimed.keys()].sort((a, b) => a - b);
  if (positions.length === 0 && pairing.length === 0) return null;
  return {
    retime: {
      positions,
      before: positions.map((p) => pairs.original[p] as Cue),
      after: positions.map((p) => retimed.get(p) as Cue),
    },
    pairing,
  };
}

/**
 * The map t → scale·t + offset that took every moved cue's start and end where it is now (to 2 ms), or
 * null when no single one did (cues moved apart, or some were stopped at 0).
 */
function translatedNow(pairs: OriginalPairs, doc: SubtitleDoc, position: number): boolean {
  for (const id of pairs.translationsOf(position)) if (doc.indexOf(id) >= 0) return true;
  return false;
}

function wholeFileMap(moved: readonly Cue[], after: ReadonlyMap<number, Cue>): ((ms: number) => number) | null {
  const from = new Float64Array(moved.length * 2);
  const to = new Float64Array(moved.length * 2);
  moved.forEach((old, k) => {
    const now = after.get(old.id) as Cue;
    from[2 * k] = old.startMs;
    to[2 * k] = now.startMs;
    from[2 * k + 1] = old.endMs;
    to[2 * k + 1] = now.endMs;
  });
  // Least squares: the moved times are rounded to the millisecond, and the line is used far beyond them.
  const n = from.length;
  let meanFrom = 0;
  let meanTo = 0;
  for (let i = 0; i < n; i++) {
    meanFrom += from[i] as number;
    meanTo += to[i] as number;
  }
  meanFrom /= n;
  meanTo /= n;
  let covariance = 0;
  let variance = 0;
  for (let i = 0; i < n; i++) {
    covariance += ((from[i] as number) - meanFrom) * ((to[i] as number) - meanTo);
    variance += ((from[i] as number) - meanFrom) ** 2;
  }
  const scale = variance === 0 ? 1 : covariance / variance;
  const offset = meanTo - scale * meanFrom;
  const map = (ms: number) => Math.round(scale * ms + offset);
  for (let i = 0; i < n; i++) if (Math.abs(map(from[i] as number) - (to[i] as number)) > 2) return null;
  return map;
}

function spanOf(cues: readonly (Cue | null)[]): Span | null {
  let startMs = Number.POSITIVE_INFINITY;
  let endMs = Number.NEGATIVE_INFINITY;
  for (const cue of cues) {
    if (cue === null) continue;
    startMs = Math.min(startMs, cue.startMs);
    endMs = Math.max(endMs, cue.endMs);
  }
  return startMs === Number.POSITIVE_INFINITY ? null : { startMs, endMs };
}

function samePositions(a: readonly number[] | null, b: readonly number[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((p, i) => p === b[i]);
}

/**
 * A translation edit with what it does to the original, as one undo step: the translation's own command is its only
 * part (so the recovery journal, which records the translation, sees just that), the original's times and the
 * pairings are changed after it and restored before it is reverted.
 */
export class WithOriginal extends CompositeCommand {
  private readonly retime: ReplaceCues;

  constructor(
    readonly inner: Command,
    readonly follow: OriginalFollow,
    private readonly originalDoc: SubtitleDoc,
    private readonly pairs: OriginalPairs,
  ) {
    super(inner.label, [inner]);
    const { positions, before, after } = follow.retime;
    this.retime = new ReplaceCues(inner.label, positions, before, after);
  }

  override get size(): number {
    return super.size + this.retime.size + this.follow.pairing.length;
  }

  override apply(doc: SubtitleDoc): void {
    super.apply(doc);
    for (const change of this.follow.pairing) this.pairs.setPartners(change.id, change.after);
    if (this.retime.count > 0) {
      this.retime.apply(this.originalDoc);
      this.pairs.reorder();
    }
  }

  override revert(doc: SubtitleDoc): void {
    if (this.retime.count > 0) {
      this.retime.revert(this.originalDoc);
      this.pairs.reorder();
    }
    for (const change of this.follow.pairing) this.pairs.setPartners(change.id, change.before);
    super.revert(doc);
  }
}

/** `command` as it must run on the translation `doc` beside `original`: with the original's times and pairings. */
export function followingOriginal(
  command: Command,
  doc: SubtitleDoc,
  original: { doc: SubtitleDoc; pairs: OriginalPairs },
): Command {
  const follow = planOriginalFollow(command, doc, original.pairs);
  return follow === null ? command : new WithOriginal(command, follow, original.doc, original.pairs);
}
