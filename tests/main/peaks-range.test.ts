/** Specification of computeRangePeaks: a stretch of the media decoded at 1 ms per pair, exact against the PCM. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MediaError } from '../../src-main/services/media-tools';
import { computeRangePeaks, foldRange, RANGE_PEAKS_SAMPLE_RATE } from '../../src-main/services/peaks-range';
import { readSrt } from '../../src-shared/srt';

const FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures');
const WAV = path.join(FIXTURES, 'interview-3min.wav');
const MP4 = path.join(FIXTURES, 'interview-3min.mp4');
const WAV_DATA_OFFSET = 44;
const cues = readSrt(readFileSync(path.join(FIXTURES, 'interview-3min.srt'), 'utf8')).doc.cues;

/** The WAV's own samples (PCM s16le mono 16 kHz, the rate the range is decoded at). */
function wavSamples(): Int16Array {
  const bytes = readFileSync(WAV).subarray(WAV_DATA_OFFSET);
  const samples = new Int16Array(bytes.byteLength >> 1);
  for (let i = 0; i < samples.length; i++) samples[i] = bytes.readInt16LE(i * 2);
  return samples;
}

const peakOf = (data: Int16Array, k: number) => Math.max(Math.abs(data[k * 2] as number), data[k * 2 + 1] as number);

describe('range peaks', () => {
  it('decodes 400 ms around a cue start at 1 ms per pair, equal to the PCM folded by hand', async () => {
    const start = (cues[4] as (typeof cues)[number]).startMs;
    const fromMs = start - 200;
    const request = { fromMs, toMs: fromMs + 400, pairs: 400 };
    const range = await computeRangePeaks(WAV, request);
    expect(range.sampleRate).toBe(16_000);
    expect(range.samples).toBe(400 * 16);
    const all = wavSamples();
    const first = (fromMs * RANGE_PEAKS_SAMPLE_RATE) / 1000;
    const expected = foldRange(all.subarray(first, first + 400 * 16), request, RANGE_PEAKS_SAMPLE_RATE);
    expect(Array.from(range.data)).toEqual(Array.from(expected));
    // Speech starts at the cue start: quiet (noise bed) before, loud within 30 ms after.
    const before = Math.max(...Array.from({ length: 190 }, (_, k) => peakOf(range.data, k)));
    const after = Math.max(...Array.from({ length: 30 }, (_, k) => peakOf(range.data, 200 + k)));
    expect(before).toBeLessThan(1000);
    expect(after).toBeGreaterThan(4000);
  });

  it('decodes the video file too, and a range past the end leaves the missing pairs at zero', async () => {
    const range = await computeRangePeaks(MP4, { fromMs: 179_500, toMs: 180_500, pairs: 100 });
    expect(range.data.length).toBe(200);
    expect(range.samples).toBeGreaterThan(7000);
    expect(range.samples).toBeLessThan(16_000);
    expect(range.data[199]).toBe(0);
    expect(range.data[198]).toBe(0);
  });

  it('refuses empty or oversized ranges and missing files with a message naming the file', async () => {
    await expect(computeRangePeaks(WAV, { fromMs: 100, toMs: 100, pairs: 10 })).rejects.toThrow(
      /interview-3min\.wav: waveform range 100\.\.100 ms is empty/,
    );
    await expect(computeRangePeaks(WAV, { fromMs: 0, toMs: 120_000, pairs: 10 })).rejects.toThrow(
      /longer than 60000 ms/,
    );
    await expect(computeRangePeaks(WAV, { fromMs: 0, toMs: 1000, pairs: 100_000 })).rejects.toThrow(/pairs/);
    const missing = computeRangePeaks(path.join(FIXTURES, 'nope.wav'), { fromMs: 0, toMs: 1000, pairs: 10 });
    await expect(missing).rejects.toBeInstanceOf(MediaError);
    await expect(missing).rejects.toThrow(/nope\.wav: file not found/);
  });
});
