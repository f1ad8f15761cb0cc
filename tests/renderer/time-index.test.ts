import { describe, expect, it } from 'vitest';
import { TimeIndex } from '../../src-renderer/store/time-index';
import type { Cue } from '../../src-shared/document';

function cue(id: number, startMs: number, endMs: number): Cue {
  return { id, startMs, endMs, text: `c${id}`, settings: '', trailer: '' };
}

describe('TimeIndex', () => {
  const sorted = [cue(1, 0, 1000), cue(2, 1000, 2000), cue(3, 2500, 9000), cue(4, 3000, 3500), cue(5, 10_000, 10_000)];

  it('is the identity on sorted cues and finds the visible ones by binary search', () => {
    const index = new TimeIndex(sorted);
    expect(index.order).toBeNull();
    expect(index.maxExtentMs).toBe(6500);
    expect(index.visible(sorted, 1500, 2600).positions).toEqual([1, 2]);
    // A long cue that started before the window is still visible.
    expect(index.visible(sorted, 5000, 6000).positions).toEqual([2]);
    // A zero-length cue is visible at its instant.
    expect(index.visible(sorted, 9999, 10_001).positions).toEqual([4]);
    expect(index.visible(sorted, 0, 20_000, 2)).toEqual({ positions: [0, 1], truncated: true });
    expect(index.visible(sorted, 0, 20_000, 5)).toEqual({ positions: [0, 1, 2, 3, 4], truncated: false });
  });

  it('orders unsorted cues and handles reversed times', () => {
    const cues = [cue(1, 5000, 6000), cue(2, 1000, 2000), cue(3, 4000, 3000)];
    const index = new TimeIndex(cues);
    expect(Array.from(index.order ?? [])).toEqual([1, 2, 0]);
    expect(index.starts[1]).toBe(3000);
    expect(index.visible(cues, 3500, 3600).positions).toEqual([2]);
    expect(index.rankOf(0)).toBe(2);
    expect(index.lastMs).toBe(6000);
  });

  it('finds the cue showing at a time', () => {
    const index = new TimeIndex(sorted);
    expect(index.cueAt(sorted, 500)).toBe(0);
    expect(index.cueAt(sorted, 1000)).toBe(1);
    expect(index.cueAt(sorted, 3200)).toBe(3);
    expect(index.cueAt(sorted, 9500)).toBe(-1);
  });

  it('answers exactly like a full scan on 232,400 cues (its speed is measured by npm run bench, not here)', () => {
    const cues = Array.from({ length: 232_400 }, (_, i) => cue(i + 1, i * 1000, i * 1000 + (i % 7 === 0 ? 2500 : 900)));
    const index = new TimeIndex(cues);
    for (let k = 0; k < 50; k++) {
      const from = k * 4_649_000 + 300;
      const to = from + 30_000;
      const scan = cues.flatMap((c, position) => (c.endMs > from && c.startMs < to ? [position] : []));
      expect(index.visible(cues, from, to).positions).toEqual(scan);
    }
  });
});
