/**
 * Keeps fine peaks for the visible stretch while zoomed past the cached 5 ms level: asks main (`rangePeaks`) a
 * moment after the view settles, one request at a time, and drops answers for a media file no longer open.
 */
import { call } from '../api';
import type { EditorStore } from '../store/editor-store';
import { detailCovers, detailRequest, needsDetail } from './detail-peaks';

/** Wait this long after the last scroll or zoom before asking. */
const SETTLE_MS = 60;

/** Watches the store; returns the unsubscribe. */
export function watchDetailPeaks(store: EditorStore): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let busy = false;
  let failedFor: string | null = null;

  const wanted = () => {
    const s = store.getState();
    const media = s.media;
    if (!media?.hasAudio || !needsDetail(s.view, s.peaks.peaks)) return null;
    if (detailCovers(s.detailPeaks, s.view, media.path)) return null;
    return media.path;
  };

  const fetchNow = async () => {
    timer = null;
    const mediaPath = wanted();
    if (mediaPath === null || busy) return;
    busy = true;
    const s = store.getState();
    const request = detailRequest(s.view, store.durationMs());
    try {
      const answer = await call('rangePeaks', { path: mediaPath, ...request });
      if (store.getState().media?.path === mediaPath) {
        store.setDetailPeaks({
          mediaPath,
          fromMs: answer.fromMs,
          toMs: answer.toMs,
          data: Int16Array.from(answer.data),
        });
      }
    } catch (error) {
      if (failedFor !== mediaPath) store.setMessage(error instanceof Error ? error.message : String(error));
      failedFor = mediaPath;
    } finally {
      busy = false;
    }
    // The view may have moved on while main was decoding.
    schedule();
  };

  function schedule(): void {
    if (timer !== null || busy || failedFor === store.getState().media?.path) return;
    if (wanted() === null) return;
    timer = setTimeout(() => void fetchNow(), SETTLE_MS);
  }

  const off = store.subscribe(schedule);
  schedule();
  return () => {
    off();
    if (timer !== null) clearTimeout(timer);
  };
}
