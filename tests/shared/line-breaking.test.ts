/** Line breaking to the Netflix limits: en at natural break points (42 a line), zh-Hans at word boundaries (16). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakText, isChineseText, unbreakText } from '../../src-shared/line-breaking';
import { PROFILES } from '../../src-shared/profiles';
import { readSrt } from '../../src-shared/srt';
import { lineLengths } from '../../src-shared/text-metrics';
import { readFixtureText } from '../support/fixtures';

const en = PROFILES['netflix-en'];
const zh = PROFILES['netflix-zh-hans'];
/** Non-space characters in order: what breaking must never drop or reorder. */
const ink = (text: string) => text.replace(/\s/gu, '');

describe('breakText in English (42 characters a line)', () => {
  it('keeps a text that fits on one line on one line, joining its lines', () => {
    expect(breakText('Short line\nhere', en)).toBe('Short line here');
    expect(breakText('Where are you going?', en)).toBe('Where are you going?');
  });

  it('breaks after punctuation when the lines stay within the limit', () => {
    expect(breakText('I knew it was you, because nobody else would ever come here.', en)).toBe(
      'I knew it was you,\nbecause nobody else would ever come here.',
    );
  });

  it('breaks before a conjunction rather than in the middle of a phrase', () => {
    expect(breakText('She said she would call me back later but she never did it.', en)).toBe(
      'She said she would call me back later\nbut she never did it.',
    );
  });

  it('never ends a line with an article or a preposition', () => {
    const broken = breakText('Can you pass me the salt and the pepper from the kitchen table?', en);
    const firstLine = broken.split('\n')[0] as string;
    expect(firstLine).not.toMatch(/\b(the|a|an|from|to|of)$/);
    expect(lineLengths(broken).every((n) => n <= 42)).toBe(true);
  });

  it('balances the two lines', () => {
    const [top, bottom] = lineLengths(breakText('This sentence has no punctuation at all in the middle of it ok', en));
    expect(Math.abs((top as number) - (bottom as number))).toBeLessThanOrEqual(12);
  });

  it('keeps <i> tags where they are and does not count them', () => {
    const text = '<i>I knew it was you, because nobody else would ever come here.</i>';
    expect(breakText(text, en)).toBe('<i>I knew it was you,\nbecause nobody else would ever come here.</i>');
    // 42 visible characters exactly fit on one line however many tag characters there are.
    const fitting = `<i>${'a'.repeat(20)}</i> <font color="#ffff00">${'b'.repeat(21)}</font>`;
    expect(breakText(fitting, en)).toBe(fitting);
  });

  it('keeps {\\an8} at the start of the first line', () => {
    expect(breakText('{\\an8}I knew it was you, because nobody else would ever come here.', en)).toBe(
      '{\\an8}I knew it was you,\nbecause nobody else would ever come here.',
    );
  });

  it('leaves a dialogue one speaker a line', () => {
    const dialogue = '- Are you coming with us tonight?\n- No.';
    expect(breakText(dialogue, en)).toBe(dialogue);
    expect(unbreakText(dialogue)).toBe(dialogue);
  });

  it('leaves a single word longer than the limit as it is (there is no place to break)', () => {
    const word = 'Supercalifragilisticexpialidociouslyspeakingonly';
    expect(breakText(word, en)).toBe(word);
  });
});

describe('breakText in Simplified Chinese (16 characters a line)', () => {
  it('keeps a line of 16 or fewer characters', () => {
    expect(breakText('才发现你在Meta已经工作10年', zh)).toBe('才发现你在Meta已经工作10年');
    expect(breakText('就是 准备\n访谈的时候', zh)).toBe('就是 准备访谈的时候');
  });

  it('breaks at a word boundary, never inside a word, and balances the lines', () => {
    const broken = breakText('我觉得这个问题其实完全是取决于你自己怎么看待它的', zh);
    expect(broken).toBe('我觉得这个问题其实完全是\n取决于你自己怎么看待它的');
    expect(broken.includes('\n')).toBe(true);
    // The segmenter's words (问题, 其实, 完全, 取决于, 自己, 看待) are never cut.
    for (const word of ['问题', '其实', '完全', '取决于', '自己', '看待']) expect(ink(broken)).toContain(word);
    for (const line of broken.split('\n')) expect(line.length).toBeLessThanOrEqual(16);
  });

  it('never breaks inside an English word or a number in a Chinese line, nor between a number and its unit', () => {
    const broken = breakText('才发现你在Meta已经工作10年了而且我们都不知道这件事情', zh);
    expect(broken).toBe('才发现你在Meta已经工作\n10年了而且我们都不知道这件事情');
  });

  it('prefers the space between phrases and breaks after a full-width comma, never before it', () => {
    expect(breakText('我是在 就是准备访谈的时候才发现你', zh)).toBe('我是在\n就是准备访谈的时候才发现你');
    const comma = breakText('你好，我觉得这个问题其实完全是取决于你自己', zh);
    expect(comma).toBe('你好，我觉得这个问题\n其实完全是取决于你自己');
    expect(comma.split('\n').some((line) => line.startsWith('，'))).toBe(false);
  });

  it('never breaks inside brackets when it can break outside them', () => {
    expect(breakText('我的手下那些人（前同事）能很快找到工作', zh)).toBe('我的手下那些人\n（前同事）能很快找到工作');
    expect(breakText('He walked in and said hello (laughing at everyone there)', en)).toBe(
      'He walked in and said hello\n(laughing at everyone there)',
    );
  });

  it('keeps tags and {\\an8}', () => {
    expect(breakText('{\\an8}<i>我觉得这个问题其实完全是取决于你自己怎么看待它的</i>', zh)).toBe(
      '{\\an8}<i>我觉得这个问题其实完全是\n取决于你自己怎么看待它的</i>',
    );
  });
});

describe('unbreakText', () => {
  it('joins Latin lines with one space and Chinese fragments with nothing', () => {
    expect(unbreakText('Hello \n world')).toBe('Hello world');
    expect(unbreakText('你好\n世界')).toBe('你好世界');
    expect(unbreakText('我在\nMeta')).toBe('我在 Meta');
    expect(unbreakText('<i>你好</i>\n<i>世界</i>')).toBe('<i>你好</i><i>世界</i>');
  });

  it('is what breakText starts from: breaking an unbroken text equals breaking the text', () => {
    const text = 'We went to the market\nand bought some apples for the whole family.';
    expect(breakText(unbreakText(text), en)).toBe(breakText(text, en));
  });
});

describe('on the interview', () => {
  it('every broken cue of the fixture keeps its characters, and lines that can fit do', () => {
    const { doc } = readSrt(readFixtureText('interview.srt'));
    let changed = 0;
    for (const cue of doc.cues) {
      const broken = breakText(cue.text, zh);
      expect(ink(broken)).toBe(ink(cue.text));
      if (broken !== cue.text) changed++;
    }
    expect(isChineseText(doc.cues[0]?.text ?? '')).toBe(true);
    expect(changed).toBeGreaterThan(0);
  });
});

describe('properties', () => {
  const word = fc.oneof(
    fc.stringMatching(/^[a-zA-Z']{1,10}[,.?]?$/),
    fc.stringMatching(/^[你好世界我们关联在哪里其实完全是取决于，。]{1,8}$/),
    fc.constantFrom('<i>it</i>', '{\\an8}top', 'a<b', '😀', '10', 'and', 'the', '- '),
  );
  const text = fc
    .array(fc.array(word, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 3 })
    .map((lines) => lines.map((words) => words.join(' ')).join('\n'));

  it('breaking never drops or reorders a non-space character, for either profile', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(en, zh), (t, profile) => {
        expect(ink(breakText(t, profile))).toBe(ink(t));
        expect(ink(unbreakText(t))).toBe(ink(t));
      }),
      { numRuns: 500 },
    );
  });
});
