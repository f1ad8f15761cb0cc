/** Specification of what a viewer reads: tag stripping, character counting, line lengths and reading speed. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  charsPerSecond,
  cps,
  lineLengths,
  measureText,
  textLength,
  visibleLength,
  visibleText,
} from '../../src-shared/text-metrics';

describe('visibleText', () => {
  it('strips SRT formatting tags', () => {
    expect(visibleText('<i>Hello</i> <b>there</b>')).toBe('Hello there');
    expect(visibleText('<font color="#ff0000">red</font> and <FONT face=Arial>x</FONT>')).toBe('red and x');
    expect(visibleText('<u>under</u><s>struck</s>')).toBe('understruck');
  });

  it('strips ASS override blocks such as {\\an8} and {\\i1}', () => {
    expect(visibleText('{\\an8}<i>其实完全是取决于</i>')).toBe('其实完全是取决于');
    expect(visibleText('{\\i1}slanted{\\i0} {\\pos(10,20)}placed')).toBe('slanted placed');
  });

  it('keeps angle brackets and braces that are not tags', () => {
    expect(visibleText('a < b and c > d')).toBe('a < b and c > d');
    expect(visibleText('x<y>z')).toBe('x<y>z');
    expect(visibleText('I <3 you')).toBe('I <3 you');
    expect(visibleText('{not a tag}')).toBe('{not a tag}');
  });

  it('returns the same string when there is nothing to strip', () => {
    const text = '就是说 也属于“幕后英雄”嘛';
    expect(visibleText(text)).toBe(text);
  });
});

describe('visibleLength', () => {
  it('counts the 8 visible characters of the fixture cue 1100', () => {
    expect(visibleLength('{\\an8}<i>其实完全是取决于</i>')).toBe(8);
  });

  it('counts each Chinese, Japanese and Korean character once', () => {
    expect(visibleLength('关联在哪里')).toBe(5);
    expect(visibleLength('カタカナです')).toBe(6);
    expect(visibleLength('안녕하세요')).toBe(5);
    expect(visibleLength('，？！“”')).toBe(5);
  });

  it('counts code points, not UTF-16 units', () => {
    expect('😀'.length).toBe(2);
    expect(visibleLength('😀')).toBe(1);
    expect(visibleLength('𠀀𠀁')).toBe(2); // CJK extension B, outside the BMP
  });

  it('does not count combining marks', () => {
    expect(visibleLength('e\u0301te\u0301')).toBe(3); // "été" in decomposed form
    expect(visibleLength('e\u0301te\u0301')).toBe(visibleLength('été'));
    expect(visibleLength('か\u3099')).toBe(1); // kana + combining voiced mark
  });

  it('counts an emoji sequence or a flag as one character', () => {
    expect(visibleLength('👩🏽‍💻')).toBe(1);
    expect(visibleLength('🇺🇸🇫🇷')).toBe(2);
  });

  it('counts spaces and punctuation, not tags', () => {
    expect(visibleLength('Hi, you!')).toBe(8);
    expect(visibleLength('<i>Hi, you!</i>')).toBe(8);
    expect(visibleLength('a < b')).toBe(5);
  });

  it('counts nothing for empty or zero-width text', () => {
    expect(visibleLength('')).toBe(0);
    expect(visibleLength('\u200b\u200e')).toBe(0);
  });
});

describe('lineLengths', () => {
  it('measures every line after removing tags', () => {
    expect(lineLengths('<i>Hi</i>\nyou')).toEqual([2, 3]);
    expect(lineLengths('就是说\n2024')).toEqual([3, 4]);
    expect(lineLengths('')).toEqual([0]);
  });
});

describe('measureText', () => {
  it('sums visible characters of all lines without the line breaks', () => {
    expect(measureText('abcde\nfghij')).toEqual({
      chars: 10,
      lines: 2,
      longestLength: 5,
      longestLine: 1,
      blank: false,
    });
    expect(textLength('abcde\nfghij')).toBe(10);
  });

  it('reports the first longest line', () => {
    const measure = measureText('short\n<i>much longer</i>\ntiny');
    expect(measure.lines).toBe(3);
    expect(measure.longestLength).toBe(11);
    expect(measure.longestLine).toBe(2);
  });

  it('treats tag-only and space-only text as blank', () => {
    expect(measureText('').blank).toBe(true);
    expect(measureText('<i></i>').blank).toBe(true);
    expect(measureText('{\\an8}').blank).toBe(true);
    expect(measureText('  \u3000').blank).toBe(true);
    expect(measureText(' a').blank).toBe(false);
  });

  it('agrees with lineLengths on mixed text', () => {
    for (const text of [
      '{\\an8}<i>其实完全是取决于</i>',
      'e\u0301te\u0301\n😀 ok',
      '这是我一直对量子力学的那个many-world',
      'a\n\nb',
    ]) {
      const lengths = lineLengths(text);
      const measure = measureText(text);
      expect(measure.lines).toBe(lengths.length);
      expect(measure.chars).toBe(lengths.reduce((sum, n) => sum + n, 0));
      expect(measure.longestLength).toBe(Math.max(...lengths));
    }
  });
});

describe('fast and careful counting agree', () => {
  // Pieces from every path: ASCII, CJK, full-width punctuation, kana with a combining mark, emoji, tags, breaks.
  const pieces = [
    'a',
    ' ',
    '<',
    '>',
    '{',
    '说',
    '，',
    '“',
    'か',
    '\u3099',
    'é',
    'e\u0301',
    '😀',
    '\u200d',
    '<i>',
    '{\\an8}',
    '\n',
  ];
  it('on random text built from tricky pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const lengths = lineLengths(text);
        const measure = measureText(text);
        expect(measure.chars).toBe(lengths.reduce((sum, n) => sum + n, 0));
        expect(measure.lines).toBe(lengths.length);
        expect(measure.longestLength).toBe(Math.max(...lengths));
        expect(textLength(text)).toBe(measure.chars);
      }),
    );
  });
});

describe('reading speed', () => {
  it('is visible characters of all lines per second of duration', () => {
    expect(cps({ startMs: 0, endMs: 2000, text: 'Hello\nworld' })).toBe(5);
    expect(cps({ startMs: 1000, endMs: 1500, text: '{\\an8}<i>其实完全是取决于</i>' })).toBe(16);
  });

  it('is 0 without text and infinite for text without time', () => {
    expect(cps({ startMs: 0, endMs: 1000, text: '' })).toBe(0);
    expect(cps({ startMs: 1000, endMs: 1000, text: 'x' })).toBe(Number.POSITIVE_INFINITY);
    expect(charsPerSecond(3, -5)).toBe(Number.POSITIVE_INFINITY);
    expect(charsPerSecond(0, 0)).toBe(0);
  });
});
