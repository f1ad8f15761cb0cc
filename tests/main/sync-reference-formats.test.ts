/** The auto sync reference may be any readable format: a WebVTT or ASS copy of a subtitle gives the same cue times. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readReferenceCues } from '../../src-main/services/sync-reference';
import { readSubtitle, writeSubtitle } from '../../src-shared/formats/index';
import { fixturePath, readFixtureText } from '../support/fixtures';

const tmp = mkdtempSync(path.join(tmpdir(), 'cuewave-reference-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('reference subtitles in other formats', () => {
  it('reads the 3-minute interview as WebVTT and as ASS with the cue times of the SRT', async () => {
    const srt = await readReferenceCues(fixturePath('interview-3min.srt'));
    const { doc } = readSubtitle(readFixtureText('interview-3min.srt'));
    const vttPath = path.join(tmp, 'reference.vtt');
    writeFileSync(vttPath, writeSubtitle(doc, 'webvtt'));
    expect(await readReferenceCues(vttPath)).toEqual({ ...srt, name: 'reference.vtt' });
    const assPath = path.join(tmp, 'reference.ass');
    writeFileSync(assPath, writeSubtitle(doc, 'ass'));
    const ass = await readReferenceCues(assPath);
    expect(ass.problems).toBe(0);
    expect(ass.cues.length).toBe(srt.cues.length);
    ass.cues.forEach(([start, end], i) => {
      expect(Math.abs(start - (srt.cues[i] as [number, number])[0])).toBeLessThanOrEqual(5);
      expect(Math.abs(end - (srt.cues[i] as [number, number])[1])).toBeLessThanOrEqual(5);
    });
  });
});
