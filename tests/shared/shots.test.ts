/** Specification of reading ffmpeg scene-detection output and picking the shot times of a range. */
import { describe, expect, it } from 'vitest';
import { adjacentShot, parseShowinfo, timesInRange } from '../../src-shared/shots';

const LINES = [
  '[Parsed_showinfo_2 @ 0x55d5c0a3e8c0] config in time_base: 1/10240, frame_rate: 10/1',
  '[Parsed_showinfo_2 @ 0x55d5c0a3e8c0] n:   0 pts:  20480 pts_time:2       duration:   1024 fmt:yuv420p',
  '[Parsed_showinfo_2 @ 0x55d5c0a3e8c0] n:   1 pts:  40960 pts_time:4       duration:   1024 fmt:yuv420p',
  '[Parsed_showinfo_2 @ 0x55d5c0a3e8c0] n:   2 pts:  42086 pts_time:4.10996 duration:   1024 fmt:yuv420p',
  '[Parsed_showinfo_2 @ 0x55d5c0a3e8c0] n:   3 pts:  40960 pts_time:4       duration:   1024',
  'frame=  60 fps=0.0 q=-0.0 Lsize=N/A time=00:00:06.00 bitrate=N/A speed= 120x',
].join('\n');

describe('parseShowinfo', () => {
  it('reads pts_time of every selected frame as ms, ascending and unique', () => {
    expect(parseShowinfo(LINES)).toEqual([2000, 4000, 4110]);
  });

  it('puts times on the media clock by subtracting the stream start', () => {
    expect(parseShowinfo(LINES, 23)).toEqual([1977, 3977, 4087]);
  });

  it('finds nothing in output without showinfo frames (no cuts, or audio only)', () => {
    expect(parseShowinfo('Output #0, null, to pipe:\nframe=  60 fps=0.0')).toEqual([]);
  });
});

describe('timesInRange', () => {
  it('gives the times inside the range only, edges included', () => {
    const times = [1000, 2000, 3000, 4000];
    expect(timesInRange(times, 2000, 3500)).toEqual([2000, 3000]);
    expect(timesInRange(times, 5000, 6000)).toEqual([]);
    expect(timesInRange([], 0, 10)).toEqual([]);
  });
});

describe('adjacentShot', () => {
  const times = [2000, 4000, 6000];
  it('finds the next and the previous cut, skipping the one the playhead is on', () => {
    expect(adjacentShot(times, 0, 1)).toBe(2000);
    expect(adjacentShot(times, 2000, 1)).toBe(4000);
    expect(adjacentShot(times, 2000, -1)).toBeNull();
    expect(adjacentShot(times, 5000, -1)).toBe(4000);
    expect(adjacentShot(times, 6000, 1)).toBeNull();
    expect(adjacentShot([], 10, 1)).toBeNull();
  });
});
