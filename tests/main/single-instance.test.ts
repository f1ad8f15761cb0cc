// Launch arguments: `cuewave FILE.srt [MEDIA]`, from a first launch or handed over by a second instance.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchFiles, userArguments } from '../../src-main/single-instance';

describe('userArguments', () => {
  it('drops the executable of a packaged app', () => {
    expect(userArguments(['/opt/Cuewave/cuewave', 'a.srt', 'a.ogg'], { isPackaged: true })).toEqual(['a.srt', 'a.ogg']);
  });

  it('drops the executable and the app path when run as `electron <app>`', () => {
    expect(userArguments(['electron', 'out/main/index.js', 'a.srt'], { isPackaged: false })).toEqual(['a.srt']);
    expect(userArguments(['electron', '.', 'a.srt'], { isPackaged: false })).toEqual(['a.srt']);
  });

  it('ignores Chromium switches wherever they appear (second instances and test drivers add them)', () => {
    const argv = [
      'electron',
      '--inspect=0',
      '--remote-debugging-port=0',
      'out/main/index.js',
      '--allow-file-access',
      'a.srt',
    ];
    expect(userArguments(argv, { isPackaged: false })).toEqual(['a.srt']);
  });

  it('keeps everything after a lone `--`, even names that start with a dash', () => {
    expect(userArguments(['cuewave', '--', '-weird.srt'], { isPackaged: true })).toEqual(['-weird.srt']);
  });
});

describe('launchFiles', () => {
  it('takes the first subtitle and the first media file, resolved against the launching directory', () => {
    const files = launchFiles(['ep1.srt', 'ep1.mp4', 'ep2.srt'], '/work/show');
    expect(files.subtitle).toBe(path.resolve('/work/show', 'ep1.srt'));
    expect(files.media).toBe(path.resolve('/work/show', 'ep1.mp4'));
    expect(files.ignored).toEqual(['ep2.srt']);
  });

  it('accepts the media first and absolute paths as they are', () => {
    const files = launchFiles(['/m/a.ogg', '/s/a.srt'], '/elsewhere');
    expect(files).toEqual({ subtitle: '/s/a.srt', media: '/m/a.ogg', ignored: [] });
  });

  it('ignores files that are neither subtitles nor media', () => {
    expect(launchFiles(['notes.txt'], '/w')).toEqual({ subtitle: null, media: null, ignored: ['notes.txt'] });
  });
});
