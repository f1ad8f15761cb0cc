import { describe, expect, it } from 'vitest';
import { formatRulerTime, rulerTicks, tickSteps } from '../../src-renderer/timeline/ruler';
import { dragTimes, nearestCandidate } from '../../src-renderer/timeline/snap';
import {
  clampView,
  fitView,
  followPlayhead,
  MAX_PX_PER_SEC,
  msToPx,
  pxToMs,
  revealRange,
  spanMs,
  zoomAt,
} from '../../src-renderer/timeline/viewport';
import { parseTime } from '../../src-shared/time';

const HOUR = 3_600_000;
const DURATION = 3_896_466;

describe('viewport', () => {
  it('fits the whole file and converts ms <-> px', () => {
    const view = fitView(DURATION, 1200);
    expect(view.startMs).toBe(0);
    expect(spanMs(view)).toBeCloseTo(DURATION, 3);
    expect(pxToMs(view, msToPx(view, 1234))).toBeCloseTo(1234, 6);
  });

  it('zooms about an anchor, clamped between the whole file and 1 ms per pixel', () => {
    let view = fitView(DURATION, 1200);
    const anchor = HOUR;
    const x = msToPx(view, anchor);
    for (let i = 0; i < 40; i++) view = zoomAt(view, 1.5, anchor, DURATION);
    expect(view.pxPerSec).toBe(MAX_PX_PER_SEC);
    expect(MAX_PX_PER_SEC).toBe(1000);
    expect(spanMs(view)).toBe(1200);
    expect(msToPx(view, anchor)).toBeCloseTo(x, 3);
    for (let i = 0; i < 60; i++) view = zoomAt(view, 1 / 1.5, anchor, DURATION);
    expect(spanMs(view)).toBeCloseTo(DURATION, 3);
    expect(view.startMs).toBe(0);
  });

  it('clamps scrolling to the file and follows playback by pages', () => {
    const view = clampView({ startMs: DURATION, pxPerSec: 100, widthPx: 1000 }, DURATION);
    expect(view.startMs).toBe(DURATION - 10_000);
    const at = { startMs: 0, pxPerSec: 100, widthPx: 1000 };
    expect(followPlayhead(at, 5000, DURATION)).toBe(at);
    expect(followPlayhead(at, 9500, DURATION).startMs).toBe(8500);
  });

  it('reveals a cue: centred, zoomed in from an overview', () => {
    const overview = fitView(DURATION, 1200);
    const view = revealRange(overview, 3_595_900, 3_601_200, DURATION, 40);
    expect(view.pxPerSec).toBe(40);
    expect(view.startMs).toBeLessThan(3_595_900);
    expect(view.startMs + spanMs(view)).toBeGreaterThan(3_601_200);
  });
});

describe('ruler', () => {
  it('labels 01:00:00 exactly at every zoom from the whole hour to 1 ms per pixel, in the file form', () => {
    for (let pxPerSec = 1200 / (DURATION / 1000); pxPerSec <= MAX_PX_PER_SEC; pxPerSec *= 1.37) {
      const { majorMs } = tickSteps(pxPerSec);
      const width = 1200;
      // A window that contains 01:00:00 somewhere inside.
      const startMs = Math.max(0, HOUR - (width * 1000) / pxPerSec / 3);
      const ticks = rulerTicks(startMs, pxPerSec, width);
      const hour = ticks.find((t) => t.ms === HOUR);
      if (HOUR % majorMs === 0) {
        expect(hour?.label, `zoom ${pxPerSec}`).toBe('01:00:00,000');
      }
      for (const tick of ticks) {
        expect(Number.isInteger(tick.ms)).toBe(true);
        if (tick.label) {
          expect(tick.label).toMatch(/^\d\d:[0-5]\d:[0-5]\d,\d\d\d$/);
          expect(parseTime(tick.label)).toBe(tick.ms);
        }
      }
    }
  });

  it('formats labels as HH:MM:SS,mmm, the form of the file', () => {
    expect(formatRulerTime(HOUR)).toBe('01:00:00,000');
    expect(formatRulerTime(HOUR - 1)).toBe('00:59:59,999');
    expect(formatRulerTime(HOUR + 250)).toBe('01:00:00,250');
    expect(tickSteps(200).majorMs).toBe(500);
    expect(tickSteps(0.15).majorMs).toBe(900_000);
  });
});

describe('snapping and dragging', () => {
  const cue = { startMs: 10_000, endMs: 12_000 };

  it('finds the nearest candidate within the threshold', () => {
    expect(nearestCandidate(1000, [900, 1080, 5000], 100)).toBe(1080);
    expect(nearestCandidate(1000, [800], 100)).toBeNull();
  });

  it('moves a block keeping its duration, snapping the closer edge', () => {
    expect(dragTimes('move', cue, 500, [], 50)).toEqual({ startMs: 10_500, endMs: 12_500, snappedMs: null });
    // End edge lands 20 ms from the neighbour start at 12_520: snaps there.
    expect(dragTimes('move', cue, 500, [12_520], 50)).toEqual({ startMs: 10_520, endMs: 12_520, snappedMs: 12_520 });
    // Alt: no snapping.
    expect(dragTimes('move', cue, 500, [12_520], 50, false).snappedMs).toBeNull();
    // Never before 0.
    expect(dragTimes('move', cue, -20_000, [], 50)).toEqual({ startMs: 0, endMs: 2000, snappedMs: null });
  });

  it('resizes an edge with snapping and never crosses the other edge', () => {
    expect(dragTimes('end', cue, -1210, [10_800], 50)).toEqual({ startMs: 10_000, endMs: 10_800, snappedMs: 10_800 });
    expect(dragTimes('start', cue, 5000, [], 50)).toEqual({ startMs: 12_000, endMs: 12_000, snappedMs: null });
    expect(dragTimes('end', cue, -5000, [], 50)).toEqual({ startMs: 10_000, endMs: 10_000, snappedMs: null });
    expect(dragTimes('start', cue, 333.4, [], 50).startMs).toBe(10_333);
  });
});
