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
    const stays = new Set<number>();
    for (const cue of after) stays.add(cue.id);
    for (const cue of before) {
      // A cue an earlier part already changed or added has its state before the command recorded (or none).
      if (!changes.before.has(cue.id) && !changes.after.has(cue.id)) changes.before.set(cue.id, cue);
      if (!stays.has(cue.id)) changes.after.delete(cue.id);
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

  // Pairing before the edit, of every cue it touches (recorded now if it was still to be found by overlap).
  const partnersBefore = new Map<number, readonly number[]>();
  const partners0 = (cue: Cue): readonly number[] => {
    let known = partnersBefore.get(cue.id);
    if (known === undefined) {
      known = pairs.partnersOf(cue);
      partnersBefore.set(cue.id, known);
    }
    return known;
  };
  for (const cue of moved) partners0(cue);

  // A split: a new cue inside the old span of a cue that shrank. A merge: a removed cue inside the new span of a cue
  // that grew. Other new or removed cues were inserted or deleted by hand: they take no part in the spans.
  const partnersAfter = new Map<number, readonly number[]>();
  const splitBorn = new Set<number>();
  const mergedAway = new Set<number>();
  const pairing: PairingChange[] = [];
  if ((added.length + removed.length) * moved.length <= STRUCTURE_CHECK_LIMIT) {
    for (const cue of added) {
      const from = moved.find((old) => contains(old, cue) && contains(old, after.get(old.id) as Cue));
      if (from === undefined) continue;
      splitBorn.add(cue.id);
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
    const earlier = partnersBefore.get(id) ?? (cue ? pairs.partnersOf(cue) : []);
    return later === undefined ? earlier : [...new Set([...earlier, ...later])];
  };

  // Groups: translation cues and original cues linked by pairing, before or after the edit.
  const seenIds = new Set<number>();
  const seenPositions = new Set<number>();
  const retimed = new Map<number, Cue>();
  const visit = (startId: number) => {
    if (seenIds.has(startId)) return;
    const ids: number[] = [];
    const positions: number[] = [];
    const idQueue = [startId];
    const positionQueue: number[] = [];
    seenIds.add(startId);
    while (idQueue.length > 0 || positionQueue.length > 0) {
      const id = idQueue.pop();
      if (id !== undefined) {
        ids.push(id);
        for (const p of originalsOf(id, timesBefore(id) ?? timesAfter(id))) {
          if (seenPositions.has(p)) continue;
          seenPositions.add(p);
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
    const cues = positions.map((p) => pairs.original[p] as Cue);
    const first = Math.min(...cues.map((c) => c.startMs));
    const last = Math.max(...cues.map((c) => c.endMs));
    positions.forEach((p, k) => {
      const cue = cues[k] as Cue;
      const whole = ds === de;
      let startMs = cue.startMs + (whole || cue.startMs === first ? ds : 0);
      let endMs = cue.endMs + (whole || cue.endMs === last ? de : 0);
      startMs = Math.max(0, startMs);
      endMs = Math.max(startMs, endMs);
      if (startMs !== cue.startMs || endMs !== cue.endMs) retimed.set(p, withFields(cue, { startMs, endMs }));
    });
  };
  for (const cue of moved) visit(cue.id);
  // The whole translation moved by one shift or one linear retiming (shift all, sync all): the original cues no
  // translation is paired with follow the same retiming, so the original stays one piece.
  const whole = moved.length === doc.cues.length ? wholeFileMap(moved, after) : null;
  if (whole !== null) {
    pairs.original.forEach((cue, p) => {
      if (seenPositions.has(p) || [...pairs.translationsOf(p)].some((id) => doc.indexOf(id) >= 0)) return;
      const startMs = Math.max(0, whole(cue.startMs));
      const endMs = Math.max(startMs, whole(cue.endMs));
      if (startMs !== cue.startMs || endMs !== cue.endMs) retimed.set(p, withFields(cue, { startMs, endMs }));
    });
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
function wholeFileMap(moved: readonly Cue[], after: ReadonlyMap<number, Cue>): ((ms: number) => number) | null {
  const points: [number, number][] = [];
  for (const old of moved) {
    const now = after.get(old.id) as Cue;
    points.push([old.startMs, now.startMs], [old.endMs, now.endMs]);
  }
  // Least squares: the moved times are rounded to the millisecond, and the line is used far beyond them.
  let meanFrom = 0;
  let meanTo = 0;
  for (const [from, to] of points) {
    meanFrom += from;
    meanTo += to;
  }
  meanFrom /= points.length;
  meanTo /= points.length;
  let covariance = 0;
  let variance = 0;
  for (const [from, to] of points) {
    covariance += (from - meanFrom) * (to - meanTo);
    variance += (from - meanFrom) ** 2;
  }
  const scale = variance === 0 ? 1 : covariance / variance;
  const offset = meanTo - scale * meanFrom;
  const map = (ms: number) => Math.round(scale * ms + offset);
  return points.every(([from, to]) => Math.abs(map(from) - to) <= 2) ? map : null;
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
