// What the Auto sync and Snap to speech dialogs show: estimate in words, an even sample, the reviewed subset.
import { describe, expect, it } from 'vitest';
import {
  acceptedChanges,
  formatConfidence,
  formatDelta,
  formatDrift,
  formatOffset,
  isLowConfidence,
  parseWindowMs,
  sampleChanges,
  waitingText,
} from '../../src-renderer/sync/sync-format';

const change = (id: number) => ({
  id,
  oldStart: id * 1000,
  newStart: id * 1000 - 5,
  oldEnd: id * 1000 + 900,
  newEnd: id * 1000 + 900,
});

describe('sync dialog text', () => {
  it('formats offset, drift, confidence and deltas', () => {
    expect(formatOffset(-2351.4)).toBe('-2.351 s');
    expect(formatOffset(44_999)).toBe('+44.999 s');
    expect(formatOffset(-0.3)).toBe('+0.000 s');
    expect(formatDrift(0)).toBe('+0.000 %');
    expect(formatDrift(0.00001)).toBe('+0.000 %');
    expect(formatDrift(-0.0999)).toBe('-0.100 % (-3.6 s per hour)');
    expect(formatDrift(0.5)).toBe('+0.500 % (+18.0 s per hour)');
    expect(formatConfidence(0.974)).toBe('97 %');
    expect(formatConfidence(1.2)).toBe('100 %');
    expect(isLowConfidence(0.49)).toBe(true);
    expect(isLowConfidence(0.5)).toBe(false);
    expect(formatDelta(150)).toBe('+150 ms');
    expect(formatDelta(-2351)).toBe('-2351 ms');
    expect(formatDelta(0.2)).toBe('0 ms');
  });

  it('samples changes evenly with the first and the last', () => {
    const list = Array.from({ length: 101 }, (_, i) => i);
    expect(sampleChanges(list, 5)).toEqual([0, 25, 50, 75, 100]);
    expect(sampleChanges(list.slice(0, 3), 8)).toEqual([0, 1, 2]);
    expect(sampleChanges(list, 1)).toEqual([0]);
    expect(sampleChanges(list, 0)).toEqual([]);
  });

  it('keeps the accepted changes of a review', () => {
    const changes = [change(1), change(2), change(3)];
    expect(acceptedChanges(changes, new Set())).toEqual(changes);
    expect(acceptedChanges(changes, new Set([2])).map((c) => c.id)).toEqual([1, 3]);
    expect(acceptedChanges(changes, new Set([1, 2, 3]))).toEqual([]);
  });

  it('reads the snap window', () => {
    expect(parseWindowMs('300')).toBe(300);
    expect(parseWindowMs(' 150 ms ')).toBe(150);
    expect(parseWindowMs('0')).toBeNull();
    expect(parseWindowMs('10001')).toBeNull();
    expect(parseWindowMs('2.5')).toBeNull();
    expect(parseWindowMs('')).toBeNull();
  });

  it('says what it waits for', () => {
    expect(waitingText('loading', 0.42, null)).toBe('Detecting speech in the media… 42 %');
    expect(waitingText('error', 0, 'no audio stream')).toBe('Speech detection failed: no audio stream');
    expect(waitingText('idle', 0, null)).toBe('Waiting for the waveform…');
    expect(waitingText('idle', 0, null, true)).toMatch(/no readable audio/);
  });
});
