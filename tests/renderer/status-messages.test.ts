/** Status messages: counted nouns read right in the singular and plural, and every message clears after a while. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixAllOverlaps } from '../../src-renderer/store/edit-actions';
import { MESSAGE_CLEAR_MS } from '../../src-renderer/store/editor-store';
import { loadStore } from '../support/editor-store';
import { readFixtureText } from '../support/fixtures';

describe('status messages', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('says "Fixed 1 overlap" for the broken interview’s one overlap, and "2 overlaps" for two', () => {
    const store = loadStore(readFixtureText('interview-broken.srt'));
    fixAllOverlaps(store);
    expect(store.getState().message).toBe('Fixed 1 overlap');
    const two = loadStore(
      '1\n00:00:01,000 --> 00:00:03,000\na\n\n2\n00:00:02,000 --> 00:00:05,000\nb\n\n3\n00:00:04,000 --> 00:00:06,000\nc\n',
    );
    fixAllOverlaps(two);
    expect(two.getState().message).toBe('Fixed 2 overlaps');
  });

  it('clears a message after a few seconds, and a newer message restarts the wait', () => {
    const store = loadStore('1\n00:00:01,000 --> 00:00:02,000\na\n');
    store.setMessage('first');
    vi.advanceTimersByTime(MESSAGE_CLEAR_MS - 1000);
    store.setMessage('second');
    vi.advanceTimersByTime(MESSAGE_CLEAR_MS - 1000);
    expect(store.getState().message).toBe('second');
    vi.advanceTimersByTime(1000);
    expect(store.getState().message).toBe('');
    expect(MESSAGE_CLEAR_MS).toBeLessThanOrEqual(10_000);
  });
});
