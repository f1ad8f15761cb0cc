// The media element's errors reach the status bar; the recovery journal gets edits while the store keeps changing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { editText } from '../../src-renderer/store/edit-actions';
import { watchJournal } from '../../src-renderer/store/journal';
import { MediaController, mediaErrorText } from '../../src-renderer/video/media-controller';
import { docInfo, loadStore } from '../support/editor-store';

const SRT = '1\n00:00:01,000 --> 00:00:02,000\nHello\n';

/** Just enough of a <video> for the controller: events, src, error. */
class FakeMedia extends EventTarget {
  src = '';
  preload = '';
  paused = true;
  currentTime = 0;
  error: { code: number; message: string } | null = null;
  getAttribute(name: string): string | null {
    return name === 'src' ? this.src : null;
  }
  pause(): void {}
}

afterEach(() => {
  vi.useRealTimers();
});

describe('MediaController', () => {
  it('shows a media element error in the status message', () => {
    const store = loadStore(SRT);
    store.setMedia({
      path: '/media/clip.mkv',
      durationMs: 5000,
      hasVideo: true,
      hasAudio: true,
      audio: { codec: 'aac', sampleRate: 48_000, channels: 2 },
      format: 'matroska',
      sizeBytes: 1000,
    });
    const media = new MediaController(store);
    const element = new FakeMedia();
    media.attachElement(element as unknown as HTMLVideoElement);
    media.load('media://clip.mkv');
    element.error = { code: 4, message: 'DEMUXER_ERROR_NO_SUPPORTED_STREAMS' };
    element.dispatchEvent(new Event('error'));
    expect(store.getState().message).toBe(
      'Cannot play clip.mkv: its format is not supported (DEMUXER_ERROR_NO_SUPPORTED_STREAMS)',
    );
    expect(mediaErrorText({ code: 3, message: '' }, 'a.wav')).toBe('Cannot play a.wav: it could not be decoded');
    // Detached: the element's listeners are gone.
    media.attachElement(null);
    store.setMessage('');
    element.dispatchEvent(new Event('error'));
    expect(store.getState().message).toBe('');
  });
});

describe('watchJournal', () => {
  it('journals an edit within the delay even while the playhead moves every frame', () => {
    vi.useFakeTimers();
    const store = loadStore(SRT);
    const reports: string[] = [];
    const stop = watchJournal(store, (_handle, text) => reports.push(text), 1500);
    editText(store, store.doc?.cues[0]?.id as number, 'Edited');
    for (let t = 0; t < 2000; t += 16) {
      store.setPlayhead(t);
      vi.advanceTimersByTime(16);
    }
    expect(reports).toHaveLength(1);
    expect(reports[0]).toContain('Edited');
    // Nothing new: nothing more, however long the store keeps changing.
    store.setPlayhead(5000);
    vi.advanceTimersByTime(5000);
    expect(reports).toHaveLength(1);
    // Saved before the delay: not journaled.
    editText(store, store.doc?.cues[0]?.id as number, 'Edited again');
    store.markSaved(docInfo);
    vi.advanceTimersByTime(2000);
    expect(reports).toHaveLength(1);
    stop();
  });
});
