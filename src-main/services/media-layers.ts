/** The spectrogram and shot-change jobs behind the IPC handlers (app-services.ts stays a thin index). */
import type { EventOf } from '../../src-shared/ipc-contract';
import { english, errorText, type Translate } from './i18n';
import { computeSpectrogram } from './spectrogram';

/** Runs one spectrogram job, turning its progress into `spectrogram` events (chunks as base64 bytes). */
export async function runSpectrogramJob(
  requestId: string,
  filePath: string,
  options: {
    cacheDir: string;
    signal: AbortSignal;
    emit: (payload: EventOf<'spectrogram'>) => void;
    /** Words the error message (default English). */
    t?: Translate;
  },
): Promise<void> {
  const { emit, signal } = options;
  try {
    const result = await computeSpectrogram(filePath, {
      signal,
      cacheDir: options.cacheDir,
      onProgress: ({ doneMs, totalMs, chunk }) => {
        emit({ requestId, kind: 'progress', doneMs, totalMs: totalMs ?? null });
        if (chunk) {
          const data = Buffer.from(chunk.data.buffer, chunk.data.byteOffset, chunk.data.byteLength).toString('base64');
          emit({ requestId, kind: 'chunk', startColumn: chunk.startColumn, data });
        }
      },
    });
    const { sampleRate, fftSize, hopSamples, bins, minDb, maxDb, columns, durationMs } = result;
    emit({ requestId, kind: 'done', sampleRate, fftSize, hopSamples, bins, minDb, maxDb, columns, durationMs });
  } catch (error) {
    if (signal.aborted) emit({ requestId, kind: 'canceled' });
    else emit({ requestId, kind: 'error', message: errorText(options.t ?? english, error) });
  }
}
