// Auto sync and snap to speech on the store: estimate from the speech, preview, apply as one undo step, commands.
import { describe, expect, it } from 'vitest';
import { createCommands, runCommand } from '../../src-renderer/commands';
import { shift } from '../../src-renderer/store/edit-actions';
import { EditorStore } from '../../src-renderer/store/editor-store';
import type { SpeechResult } from '../../src-renderer/sync/speech-client';
import { SpeechLoader } from '../../src-renderer/sync/speech-loader';
import {
  alignToReference,
  applyAutoAlign,
  applyAutoSync,
  applySnap,
  autoSyncPlan,
  defaultAccepted,
  estimateAutoSync,
  snapPlanFor,
} from '../../src-renderer/sync/sync-actions';
import type { MediaInfo } from '../../src-shared/ipc-contract';
import { readSrt } from '../../src-shared/srt';
import type { Span } from '../../src-shared/sync/activity';
import { docInfo, loadStore, noApp } from '../support/editor-store';
import { readFixtureText } from '../support/fixtures';

const media: MediaInfo = {
  path: '/tmp/interview-3min.wav',
  durationMs: 180_000,
  hasVideo: false,
  hasAudio: true,
  audio: { codec: 'pcm_s16le', sampleRate: 16_000, channels: 1 },
  format: 'wav',
  sizeBytes: 5_760_044,
};

/** The ground-truth speech of the first 3 minutes (what detectSpeech finds on interview-3min.wav, within ms). */
function speech(): SpeechResult {
  const measured = JSON.parse(readFixtureText('speech-activity.json')) as { segments: Span[] };
  const segments = measured.segments
    .filter(([start]) => start < 180_000)
    .map(([start, end]): Span => [start, Math.min(end, 180_000)]);
  return { segments, syncSegments: segments, durationMs: 180_000, frameMs: 5, noiseFloorDb: -60, speechLevelDb: -20 };
}

function storeWith(name: string): EditorStore {
  const store = loadStore(readFixtureText(name));
  store.setMedia(media);
  store.setSpeech({ status: 'ready', result: speech(), progress: 1, message: null });
  return store;
}

const truth = readSrt(readFixtureText('interview-3min.srt')).doc.cues;
const starts = (store: EditorStore) => store.doc?.cues.map((cue) => cue.startMs) ?? [];
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

describe('auto sync on the store', () => {
  it('estimates -2.35 s on the offset file, applies as one undo step and undoes', () => {
    const store = storeWith('interview-3min-offset.srt');
    const before = starts(store);
    const estimate = estimateAutoSync(store);
    expect(estimate?.offsetMs).toBeCloseTo(-2350, -1);
    expect(Math.abs(estimate?.driftPercent ?? 1)).toBeLessThan(0.01);
    expect(estimate?.confidence).toBeGreaterThan(0.5);
    // The preview changes nothing yet.
    const plan = autoSyncPlan(store, estimate!);
    expect(plan?.changes.length).toBe(101);
    expect(starts(store)).toEqual(before);
    expect(applyAutoSync(store, estimate!)).toBe(101);
    const errors = starts(store).map((ms, i) => Math.abs(ms - (truth[i]?.startMs as number)));
    expect(median(errors)).toBeLessThanOrEqual(40);
    expect(store.getState().message).toMatch(/Synced 101 cues .*offset -2\.35\d s/);
    expect(store.getState().history.undoLabel).toBe('Sync to audio');
    store.undo();
    expect(starts(store)).toEqual(before);
    expect(store.getState().history.canUndo).toBe(false);
  });

  it('has nothing to estimate without speech', () => {
    const store = storeWith('interview-3min.srt');
    store.setSpeech({ status: 'loading', result: null, progress: 0.5, message: null });
    expect(estimateAutoSync(store)).toBeNull();
    expect(snapPlanFor(store, 'all', 300)).toBeNull();
  });

  it('forgets the speech when other media is opened', () => {
    const store = storeWith('interview-3min.srt');
    store.setMedia({ ...media, path: '/tmp/other.wav' });
    expect(store.getState().speech).toEqual({ status: 'idle', result: null, progress: 0, message: null });
  });
});

describe('auto sync to a reference subtitle on the store', () => {
  it('aligns the offset file to the correctly timed cues, applies as one undo step', () => {
    const store = storeWith('interview-3min-offset.srt');
    const before = starts(store);
    const reference = truth.map((cue): [number, number] => [cue.startMs, cue.endMs]);
    const alignment = alignToReference(store, reference);
    expect(alignment?.pieces).toHaveLength(1);
    expect(alignment?.pieces[0]?.shiftMs).toBeCloseTo(-2350, -1);
    const moved = applyAutoAlign(store, alignment!, defaultAccepted(alignment!), 'interview-3min.srt');
    expect(moved).toBe(101);
    expect(store.getState().message).toMatch(/^Synced 101 cues to the reference interview-3min\.srt/);
    expect(median(starts(store).map((start, i) => Math.abs(start - (truth[i]?.startMs ?? 0))))).toBeLessThanOrEqual(1);
    store.undo();
    expect(starts(store)).toEqual(before);
  });
});

describe('snap to speech on the store', () => {
  it('moves jittered starts of the selection back to the speech onsets, as one reviewed undo step', () => {
    const store = storeWith('interview-3min.srt');
    const picked = store.doc!.cues.slice(20, 26).map((cue) => cue.id);
    store.selectIds(picked);
    shift(store, 'selection', 150);
    const shifted = starts(store);
    const plan = snapPlanFor(store, 'selection', 300)!;
    expect(plan.changes.map((change) => change.id).every((id) => picked.includes(id))).toBe(true);
    expect(plan.changes.length).toBeGreaterThanOrEqual(5);
    // Review: drop one proposal, apply the rest. The dropped cue ends where the next (accepted) one starts:
    // that boundary is one edge, so it still moves with the next cue's start; the dropped cue's start stays.
    const dropped = plan.changes[0]!;
    const accepted = plan.changes.slice(1);
    expect(applySnap(store, accepted)).toBe(accepted.length + 1);
    expect(store.getState().history.undoLabel).toBe('Snap to speech');
    const position = (id: number) => store.doc!.indexOf(id);
    expect(starts(store)[position(dropped.id)]).toBe(dropped.oldStart);
    expect(store.doc!.cues[position(dropped.id)]!.endMs).toBe(dropped.newEnd);
    expect(store.doc!.cues[position(dropped.id) + 1]!.startMs).toBe(dropped.newEnd);
    // A start stays when moving it back would overlap the previous cue's end (which had no speech offset in reach).
    const moved = accepted.filter((change) => change.newStart !== change.oldStart);
    expect(moved.length).toBeGreaterThanOrEqual(3);
    for (const change of moved) {
      expect(Math.abs(starts(store)[position(change.id)]! - truth[position(change.id)]!.startMs)).toBeLessThan(40);
    }
    store.undo();
    expect(starts(store)).toEqual(shifted);
  });

  it('snaps every cue without opening a touching pair or adding a too-short warning (it made 4 into 7)', () => {
    const store = storeWith('interview-3min.srt');
    const touching = () =>
      store.doc!.cues.flatMap((cue, i) => (i > 0 && store.doc!.cues[i - 1]!.endMs === cue.startMs ? [cue.id] : []));
    const tooShort = () =>
      store.getState().file!.validation.problems.filter((problem) => problem.code === 'too-short').length;
    const pairs = touching();
    expect(pairs.length).toBeGreaterThan(50);
    expect(tooShort()).toBe(4);
    const plan = snapPlanFor(store, 'all', 300)!;
    expect(plan.changes.length).toBeGreaterThan(10);
    expect(applySnap(store, plan.changes)).toBe(plan.changes.length);
    expect(touching()).toEqual(pairs);
    expect(tooShort()).toBeLessThanOrEqual(4);
  });

  it('proposes nothing when the window is too small to reach the speech', () => {
    const store = storeWith('interview-3min.srt');
    store.selectIds(store.doc!.cues.slice(20, 26).map((cue) => cue.id));
    shift(store, 'selection', 150);
    const plan = snapPlanFor(store, 'selection', 20)!;
    const startsMoved = plan.changes.filter((change) => change.newStart !== change.oldStart);
    expect(startsMoved).toEqual([]);
    expect(applySnap(store, [])).toBe(0);
  });
});

describe('sync commands', () => {
  it('open the Auto sync and Snap to speech dialogs only with subtitles and media', () => {
    const store = new EditorStore();
    const commands = createCommands(store, noApp);
    expect(runCommand(commands, store, 'timing.autoSync')).toBe(false);
    store.load(docInfo, readFixtureText('interview-3min.srt'));
    expect(runCommand(commands, store, 'timing.autoSync')).toBe(false);
    store.setMedia(media);
    expect(commands.get('timing.autoSync')?.keys).toEqual(['Mod+Shift+A']);
    expect(runCommand(commands, store, 'timing.autoSync')).toBe(true);
    expect(store.getState().dialog).toEqual({ kind: 'autoSync' });
    store.closeDialog();
    expect(runCommand(commands, store, 'timing.snapToSpeech')).toBe(true);
    expect(store.getState().dialog).toEqual({ kind: 'snap' });
  });

  it('switch the speech detector (auto, energy, Silero VAD) only with media, and say which one is on', () => {
    const store = new EditorStore();
    const loader = new SpeechLoader(store);
    const commands = createCommands(store, { ...noApp, cycleSpeechDetector: () => void loader.cycleDetector() });
    expect(runCommand(commands, store, 'timing.speechDetector')).toBe(false);
    store.setMedia(media);
    expect(loader.detector).toBe('auto');
    expect(runCommand(commands, store, 'timing.speechDetector')).toBe(true);
    expect(loader.detector).toBe('energy');
    expect(store.getState().message).toBe('Speech detector: energy detector');
    runCommand(commands, store, 'timing.speechDetector');
    expect(loader.detector).toBe('silero');
    expect(store.getState().message).toBe('Speech detector: Silero VAD');
    runCommand(commands, store, 'timing.speechDetector');
    expect(loader.detector).toBe('auto');
  });
});
