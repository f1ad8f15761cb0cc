// The timeline's mouse helpers: live readout text, grabbing the edges of short and zero-length cues, the overview's
// precision on a one-hour file, amplitude steps, and when fine range peaks are fetched and drawn.
import { describe, expect, it } from 'vitest';
import {
  type DetailPeaks,
  detailColumns,
  detailCovers,
  detailRequest,
  needsDetail,
} from '../../src-renderer/timeline/detail-peaks';
import {
  amplitudeText,
  blockBox,
  EDGE_PX,
  grabAt,
  MAX_AMPLITUDE,
  MIN_AMPLITUDE,
  MIN_BLOCK_PX,
  overviewDragStart,
  overviewTime,
  readoutText,
  stepAmplitude,
} from '../../src-renderer/timeline/pointer-math';
import { fitView, MAX_PX_PER_SEC, msToPx, pxToMs, spanMs } from '../../src-renderer/timeline/viewport';
import { readSrt } from '../../src-shared/srt';
import { parseTime } from '../../src-shared/time';
import { readFixtureText } from '../support/fixtures';

const DURATION = 3_896_466;
const crossing = readSrt(readFixtureText('interview.srt')).doc.cues[2140];

describe('live readout', () => {
  it('says start, end and duration in the file form, across 01:00:00', () => {
    expect(crossing?.startMs).toBe(parseTime('00:59:55,900'));
    const text = readoutText(crossing?.startMs ?? 0, crossing?.endMs ?? 0);
    expect(text).toBe('Start 00:59:55,900 · End 01:00:00,800 · Duration 4.900 s');
    expect(readoutText(1000, 1000)).toBe('Start 00:00:01,000 · End 00:00:01,000 · Duration 0.000 s');
    expect(readoutText(2500, 1250)).toContain('Duration −1.250');
  });
});

describe('grabbing blocks', () => {
  it('gives a long block a start edge, a body and an end edge', () => {
    const box = blockBox(100, 300);
    expect(box).toEqual({ left: 100, width: 200, startX: 0, endX: 200 });
    expect(grabAt(box, 2)).toBe('start');
    expect(grabAt(box, EDGE_PX)).toBe('start');
    expect(grabAt(box, 100)).toBe('move');
    expect(grabAt(box, 199)).toBe('end');
  });

  it('widens a zero-length cue about its time so both edges can be grabbed', () => {
    const box = blockBox(500, 500);
    expect(box.width).toBe(MIN_BLOCK_PX);
    expect(box.left + box.startX).toBe(500);
    expect(box.left + box.endX).toBe(500);
    expect(grabAt(box, 1)).toBe('start');
    expect(grabAt(box, MIN_BLOCK_PX - 1)).toBe('end');
  });
});

describe('overview on a one-hour file', () => {
  it('seeks to the millisecond under the pointer, not a 3-second grid', () => {
    const width = 1200;
    expect(overviewTime(600, width, DURATION)).toBe(Math.round(DURATION / 2));
    expect(overviewTime(600.4, width, DURATION) - overviewTime(600, width, DURATION)).toBe(1299);
    expect(overviewTime(-5, width, DURATION)).toBe(0);
    expect(overviewTime(5000, width, DURATION)).toBe(DURATION);
  });

  it('drags the window from where it was grabbed, finely with Shift', () => {
    const width = 1200;
    const perPx = DURATION / width;
    expect(overviewDragStart(60_000, 0, width, DURATION, false)).toBe(60_000);
    expect(overviewDragStart(60_000, 10, width, DURATION, false)).toBe(Math.round(60_000 + 10 * perPx));
    const fine = overviewDragStart(60_000, 1, width, DURATION, true) - 60_000;
    expect(fine).toBeLessThan(200);
    expect(fine).toBeGreaterThan(100);
  });
});

describe('amplitude zoom', () => {
  it('steps by √2 between full scale and ×32 and says the gain', () => {
    expect(stepAmplitude(1, 1)).toBeCloseTo(Math.SQRT2, 3);
    expect(stepAmplitude(stepAmplitude(1, 1), 1)).toBe(2);
    expect(stepAmplitude(1, -1)).toBe(MIN_AMPLITUDE);
    let gain = 1;
    for (let i = 0; i < 30; i++) gain = stepAmplitude(gain, 1);
    expect(gain).toBe(MAX_AMPLITUDE);
    expect(amplitudeText(2)).toBe('Amplitude ×2');
    expect(amplitudeText(Math.SQRT2)).toBe('Amplitude ×1.41');
  });
});

describe('fine peaks at deep zoom', () => {
  const basePeaks = null;
  it('are needed only past the cached 5 ms per pair, and asked for the view plus half a screen each side', () => {
    expect(needsDetail({ startMs: 0, pxPerSec: 200, widthPx: 1200 }, basePeaks)).toBe(false);
    const view = { startMs: 60_000, pxPerSec: MAX_PX_PER_SEC, widthPx: 1200 };
    expect(needsDetail(view, basePeaks)).toBe(true);
    expect(spanMs(view)).toBe(1200);
    expect(detailRequest(view, 180_000)).toEqual({ fromMs: 59_400, toMs: 61_800, pairs: 2400 });
    expect(detailRequest({ ...view, startMs: 0 }, 180_000)).toEqual({ fromMs: 0, toMs: 1800, pairs: 1800 });
  });

  it('cover the view only for the same media, the whole span, at one pair per pixel or finer', () => {
    const view = { startMs: 60_000, pxPerSec: 1000, widthPx: 1200 };
    const detail: DetailPeaks = { mediaPath: '/m.wav', fromMs: 59_400, toMs: 61_800, data: new Int16Array(4800) };
    expect(detailCovers(detail, view, '/m.wav')).toBe(true);
    expect(detailCovers(detail, view, '/other.wav')).toBe(false);
    expect(detailCovers(detail, { ...view, startMs: 61_000 }, '/m.wav')).toBe(false);
    expect(detailCovers({ ...detail, data: new Int16Array(2400) }, view, '/m.wav')).toBe(false);
  });

  it('draw one pair per pixel column at 1 ms per pixel', () => {
    const view = { startMs: 1000, pxPerSec: 1000, widthPx: 4 };
    const data = new Int16Array([-100, 100, -200, 200, -16384, 16384, 0, 0, 5, 6, 7, 8]);
    const detail: DetailPeaks = { mediaPath: '/m.wav', fromMs: 999, toMs: 1005, data };
    const { min, max } = detailColumns(detail, view, 4);
    expect(Array.from(max)).toEqual([200 / 32768, 0.5, 0, 6 / 32768]);
    expect(min[1]).toBe(-0.5);
    // Pixel <-> time stays exact at this zoom.
    expect(pxToMs(view, 3)).toBe(1003);
    expect(msToPx(view, 1002)).toBe(2);
    expect(fitView(DURATION, 1200).pxPerSec).toBeLessThan(1);
  });
});
