/**
 * Speech activity for the editor: `loadSpeech` runs main's `startSpeech` job (cancellable, with progress) and
 * resolves with the segments; sync estimation and snapping then run in the renderer (sync-actions.ts), on pure
 * src-shared code, so the document never crosses IPC. `segments` are for the speech lane, `syncSegments` for sync
 * and snap.
 */
import type { EventOf } from '../../src-shared/ipc-contract';
import { estimateSync, type SyncEstimate, type SyncOptions, type TimedSpan } from '../../src-shared/sync/estimate';
import { ApiCallError, call, onEvent } from '../api';

type SpeechDone = Extract<EventOf<'speech'>, { kind: 'done' }>;

/** Speech of a media file: display segments, sync segments and the levels they were detected from. */
export type SpeechResult = Omit<SpeechDone, 'requestId' | 'kind'>;

/** Decoding progress (only while ffmpeg runs; a peaks-cache hit reports 100 % at once). */
export interface SpeechProgress {
  doneMs: number;
  /** Media duration when known. */
  totalMs: number | null;
}

/** Which detector main hears with: `auto` (energy, Silero under music or noise), or one of them. */
export type SpeechDetectorMode = 'auto' | 'energy' | 'silero';
export const SPEECH_DETECTOR_MODES: readonly SpeechDetectorMode[] = ['auto', 'energy', 'silero'];

let sequence = 0;

/** The error a canceled load rejects with: the signal's reason, or a DOMException named AbortError. */
function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('Speech detection was canceled', 'AbortError');
}

/**
 * Detects speech in an opened (allowed) media file. Fast once the waveform peaks were computed (main reads the
 * peaks cache), so start it after the `peaks` job's `done` to avoid a second decode. Aborting `signal` cancels the
 * job in main and rejects with the abort reason; a refused path rejects with ApiCallError `forbidden`, a decode
 * failure with ApiCallError `media-failed`.
 */
export function loadSpeech(
  mediaPath: string,
  onProgress?: (progress: SpeechProgress) => void,
  signal?: AbortSignal,
  vad: SpeechDetectorMode = 'auto',
): Promise<SpeechResult> {
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  const requestId = `speech-${Date.now().toString(36)}-${++sequence}`;
  return new Promise<SpeechResult>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      off();
      signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    const onAbort = (): void => {
      if (settled) return;
      void call('cancelSpeech', { requestId }).catch(() => {});
      finish(() => reject(abortReason(signal as AbortSignal)));
    };
    // Subscribed before the call, so no event of this job can be missed.
    const off = onEvent('speech', (event) => {
      if (event.requestId !== requestId || settled) return;
      switch (event.kind) {
        case 'progress':
          onProgress?.({ doneMs: event.doneMs, totalMs: event.totalMs });
          break;
        case 'done': {
          const { requestId: _id, kind: _kind, ...result } = event;
          finish(() => resolve(result));
          break;
        }
        case 'error':
          finish(() => reject(new ApiCallError('media-failed', event.message)));
          break;
        case 'canceled':
          finish(() => reject(new DOMException('Speech detection was canceled', 'AbortError')));
          break;
      }
    });
    signal?.addEventListener('abort', onAbort, { once: true });
    call('startSpeech', { requestId, path: mediaPath, vad }).catch((error: unknown) => finish(() => reject(error)));
  });
}

/** Whether a loadSpeech rejection was a cancel rather than a failure. */
export function isSpeechCanceled(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'AbortError';
}

/**
 * The automatic-sync estimate for a document's cues against the speech (sync segments): scale, offsetMs,
 * driftPercent, confidence (below 0.5 comes with `problem`). Pure; about 0.1-0.2 s for an hour of subtitles.
 * Preview and apply it with planSync(doc, estimate) from src-shared/sync.
 */
export function estimateFromSpeech(
  doc: { readonly cues: readonly TimedSpan[] },
  speech: Pick<SpeechResult, 'syncSegments' | 'durationMs'>,
  options?: SyncOptions,
): SyncEstimate {
  return estimateSync(doc.cues, { segments: speech.syncSegments, durationMs: speech.durationMs }, options);
}
