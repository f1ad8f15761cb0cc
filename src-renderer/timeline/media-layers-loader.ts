/**
 * Loads the timeline's media layers into the store: the spectrogram (main's `startSpectrogram` job, streamed in
 * chunks) the first time the spectrogram is shown for a media file, and the shot changes of a video once its
 * waveform peaks are done (so the two ffmpeg runs do not compete). Opening other media cancels and starts over.
 */
import type { EventOf } from '../../src-shared/ipc-contract';
import { type Spectrogram, spectrogramParams } from '../../src-shared/spectrogram';
import { call, onEvent } from '../api';
import type { EditorStore } from '../store/editor-store';
import type { MediaLayersState } from './media-layers-state';

/** Bytes of a base64 string (a spectrogram chunk). */
export function base64Bytes(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Appends a chunk of columns to a partial spectrogram (a new object; the buffer grows by doubling). */
export function appendColumns(current: Spectrogram, startColumn: number, bytes: Uint8Array): Spectrogram {
  const { bins } = current;
  const columns = Math.max(current.columns, startColumn + bytes.length / bins);
  let data = current.data;
  if (columns * bins > data.length) {
    data = new Uint8Array(Math.max(columns * bins, data.length * 2));
    data.set(current.data.subarray(0, current.columns * bins));
  }
  data.set(bytes, startColumn * bins);
  return { ...current, columns, data };
}

/** Switches the timeline between waveform and spectrogram. */
export function toggleSpectrogram(store: EditorStore): void {
  const layers = store.getState().mediaLayers;
  store.setMediaLayers({ ...layers, display: layers.display === 'spectrogram' ? 'waveform' : 'spectrogram' });
}

let sequence = 0;

/** Starts watching the store; returns the stop function (cancels a running job). */
export function startMediaLayers(store: EditorStore): () => void {
  let media = store.getState().media;
  let job: { requestId: string; off: () => void } | null = null;
  const patch = (change: (layers: MediaLayersState) => MediaLayersState) =>
    store.setMediaLayers(change(store.getState().mediaLayers));

  const cancel = () => {
    if (!job) return;
    job.off();
    void call('cancelSpectrogram', { requestId: job.requestId }).catch(() => {});
    job = null;
  };

  const startSpectrogram = (path: string) => {
    const requestId = `spectrogram-${Date.now().toString(36)}-${++sequence}`;
    const owner = store.getState().media;
    const current = () => job?.requestId === requestId && store.getState().media === owner;
    const empty: Spectrogram = { ...spectrogramParams(), columns: 0, data: new Uint8Array(0), durationMs: 0 };
    patch((l) => ({ ...l, spectrogram: { status: 'loading', data: empty, progress: 0, message: null } }));
    const off = onEvent('spectrogram', (event: EventOf<'spectrogram'>) => {
      if (event.requestId !== requestId || !current()) return;
      const spectrogram = store.getState().mediaLayers.spectrogram;
      switch (event.kind) {
        case 'progress': {
          const progress = event.totalMs ? Math.min(1, event.doneMs / event.totalMs) : 0;
          patch((l) => ({ ...l, spectrogram: { ...spectrogram, progress } }));
          break;
        }
        case 'chunk': {
          const data = appendColumns(spectrogram.data ?? empty, event.startColumn, base64Bytes(event.data));
          patch((l) => ({ ...l, spectrogram: { ...spectrogram, data } }));
          break;
        }
        case 'done': {
          const { requestId: _id, kind: _kind, ...shape } = event;
          const data = spectrogram.data ?? empty;
          const whole = { ...data, ...shape, data: data.data.slice(0, shape.columns * shape.bins) };
          patch((l) => ({ ...l, spectrogram: { status: 'ready', data: whole, progress: 1, message: null } }));
          off();
          job = null;
          break;
        }
        case 'error':
        case 'canceled':
          patch((l) => ({
            ...l,
            spectrogram: {
              status: event.kind === 'error' ? 'error' : 'idle',
              data: null,
              progress: 0,
              message: event.kind === 'error' ? event.message : null,
            },
          }));
          off();
          job = null;
          break;
      }
    });
    job = { requestId, off };
    call('startSpectrogram', { requestId, path }).catch((error: unknown) => {
      if (!current()) return;
      off();
      job = null;
      const message = error instanceof Error ? error.message : String(error);
      patch((l) => ({ ...l, spectrogram: { status: 'error', data: null, progress: 0, message } }));
    });
  };

  const startShots = (path: string, hasVideo: boolean) => {
    if (!hasVideo) {
      patch((l) => ({ ...l, shots: { status: 'ready', shotsMs: [], message: null } }));
      return;
    }
    const owner = store.getState().media;
    patch((l) => ({ ...l, shots: { status: 'loading', shotsMs: [], message: null } }));
    call('detectShots', { path }).then(
      ({ shotsMs }) => {
        if (store.getState().media === owner)
          patch((l) => ({ ...l, shots: { status: 'ready', shotsMs, message: null } }));
      },
      (error: unknown) => {
        if (store.getState().media !== owner) return;
        const message = error instanceof Error ? error.message : String(error);
        patch((l) => ({ ...l, shots: { status: 'error', shotsMs: [], message } }));
      },
    );
  };

  const check = () => {
    const s = store.getState();
    if (s.media !== media) {
      media = s.media;
      cancel();
    }
    if (!s.media) return;
    const layers = s.mediaLayers;
    if (layers.display === 'spectrogram' && layers.spectrogram.status === 'idle' && !job)
      startSpectrogram(s.media.path);
    if (layers.shots.status === 'idle' && s.peaks.status !== 'loading') startShots(s.media.path, s.media.hasVideo);
  };
  const unsubscribe = store.subscribe(check);
  check();
  return () => {
    unsubscribe();
    cancel();
  };
}
