/** Fix common errors: each rule on English and Chinese (zh-Hans) text, tags and `{\an8}` kept, and the plan and its one undo step. */
import { describe, expect, it } from 'vitest';
import { SubtitleDoc } from '../../src-shared/document';
import { History } from '../../src-shared/history';
import { readSrt, writeSrt } from '../../src-shared/srt';
import {
  DEFAULT_FIX_RULES,
  FIX_RULE_IDS,
  FIX_RULES,
  fixText,
  parseRuleList,
  planTextFixes,
  TEXT_RULES,
  type TextRuleId,
  textFixCommand,
} from '../../src-shared/text-fixes';
import { readFixtureText } from '../support/fixtures';

/** The text after one rule alone. */
function fix(rule: TextRuleId, text: string): string {
  return fixText(text, new Set([rule])).text;
}

describe('the rule table', () => {
  it('offers every rule once, with the optional ones (hearing-impaired text, ellipsis) off by default', () => {
    expect(new Set(FIX_RULE_IDS).size).toBe(FIX_RULES.length);
    expect(FIX_RULE_IDS).toEqual(
      expect.arrayContaining([
        'double-spaces',
        'space-before-punctuation',
        'space-after-punctuation',
        'chinese-punctuation',
        'tags',
        'dialogue-dashes',
        'empty-cues',
        'hearing-impaired',
        'ellipsis',
      ]),
    );
    expect(DEFAULT_FIX_RULES).not.toContain('hearing-impaired');
    expect(DEFAULT_FIX_RULES).not.toContain('ellipsis');
    expect(DEFAULT_FIX_RULES).toContain('double-spaces');
  });

  it('parses a --rules list, and names the unknown rule with the known ones', () => {
    expect(parseRuleList('double-spaces, tags')).toEqual(['double-spaces', 'tags']);
    expect(parseRuleList('default')).toEqual([...DEFAULT_FIX_RULES]);
    expect(() => parseRuleList('tags,typo')).toThrow(/unknown rule typo \(known: hearing-impaired, tags/);
    expect(() => parseRuleList(',')).toThrow(/no rules/);
  });

  it('changes nothing when a text is already right', () => {
    const clean = [
      'Hello, world. How are you?',
      '{\\an8}<i>其实完全是取决于</i>',
      '- 你好。\n- 再见！',
      '3.5 and 1,000',
    ];
    for (const text of clean) for (const rule of TEXT_RULES) expect(rule.fix(text), `${rule.id}: ${text}`).toBe(text);
  });
});

describe('double spaces', () => {
  it('collapses runs and trims line ends, in English and Chinese', () => {
    expect(fix('double-spaces', 'Hello   there  you')).toBe('Hello there you');
    expect(fix('double-spaces', '  Hello \nthere ')).toBe('Hello\nthere');
    expect(fix('double-spaces', '我们  可以')).toBe('我们 可以');
  });

  it('keeps tags, also between the spaces, and {\\an8}', () => {
    expect(fix('double-spaces', '{\\an8} <i>Hello  there</i> ')).toBe('{\\an8}<i>Hello there</i>');
    expect(fix('double-spaces', 'a <i> b</i>')).toBe('a <i>b</i>');
  });
});

describe('spaces before punctuation', () => {
  it('removes the space before a mark that ends a Latin word', () => {
    expect(fix('space-before-punctuation', 'Wait , what ? Really !')).toBe('Wait, what? Really!');
    expect(fix('space-before-punctuation', '<i>Fine</i> .')).toBe('<i>Fine</i>.');
    expect(fix('space-before-punctuation', '{\\an8}Go ...')).toBe('{\\an8}Go...');
  });

  it('leaves decimals and Chinese text alone', () => {
    expect(fix('space-before-punctuation', 'at .5 seconds')).toBe('at .5 seconds');
    expect(fix('space-before-punctuation', '你好 ,')).toBe('你好 ,');
  });
});

describe('missing space after sentence punctuation', () => {
  it('adds it after a sentence and a comma in Latin text', () => {
    expect(fix('space-after-punctuation', 'Stop.Now!Please')).toBe('Stop. Now! Please');
    expect(fix('space-after-punctuation', 'yes,sir;no')).toBe('yes, sir; no');
    expect(fix('space-after-punctuation', '<i>end.</i>Next')).toBe('<i>end.</i> Next');
  });

  it('leaves numbers, abbreviations, addresses and Chinese alone', () => {
    for (const text of ['1,000 and 3.5', 'e.g.You', 'www.example.com', 'U.S.A', '对吧,你想你的attention'])
      expect(fix('space-after-punctuation', text)).toBe(text);
  });
});

describe('half-width punctuation in Chinese text', () => {
  it('writes ，。？！：； where the sentence is Chinese', () => {
    expect(fix('chinese-punctuation', '对吧,就是从围棋开始')).toBe('对吧，就是从围棋开始');
    expect(fix('chinese-punctuation', '你好吗?我很好!')).toBe('你好吗？我很好！');
    expect(fix('chinese-punctuation', '注意:第一;第二.')).toBe('注意：第一；第二。');
    expect(fix('chinese-punctuation', '我们用 iPhone,很好')).toBe('我们用 iPhone，很好');
  });

  it('drops the spaces around a converted mark, keeps tags and {\\an8}', () => {
    expect(fix('chinese-punctuation', '{\\an8}<i>好的 , 走吧</i>')).toBe('{\\an8}<i>好的，走吧</i>');
    expect(fix('chinese-punctuation', '<i>好的</i>.')).toBe('<i>好的</i>。');
  });

  it('leaves English sentences, decimals, ellipses and name dots alone', () => {
    for (const text of ['Hello, world.', '价格是3.5元', '然后...', '当时和丹利.周', 'OK, 好的'])
      expect(fix('chinese-punctuation', text)).toBe(text);
  });

  it('converts the interview’s Chinese commas, and never a name dot', () => {
    const { doc } = readSrt(readFixtureText('interview.srt'));
    const changes = planTextFixes(doc.cues, ['chinese-punctuation']);
    expect(changes.length).toBeGreaterThan(10);
    for (const change of changes) expect(change.after).not.toMatch(/[\p{Script=Han}],|[\p{Script=Han}]\?/u);
    const name = doc.cues.find((cue) => cue.text.includes('丹利.周'));
    expect(name).toBeDefined();
    expect(changes.find((c) => c.id === name?.id)?.after ?? name?.text).toContain('丹利.周');
  });
});

describe('unbalanced or empty tags', () => {
  it('removes empty tags, keeping their spaces', () => {
    expect(fix('tags', '<i></i>Hello')).toBe('Hello');
    expect(fix('tags', 'Hello<i> </i>there')).toBe('Hello there');
    expect(fix('tags', '<i>Hi</i> <i>there</i>')).toBe('<i>Hi there</i>');
  });

  it('closes a tag left open and drops a closing tag that closes nothing', () => {
    expect(fix('tags', '<i>Hello\nthere')).toBe('<i>Hello\nthere</i>');
    expect(fix('tags', 'Hello</i> there')).toBe('Hello there');
    expect(fix('tags', '<b><i>你好')).toBe('<b><i>你好</i></b>');
  });

  it('never touches {\\an8} or a balanced italic across lines', () => {
    expect(fix('tags', '{\\an8}<i>其实完全是取决于</i>')).toBe('{\\an8}<i>其实完全是取决于</i>');
    expect(fix('tags', '<i>one\ntwo</i>')).toBe('<i>one\ntwo</i>');
    expect(fix('tags', '{\\an8}')).toBe('{\\an8}');
  });
});

describe('dialogue dashes', () => {
  it('writes each speaker’s dash as "- "', () => {
    expect(fix('dialogue-dashes', '-Hi.\n—Hello.')).toBe('- Hi.\n- Hello.');
    expect(fix('dialogue-dashes', '–你好。\n-再见。')).toBe('- 你好。\n- 再见。');
    expect(fix('dialogue-dashes', '{\\an8}<i>-Hi.</i>\n-Bye.')).toBe('{\\an8}<i>- Hi.</i>\n- Bye.');
  });

  it('adds the first speaker’s dash when the second line is a turn', () => {
    expect(fix('dialogue-dashes', 'Are you coming?\n-Yes.')).toBe('- Are you coming?\n- Yes.');
    expect(fix('dialogue-dashes', '你来吗？\n-来。')).toBe('- 你来吗？\n- 来。');
  });

  it('leaves negative numbers, double dashes and continuing lines alone', () => {
    for (const text of ['-5 degrees', '--', 'well-known']) expect(fix('dialogue-dashes', text)).toBe(text);
    expect(fix('dialogue-dashes', 'and then\n-Yes.')).toBe('and then\n- Yes.');
  });
});

describe('hearing-impaired text (optional)', () => {
  it('removes bracketed sounds and the lines they leave empty, in English and Chinese', () => {
    expect(fix('hearing-impaired', '[door opens]\nWho is there?')).toBe('Who is there?');
    expect(fix('hearing-impaired', 'Hello (laughs) there')).toBe('Hello there');
    expect(fix('hearing-impaired', '[笑]好的')).toBe('好的');
    // Full-width parentheses are a Chinese translator's clarifications, not sounds: the interview has many.
    expect(fix('hearing-impaired', '其实（公司）也不小了')).toBe('其实（公司）也不小了');
    expect(fix('hearing-impaired', '- [sighs]\n- Fine.')).toBe('- Fine.');
  });

  it('keeps {\\an8} and other tags of a removed line on the next line', () => {
    expect(fix('hearing-impaired', '{\\an8}[sighs]\nHello')).toBe('{\\an8}Hello');
    expect(fix('hearing-impaired', '<i>[music]</i>')).toBe('<i></i>');
  });
});

describe('three dots to an ellipsis (optional)', () => {
  it('writes exactly three dots as one character', () => {
    expect(fix('ellipsis', 'Wait... what...')).toBe('Wait… what…');
    expect(fix('ellipsis', '然后...{\\an8}')).toBe('然后…{\\an8}');
    expect(fix('ellipsis', 'four....')).toBe('four....');
  });
});

describe('planning and applying', () => {
  const text = [
    '1\n00:00:01,000 --> 00:00:02,000\nHello  there\n',
    '2\n00:00:03,000 --> 00:00:04,000\n<i></i>\n',
    '3\n00:00:05,000 --> 00:00:06,000\n对吧,好的\n',
    '4\n00:00:07,000 --> 00:00:08,000\nAlready fine.\n',
  ].join('\n');

  it('lists every change with before, after and the rules, and deletes empty cues', () => {
    const { doc } = readSrt(text);
    const changes = planTextFixes(doc.cues, DEFAULT_FIX_RULES);
    expect(changes.map((c) => [c.position, c.before, c.after, c.rules])).toEqual([
      [0, 'Hello  there', 'Hello there', ['double-spaces']],
      [1, '<i></i>', null, ['tags', 'empty-cues']],
      [2, '对吧,好的', '对吧，好的', ['chinese-punctuation']],
    ]);
  });

  it('applies the chosen changes as one undo step and touches only the changed cues', () => {
    const { doc } = readSrt(text);
    const history = new History(doc);
    const changes = planTextFixes(doc.cues, DEFAULT_FIX_RULES).filter((c) => c.position !== 2);
    const made = textFixCommand(doc, changes);
    expect(made).toMatchObject({ replaced: 1, removed: 1 });
    history.execute(made!.command);
    expect(doc.cues.map((c) => c.text)).toEqual(['Hello there', '对吧,好的', 'Already fine.']);
    // Untouched cues keep their text and times byte for byte (the deletion renumbers them).
    expect(writeSrt(doc)).toContain('2\n00:00:05,000 --> 00:00:06,000\n对吧,好的\n');
    expect(history.state.undoLabel).toBe('Fix common errors');
    history.undo();
    expect(writeSrt(doc)).toBe(text);
  });

  it('returns null when nothing applies, and skips changes to cues edited since', () => {
    const doc = new SubtitleDoc([]);
    expect(textFixCommand(doc, [])).toBeNull();
    const { doc: other } = readSrt(text);
    const changes = planTextFixes(other.cues, ['double-spaces']);
    const edited = { ...changes[0]!, before: 'something else' };
    expect(textFixCommand(other, [edited])).toBeNull();
  });
});
