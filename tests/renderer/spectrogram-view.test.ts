/** The spectrogram view's pure parts: pixels of the visible range only, chunk assembly, the toggle command. */
import { describe, expect, it } from 'vitest';
import { createCommands, runCommand } from '../../src-renderer/commands';
import { EditorStore } from '../../src-renderer/store/editor-store';
import { appendColumns, base64Bytes } from '../../src-renderer/timeline/media-layers-loader';
import { spectrogramPalette, spectrogramPixels } from '../../src-renderer/timeline/spectrogram-draw';
import { binOfHz, computeSpectrogram, type Spectrogram } from '../../src-shared/spectrogram';

const palette = spectrogramPalette();

/** 2 s of silence, then 2 s of a 1 kHz tone. */
function silenceThenTone(): Spectrogram {
  const samples = new Int16Array(32_000);
  for (let i = 16_000; i < samples.length; i++)
    samples[i] = Math.round(3000 * Math.sin((2 * Math.PI * 1000 * i) / 8000));
  return computeSpectrogram(samples);
}

function pixel(pixels: Uint8ClampedArray, width: number, x: number, y: number): number[] {
  return Array.from(pixels.subarray((y * width + x) * 4, (y * width + x) * 4 + 4));
}

describe('spectrogramPixels', () => {
  const s = silenceThenTone();
  const height = 128;
  // 100 px per second: x 0..199 silence, 200..399 tone, 400.. past the data.
  const view = { startMs: 0, pxPerSec: 100, widthPx: 500 };
  const pixels = spectrogramPixels(s, view, height, palette);
  const toneRow = height - 1 - binOfHz(s, 1000);

  it('draws the tone as a bright row at its frequency, low frequencies at the bottom', () => {
    const bright = pixel(pixels, 500, 300, toneRow);
    const dark = pixel(pixels, 500, 100, toneRow);
    expect(bright[0]! + bright[1]! + bright[2]!).toBeGreaterThan(dark[0]! + dark[1]! + dark[2]! + 300);
    expect(dark).toEqual(Array.from(palette.subarray(0, 4)));
  });

  it('leaves the time past the arrived data transparent', () => {
    expect(pixel(pixels, 500, 450, toneRow)[3]).toBe(0);
    expect(pixel(pixels, 500, 399, toneRow)[3]).toBe(255);
  });

  it('draws only the visible range: a view scrolled to 2 s starts with the tone', () => {
    const scrolled = spectrogramPixels(s, { startMs: 2000, pxPerSec: 100, widthPx: 50 }, height, palette);
    expect(scrolled.length).toBe(50 * height * 4);
    expect(pixel(scrolled, 50, 10, toneRow)).toEqual(pixel(pixels, 500, 310, toneRow));
    expect(pixel(scrolled, 50, 10, toneRow)).not.toEqual(pixel(pixels, 500, 10, toneRow));
  });

  it('keeps a short loud event visible when zoomed far out (loudest column per pixel)', () => {
    const samples = new Int16Array(8000 * 60);
    for (let i = 240_000; i < 240_400; i++) samples[i] = Math.round(20_000 * Math.sin((2 * Math.PI * 500 * i) / 8000));
    const minute = computeSpectrogram(samples);
    const far = spectrogramPixels(minute, { startMs: 0, pxPerSec: 2, widthPx: 120 }, 64, palette);
    const row = 63 - Math.floor((binOfHz(minute, 500) * 64) / 128);
    expect(pixel(far, 120, 60, row)).not.toEqual(Array.from(palette.subarray(0, 4)));
  });
});

describe('spectrogram chunks', () => {
  it('assembles base64 chunks into the columns main computed', () => {
    const s = silenceThenTone();
    let partial: Spectrogram = { ...s, columns: 0, data: new Uint8Array(0) };
    for (let start = 0; start < s.columns; start += 37) {
      const bytes = s.data.subarray(start * s.bins, Math.min(s.columns, start + 37) * s.bins);
      partial = appendColumns(partial, start, base64Bytes(Buffer.from(bytes).toString('base64')));
    }
    expect(partial.columns).toBe(s.columns);
    expect(Buffer.from(partial.data.subarray(0, s.columns * s.bins)).equals(Buffer.from(s.data))).toBe(true);
  });
});

describe('view.spectrogram command', () => {
  it('toggles the timeline between waveform and spectrogram once media is open', () => {
    const store = new EditorStore();
    const commands = createCommands(store, {} as never);
    expect(commands.get('view.spectrogram')?.keys).toEqual(['Mod+Alt+W']);
    expect(runCommand(commands, store, 'view.spectrogram')).toBe(false);
    store.setMedia({
      path: '/m.wav',
      durationMs: 1000,
      hasVideo: false,
      hasAudio: true,
      audio: { codec: 'pcm', sampleRate: 8000, channels: 1 },
      format: 'wav',
      sizeBytes: 1,
    });
    expect(store.getState().mediaLayers.display).toBe('waveform');
    expect(runCommand(commands, store, 'view.spectrogram')).toBe(true);
    expect(store.getState().mediaLayers.display).toBe('spectrogram');
    runCommand(commands, store, 'view.spectrogram');
    expect(store.getState().mediaLayers.display).toBe('waveform');
  });
});

describe('shot-change commands', () => {
  it('move the playhead to the previous and next cut, and are off without cuts', () => {
    const store = new EditorStore();
    const seeks: number[] = [];
    const commands = createCommands(store, { seek: (ms: number) => seeks.push(ms) } as never);
    store.setMedia({
      path: '/v.mp4',
      durationMs: 8000,
      hasVideo: true,
      hasAudio: true,
      audio: { codec: 'aac', sampleRate: 48000, channels: 1 },
      format: 'mp4',
      sizeBytes: 1,
    });
    expect(runCommand(commands, store, 'media.nextShot')).toBe(false);
    const layers = store.getState().mediaLayers;
    store.setMediaLayers({ ...layers, shots: { status: 'ready', shotsMs: [2000, 4000, 6000], message: null } });
    store.setPlayhead(3000);
    expect(runCommand(commands, store, 'media.nextShot')).toBe(true);
    expect(runCommand(commands, store, 'media.previousShot')).toBe(true);
    expect(seeks).toEqual([4000, 2000]);
    expect(commands.get('media.nextShot')?.keys).toEqual(['Mod+Alt+]']);
  });
});
