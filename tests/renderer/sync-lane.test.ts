// The speech lane's geometry: visible segments found by binary search, one pixel at least, touching runs merged.
import { describe, expect, it } from 'vitest';
import { firstEndingAfter, type SpeechSpan, speechRuns, speechShare } from '../../src-renderer/sync/lane';

const SEGMENTS: SpeechSpan[] = [
  [0, 1000],
  [1500, 1510],
  [2000, 4000],
  [4010, 5000],
  [9000, 12_000],
];

describe('speech lane', () => {
  it('finds the first segment ending after a time', () => {
    expect(firstEndingAfter(SEGMENTS, -5)).toBe(0);
    expect(firstEndingAfter(SEGMENTS, 1000)).toBe(1);
    expect(firstEndingAfter(SEGMENTS, 1505)).toBe(1);
    expect(firstEndingAfter(SEGMENTS, 4500)).toBe(3);
    expect(firstEndingAfter(SEGMENTS, 12_000)).toBe(5);
    expect(firstEndingAfter([], 0)).toBe(0);
  });

  it('maps the visible segments to pixel runs (100 px per second)', () => {
    const view = { startMs: 500, pxPerSec: 100, widthPx: 600 };
    // 500..6500 ms visible: [0,1000) -> 0..50, [1500,1510) -> one pixel at 100, [2000,4000) -> 150..350,
    // [4010,5000) -> 351..450, [9000, ...) is past the end.
    expect(speechRuns(SEGMENTS, view)).toEqual([
      [0, 50],
      [100, 101],
      [150, 350],
      [351, 450],
    ]);
    // At 10 px per second, the 10 ms pause vanishes: touching runs merge.
    expect(speechRuns(SEGMENTS, { startMs: 0, pxPerSec: 10, widthPx: 100 })).toEqual([
      [0, 10],
      [15, 16],
      [20, 50],
      [90, 100],
    ]);
  });

  it('clips runs to the width and gives short segments one pixel when zoomed out', () => {
    const zoomedOut = { startMs: 0, pxPerSec: 1, widthPx: 10 };
    expect(speechRuns(SEGMENTS, zoomedOut)).toEqual([
      [0, 5],
      [9, 10],
    ]);
    expect(speechRuns(SEGMENTS, { startMs: 20_000, pxPerSec: 100, widthPx: 500 })).toEqual([]);
    expect(speechRuns(SEGMENTS, { startMs: 0, pxPerSec: 100, widthPx: 0 })).toEqual([]);
  });

  it('measures the share of a range with speech', () => {
    expect(speechShare(SEGMENTS, 0, 1000)).toBe(1);
    expect(speechShare(SEGMENTS, 5000, 9000)).toBe(0);
    expect(speechShare(SEGMENTS, 500, 2500)).toBeCloseTo((500 + 10 + 500) / 2000);
    expect(speechShare(SEGMENTS, 10, 10)).toBe(0);
  });
});
