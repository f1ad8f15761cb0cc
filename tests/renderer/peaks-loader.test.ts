import { describe, expect, it } from 'vitest';
import { columnPeaks } from '../../src-renderer/timeline/waveform-draw';
import { overviewChannel, PeaksAssembler } from '../../src-renderer/video/peaks-loader';
import { pickLevel } from '../../src-shared/waveform';

describe('PeaksAssembler', () => {
  it('assembles chunks into multi-level peaks on done, with partial snapshots before', () => {
    const assembler = new PeaksAssembler();
    const pairs = 2000;
    const data = Array.from({ length: pairs * 2 }, (_, i) => (i % 2 === 0 ? -(i % 1000) || 0 : i % 1000));
    expect(assembler.snapshot()).toBeNull();
    assembler.add({ requestId: 'r', kind: 'progress', doneMs: 5000, totalMs: 10_000 });
    assembler.add({ requestId: 'r', kind: 'chunk', startPair: 0, data: data.slice(0, 2000) });
    expect(assembler.snapshot()?.length).toBe(1000);
    expect(assembler.doneMs / (assembler.totalMs ?? 1)).toBe(0.5);
    assembler.add({ requestId: 'r', kind: 'chunk', startPair: 1000, data: data.slice(2000) });
    const peaks = assembler.add({
      requestId: 'r',
      kind: 'done',
      sampleRate: 8000,
      samplesPerPixel: 40,
      length: pairs,
      bits: 16,
      durationMs: 10_000,
    });
    expect(peaks?.length).toBe(pairs);
    expect(Array.from(peaks?.data ?? [])).toEqual(data);
    expect(peaks?.levels.length).toBe(5);
    const overview = overviewChannel(peaks!);
    expect(overview.length).toBe(2 * Math.ceil(pairs / 256));
    expect(Math.max(...overview)).toBeLessThanOrEqual(1);
  });

  it('draws one min/max per pixel column from the level that fits the zoom', () => {
    const assembler = new PeaksAssembler();
    const pairs = 200 * 60;
    const data = new Array<number>(pairs * 2);
    for (let i = 0; i < pairs; i++) {
      data[i * 2] = -1000 * ((i % 200) / 200);
      data[i * 2 + 1] = Math.round(16_000 * ((i % 200) / 200));
    }
    assembler.add({ requestId: 'r', kind: 'chunk', startPair: 0, data: data.map(Math.round) });
    const peaks = assembler.add({
      requestId: 'r',
      kind: 'done',
      sampleRate: 8000,
      samplesPerPixel: 40,
      length: pairs,
      bits: 16,
      durationMs: 60_000,
    })!;
    // 10 px/s: the x16 level (12.5 pairs/s) is the coarsest with >= 1 pair per pixel.
    expect(pickLevel(peaks, 10).samplesPerPixel).toBe(640);
    const { min, max } = columnPeaks(peaks, { startMs: 0, pxPerSec: 10, widthPx: 700 }, 700);
    // Each second ramps up to 15,920 / 32,768 = 0.486: one column in ten holds a second's peak.
    expect(Math.max(...max.slice(0, 600))).toBeCloseTo(0.486, 2);
    expect(max[0]).toBeCloseTo(1200 / 32768, 4);
    expect(min[0]).toBeLessThanOrEqual(0);
    // Past the end of the audio (60 s = 600 px): nothing.
    expect(Number.isNaN(max[650] as number)).toBe(true);
  });
});
