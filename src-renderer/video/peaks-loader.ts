/** Receives the peaks stream main computes for a media file and assembles it into multi-level `Peaks`. */
import type { PeaksEvent } from '../../src-shared/ipc-contract';
import { type Peaks, type PeaksArray, peaksFromBase } from '../../src-shared/waveform';

/** Collects chunks of one request; `snapshot` builds drawable peaks from what has arrived. */
export class PeaksAssembler {
  private chunks: { startPair: number; data: number[] }[] = [];
  private pairs = 0;
  doneMs = 0;
  totalMs: number | null = null;

  constructor(
    private sampleRate = 8000,
    private samplesPerPixel = 40,
  ) {}

  /** Applies one event; returns the finished peaks on `done`. */
  add(event: PeaksEvent): Peaks | null {
    if (event.kind === 'progress') {
      this.doneMs = event.doneMs;
      this.totalMs = event.totalMs;
    } else if (event.kind === 'chunk') {
      this.chunks.push({ startPair: event.startPair, data: event.data });
      this.pairs = Math.max(this.pairs, event.startPair + event.data.length / 2);
    } else if (event.kind === 'done') {
      this.sampleRate = event.sampleRate;
      this.samplesPerPixel = event.samplesPerPixel;
      return this.build(event.length, event.bits, event.durationMs);
    }
    return null;
  }

  /** Peaks of what has arrived so far (for drawing while a cold computation runs). */
  snapshot(): Peaks | null {
    if (this.pairs === 0) return null;
    return this.build(this.pairs, 16, (this.pairs * this.samplesPerPixel * 1000) / this.sampleRate);
  }

  private build(length: number, bits: 8 | 16, durationMs: number): Peaks {
    const data: PeaksArray = bits === 8 ? new Int8Array(length * 2) : new Int16Array(length * 2);
    for (const chunk of this.chunks) {
      const room = Math.max(0, length * 2 - chunk.startPair * 2);
      data.set(chunk.data.length > room ? chunk.data.slice(0, room) : chunk.data, chunk.startPair * 2);
    }
    return peaksFromBase(this.sampleRate, { samplesPerPixel: this.samplesPerPixel, length, data }, durationMs);
  }
}

/** The overview's data for wavesurfer: the coarsest level as interleaved min/max floats in -1..1. */
export function overviewChannel(peaks: Peaks): Float32Array {
  const level = peaks.levels[peaks.levels.length - 1] ?? peaks.levels[0];
  if (!level) return new Float32Array(0);
  const scale = peaks.bits === 8 ? 128 : 32768;
  const out = new Float32Array(level.length * 2);
  for (let i = 0; i < out.length; i++) out[i] = (level.data[i] as number) / scale;
  return out;
}
