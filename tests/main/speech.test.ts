/** Speech activity of media files: the interview's synthetic speech against its measured ground truth, cache reuse, errors. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MediaError } from '../../src-main/services/media-tools';
import { speechActivity } from '../../src-main/services/speech';
import type { Span, SpeechActivity } from '../../src-shared/sync/activity';
import { SYNC_SPEECH_OPTIONS } from '../../src-shared/sync/estimate';
import type { PeaksProgress } from '../../src-shared/waveform';
import { writeNoiseWav } from '../support/audio';
import { fixturePath, readFixtureText } from '../support/fixtures';

const WAV = fixturePath('interview-3min.wav');
const WAV_MS = 180_000;
const FRAME_MS = 10;

const tmp = mkdtempSync(path.join(os.tmpdir(), 'cuewave-speech-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface GroundTruth {
  segments: Span[];
  cues: { speechStartMs: number }[];
}
const truth = JSON.parse(readFixtureText('speech-activity.json')) as GroundTruth;

/** 10 ms frames covered by spans (a frame counts when its start is inside one), over the first `durationMs`. */
function frames(spans: readonly Span[], durationMs: number): Uint8Array {
  const out = new Uint8Array(Math.floor(durationMs / FRAME_MS));
  for (const [startMs, endMs] of spans) {
    for (let i = Math.ceil(startMs / FRAME_MS); i < Math.min(out.length, Math.ceil(endMs / FRAME_MS)); i++) out[i] = 1;
  }
  return out;
}

/** Share of 10 ms frames where detection and ground truth agree. */
function frameAgreement(activity: SpeechActivity): number {
  const detected = frames(activity.segments, WAV_MS);
  const expected = frames(truth.segments, WAV_MS);
  let same = 0;
  for (let i = 0; i < detected.length; i++) if (detected[i] === expected[i]) same++;
  return same / detected.length;
}

describe('speechActivity', () => {
  it('agrees with the ground truth on at least 90 % of 10 ms frames of interview-3min.wav', async () => {
    const activity = await speechActivity(WAV);
    expect(activity.durationMs).toBeCloseTo(WAV_MS, -1);
    expect(frameAgreement(activity)).toBeGreaterThanOrEqual(0.9);
    // The bed is -55 dBFS RMS pink noise; its 5 ms peaks sit around -50.
    expect(activity.noiseFloorDb).toBeGreaterThan(-60);
    expect(activity.noiseFloorDb).toBeLessThan(-45);
  });

  it('with the sync settings, still agrees on 90 % of frames and finds most cue onsets within 20 ms', async () => {
    const activity = await speechActivity(WAV, { speech: SYNC_SPEECH_OPTIONS });
    expect(frameAgreement(activity)).toBeGreaterThanOrEqual(0.9);
    const onsets = activity.segments.map(([startMs]) => startMs);
    const cueOnsets = truth.cues.map((cue) => cue.speechStartMs).filter((ms) => ms < WAV_MS);
    const found = cueOnsets.filter((ms) => onsets.some((onset) => Math.abs(onset - ms) <= 20));
    expect(found.length / cueOnsets.length).toBeGreaterThanOrEqual(0.85);
  });

  it('reuses the peaks cache: the second call reads it and reports the whole file at once', async () => {
    const cacheDir = path.join(tmp, 'cache');
    const first = await speechActivity(WAV, { cacheDir });
    expect(readdirSync(cacheDir).filter((name) => name.endsWith('.peaks'))).toHaveLength(1);
    const progress: PeaksProgress[] = [];
    const second = await speechActivity(WAV, { cacheDir, onProgress: (info) => progress.push(info) });
    expect(second.segments).toEqual(first.segments);
    expect(progress).toHaveLength(1);
    expect(progress[0]?.doneMs).toBe(second.durationMs);
  });

  it('finds no speech in a file of noise', async () => {
    const file = path.join(tmp, 'noise.wav');
    writeNoiseWav(file, 20);
    const activity = await speechActivity(file);
    expect(activity.segments).toEqual([]);
  });

  it('rejects like computePeaks: a missing file is a MediaError, an aborted call an AbortError', async () => {
    await expect(speechActivity(path.join(tmp, 'missing.wav'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(speechActivity(path.join(tmp, 'missing.wav'))).rejects.toBeInstanceOf(MediaError);
    const controller = new AbortController();
    controller.abort();
    await expect(speechActivity(WAV, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
