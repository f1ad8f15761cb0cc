/**
 * Automatic sync and snap to speech on the store: plan from the loaded speech, apply as one undo step. Plain
 * functions of the store (no React, no IPC), shared by the dialogs and the tests.
 */

import { getProfile } from '../../src-shared/profiles';
import { type Alignment, type AlignOptions, alignCues } from '../../src-shared/sync/align';
import { planSync, type SyncPlan } from '../../src-shared/sync/apply';
import { type CueTimeChange, timeChangesCommand } from '../../src-shared/sync/changes';
import { estimateSync, type SyncEstimate, type SyncOptions } from '../../src-shared/sync/estimate';
import type { LinearMap } from '../../src-shared/sync/onsets';
import { type AlignmentPlan, planAlignment } from '../../src-shared/sync/pieces';
import { planSnap, type SnapPlan, withSharedBoundaries } from '../../src-shared/sync/snap';
import { formatSrtTime } from '../../src-shared/time';
import { t } from '../i18n';
import { selectedIds } from '../store/edit-actions';
import type { EditorStore } from '../store/editor-store';
import { formatDrift, formatOffset } from './sync-format';

/** Which cues snap to speech. */
export type SnapScope = 'selection' | 'all';

/** The loaded speech, or null while it is not ready. */
function speechOf(store: EditorStore) {
  const { speech } = store.getState();
  return speech.status === 'ready' ? speech.result : null;
}

/** Estimates offset and drift of the open document against the loaded speech; null without both. */
export function estimateAutoSync(store: EditorStore, options?: SyncOptions): SyncEstimate | null {
  const doc = store.doc;
  const speech = speechOf(store);
  if (!doc || !speech || doc.cues.length === 0) return null;
  return estimateSync(doc.cues, { segments: speech.syncSegments, durationMs: speech.durationMs }, options);
}

/** What applying `map` to every cue would change (the preview). */
export function autoSyncPlan(store: EditorStore, map: LinearMap): SyncPlan | null {
  const doc = store.doc;
  return doc ? planSync(doc, map) : null;
}

/** Applies `map` to every cue as one undo step; returns how many cues changed. */
export function applyAutoSync(store: EditorStore, map: LinearMap): number {
  // Planned again on the document as it is now, so a preview can never apply stale times.
  const plan = autoSyncPlan(store, map);
  if (!plan || plan.changes.length === 0) return 0;
  store.execute(plan.command, { timing: true });
  const offset = formatOffset(map.offsetMs);
  const detail =
    Math.abs((map.scale - 1) * 100) >= 0.0005
      ? t('dialogs:autoSync.offsetDrift', { offset, drift: formatDrift((map.scale - 1) * 100) })
      : t('dialogs:autoSync.offsetOnly', { offset });
  const message = t('dialogs:autoSync.syncedAudio', { count: plan.changes.length, detail });
  store.setMessage(
    plan.clampedIds.length > 0
      ? t('dialogs:autoSync.clampedAt', { message, number: plan.clampedIds.length, zero: formatSrtTime(0) })
      : message,
  );
  return plan.changes.length;
}

/** The piecewise time map of the open document against the loaded speech; null without both. */
export function alignAutoSync(store: EditorStore, options: AlignOptions = {}): Alignment | null {
  const doc = store.doc;
  const speech = speechOf(store);
  if (!doc || !speech || doc.cues.length === 0) return null;
  const target = { segments: speech.syncSegments, durationMs: speech.durationMs };
  // A clock drift that is no frame-rate ratio: the windowed line fit measures it, the aligner may use its scale.
  const linear = estimateSync(doc.cues, target, { frameRates: false });
  const extraScales = linear.confidence >= 0.5 ? [linear.scale] : [];
  return alignCues(doc.cues, target, { extraScales, ...options });
}

/**
 * The piecewise time map of the open document against a correctly timed reference subtitle (its cue times, as
 * main's openReferenceDialog read them): the same model, reference cues instead of speech. Null without a document.
 */
export function alignToReference(
  store: EditorStore,
  referenceCues: readonly [number, number][],
  options: AlignOptions = {},
): Alignment | null {
  const doc = store.doc;
  if (!doc || doc.cues.length === 0) return null;
  const segments = referenceCues.map(([a, b]): [number, number] => [a, b]);
  const durationMs = segments.reduce((max, s) => Math.max(max, s[1]), 0) + 1_000;
  const target = { segments, durationMs };
  const linear = estimateSync(doc.cues, target, { frameRates: false });
  const extraScales = linear.confidence >= 0.5 ? [linear.scale] : [];
  return alignCues(doc.cues, target, { extraScales, target: 'reference', ...options });
}

/** The pieces accepted by default: the confident ones. */
export function defaultAccepted(alignment: Alignment): Set<number> {
  return new Set(alignment.pieces.flatMap((piece, i) => (piece.confidence >= 0.5 ? [i] : [])));
}

/** What applying the accepted pieces would change (the preview). */
export function autoAlignPlan(
  store: EditorStore,
  alignment: Alignment,
  accepted: ReadonlySet<number>,
): AlignmentPlan | null {
  const doc = store.doc;
  return doc ? planAlignment(doc, alignment, accepted) : null;
}

/** Applies the accepted pieces as one undo step (synced to the audio, or to the reference file named); returns how many cues changed. */
export function applyAutoAlign(
  store: EditorStore,
  alignment: Alignment,
  accepted: ReadonlySet<number>,
  referenceName?: string,
): number {
  const plan = autoAlignPlan(store, alignment, accepted);
  if (!plan || plan.changes.length === 0) return 0;
  store.execute(plan.command, { timing: true });
  const pieces = alignment.pieces.filter((_, i) => accepted.has(i));
  const offsets = pieces.map((piece) => formatOffset(piece.shiftMs)).join(', ');
  const values = {
    count: plan.changes.length,
    pieces: t('dialogs:autoSync.piecesOf', { accepted: pieces.length, count: alignment.pieces.length }),
    offsets,
  };
  const message =
    referenceName === undefined
      ? t('dialogs:autoSync.syncedPieces', values)
      : t('dialogs:autoSync.syncedReference', { ...values, name: referenceName });
  store.setMessage(
    plan.squeezedIds.length > 0
      ? t('dialogs:autoSync.squeezedWhere', { message, number: plan.squeezedIds.length })
      : message,
  );
  return plan.changes.length;
}

/** The proposed snaps for the selection or all cues within `windowMs`; null without a document or speech. */
export function snapPlanFor(store: EditorStore, scope: SnapScope, windowMs: number): SnapPlan | null {
  const doc = store.doc;
  const speech = speechOf(store);
  if (!doc || !speech) return null;
  const ids = scope === 'all' ? 'all' : selectedIds(store);
  // The profile's minimum duration: a snap never turns an acceptable cue into a too-short one.
  const minDurationMs = getProfile(store.getState().profile)?.minDurationMs ?? 1;
  const extraEdgesMs = store.getState().mediaLayers.shots.shotsMs; // shot changes count as edges too
  return planSnap(doc, ids, speech.syncSegments, { windowMs, minDurationMs, extraEdgesMs });
}

/**
 * What applying a reviewed subset of the snap changes does: a boundary shared by two touching cues is
 * one edge, so accepting either side moves both (the other side's other edge stays).
 */
export function snapChangesToApply(store: EditorStore, accepted: readonly CueTimeChange[]): CueTimeChange[] {
  const doc = store.doc;
  if (!doc) return [];
  return withSharedBoundaries(
    doc,
    accepted.filter((change) => doc.indexOf(change.id) >= 0),
  );
}

/** Applies a reviewed subset of snap changes as one undo step; returns how many cues changed. */
export function applySnap(store: EditorStore, changes: readonly CueTimeChange[]): number {
  const doc = store.doc;
  if (!doc) return 0;
  const live = snapChangesToApply(store, changes);
  if (live.length === 0) return 0;
  if (!store.execute(timeChangesCommand(doc, live, t('dialogs:snap.title')), { timing: true })) return 0;
  store.setMessage(t('dialogs:snap.snapped', { count: live.length }));
  return live.length;
}
