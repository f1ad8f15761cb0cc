/**
 * Hand-timing actions on the focused cue (or the selection): nudge an edge, set the end and go to the next cue,
 * set the start and shift the rest, go to a time. Every timing edit is one undo step, and afterwards the status
 * bar says in words what is now wrong with the cues it touched (too long, negative, overlapping), naming them.
 */
import type { Cue } from '../../src-shared/document';
import { setTimes } from '../../src-shared/edits';
import { frameStepMs, type GoToTarget } from '../../src-shared/goto-time';
import { sayIn } from '../../src-shared/messages';
import { formatSrtTime } from '../../src-shared/time';
import { nudgeTimes, setStartAndShiftLater } from '../../src-shared/timing/edits';
import { t } from '../i18n';
import { focusedCue, selectedIds } from '../store/edit-actions';
import type { EditorStore } from '../store/editor-store';
import { withTimingReport } from './timing-report';

/** Which edge a nudge moves. */
export type Edge = 'start' | 'end';

/** How far "play before / after / first / last" plays. */
export const PREVIEW_MS = 500;

/** 1-based number of a cue in the list. */
function numberOf(store: EditorStore, id: number): number {
  return (store.doc?.indexOf(id) ?? -1) + 1;
}

/** "Start of cue 3 +100 ms", "End of 4 cues −10 ms". */
function describeNudge(store: EditorStore, edge: Edge, ids: readonly number[], delta: string): string {
  const which = edge === 'start' ? 'Start' : 'End';
  return ids.length === 1
    ? t(`ui:messages.nudge${which}`, { number: numberOf(store, ids[0] as number), delta })
    : t(`ui:messages.nudge${which}Cues`, { count: ids.length, delta });
}

/** A signed amount of milliseconds, with a true minus sign: +100, −100. */
const signed = (ms: number) => `${ms > 0 ? '+' : '−'}${Math.abs(ms)}`;

/** Moves an edge of the selected cues by `deltaMs`. */
export function nudge(store: EditorStore, edge: Edge, deltaMs: number): boolean {
  const doc = store.doc;
  const ids = selectedIds(store);
  if (!doc || ids.length === 0 || deltaMs === 0) return false;
  const result = nudgeTimes(doc, ids, edge, deltaMs);
  const done = describeNudge(store, edge, ids, signed(deltaMs));
  return withTimingReport(
    store,
    result.changedIds,
    () => store.execute(result.command, { changed: result.changedIds, timing: true }),
    result.clampMessage ? t('ui:messages.withNote', { done, note: sayIn(t, result.clampMessage) }) : done,
  );
}

/** Moves an edge of the selected cues to the next / previous video frame of the focused cue's edge. */
export function nudgeFrame(store: EditorStore, edge: Edge, direction: 1 | -1): boolean {
  const fps = store.getState().media?.video?.fps ?? 0;
  const cue = focusedCue(store);
  if (!cue || !(fps > 0)) return false;
  const from = edge === 'start' ? cue.startMs : cue.endMs;
  return nudge(store, edge, frameStepMs(from, fps, direction) - from);
}

/**
 * Sets the focused cue's end at the playhead and selects the next cue in time (the playhead then follows the
 * selection to its start, unless playing). At the last cue it only sets the end.
 */
export function setEndAndNext(store: EditorStore): boolean {
  const doc = store.doc;
  const cue = focusedCue(store);
  if (!doc || !cue) return false;
  const endMs = Math.round(store.getState().playheadMs);
  const index = store.timeIndex();
  const rank = index.rankOf(doc.indexOf(cue.id));
  const nextPosition = rank >= 0 && rank + 1 < index.length ? index.positionAt(rank + 1) : -1;
  const next = nextPosition >= 0 ? (doc.cues[nextPosition] as Cue) : null;
  if (endMs !== cue.endMs) {
    withTimingReport(
      store,
      [cue.id],
      () => store.execute(setTimes(doc, cue.id, { endMs }), { changed: [cue.id], timing: true }),
      t('ui:messages.endAt', { number: numberOf(store, cue.id), time: formatSrtTime(endMs) }),
    );
  }
  if (next) store.select(next.id, 'replace', true);
  return true;
}

/** Sets the focused cue's start at the playhead and moves every later cue by the same amount. */
export function setStartAndShift(store: EditorStore): boolean {
  const doc = store.doc;
  const cue = focusedCue(store);
  if (!doc || !cue) return false;
  const startMs = Math.round(store.getState().playheadMs);
  const deltaMs = startMs - cue.startMs;
  if (deltaMs === 0) return false;
  const result = setStartAndShiftLater(doc, cue.id, startMs);
  return withTimingReport(
    store,
    result.changedIds,
    () => store.execute(result.command, { timing: true }),
    t('ui:messages.startAndShift', {
      number: numberOf(store, cue.id),
      time: formatSrtTime(startMs),
      delta: signed(deltaMs),
    }),
  );
}

/** The range "play before / after / first / last" plays for a cue. */
export function previewRange(
  cue: Pick<Cue, 'startMs' | 'endMs'>,
  which: 'before' | 'after' | 'first' | 'last',
): { fromMs: number; toMs: number } {
  const lo = Math.min(cue.startMs, cue.endMs);
  const hi = Math.max(cue.startMs, cue.endMs);
  switch (which) {
    case 'before':
      return { fromMs: Math.max(0, lo - PREVIEW_MS), toMs: lo };
    case 'after':
      return { fromMs: hi, toMs: hi + PREVIEW_MS };
    case 'first':
      return { fromMs: lo, toMs: Math.min(hi, lo + PREVIEW_MS) };
    case 'last':
      return { fromMs: Math.max(lo, hi - PREVIEW_MS), toMs: hi };
  }
}

/**
 * Goes to a target of the Go to time dialog: selects the cue under the time (or cue N), then puts the playhead
 * exactly at the time typed (for `#N`, at the cue's start).
 */
export function goTo(store: EditorStore, target: GoToTarget, seek: (ms: number) => void): string {
  const doc = store.doc;
  let ms: number;
  let position = -1;
  if (target.kind === 'cue') {
    position = target.number - 1;
    const cue = doc?.cues[position];
    ms = cue ? Math.max(0, cue.startMs) : 0;
  } else {
    ms = target.ms;
    if (doc) position = store.timeIndex().cueAt(doc.cues, ms);
  }
  const cue = position >= 0 ? doc?.cues[position] : undefined;
  if (cue) store.select(cue.id, 'replace', true);
  seek(ms);
  const time = formatSrtTime(ms);
  return cue ? t('ui:messages.atCue', { time, number: position + 1 }) : t('ui:messages.atGap', { time });
}
