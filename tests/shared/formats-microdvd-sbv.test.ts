/** MicroDVD (frames, a frame rate from the first line or a stated default) and SubViewer/SBV reading and writing. */
import { describe, expect, it } from 'vitest';
import { withFields } from '../../src-shared/document';
import { readSubtitle, writeSubtitle } from '../../src-shared/formats/index';
import { DEFAULT_MICRODVD_FPS, readMicroDvd, writeMicroDvd } from '../../src-shared/formats/microdvd';
import { readSbv, writeSbv } from '../../src-shared/formats/sbv';
import { problemText } from '../../src-shared/problems';

describe('MicroDVD', () => {
  const file = '{1}{1}25.000\n{25}{75}Hello|world\n{100}{150}{y:i}In italics|plain\n{Y:b}{200}{250}x\n';

  it('takes the frame rate from a {1}{1}25.000 first line and turns frames into times', () => {
    const { doc, problems, format } = readSubtitle(file);
    expect(format).toBe('microdvd');
    expect(doc.formatInfo.fps).toBe(25);
    expect(doc.cues.slice(0, 2).map((c) => [c.startMs, c.endMs, c.text])).toEqual([
      [1000, 3000, 'Hello\nworld'],
      [4000, 6000, '<i>In italics</i>\nplain'],
    ]);
    expect(problems.find((p) => p.code === 'orphan-text')).toMatchObject({ line: 4 });
  });

  it('without a frame-rate line reads at 23.976 fps and says so', () => {
    const { doc, problems } = readMicroDvd('{0}{24}one\n{48}{72}two\n');
    expect(doc.formatInfo.fps).toBe(DEFAULT_MICRODVD_FPS);
    expect(doc.cues.map((c) => [c.startMs, c.endMs])).toEqual([
      [0, 1001],
      [2002, 3003],
    ]);
    expect(problems.map((p) => [p.code, problemText(p)])).toEqual([
      ['format-kept', expect.stringContaining('23.976 fps')],
    ]);
  });

  it('writes an unedited file back byte for byte, and an edited cue in frames at the file rate', () => {
    const { doc } = readMicroDvd(file);
    expect(writeMicroDvd(doc)).toBe(file);
    doc.cues[1] = withFields(doc.cues[1]!, { startMs: 4040, text: '<i>In italics</i>\nchanged' });
    expect(writeMicroDvd(doc)).toBe(
      file.replace('{100}{150}{y:i}In italics|plain', '{101}{150}{y:i}In italics|changed'),
    );
  });
});

describe('SBV', () => {
  const file = '0:00:01.000,0:00:02.500\nHello\nworld\n\n0:00:03.000,0:00:04.000\nagain\n';

  it('reads blocks of a timing line and text lines', () => {
    const { doc, format } = readSubtitle(file);
    expect(format).toBe('sbv');
    expect(doc.cues.map((c) => [c.startMs, c.endMs, c.text])).toEqual([
      [1000, 2500, 'Hello\nworld'],
      [3000, 4000, 'again'],
    ]);
  });

  it('writes back byte for byte, an edit rewrites its block only', () => {
    const { doc } = readSbv(file);
    expect(writeSbv(doc)).toBe(file);
    doc.cues[1] = withFields(doc.cues[1]!, { endMs: 4250 });
    expect(writeSubtitle(doc)).toBe(file.replace('0:00:04.000', '0:00:04.250'));
  });

  it('keeps text without a timing line and reports it', () => {
    const text = `${file}\nno timing here\n`;
    const { doc, problems } = readSbv(text);
    expect(problems).toMatchObject([{ code: 'orphan-text', line: 8 }]);
    expect(writeSbv(doc)).toBe(text);
  });
});
