/**
 * The core's messages (validation, readers, fixes, timing) are catalog keys and values, put in words in the language
 * shown: English as before, Chinese with the same numbers, times and plurals, and no key the catalog lacks.
 */
import { describe, expect, it } from 'vitest';
import { type Cue, SubtitleDoc } from '../../src-shared/document';
import { readSubtitle } from '../../src-shared/formats/index';
import { History } from '../../src-shared/history';
import { createTranslator, type Translate } from '../../src-shared/i18n/translator';
import { type CoreMessage, inEnglish, sayIn } from '../../src-shared/messages';
import { fixNounMessage, planCodeFix } from '../../src-shared/problem-fixes';
import { PROBLEM_CODES, type Problem, type ProblemCode, problemCodeKey, problemText } from '../../src-shared/problems';
import { getProfile, type ValidationProfile } from '../../src-shared/profiles';
import { applySafeFixes } from '../../src-shared/safe-fixes';
import { readSrt } from '../../src-shared/srt';
import { FIX_RULE_IDS, ruleDescription, ruleLabel } from '../../src-shared/text-fixes';
import { postProcessTiming } from '../../src-shared/timing/post-process';
import { timingWarnings } from '../../src-shared/timing/warnings';
import { validate } from '../../src-shared/validate';
import { readFixtureText } from '../support/fixtures';

const zh = createTranslator('zh-Hans').t;
const profile = getProfile('default') as ValidationProfile;

/** A cue as read from an SRT file, numbered `index` there. */
function cue(id: number, startMs: number, endMs: number, text: string, index = id): Cue {
  return {
    id,
    startMs,
    endMs,
    text,
    settings: '',
    trailer: '\n',
    line: id * 4 - 2,
    source: { indexLine: `${index}\n`, index, body: `x\n${text}\n` },
  };
}

function first(problems: readonly Problem[], code: ProblemCode): Problem {
  const found = problems.find((p) => p.code === code);
  if (!found) throw new Error(`no ${code} among ${problems.map((p) => p.code).join(', ')}`);
  return found;
}

describe('validation messages', () => {
  const broken = readSrt(readFixtureText('interview-broken.srt'));
  const problems = validate(broken.doc, profile, broken.problems);

  it('say the overlap with its cue numbers and times, in English and in Chinese', () => {
    const overlap = first(problems, 'overlap');
    expect(problemText(overlap)).toBe(
      'Cue 2141 overlaps cue 2142 by 400 ms (ends 01:00:01,200, next starts 01:00:00,800)',
    );
    expect(problemText(overlap, zh)).toBe(
      '第 2141 条字幕与第 2142 条字幕重叠 400 毫秒（结束于 01:00:01,200，下一条开始于 01:00:00,800）',
    );
  });

  it('name the number written in the file when it differs from the position, in both languages', () => {
    const swapped = first(problems, 'out-of-order');
    expect(problemText(swapped)).toContain('Cue 301 (numbered 300 in the file)');
    expect(problemText(swapped)).toContain('cue 300 (numbered 301 in the file)');
    expect(problemText(swapped, zh)).toBe(
      '第 301 条字幕（文件中编号为 300）开始于 00:08:40,966，早于它前面的第 300 条字幕（文件中编号为 301），后者开始于 00:08:42,566',
    );
  });

  it('count characters and lines with the right plural in English and one form in Chinese', () => {
    const strict: ValidationProfile = { ...profile, maxLineLength: 0.5, maxLines: 1, maxCps: 0.5 };
    const one = validate(new SubtitleDoc([cue(1, 0, 1000, 'x')]), strict);
    expect(problemText(first(one, 'line-too-long'))).toContain('line 1 has 1 character, more than the limit of 0.5');
    expect(problemText(first(one, 'line-too-long'), zh)).toBe('第 1 条字幕第 1 行有 1 个字符，超过上限 0.5');
    expect(problemText(first(one, 'reading-speed'))).toContain(
      'reads at 1 character per second (1 character in 1000 ms)',
    );
    const many = validate(new SubtitleDoc([cue(1, 0, 1000, 'abcdefghijkl\nb\nc')]), strict);
    expect(problemText(first(many, 'line-too-long'))).toContain('has 12 characters');
    expect(problemText(first(many, 'too-many-lines'))).toBe('Cue 1 has 3 lines, more than the limit of 1');
    expect(problemText(first(many, 'too-many-lines'), zh)).toBe('第 1 条字幕有 3 行，超过上限 1 行');
    expect(problemText(first(many, 'reading-speed'), zh)).toBe(
      '第 1 条字幕的阅读速度为每秒 14 个字符（1000 毫秒内 14 个字符），超过上限 0.5',
    );
  });

  it('keep the reader’s notes, joined in each language’s punctuation', () => {
    const { problems: read } = readSrt('1\n0:00:01.500 --> 00:00:02,000\nA\n2\n00:00:03,000 --> 00:00:04,000\nB\n');
    const malformed = first(read as unknown as Problem[], 'malformed-timestamp');
    expect(problemText(malformed)).toBe(
      "non-standard timestamp: start time: '.' instead of ',' before the milliseconds, 1-digit hours; read as 00:00:01,500",
    );
    expect(problemText(malformed, zh)).toBe(
      '时间码不规范：开始时间：毫秒前用了“.”而不是“,”，小时为 1 位；按 00:00:01,500 读取',
    );
    expect(problemText(first(read as unknown as Problem[], 'missing-blank-line'), zh)).toBe('第 2 条字幕前缺少空行');
  });

  it('travel as plain data: a structured clone or JSON copy says the same', () => {
    const overlap = first(problems, 'overlap');
    expect(problemText(structuredClone(overlap), zh)).toBe(problemText(overlap, zh));
    expect(problemText(JSON.parse(JSON.stringify(overlap)) as Problem)).toBe(problemText(overlap));
  });
});

describe('fix descriptions', () => {
  it('say what the safe fixes did, counted, in Chinese', () => {
    const { doc, problems } = readSrt(readFixtureText('interview-broken.srt'));
    const report = applySafeFixes(new History(doc), problems, profile);
    const changes = report.changes.map((m) => sayIn(zh, m));
    expect(changes).toContain('已按开始时间排序：2 条字幕改变了位置');
    expect(changes).toContain('已修复重叠：第 2141 条字幕现在结束于 01:00:00,800（原为 01:00:01,200）');
    expect(report.changes.map(inEnglish)).toContain('sorted by start time: 2 cues changed place');
    expect(report.left.map((m) => sayIn(zh, m))).toContain(
      '第 150 条字幕的结束时间早于开始时间（00:04:27,833 --> 00:04:26,200）：请手动修正或交换其时间',
    );
  });

  it('name what a Fix all plan repairs with its count', () => {
    const { doc, problems: read } = readSrt(readFixtureText('interview-broken.srt'));
    const plan = planCodeFix(doc, 'out-of-order', validate(doc, profile, read), profile);
    if (!plan) throw new Error('no plan');
    expect(inEnglish(fixNounMessage('out-of-order', plan.rows.length))).toBe('2 cues out of order');
    expect(sayIn(zh, fixNounMessage('out-of-order', plan.rows.length))).toBe('2 条顺序错乱的字幕');
    expect(inEnglish(fixNounMessage('overlap', 1))).toBe('1 overlap');
    expect(sayIn(zh, fixNounMessage('overlap', 3))).toBe('3 处重叠');
    expect(plan.rows.map((row) => sayIn(zh, row.after))).toEqual(['第 300 条字幕', '第 301 条字幕']);
  });

  it('name every Fix common errors rule in both languages', () => {
    for (const id of FIX_RULE_IDS) {
      expect(inEnglish(ruleLabel(id))).not.toBe(`textFix.${id}.label`);
      expect(sayIn(zh, ruleLabel(id))).toMatch(/\p{Script=Han}/u);
      expect(sayIn(zh, ruleDescription(id))).toMatch(/\p{Script=Han}/u);
    }
    expect(sayIn(zh, ruleLabel('empty-cues'))).toBe('空字幕');
  });

  it('give the timing post-processor’s reasons and guard rails in Chinese', () => {
    const doc = new SubtitleDoc([cue(1, 1000, 2000, 'a'), cue(2, 5000, 6000, 'b')]);
    const result = postProcessTiming(doc, { minGapMs: 0, minDurationMs: 0 }, { leadInMs: 100, leadOutMs: 250 });
    expect(result.changes.map((c) => inEnglish(c.reason))).toEqual([
      'lead-in 100 ms; lead-out 250 ms',
      'lead-in 100 ms; lead-out 250 ms',
    ]);
    expect(sayIn(zh, result.changes[0]?.reason as CoreMessage)).toBe('提前 100 毫秒出现；延后 250 毫秒消失');
    const before = doc.cues.slice();
    const after = [before[0] as Cue, { ...(before[1] as Cue), startMs: 1500 }];
    const warnings = timingWarnings(before, after, [2], profile);
    expect(warnings.map(inEnglish)).toEqual(['Cue 2 now overlaps cue 1 by 500 ms']);
    expect(warnings.map((w) => sayIn(zh, w))).toEqual(['第 2 条字幕现在与第 1 条字幕重叠 500 毫秒']);
  });
});

describe('the catalog has every key the core uses', () => {
  /** Renders messages with a translator that records the keys it lacks. */
  function missingKeys(language: 'en' | 'zh-Hans', messages: readonly CoreMessage[]): string[] {
    const missing: string[] = [];
    const t: Translate = createTranslator(language, { onMissingKey: (_l, key) => missing.push(key) }).t;
    for (const message of messages) sayIn(t, message);
    return missing;
  }

  it('for every problem code’s display name', () => {
    const names = PROBLEM_CODES.map((code) => ({ key: problemCodeKey(code) }));
    expect(missingKeys('en', names)).toEqual([]);
    expect(missingKeys('zh-Hans', names)).toEqual([]);
    expect(inEnglish({ key: problemCodeKey('gap-too-small') })).toBe('Gap too small');
    expect(sayIn(zh, { key: problemCodeKey('overlap') })).toBe('重叠');
  });

  it('for the reader and validation problems of the damaged and multi-format fixtures', () => {
    const messages: CoreMessage[] = [];
    const broken = readSrt(readFixtureText('interview-broken.srt'));
    const strict = getProfile('netflix-zh-hans') as ValidationProfile;
    for (const p of validate(broken.doc, { ...strict, minGapMs: 5000 }, broken.problems)) messages.push(p.message);
    const texts = [
      'WEBVTT\n\nSTYLE\n::cue {}\n\nREGION\nid:a\n\nNOTE hi\n\n00:00:01.000 --> 00:00:02.000\nA\n\nSTYLE\nlate\n\nnot a cue\n\n00:00:03 --> x\nB\n',
      '[Script Info]\n\n[V4+ Styles]\nStyle: Default\n\n[Events]\nFormat: Layer, Start, End, Style, Text\nDialogue: 0,0:00:01.00,0:00:02.00,Default,{\\k20}Hi\nComment: 0,0:00:01.00,0:00:02.00,Default,x\nDialogue: 0,bad,0:00:02.00,Default,x\n\n[Fonts]\n',
      '{10}{20}Hello\nnot a line\n',
      '0:00:01.000,0:00:02.000\nHi\n\nstray\n',
      'junk\n\n1\n00:00:01,000 -> 00:00:02,000\nA\n\n\nafter blank\n3\n',
    ];
    for (const text of texts) for (const p of readSubtitle(text).problems) messages.push(p.message);
    expect(messages.length).toBeGreaterThan(20);
    expect(new Set(messages.map((m) => m.key)).size).toBeGreaterThan(20);
    expect(missingKeys('en', messages)).toEqual([]);
    expect(missingKeys('zh-Hans', messages)).toEqual([]);
  });
});
