/**
 * Encoding detection and byte-exact saving of damaged files: every Unicode form with and without BOM, legacy code
 * pages, lone-CR and mixed line endings, tiny and empty files, and things that are not subtitles at all.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { BinaryDataError, decodeSubtitleBytes, encodeText } from '../../src-main/services/encoding';
import { FileReadError, readSubtitleFile, writeSubtitleFile } from '../../src-main/services/files';
import type { LineEnding } from '../../src-shared/document';
import { readSrt, writeSrt } from '../../src-shared/srt';
import { BROKEN_MD_DEFECTS, parseSeed, plantDefects, type SeedCue } from '../support/damage';
import { fixturePath, readFixtureText } from '../support/fixtures';

const tmp = mkdtempSync(path.join(tmpdir(), 'cuewave-encoding-damage-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SEED = parseSeed(readFixtureText('interview.srt'));
const SHORT = SEED.slice(0, 60);

const BOMS: Record<string, number[]> = {
  'utf-8': [0xef, 0xbb, 0xbf],
  'utf-16le': [0xff, 0xfe],
  'utf-16be': [0xfe, 0xff],
  'utf-32le': [0xff, 0xfe, 0x00, 0x00],
  'utf-32be': [0x00, 0x00, 0xfe, 0xff],
};

function encode(text: string, encoding: string, bom: boolean): Buffer {
  const body = iconv.encode(text, encoding, { addBOM: false });
  return bom ? Buffer.concat([Buffer.from(BOMS[encoding] ?? []), body]) : body;
}

let counter = 0;
function tempFile(bytes: Uint8Array, name = `f${++counter}.srt`): string {
  const file = path.join(tmp, name);
  writeFileSync(file, bytes);
  return file;
}

/** Detects, reads, writes back unedited: the same bytes. */
async function expectExactTrip(bytes: Buffer, encoding: string, bom: boolean, text: string): Promise<void> {
  const decoded = decodeSubtitleBytes(bytes);
  expect({ encoding: decoded.encoding, bom: decoded.bom }).toEqual({ encoding, bom });
  expect(decoded.text).toBe(text);
  expect(decoded.warnings).toEqual([]);
  const { doc } = readSrt(decoded.text);
  expect(encodeText(writeSrt(doc), decoded).equals(bytes)).toBe(true);
  const file = tempFile(bytes);
  const read = await readSubtitleFile(file);
  await writeSubtitleFile(`${file}.out`, writeSrt(readSrt(read.text).doc), { encoding: read.encoding, bom: read.bom });
  expect(readFileSync(`${file}.out`).equals(bytes)).toBe(true);
}

describe('damaged text in every Unicode form, with every line ending', () => {
  const forms: [string, boolean][] = [
    ['utf-8', false],
    ['utf-8', true],
    ['utf-16le', true],
    ['utf-16le', false],
    ['utf-16be', true],
    ['utf-16be', false],
    ['utf-32le', true],
    ['utf-32be', true],
    ['gb18030', false],
  ];
  const endings: [string, LineEnding | 'mixed'][] = [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
    ['mixed', 'mixed'],
  ];
  for (const [encoding, bom] of forms) {
    for (const [name, eol] of endings) {
      it(`${encoding}${bom ? ' with BOM' : ''}, ${name}`, async () => {
        const d = plantDefects(SEED, BROKEN_MD_DEFECTS, { seed: 71 + counter, eol });
        await expectExactTrip(encode(d.text, encoding, bom), encoding, bom, d.text);
      });
    }
  }

  it('short damaged files (60 cues) in UTF-16 without BOM, both byte orders', async () => {
    for (const encoding of ['utf-16le', 'utf-16be']) {
      for (const eol of ['\n', '\r\n', '\r'] as const) {
        const d = plantDefects(SHORT, ['missingNumber', 'dotSeparator', 'emptyText'], { seed: 5, eol, spacing: 3 });
        await expectExactTrip(encode(d.text, encoding, false), encoding, false, d.text);
      }
    }
  });
});

function translated(cues: readonly SeedCue[], lines: readonly string[]): SeedCue[] {
  return cues.map((c, i) => ({ ...c, lines: c.lines.map((_, j) => lines[(i + j) % lines.length] as string) }));
}

describe('legacy code pages with damage and odd line endings', () => {
  const cases: [string, readonly string[]][] = [
    ['big5', ['你好，最近怎麼樣？', '我不知道該說什麼。', '明天我們去看電影吧。', '許多功夫都很難學']],
    [
      'shift_jis',
      ['こんにちは、元気ですか？', '何を言えばいいのか分かりません。', '表示する予定です', 'ソフトウェアの能力'],
    ],
    ['windows-1252', ['Où est la gare ? C’était déjà fermé.', 'Ça m’étonne beaucoup.', 'Schöne Grüße aus München!']],
    ['windows-1251', ['Привет, как дела?', 'Я не знаю, что сказать.', 'Мы пойдём в кино завтра.']],
    ['gb18030', ['你好，最近怎么样？', '我不知道该说什么。', '明天我们去看电影吧。']],
    ['euc-kr', ['안녕하세요, 잘 지내세요?', '무슨 말을 해야 할지 모르겠어요.']],
  ];
  for (const [encoding, lines] of cases) {
    for (const eol of ['\r\n', '\r', 'mixed'] as const) {
      it(`${encoding}, ${JSON.stringify(eol)}`, async () => {
        const d = plantDefects(
          translated(SEED.slice(0, 400), lines),
          BROKEN_MD_DEFECTS.filter((n) => n !== 'overlap'),
          {
            seed: 3,
            eol,
            spacing: 3,
          },
        );
        const bytes = encode(d.text, encoding, false);
        expect(iconv.decode(bytes, encoding)).toBe(d.text);
        await expectExactTrip(bytes, encoding, false, d.text);
      });
    }
  }

  it('a one-cue file in each code page, no final newline', () => {
    for (const [encoding, lines] of cases) {
      const text = `1\r\n00:00:01,000 --> 00:00:02,000\r\n${lines[0]}`;
      expect(decodeSubtitleBytes(encode(text, encoding, false)), encoding).toMatchObject({ encoding, text });
    }
  });
});

describe('tiny files', () => {
  it.each([
    ['empty', [], 'utf-8', false, ''],
    ['a UTF-8 BOM only', [0xef, 0xbb, 0xbf], 'utf-8', true, ''],
    ['a UTF-16LE BOM only', [0xff, 0xfe], 'utf-16le', true, ''],
    ['a UTF-16BE BOM only', [0xfe, 0xff], 'utf-16be', true, ''],
    ['one newline', [0x0a], 'utf-8', false, '\n'],
    ['one CR', [0x0d], 'utf-8', false, '\r'],
    ['a digit', [0x31], 'utf-8', false, '1'],
  ])('%s', async (_name, bytes, encoding, bom, text) => {
    await expectExactTrip(Buffer.from(bytes), encoding, bom, text);
  });

  it('whitespace-only files in UTF-16 keep their encoding', async () => {
    await expectExactTrip(encode(' \r\n\t\r\n', 'utf-16le', true), 'utf-16le', true, ' \r\n\t\r\n');
  });
});

describe('not subtitles: refused with a clear message', () => {
  async function refusal(bytes: Uint8Array, name: string): Promise<FileReadError> {
    const file = tempFile(bytes, name);
    try {
      await readSubtitleFile(file);
    } catch (error) {
      expect(error).toBeInstanceOf(FileReadError);
      return error as FileReadError;
    }
    throw new Error(`${name} was read`);
  }

  it.each(['interview-3min.mp4', 'interview.mp3', 'interview.ogg', 'interview.m4a', 'interview-3min.wav'])(
    '%s renamed .srt',
    async (name) => {
      const bytes = readFileSync(fixturePath(name)).subarray(0, 512 * 1024);
      expect(() => decodeSubtitleBytes(bytes)).toThrow(BinaryDataError);
      const error = await refusal(bytes, `${name}.srt`);
      expect(error.code).toBe('binary');
      expect(error.message).toMatch(
        new RegExp(`^${name.replace('.', '\\.')}\\.srt: not a subtitle file \\(binary data at byte \\d+\\)$`),
      );
    },
  );

  it('NUL bytes in the middle of a UTF-8 subtitle: refused, naming the byte (text is never silently altered)', async () => {
    const text = readFixtureText('interview-3min.srt');
    const bytes = Buffer.from(text, 'utf8');
    const at = bytes.indexOf(Buffer.from('\n\n50\n'));
    const damaged = Buffer.concat([bytes.subarray(0, at), Buffer.alloc(3), bytes.subarray(at)]);
    const error = await refusal(damaged, 'nul.srt');
    expect(error.message).toBe(`nul.srt: not a subtitle file (binary data at byte ${at})`);
  });

  it('random bytes, and a gzip stream', async () => {
    let seed = 1;
    const noise = Buffer.alloc(4096, 0).map(() => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed & 0xff;
    });
    expect((await refusal(noise, 'noise.srt')).code).toBe('binary');
    const { gzipSync } = await import('node:zlib');
    expect((await refusal(gzipSync(readFixtureText('interview-3min.srt')), 'gz.srt')).code).toBe('binary');
  });

  it('a stray control character in a UTF-8 subtitle is text, kept byte for byte', async () => {
    const text = '1\n00:00:01,000 --> 00:00:02,000\nbell\x07 and escape\x1b[0m\n';
    await expectExactTrip(Buffer.from(text), 'utf-8', false, text);
  });
});

describe('UTF-8 damage', () => {
  it('one invalid byte in a long UTF-8 file: stays UTF-8 with a warning, every cue kept', () => {
    const text = readFixtureText('interview.srt');
    const bytes = Buffer.from(text, 'utf8');
    const at = bytes.indexOf(Buffer.from('拜拜', 'utf8'));
    bytes[at] = 0xff;
    const decoded = decodeSubtitleBytes(bytes);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.warnings.join(' ')).toMatch(/U\+FFFD/);
    expect(readSrt(decoded.text).doc.cues).toHaveLength(2324);
  });

  it('a UTF-8 file cut in the middle of a character keeps every complete cue', () => {
    const bytes = Buffer.from(readFixtureText('interview-3min.srt'), 'utf8');
    const cut = bytes.subarray(0, bytes.length - 2);
    const decoded = decodeSubtitleBytes(cut);
    expect(decoded.encoding).toBe('utf-8');
    expect(readSrt(decoded.text).doc.cues).toHaveLength(101);
  });
});
