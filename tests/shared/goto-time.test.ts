import { describe, expect, it } from 'vitest';
import { describeGoTo, frameStepMs, parseGoTo } from '../../src-shared/goto-time';

const time = (text: string, cues = 101) => {
  const result = parseGoTo(text, cues);
  return result.ok && result.target.kind === 'time' ? result.target.ms : null;
};

describe('Go to time input', () => {
  it('takes HH:MM:SS,mmm exactly, across the hour', () => {
    expect(time('00:01:15,250')).toBe(75_250);
    expect(time('00:59:59,999')).toBe(3_599_999);
    expect(time('01:00:00,000')).toBe(3_600_000);
    expect(time('1:02:03.5')).toBe(3_723_500);
  });

  it('takes MM:SS and plain seconds, including more than 59 of them', () => {
    expect(time('02:05')).toBe(125_000);
    expect(time('75')).toBe(75_000);
    expect(time('75,5')).toBe(75_500);
    expect(time('3600')).toBe(3_600_000);
    expect(time(' 12.345 ')).toBe(12_345);
    expect(time('2.5s')).toBe(2500);
  });

  it('takes #N for cue N within the document', () => {
    expect(parseGoTo('#12', 101)).toEqual({ ok: true, target: { kind: 'cue', number: 12 } });
    expect(parseGoTo('# 101', 101)).toEqual({ ok: true, target: { kind: 'cue', number: 101 } });
    expect(parseGoTo('#102', 101)).toEqual({ ok: false, error: 'Cue numbers go from 1 to 101' });
    expect(parseGoTo('#0', 101).ok).toBe(false);
    expect(parseGoTo('#1', 0)).toEqual({ ok: false, error: 'There are no cues' });
  });

  it('says what it accepts when the text is no time', () => {
    for (const text of ['', 'soon', '00:61:00', '1:2:3:4', '#x', '-5']) {
      const result = parseGoTo(text, 10);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/HH:MM:SS,mmm, MM:SS or seconds, or #N/);
    }
  });

  it('describes targets for messages', () => {
    expect(describeGoTo({ kind: 'time', ms: 3_600_000 })).toBe('01:00:00,000');
    expect(describeGoTo({ kind: 'cue', number: 7 })).toBe('cue 7');
  });
});

describe('video frame steps', () => {
  it('moves a whole frame from a frame boundary', () => {
    expect(frameStepMs(1000, 25, 1)).toBe(1040);
    expect(frameStepMs(1000, 25, -1)).toBe(960);
    expect(frameStepMs(3_600_000, 10, 1)).toBe(3_600_100);
  });

  it('goes to the nearest boundary in that direction from between frames', () => {
    expect(frameStepMs(1010, 25, 1)).toBe(1040);
    expect(frameStepMs(1010, 25, -1)).toBe(1000);
  });

  it('keeps stepping evenly at a fractional frame rate (rounded boundaries)', () => {
    let ms = 0;
    const seen: number[] = [];
    for (let i = 0; i < 48; i++) {
      ms = frameStepMs(ms, 24_000 / 1001, 1);
      seen.push(ms);
    }
    expect(seen[0]).toBe(42);
    expect(seen[23]).toBe(1001);
    expect(seen[47]).toBe(2002);
    for (let i = 47; i > 0; i--) expect(frameStepMs(seen[i] as number, 24_000 / 1001, -1)).toBe(seen[i - 1]);
  });

  it('never goes below zero and ignores an unknown rate', () => {
    expect(frameStepMs(10, 25, -1)).toBe(0);
    expect(frameStepMs(0, 25, -1)).toBe(0);
    expect(frameStepMs(1234, 0, 1)).toBe(1234);
    expect(frameStepMs(1234, Number.NaN, 1)).toBe(1234);
  });
});
