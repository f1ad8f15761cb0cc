/**
 * Until a format can be written correctly, every command refuses it: exit 2, a message naming the file and its
 * format, and nothing written (no hybrid WEBVTT header over SRT times, no "shifted 0 cues" on ASS).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSubtitleFile } from '../../src-main/services/files';
import { cli } from '../support/cli';
import { fixturePath } from '../support/fixtures';

const tmp = mkdtempSync(path.join(tmpdir(), 'cuewave-formats-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const FILES = {
  'talk.vtt': 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000 line:0\nhello\n\n00:00:03.000 --> 00:00:04.000\nagain\n',
  'talk.ass':
    '[Script Info]\nScriptType: v4.00+\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\nDialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,{\\an8}hello, world\n',
  'talk.sub': '{1}{1}25.000\n{25}{50}hello|world\n',
  // A WebVTT file under an .srt name: detection is by content.
  'disguised.srt': 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhello\n',
};

describe('commands refuse formats they cannot write yet', () => {
  for (const [name, text] of Object.entries(FILES)) {
    it.each([['shift', '--by', '+1s'], ['fix'], ['check']])(
      `${name}: %s exits 2, names the file and writes nothing`,
      async (command, ...args) => {
        const file = path.join(tmp, name);
        writeFileSync(file, text);
        const out = path.join(tmp, `${name}.${command}.out`);
        const result = await cli(command, file, ...args, ...(command === 'check' ? [] : ['-o', out]));
        expect(result.code).toBe(2);
        expect(result.stderr).toContain(name);
        expect(result.stderr).toMatch(/WebVTT|ASS\/SSA|MicroDVD/);
        expect(result.stderr).toContain('nothing was opened or written');
        expect(existsSync(out)).toBe(false);
        expect(readFileSync(file, 'utf8')).toBe(text);
      },
    );
  }

  it('sync refuses too, before touching the media', async () => {
    const file = path.join(tmp, 'talk.vtt');
    writeFileSync(file, FILES['talk.vtt']);
    const result = await cli(
      'sync',
      file,
      '--audio',
      fixturePath('interview-3min.wav'),
      '-o',
      path.join(tmp, 'synced.vtt'),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('talk.vtt: a WebVTT file');
    expect(existsSync(path.join(tmp, 'synced.vtt'))).toBe(false);
  });

  it('the editor cannot open one either: the read fails with the same words', async () => {
    const file = path.join(tmp, 'talk.ass');
    writeFileSync(file, FILES['talk.ass']);
    await expect(readSubtitleFile(file)).rejects.toMatchObject({
      code: 'unsupported-format',
      message: expect.stringMatching(/^talk\.ass: an ASS\/SSA file; Cuewave reads and writes SRT only so far/),
    });
  });

  it('an SRT file under another name opens as SRT', async () => {
    const file = path.join(tmp, 'actually-srt.vtt');
    writeFileSync(file, '1\n00:00:01,000 --> 00:00:02,000\nhello\n');
    expect((await cli('check', file)).code).toBe(0);
  });
});
