/** Specification of the shared waveform helpers: peak levels, zoom level choice, audiowaveform JSON, media URLs. */
import { describe, expect, it } from 'vitest';
import { mediaMimeType, mediaPathFromUrl, mediaUrlFor } from '../../src-shared/media-url';
import {
  buildCoarserLevel,
  buildLevels,
  fromAudiowaveformJson,
  type PeaksLevel,
  pairIndexAtMs,
  peakAmplitude,
  peaksFromBase,
  pickLevel,
  toAudiowaveformJson,
} from '../../src-shared/waveform';

/** A base level from [min, max] pairs. */
function level(pairs: [number, number][], samplesPerPixel = 40): PeaksLevel {
  return { samplesPerPixel, length: pairs.length, data: Int16Array.from(pairs.flat()) };
}

describe('buildCoarserLevel', () => {
  it('takes the min of mins and max of maxes of each group, the last group possibly short', () => {
    const fine = level([
      [-1, 2],
      [-5, 1],
      [0, 7],
      [-2, 3],
      [-9, -1],
    ]);
    const coarse = buildCoarserLevel(fine, 2);
    expect(coarse.samplesPerPixel).toBe(80);
    expect(coarse.length).toBe(3);
    expect(Array.from(coarse.data)).toEqual([-5, 2, -2, 7, -9, -1]);
  });

  it('keeps 8-bit data 8-bit', () => {
    const fine: PeaksLevel = { samplesPerPixel: 10, length: 2, data: Int8Array.from([-3, 4, -100, 120]) };
    const coarse = buildCoarserLevel(fine, 4);
    expect(coarse.data).toBeInstanceOf(Int8Array);
    expect(Array.from(coarse.data)).toEqual([-100, 120]);
  });

  it('builds x4, x16, x64, x256 levels over the base', () => {
    const pairs = Array.from({ length: 1000 }, (_, i): [number, number] => [-(i % 37), i % 91]);
    const levels = buildLevels(level(pairs));
    expect(levels.map((l) => l.samplesPerPixel)).toEqual([40, 160, 640, 2560, 10240]);
    expect(levels.map((l) => l.length)).toEqual([1000, 250, 63, 16, 4]);
    // Pair 3 of the x16 level covers base pairs 48..63, whose mins are -(11..26) and maxes 48..63.
    const x16 = levels[2] as PeaksLevel;
    expect(x16.data[3 * 2]).toBe(-26);
    expect(x16.data[3 * 2 + 1]).toBe(63);
  });
});

describe('pickLevel', () => {
  const peaks = peaksFromBase(8000, level(Array.from({ length: 4096 }, (): [number, number] => [0, 0])), 20480);

  it('picks the coarsest level that still has a pair for every pixel', () => {
    // Levels give 200, 50, 12.5, 3.125 and 0.78 pairs per second.
    expect(pickLevel(peaks, 300).samplesPerPixel).toBe(40);
    expect(pickLevel(peaks, 200).samplesPerPixel).toBe(40);
    expect(pickLevel(peaks, 100).samplesPerPixel).toBe(40);
    expect(pickLevel(peaks, 50).samplesPerPixel).toBe(160);
    expect(pickLevel(peaks, 10).samplesPerPixel).toBe(640);
    expect(pickLevel(peaks, 1).samplesPerPixel).toBe(2560);
    expect(pickLevel(peaks, 0.5).samplesPerPixel).toBe(10240);
  });
});

describe('time helpers', () => {
  it('maps a time to the pair covering it', () => {
    expect(pairIndexAtMs(8000, { samplesPerPixel: 40 }, 0)).toBe(0);
    expect(pairIndexAtMs(8000, { samplesPerPixel: 40 }, 4.99)).toBe(0);
    expect(pairIndexAtMs(8000, { samplesPerPixel: 40 }, 5)).toBe(1);
    expect(pairIndexAtMs(8000, { samplesPerPixel: 160 }, 1000)).toBe(50);
  });

  it('finds the largest magnitude in a time window', () => {
    const l = level([
      [-10, 10],
      [-300, 20],
      [-5, 900],
      [-1, 1],
    ]);
    // Pairs are 5 ms each at 8 kHz / 40.
    expect(peakAmplitude(8000, l, 0, 5)).toBe(10);
    expect(peakAmplitude(8000, l, 0, 10)).toBe(300);
    expect(peakAmplitude(8000, l, 6, 14)).toBe(900);
    expect(peakAmplitude(8000, l, 15, 100)).toBe(1);
    expect(peakAmplitude(8000, l, 100, 200)).toBe(0);
  });
});

describe('audiowaveform JSON', () => {
  const base = level([
    [-32768, 32767],
    [-256, 255],
    [-1, 0],
  ]);
  const peaks = peaksFromBase(8000, base, 15);

  it('has the version 2 shape waveform-data.js and peaks.js read', () => {
    const json = toAudiowaveformJson(peaks);
    expect(json).toEqual({
      version: 2,
      channels: 1,
      sample_rate: 8000,
      samples_per_pixel: 40,
      bits: 16,
      length: 3,
      data: [-32768, 32767, -256, 255, -1, 0],
    });
    // waveform-data.js rejects data whose size is not length * 2 * channels.
    expect(json.data.length).toBe(json.length * 2 * json.channels);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('reduces to 8 bits by keeping the top byte', () => {
    const json = toAudiowaveformJson(peaks, 0, { bits: 8 });
    expect(json.bits).toBe(8);
    expect(json.data).toEqual([-128, 127, -1, 0, -1, 0]);
    expect(json.data.every((v) => v >= -128 && v <= 127)).toBe(true);
  });

  it('exports a coarser level on request and refuses a missing one', () => {
    const json = toAudiowaveformJson(peaks, 1);
    expect(json.samples_per_pixel).toBe(160);
    expect(json.length).toBe(1);
    expect(json.data).toEqual([-32768, 32767]);
    expect(() => toAudiowaveformJson(peaks, 9)).toThrow(RangeError);
  });

  it('reads its own output back, and merges several channels into one envelope', () => {
    const back = fromAudiowaveformJson(toAudiowaveformJson(peaks));
    expect(Array.from(back.data)).toEqual(Array.from(peaks.data));
    expect(back.samplesPerPixel).toBe(40);
    expect(back.levels).toHaveLength(peaks.levels.length);
    const stereo = fromAudiowaveformJson({
      version: 2,
      channels: 2,
      sample_rate: 44100,
      samples_per_pixel: 512,
      bits: 8,
      length: 2,
      data: [-3, 4, -10, 2, 0, 1, -1, 50],
    });
    expect(stereo.data).toBeInstanceOf(Int8Array);
    expect(Array.from(stereo.data)).toEqual([-10, 4, -1, 50]);
    expect(stereo.durationMs).toBeCloseTo((2 * 512 * 1000) / 44100, 6);
  });

  it('rejects data whose size does not match length and channels', () => {
    expect(() =>
      fromAudiowaveformJson({
        version: 2,
        channels: 1,
        sample_rate: 8000,
        samples_per_pixel: 40,
        bits: 16,
        length: 2,
        data: [0, 1],
      }),
    ).toThrow(/expected 4/);
  });
});

describe('media URLs', () => {
  const paths = [
    '/home/me/Interview final.ogg',
    '/tmp/a#b?c%20d&e=f.mp3',
    '/données/访谈 1.m4a',
    'C:\\Users\\me\\Videos\\clip.mp4',
    '\\\\server\\share\\clip.mkv',
  ];

  it('round-trips absolute paths, however odd their characters', () => {
    for (const p of paths) {
      const url = mediaUrlFor(p);
      expect(url.startsWith('cuewave-media://media/')).toBe(true);
      // One encoded segment: no raw separators or URL delimiters after the host.
      expect(url.slice('cuewave-media://media/'.length)).not.toMatch(/[/\\?#\s]/);
      expect(mediaPathFromUrl(url)).toBe(p);
    }
  });

  it('supports another scheme and ignores a query or fragment', () => {
    const url = mediaUrlFor('/a/b.wav', 'other-media');
    expect(url).toBe('other-media://media/%2Fa%2Fb.wav');
    expect(mediaPathFromUrl(url, 'other-media')).toBe('/a/b.wav');
    expect(mediaPathFromUrl(`${mediaUrlFor('/a/b.wav')}?v=2#t=3`)).toBe('/a/b.wav');
  });

  it('refuses URLs that are not media URLs', () => {
    expect(mediaPathFromUrl('https://media/%2Fetc%2Fpasswd')).toBeNull();
    expect(mediaPathFromUrl('cuewave-media://other/%2Fa.ogg')).toBeNull();
    expect(mediaPathFromUrl('cuewave-media://media/relative.ogg')).toBeNull();
    expect(mediaPathFromUrl('cuewave-media://media/')).toBeNull();
    expect(mediaPathFromUrl('cuewave-media://media/%E0%A4%A')).toBeNull();
    expect(mediaPathFromUrl('cuewave-media://media/%2Fa%00b.ogg')).toBeNull();
    expect(mediaPathFromUrl('cuewave-media:/media/%2Fa.ogg')).toBeNull();
  });

  it('names the content type by extension, case-insensitively', () => {
    expect(mediaMimeType('/a/x.ogg')).toBe('audio/ogg');
    expect(mediaMimeType('/a/x.MP3')).toBe('audio/mpeg');
    expect(mediaMimeType('/a/x.m4a')).toBe('audio/mp4');
    expect(mediaMimeType('/a/x.mp4')).toBe('video/mp4');
    expect(mediaMimeType('/a/x.wav')).toBe('audio/wav');
    expect(mediaMimeType('/a/x.webm')).toBe('video/webm');
    expect(mediaMimeType('/a/x.mkv')).toBe('video/x-matroska');
    expect(mediaMimeType('/a/x.flac')).toBe('audio/flac');
    expect(mediaMimeType('C:\\v\\x.Mov')).toBe('video/quicktime');
    expect(mediaMimeType('/a.b/noext')).toBe('application/octet-stream');
    expect(mediaMimeType('/a/.ogg')).toBe('application/octet-stream');
    expect(mediaMimeType('/a/x.constructor')).toBe('application/octet-stream');
  });
});
