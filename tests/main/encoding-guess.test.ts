// Encodings the user can trust: a file that is neither valid UTF-8 nor clearly one legacy encoding opens with a
// warning naming the guess (never silent mojibake), can be read again in a chosen encoding, and `check` reports an
// `encoding-guess` warning. All bytes are generated here.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppServices } from '../../src-main/services/app-services';
import { canonicalEncoding, decodeSubtitleBytes } from '../../src-main/services/encoding';
import { readSubtitleFile } from '../../src-main/services/files';
import { ENCODING_CHOICES } from '../../src-shared/encoding-choices';
import { checkJson, cli } from '../support/cli';

const work = mkdtempSync(path.join(tmpdir(), 'cuewave-encoding-guess-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const RU = ['Привет, как дела?', 'Я не знаю, что сказать.', 'Мы пойдём в кино завтра.', 'Это очень хорошая идея.'];
const ZH = ['你好，最近怎么样？', '我不知道该说什么。', '明天我们去看电影吧。', '这是一个很好的主意。'];
const FR = ['Où est la bibliothèque ?', 'Très bien, merci beaucoup.', 'Ça va être génial, déjà prêt.', 'Élève âgé.'];

/** An SRT whose cue texts are `lines`, encoded line by line with `encodingOf(index)`. */
function srtBytes(lines: readonly string[], encodingOf: (index: number) => string): Buffer {
  const parts: Buffer[] = [];
  lines.forEach((line, i) => {
    const start = `00:00:${String(i * 2 + 1).padStart(2, '0')},000`;
    const end = `00:00:${String(i * 2 + 2).padStart(2, '0')},000`;
    parts.push(Buffer.from(`${i + 1}\n${start} --> ${end}\n`));
    parts.push(iconv.encode(`${line}\n\n`, encodingOf(i)));
  });
  return Buffer.concat(parts);
}

function file(name: string, bytes: Buffer): string {
  const full = path.join(work, name);
  writeFileSync(full, bytes);
  return full;
}

describe('decoding with doubt', () => {
  it.each([
    ['windows-1251', RU],
    ['gb18030', ZH],
    ['windows-1252', FR],
  ])('clean %s text is decoded with no doubt', (encoding, lines) => {
    const decoded = decodeSubtitleBytes(srtBytes(lines, () => encoding));
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.doubt).toBeNull();
    expect(decoded.text).toContain(lines[1]);
  });

  it('UTF-8 with invalid byte sequences stays UTF-8 (no mojibake) and says the encoding is a guess', () => {
    const good = srtBytes(FR, () => 'utf-8');
    const bytes = Buffer.concat([
      good,
      Buffer.from('5\n00:00:20,000 --> 00:00:21,000\nbad \xc3\x28 and \xe2\x82\n', 'latin1'),
    ]);
    const decoded = decodeSubtitleBytes(bytes);
    expect(decoded.encoding).toBe('utf-8');
    for (const line of FR) expect(decoded.text).toContain(line);
    expect(decoded.doubt?.message).toMatch(
      /^the encoding is a guess: it is mostly UTF-8, but 1 line holds bytes that are not valid UTF-8 .*Opened as utf-8/,
    );
    expect(decoded.warnings[0]).toBe(decoded.doubt?.message);
    expect(decoded.warnings.join(' ')).toMatch(/invalid byte sequences? in utf-8 replaced with U\+FFFD/);
  });

  it.each([
    ['gb18030', ZH],
    ['windows-1251', RU],
  ])(
    'UTF-8 lines mixed with %s lines: the warning says the file mixes encodings and how many lines',
    (legacy, lines) => {
      const bytes = srtBytes(lines, (i) => (i % 2 === 0 ? 'utf-8' : legacy));
      const decoded = decodeSubtitleBytes(bytes);
      expect(decoded.doubt).not.toBeNull();
      expect(decoded.doubt).toMatchObject({ utf8Lines: 2, otherLines: 2 });
      expect(decoded.doubt?.message).toMatch(/it mixes encodings: 2 lines are UTF-8 and 2 are not/);
      expect(decoded.doubt?.message).toContain(`Opened as ${decoded.encoding}`);
      expect(decoded.doubt?.message).toMatch(/Reopen with Encoding…/);
      // Whichever way it was decoded, the user is offered the other one.
      const offered = [decoded.encoding, ...(decoded.doubt?.alternatives ?? [])];
      expect(offered).toContain('utf-8');
    },
  );
});

describe('reading again in a chosen encoding', () => {
  it('every encoding the dialog offers is one main reads, under the same name', () => {
    for (const { encoding } of ENCODING_CHOICES) expect(canonicalEncoding(encoding), encoding).toBe(encoding);
  });

  it('a mixed file read as the legacy encoding shows its legacy lines right, with no doubt', async () => {
    const path1251 = file(
      'mixed-1251.srt',
      srtBytes(RU, (i) => (i === 0 ? 'utf-8' : 'windows-1251')),
    );
    const guessed = await readSubtitleFile(path1251);
    expect(guessed.encodingDoubt).not.toBeNull();
    const reopened = await readSubtitleFile(path1251, { encoding: 'windows-1251' });
    expect(reopened.encoding).toBe('windows-1251');
    expect(reopened.encodingDoubt).toBeNull();
    for (const line of RU.slice(1)) expect(reopened.text).toContain(line);
  });
});

describe('cuewave check', () => {
  it('reports encoding-guess as a warning in --json (exit code unchanged), before the validation issues', async () => {
    const mixed = file(
      'mixed-gb.srt',
      srtBytes(ZH, (i) => (i % 2 === 0 ? 'utf-8' : 'gb18030')),
    );
    const { code, report } = await checkJson(mixed);
    expect(code).toBe(0);
    expect(report.issues[0]).toMatchObject({ severity: 'warning', code: 'encoding-guess', cue: null, line: null });
    expect(report.issues[0]?.message).toMatch(/mixes encodings/);
    expect(report.issues[0]?.message).not.toMatch(/Reopen with Encoding/);
    expect(report.warnings).toBe(report.issues.filter((i) => i.severity === 'warning').length);
  });

  it('prints it in text mode too, and says nothing for a clean legacy file', async () => {
    const mixed = file(
      'mixed-gb2.srt',
      srtBytes(ZH, (i) => (i % 2 === 0 ? 'utf-8' : 'gb18030')),
    );
    const text = await cli('check', mixed);
    expect(text.stdout).toMatch(new RegExp(`^${mixed}: warning encoding-guess: the encoding is a guess`, 'm'));
    const clean = file(
      'clean-1251.srt',
      srtBytes(RU, () => 'windows-1251'),
    );
    const { report } = await checkJson(clean);
    expect(report.encoding).toBe('windows-1251');
    expect(report.issues.some((i) => i.code === 'encoding-guess')).toBe(false);
  });
});

describe('the app services', () => {
  async function services() {
    return createAppServices({
      dataDir: path.join(work, `data-${Math.random()}`),
      dialogs: { openFile: async () => null, saveFile: async () => null, askUnsaved: async () => 'cancel' },
      appOrigin: { kind: 'http', origin: 'http://127.0.0.1:1' },
      log: () => undefined,
    });
  }

  it('hand the guess to the renderer on open and read the file again in the chosen encoding', async () => {
    const mixed = file(
      'app-mixed.srt',
      srtBytes(RU, (i) => (i === 0 ? 'utf-8' : 'windows-1251')),
    );
    const app = await services();
    app.openFromCommandLine([mixed], work);
    const opened = await app.handlers.openDocument({ path: mixed });
    expect(opened.encodingGuess).toMatchObject({ encoding: 'windows-1251' });
    expect(opened.encodingGuess?.alternatives).toContain('utf-8');
    expect(opened.warnings[0]).toBe(opened.encodingGuess?.message);
    const reopened = await app.handlers.reopenWithEncoding({ handle: opened.info.handle, encoding: 'utf-8' });
    expect(reopened.info.encoding).toBe('utf-8');
    expect(reopened.encodingGuess).toBeUndefined();
    expect(reopened.text).toContain(RU[0]);
    expect(reopened.warnings.join(' ')).toMatch(/replaced with U\+FFFD/);
    // Later saves use the chosen encoding.
    await app.dispose();
  });

  it('refuse an unknown encoding in words', async () => {
    const clean = file(
      'app-clean.srt',
      srtBytes(FR, () => 'utf-8'),
    );
    const app = await services();
    app.openFromCommandLine([clean], work);
    const opened = await app.handlers.openDocument({ path: clean });
    await expect(app.handlers.reopenWithEncoding({ handle: opened.info.handle, encoding: 'klingon' })).rejects.toThrow(
      /app-clean\.srt: cannot decode: unknown encoding "klingon"/,
    );
    await app.dispose();
  });
});
