/** Subtitle files on disk: reading the fixtures in every encoding, refusals, byte-exact saves, disk stamps. */
import { createHash } from 'node:crypto';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeText } from '../../src-main/services/encoding';
import {
  FileReadError,
  FileWriteError,
  fileStamp,
  hasChangedOnDisk,
  MAX_SUBTITLE_BYTES,
  readSubtitleFile,
  writeSubtitleFile,
} from '../../src-main/services/files';
import { fixturePath, readFixtureBytes, readFixtureText } from '../support/fixtures';

const tmp = mkdtempSync(path.join(tmpdir(), 'cuewave-files-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let counter = 0;
/** Writes bytes to a fresh file in the temp folder and returns its path. */
function tempFile(bytes: Uint8Array | string, name = `f${++counter}.srt`): string {
  const filePath = path.join(tmp, name);
  writeFileSync(filePath, bytes);
  return filePath;
}

async function readError(filePath: string, options?: { encoding?: string }): Promise<FileReadError> {
  try {
    await readSubtitleFile(filePath, options);
  } catch (error) {
    expect(error).toBeInstanceOf(FileReadError);
    return error as FileReadError;
  }
  throw new Error(`${filePath} was read without error`);
}

const SEED = readFixtureText('interview.srt');

describe('the re-encoded fixtures all read as the seed text', () => {
  const cases: [string, string, boolean][] = [
    ['interview.srt', 'utf-8', false],
    ['interview-utf8-bom-crlf.srt', 'utf-8', true],
    ['interview-utf16le.srt', 'utf-16le', true],
    ['interview-gb18030.srt', 'gb18030', false],
  ];

  it.each(cases)('%s is %s, BOM %s', async (name, encoding, bom) => {
    const file = await readSubtitleFile(fixturePath(name));
    expect(file).toMatchObject({ encoding, bom, warnings: [] });
    expect(file.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(file.text.replace(/\r\n/g, '\n')).toBe(SEED);
    expect(file.size).toBe(readFixtureBytes(name).length);
  });

  it.each([...cases.map(([name]) => name), 'interview-broken.srt'])(
    '%s: encoding the text back gives the same bytes',
    async (name) => {
      const file = await readSubtitleFile(fixturePath(name));
      expect(encodeText(file.text, file).equals(readFixtureBytes(name))).toBe(true);
    },
  );

  it('the stamp describes the bytes read', async () => {
    const file = await readSubtitleFile(fixturePath('interview-gb18030.srt'));
    const bytes = readFixtureBytes('interview-gb18030.srt');
    expect(file.stamp).toEqual({
      size: bytes.length,
      mtimeMs: file.mtimeMs,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    expect(await fileStamp(fixturePath('interview-gb18030.srt'))).toEqual(file.stamp);
  });
});

describe('files generated in other encodings', () => {
  const srt = (lines: string[]) =>
    lines.map((t, i) => `${i + 1}\n00:00:0${i},000 --> 00:00:0${i},500\n${t}\n`).join('\n');
  const cases: [string, string, string][] = [
    ['big5', 'traditional Chinese', srt(['我們明天見。', '這個問題很複雜，需要時間。', '謝謝你的幫助。'])],
    ['shift_jis', 'Japanese', srt(['どこに行ってたの？', 'ありがとうございます、本当に助かりました。'])],
    ['windows-1252', 'French and German', srt(['Voilà, c’est l’été à Noël !', 'Schöne Grüße, Frau Müller.'])],
    ['windows-1251', 'Russian', srt(['Где находится ближайшая станция метро?', 'Это очень интересная история.'])],
    ['windows-1250', 'Polish and Czech', srt(['Zażółć gęślą jaźń.', 'Příliš žluťoučký kůň úpěl ďábelské ódy.'])],
    ['gb18030', 'one short cue', srt(['好的，谢谢。'])],
  ];

  it.each(cases)('%s (%s)', async (encoding, _label, text) => {
    const bytes = iconv.encode(text, encoding);
    const file = await readSubtitleFile(tempFile(bytes));
    expect(file).toMatchObject({ encoding, bom: false, text });
    expect(encodeText(file.text, file)).toEqual(bytes);
  });

  it('UTF-16BE with BOM and UTF-16LE without', async () => {
    const text = srt(['Ça va ? 你好。', 'Ни пуха ни пера.']);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]);
    expect(await readSubtitleFile(tempFile(be))).toMatchObject({ encoding: 'utf-16be', bom: true, text });
    const le = iconv.encode(text, 'utf-16le');
    expect(await readSubtitleFile(tempFile(le))).toMatchObject({ encoding: 'utf-16le', bom: false, text });
  });

  it('a forced encoding overrides detection', async () => {
    const filePath = tempFile(iconv.encode('1\n00:00:01,000 --> 00:00:02,000\nÀ bientôt\n', 'windows-1252'));
    const file = await readSubtitleFile(filePath, { encoding: 'windows-1250' });
    expect(file).toMatchObject({ encoding: 'windows-1250' });
    expect(file.text).toContain('Ŕ bientôt');
  });
});

describe('files that are not subtitles are refused with a clear message', () => {
  it('binary data names the file and the byte', async () => {
    const bytes = Buffer.concat([Buffer.from('1\n00:00:01,000 --> '), Buffer.from([0, 1, 2, 3])]);
    const error = await readError(tempFile(bytes, 'clip.bin'));
    expect(error.code).toBe('binary');
    expect(error.message).toBe(`clip.bin: not a subtitle file (binary data at byte ${bytes.indexOf(0)})`);
  });

  it('missing file', async () => {
    const error = await readError(path.join(tmp, 'nope.srt'));
    expect(error.code).toBe('not-found');
    expect(error.message).toMatch(/^nope\.srt: /);
  });

  it('a folder', async () => {
    const dir = path.join(tmp, 'folder.srt');
    mkdirSync(dir);
    expect((await readError(dir)).code).toBe('is-directory');
  });

  it('a file over the size limit (sparse, so nothing is written)', async () => {
    const filePath = tempFile('', 'huge.srt');
    truncateSync(filePath, MAX_SUBTITLE_BYTES + 1);
    const error = await readError(filePath);
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/^huge\.srt: file too large/);
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('a file without read permission', async () => {
    const filePath = tempFile('1\n', 'secret.srt');
    chmodSync(filePath, 0o000);
    expect((await readError(filePath)).code).toBe('unreadable');
  });

  it('an unknown forced encoding', async () => {
    const error = await readError(tempFile('1\n'), { encoding: 'klingon-8' });
    expect(error.code).toBe('decode');
  });
});

describe('writeSubtitleFile', () => {
  it('saves in the encoding and BOM it was read with, byte for byte', async () => {
    const original = readFixtureBytes('interview-utf16le.srt');
    const filePath = tempFile(original);
    const file = await readSubtitleFile(filePath);
    const stamp = await writeSubtitleFile(filePath, file.text, { encoding: file.encoding, bom: file.bom });
    expect(readFileSync(filePath).equals(original)).toBe(true);
    expect(stamp).toEqual(await fileStamp(filePath));
  });

  it('keeps the previous file as FILE.bak when asked', async () => {
    const filePath = tempFile(iconv.encode('1\n00:00:01,000 --> 00:00:02,000\n你好\n', 'gb18030'));
    const before = readFileSync(filePath);
    await writeSubtitleFile(filePath, '1\n00:00:01,000 --> 00:00:02,000\n再见\n', {
      encoding: 'gb18030',
      bom: false,
      backup: true,
    });
    expect(readFileSync(`${filePath}.bak`).equals(before)).toBe(true);
    expect(iconv.decode(readFileSync(filePath), 'gb18030')).toContain('再见');
  });

  it('refuses text the encoding cannot hold, and leaves the file alone', async () => {
    const filePath = tempFile(iconv.encode('1\n00:00:01,000 --> 00:00:02,000\ncafé\n', 'windows-1252'));
    const before = readFileSync(filePath);
    const text = '1\n00:00:01,000 --> 00:00:02,000\ncafé ☕\n';
    await expect(writeSubtitleFile(filePath, text, { encoding: 'windows-1252', bom: false })).rejects.toMatchObject({
      code: 'unencodable',
      message: expect.stringMatching(/"☕" \(U\+2615\) at line 3, column 6/),
    });
    expect(readFileSync(filePath).equals(before)).toBe(true);
    await writeSubtitleFile(filePath, text, { encoding: 'windows-1252', bom: false, allowLossy: true });
    expect(readFileSync(filePath).toString('latin1')).toContain('caf\xe9 ?');
  });

  it('reports a failed write as FileWriteError', async () => {
    const target = path.join(tmp, 'no-such-folder', 'x.srt');
    const error = await writeSubtitleFile(target, 'x', { encoding: 'utf-8', bom: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileWriteError);
    expect((error as FileWriteError).code).toBe('write-failed');
  });
});

describe('external change detection', () => {
  it('a touch without a change is not a change', async () => {
    const filePath = tempFile('1\n00:00:01,000 --> 00:00:02,000\nHello\n');
    const stamp = await fileStamp(filePath);
    const later = new Date(Date.now() + 60_000);
    utimesSync(filePath, later, later);
    expect(await hasChangedOnDisk(filePath, stamp)).toBe(false);
  });

  it('same size, different content is a change', async () => {
    const filePath = tempFile('1\n00:00:01,000 --> 00:00:02,000\nHello\n');
    const stamp = await fileStamp(filePath);
    writeFileSync(filePath, '1\n00:00:01,000 --> 00:00:02,000\nHallo\n');
    expect(await hasChangedOnDisk(filePath, stamp)).toBe(true);
  });

  it('a different size is a change', async () => {
    const filePath = tempFile('abc');
    const stamp = await fileStamp(filePath);
    writeFileSync(filePath, 'abcd');
    expect(await hasChangedOnDisk(filePath, stamp)).toBe(true);
  });

  it('a deleted file is a change', async () => {
    const filePath = tempFile('abc');
    const stamp = await fileStamp(filePath);
    rmSync(filePath);
    expect(await hasChangedOnDisk(filePath, stamp)).toBe(true);
  });
});
