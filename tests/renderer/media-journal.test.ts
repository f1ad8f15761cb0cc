// The media element's errors reach the status bar; the recovery journal gets every edit as a small record.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { editText } from '../../src-renderer/store/edit-actions';
import { watchJournal } from '../../src-renderer/store/journal';
import { MediaController, mediaErrorText } from '../../src-renderer/video/media-controller';
import { applyRecord, type JournalRecordBody } from '../../src-shared/journal';
import { readSrt, writeSrt } from '../../src-shared/srt';
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
  type Sent = { handle: string; records: JournalRecordBody[] };

  it('sends each edit as a small record within the batch delay, however busy the store is', async () => {
    vi.useFakeTimers();
    const store = loadStore(SRT);
    const sent: Sent[] = [];
    const feed = watchJournal(store, async (handle, records) => {
      sent.push({ handle, records });
      return { seq: sent.flatMap((s) => s.records).length, failure: null };
    });
    const id = store.doc?.cues[0]?.id as number;
    editText(store, id, 'Edited');
    editText(store, id, 'Edited again');
    for (let t = 0; t < 400; t += 16) {
      store.setPlayhead(t);
      await vi.advanceTimersByTimeAsync(16);
    }
    expect(sent).toHaveLength(1);
    expect(sent[0]?.handle).toBe(docInfo.handle);
    expect(sent[0]?.records.map((r) => r.ops)).toEqual([
      [{ op: 'replace', positions: [0], cues: [expect.objectContaining({ text: 'Edited' })] }],
      [{ op: 'replace', positions: [0], cues: [expect.objectContaining({ text: 'Edited again' })] }],
    ]);
    // The records replay onto the text as opened to the document as edited.
    const { doc } = readSrt(SRT);
    for (const record of sent[0]?.records ?? []) applyRecord(doc, record);
    expect(writeSrt(doc)).toBe(writeSrt(store.doc as NonNullable<typeof store.doc>));
    expect(feed.acknowledged(docInfo.handle)).toBe(2);
    feed.stop();
  });

  it('marks undo back to the saved state as clean and redo as dirty again', async () => {
    const store = loadStore(SRT);
    const sent: JournalRecordBody[] = [];
    const feed = watchJournal(store, async (_handle, records) => {
      sent.push(...records);
      return { seq: sent.length, failure: null };
    });
    editText(store, store.doc?.cues[0]?.id as number, 'Edited');
    store.undo();
    store.redo();
    await feed.flush();
    expect(sent.map((r) => r.dirty)).toEqual([true, false, true]);
    feed.stop();
  });

  it('tells a write failure once, and that backups work again', async () => {
    const store = loadStore(SRT);
    const failures: string[] = [];
    let recovered = 0;
    let full = true;
    const feed = watchJournal(
      store,
      async () => ({ seq: 0, failure: full ? 'Unsaved edits are not being backed up: the disk is full.' : null }),
      { onFailure: (m) => failures.push(m), onRecovered: () => recovered++ },
    );
    const id = store.doc?.cues[0]?.id as number;
    for (const text of ['a', 'ab', 'abc']) {
      editText(store, id, text);
      await feed.flush();
    }
    expect(failures).toEqual(['Unsaved edits are not being backed up: the disk is full.']);
    full = false;
    editText(store, id, 'abcd');
    await feed.flush();
    expect(recovered).toBe(1);
    feed.stop();
  });
});
