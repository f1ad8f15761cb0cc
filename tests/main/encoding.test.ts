/** Encoding detection and re-encoding of subtitle bytes: BOMs, UTF-16/32 without BOM, UTF-8, legacy code pages, binary data. */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  BinaryDataError,
  canonicalEncoding,
  decodeSubtitleBytes,
  encodeText,
  firstUnencodable,
  UnknownEncodingError,
} from '../../src-main/services/encoding';

/** A small SRT with one cue per line of dialogue. */
function srtOf(lines: readonly string[], eol = '\n'): string {
  return lines.map((line, i) => `${i + 1}${eol}00:00:0${i},000 --> 00:00:0${i},800${eol}${line}${eol}`).join(eol);
}

const FRENCH = ['Où est la gare ? C’était déjà fermé.', 'Ça m’étonne beaucoup, à vrai dire.', 'Le cœur a ses raisons.'];
const GERMAN = ['Größe ist nicht alles.', 'Wir müssen schnell über die Brücke.', 'Schöne Grüße aus München!'];
const RUSSIAN = ['Привет, как дела?', 'Я не знаю, что сказать.', 'Мы пойдём в кино завтра вечером.'];
const POLISH = ['Dzień dobry, jak się masz?', 'Zażółć gęślą jaźń.', 'Proszę poczekać chwilę.'];
const CZECH = ['Děkuji vám za všechno, příteli.', 'Příliš žluťoučký kůň úpěl ďábelské ódy.'];
const GREEK = ['Καλημέρα, τι κάνεις;', 'Δεν ξέρω τι να πω.'];
const HEBREW = ['שלום, מה שלומך?', 'אני לא יודע מה להגיד.'];
const TURKISH = ['Günaydın, nasılsın?', 'İstanbul çok güzel bir şehir, değil mi?'];
const TRADITIONAL = ['你好，最近怎麼樣？', '我不知道該說什麼。', '明天我們去看電影吧。'];
const SIMPLIFIED = ['你好，最近怎么样？', '我不知道该说什么。', '明天我们去看电影吧。'];
const JAPANESE = ['こんにちは、元気ですか？', '何を言えばいいのか分かりません。', '明日、映画を見に行きましょう。'];
const KOREAN = ['안녕하세요, 잘 지내세요?', '무슨 말을 해야 할지 모르겠어요.'];

describe('BOMs decide the encoding and are removed from the text', () => {
  const text = srtOf(FRENCH);
  const cases: [string, number[]][] = [
    ['utf-8', [0xef, 0xbb, 0xbf]],
    ['utf-16le', [0xff, 0xfe]],
    ['utf-16be', [0xfe, 0xff]],
    ['utf-32le', [0xff, 0xfe, 0x00, 0x00]],
    ['utf-32be', [0x00, 0x00, 0xfe, 0xff]],
  ];
  it.each(cases)('%s with BOM', (encoding, bom) => {
    const bytes = Buffer.concat([Buffer.from(bom), iconv.encode(text, encoding)]);
    const decoded = decodeSubtitleBytes(bytes);
    expect(decoded).toMatchObject({ encoding, bom: true, text, warnings: [] });
    expect(encodeText(decoded.text, decoded)).toEqual(bytes);
  });
});

describe('UTF-16 and UTF-32 without a BOM are recognised by their NUL bytes', () => {
  it.each(['utf-16le', 'utf-16be', 'utf-32le', 'utf-32be'])('%s', (encoding) => {
    const text = srtOf([...SIMPLIFIED, ...GERMAN]);
    const bytes = iconv.encode(text, encoding);
    const decoded = decodeSubtitleBytes(bytes);
    expect(decoded).toMatchObject({ encoding, bom: false, text });
    expect(encodeText(decoded.text, decoded)).toEqual(bytes);
  });
});

describe('UTF-8', () => {
  it('pure ASCII is reported as UTF-8', () => {
    const decoded = decodeSubtitleBytes(Buffer.from(srtOf(['Hello there.', 'General Kenobi!'])));
    expect(decoded).toMatchObject({ encoding: 'utf-8', bom: false, warnings: [] });
  });

  it('valid UTF-8 in any script is UTF-8', () => {
    const text = srtOf([...RUSSIAN, ...SIMPLIFIED, ...FRENCH]);
    expect(decodeSubtitleBytes(Buffer.from(text, 'utf8'))).toMatchObject({ encoding: 'utf-8', text });
  });

  it('an empty file is empty UTF-8 text', () => {
    expect(decodeSubtitleBytes(Buffer.alloc(0))).toMatchObject({ encoding: 'utf-8', bom: false, text: '' });
  });

  it('UTF-8 with one damaged byte stays UTF-8, with a warning that the byte is lost', () => {
    const text = srtOf([...FRENCH, ...SIMPLIFIED]);
    const bytes = Buffer.from(text, 'utf8');
    const at = bytes.indexOf(Buffer.from('é', 'utf8'));
    bytes[at] = 0xff; // é (C3 A9) becomes FF A9: two invalid bytes
    const decoded = decodeSubtitleBytes(bytes);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toContain('\uFFFD');
    expect(decoded.text).toContain('明天我们去看电影吧');
    expect(decoded.warnings.join()).toMatch(/U\+FFFD/);
  });

  it('UTF-8 cut off inside the last character stays UTF-8', () => {
    const bytes = Buffer.from(srtOf(SIMPLIFIED), 'utf8');
    const cut = bytes.subarray(0, bytes.length - 3); // drops the final newline and two of the three bytes of 。
    expect(decodeSubtitleBytes(cut).encoding).toBe('utf-8');
  });
});

describe('legacy encodings are found by scoring candidate decodings', () => {
  // [label, encoding, lines]: every text is generated with iconv-lite and must decode to exactly itself.
  const cases: [string, string, readonly string[]][] = [
    ['French', 'windows-1252', FRENCH],
    ['German', 'windows-1252', GERMAN],
    ['Russian', 'windows-1251', RUSSIAN],
    ['Russian', 'koi8-r', RUSSIAN],
    ['Polish', 'windows-1250', POLISH],
    ['Czech', 'windows-1250', CZECH],
    ['Polish', 'iso-8859-2', POLISH],
    ['Greek', 'windows-1253', GREEK],
    ['Hebrew', 'windows-1255', HEBREW],
    ['Turkish', 'windows-1254', TURKISH],
    ['traditional Chinese', 'big5', TRADITIONAL],
    ['simplified Chinese', 'gb18030', SIMPLIFIED],
    ['Japanese', 'shift_jis', JAPANESE],
    ['Japanese', 'euc-jp', JAPANESE],
    ['Korean', 'euc-kr', KOREAN],
  ];

  it.each(cases)('%s in %s', (_label, encoding, lines) => {
    const text = srtOf(lines, '\r\n');
    const bytes = iconv.encode(text, encoding);
    expect(iconv.decode(bytes, encoding)).toBe(text); // the sample is representable
    const decoded = decodeSubtitleBytes(bytes);
    expect(decoded).toMatchObject({ encoding, bom: false, method: 'scored', text, warnings: [] });
    expect(encodeText(decoded.text, decoded)).toEqual(bytes);
  });

  it.each(cases)('%s in %s, a single cue', (_label, encoding, lines) => {
    const text = srtOf(lines.slice(0, 1));
    expect(decodeSubtitleBytes(iconv.encode(text, encoding)).text).toBe(text);
  });

  it('a GB18030 file of one or two short cues', () => {
    for (const lines of [['嗯，好的。'], ['他们已经到了吗？', '还没有，再等一会儿。']]) {
      const text = srtOf(lines);
      expect(decodeSubtitleBytes(iconv.encode(text, 'gb18030'))).toMatchObject({ encoding: 'gb18030', text });
    }
  });

  it('Japanese in kana only: EUC-JP, even though GB18030 decodes kana to the same text', () => {
    const text = srtOf(['どうもありがとう。']);
    expect(decodeSubtitleBytes(iconv.encode(text, 'euc-jp'))).toMatchObject({ encoding: 'euc-jp', text });
  });

  it('a mostly English file with one accented word anywhere', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `Line number ${i} of plain English.`);
    lines[150] = 'Let us meet at the café.';
    const text = srtOf(lines);
    expect(decodeSubtitleBytes(iconv.encode(text, 'windows-1252'))).toMatchObject({ encoding: 'windows-1252', text });
  });
});

describe('binary data is refused with the offset of the first binary byte', () => {
  function binaryOffset(bytes: Uint8Array): number | null {
    try {
      decodeSubtitleBytes(bytes);
      return null;
    } catch (error) {
      expect(error).toBeInstanceOf(BinaryDataError);
      return (error as BinaryDataError).byteOffset;
    }
  }

  it('a NUL byte in a file that is not UTF-16', () => {
    const head = Buffer.from(srtOf(['Hello.']));
    expect(binaryOffset(Buffer.concat([head, Buffer.from([0x00, 0x41, 0x42])]))).toBe(head.length);
  });

  it('a PNG header', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000001000000010008060000005c72a866', 'hex');
    expect(binaryOffset(png)).toBe(8);
  });

  it('many control characters', () => {
    const noisy = Buffer.from('ab\x01\x02cd\x03\x04\x05\x06ef'.repeat(20));
    expect(binaryOffset(noisy)).toBe(2);
  });

  it('a UTF-16 file with NUL characters', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('1\n\0\0x', 'utf-16le')]);
    expect(binaryOffset(bytes)).toBe(2 + 2 * 2);
  });

  it('but not one stray control character in text', () => {
    expect(binaryOffset(Buffer.from(srtOf(['A stray \x03 here.', 'And tabs\there.'])))).toBeNull();
  });
});

describe('forced encodings', () => {
  it('decode as asked and drop a matching BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('é')]);
    expect(decodeSubtitleBytes(bytes, 'UTF8')).toMatchObject({ text: 'é', encoding: 'utf-8', bom: true });
    expect(decodeSubtitleBytes(Buffer.from([0xe9]), 'latin1')).toMatchObject({ text: 'é', encoding: 'iso-8859-1' });
  });

  it('reject unknown names', () => {
    expect(() => decodeSubtitleBytes(Buffer.from('x'), 'klingon-8')).toThrow(UnknownEncodingError);
  });
});

describe('names', () => {
  it('canonical names are iconv-lite lower-case names; aliases map to them', () => {
    expect(canonicalEncoding('UTF8')).toBe('utf-8');
    expect(canonicalEncoding('GBK')).toBe('gb18030');
    expect(canonicalEncoding('GB2312')).toBe('gb18030');
    expect(canonicalEncoding('Shift-JIS')).toBe('shift_jis');
    expect(canonicalEncoding('cp1251')).toBe('windows-1251');
    expect(canonicalEncoding('ISO_8859-2')).toBe('iso-8859-2');
    expect(canonicalEncoding('KOI8-R')).toBe('koi8-r');
    expect(canonicalEncoding('nonsense')).toBeNull();
  });
});

describe('encodeText and firstUnencodable', () => {
  it('writes the BOM of the encoding only when asked', () => {
    expect(encodeText('a', { encoding: 'utf-16be', bom: true })).toEqual(Buffer.from([0xfe, 0xff, 0x00, 0x61]));
    expect(encodeText('a', { encoding: 'utf-8', bom: false })).toEqual(Buffer.from('a'));
    expect(encodeText('a', { encoding: 'utf-8', bom: true })).toEqual(Buffer.from([0xef, 0xbb, 0xbf, 0x61]));
  });

  it('finds the first character an encoding cannot hold', () => {
    expect(firstUnencodable('café 😀 ok', 'windows-1252')).toEqual({ index: 5, char: '😀' });
    expect(firstUnencodable('Привет', 'windows-1252')).toEqual({ index: 0, char: 'П' });
    expect(firstUnencodable('Привет', 'windows-1251')).toBeNull();
    expect(firstUnencodable('😀 and 你好', 'utf-8')).toBeNull();
    expect(firstUnencodable('lone \uD800 surrogate', 'utf-16le')).toEqual({ index: 5, char: '\uD800' });
  });
});
