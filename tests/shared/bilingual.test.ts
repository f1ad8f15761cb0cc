import { describe, expect, it } from 'vitest';
import { joinBilingual } from '../../src-shared/bilingual/join';
import { lineScript } from '../../src-shared/bilingual/script';
import { splitBilingual } from '../../src-shared/bilingual/split';
import { SubtitleDoc } from '../../src-shared/document';
import { inEnglish } from '../../src-shared/messages';
import { readSrt, writeSrt } from '../../src-shared/srt';
import { readFixtureText } from '../support/fixtures';
import { makeEnglishTranslation } from '../support/translation';

const interview = () => readSrt(readFixtureText('interview.srt')).doc;
const threeMinutes = () => readSrt(readFixtureText('interview-3min.srt')).doc;
/** English for cues 1..40 of the 3-minute interview, same times. */
const english = () => readSrt(makeEnglishTranslation(readFixtureText('interview-3min.srt'), 1, 40)).doc;

function docOf(cues: [number, number, string][]): SubtitleDoc {
  const doc = new SubtitleDoc();
  doc.cues = cues.map(([startMs, endMs, text]) => doc.createCue({ startMs, endMs, text }));
  return doc;
}

describe('language of a line by script', () => {
  it('tells Han from Latin and weighs mixed lines as Han characters against Latin words', () => {
    expect(lineScript('就是所以也算自由了吧').script).toBe('han');
    expect(lineScript('the most important single factor').script).toBe('latin');
    expect(lineScript('反正现在我没有access了嘛')).toMatchObject({ script: 'han', doubt: 'mixed' });
    expect(lineScript('I think 对')).toMatchObject({ script: 'latin', doubt: 'mixed' });
    expect(lineScript('<i>{\\an8}Hello</i>')).toMatchObject({ script: 'latin', doubt: null });
  });

  it('calls a tie or a line without letters ambiguous instead of guessing', () => {
    expect(lineScript('OK 好')).toMatchObject({ script: null, doubt: 'tie' });
    expect(lineScript('2015 ...')).toMatchObject({ script: null, doubt: 'no-letters' });
  });
});

describe('split a bilingual document', () => {
  it('puts Chinese over English lines into two documents with the same timing', () => {
    const doc = docOf([
      [1000, 2000, '你好\nHello'],
      [2000, 3500, '{\\an8}我们走吧\nLet us go\nnow'],
    ]);
    const { han, latin, oneLanguage, notes } = splitBilingual(doc);
    expect(han.cues.map((c) => [c.startMs, c.endMs, c.text])).toEqual([
      [1000, 2000, '你好'],
      [2000, 3500, '{\\an8}我们走吧'],
    ]);
    expect(latin.cues.map((c) => [c.startMs, c.endMs, c.text])).toEqual([
      [1000, 2000, 'Hello'],
      [2000, 3500, 'Let us go\nnow'],
    ]);
    expect(oneLanguage).toEqual([]);
    expect(notes).toEqual([]);
  });

  it('goes by script, not by line position: English over Chinese splits the same way', () => {
    const { han, latin } = splitBilingual(docOf([[0, 1000, 'Hello\n你好']]));
    expect(han.cues.map((c) => c.text)).toEqual(['你好']);
    expect(latin.cues.map((c) => c.text)).toEqual(['Hello']);
  });

  it('says which lines were ambiguous and where they went', () => {
    const doc = docOf([[0, 1000, '他说\nOK 好\n...']]);
    const { han, notes } = splitBilingual(doc);
    expect(han.cues[0]?.text).toBe('他说\nOK 好\n...');
    expect(notes.map((n) => [n.lineInCue, n.doubt, n.assigned])).toEqual([
      [2, 'tie', 'han'],
      [3, 'no-letters', 'han'],
    ]);
    expect(notes[0] && inEnglish(notes[0].message)).toBe(
      'Cue 1, line 2 "OK 好": as many Han characters as Latin words; went with the line before it (Chinese)',
    );
  });

  it('splits the interview: every line lands in exactly one document, one-language cues are reported', () => {
    const doc = interview();
    const { han, latin, oneLanguage, notes, empty } = splitBilingual(doc);
    expect(empty).toEqual([]);
    // The interview has one line per cue, so every cue is one language and lives in one document only.
    expect(han.cues.length + latin.cues.length).toBe(doc.cues.length);
    expect(oneLanguage).toHaveLength(doc.cues.length);
    expect(han.cues[0]?.text).toBe('反正现在我没有access了嘛');
    expect(latin.cues.map((c) => c.text)).toContain('the most important single factor is prior knowledge');
    expect(latin.cues.every((c) => lineScript(c.text).script !== 'han')).toBe(true);
    // Code-switching inside a Chinese line is not a doubt; close calls are.
    expect(notes.some((n) => n.text === '反正现在我没有access了嘛')).toBe(false);
    expect(notes.find((n) => n.text === '等于short programs')?.doubt).toBe('tie');
  });

  it('round trip on the interview: split then join gives back every cue text at its time', () => {
    const doc = interview();
    const { han, latin } = splitBilingual(doc);
    const joined = joinBilingual(han, latin);
    expect(joined.doc.cues.map((c) => [c.startMs, c.endMs, c.text])).toEqual(
      doc.cues.map((c) => [c.startMs, c.endMs, c.text]),
    );
    expect(joined.unmatched).toHaveLength(doc.cues.length);
  });
});

describe('join two documents into one bilingual document', () => {
  it('pairs the interview with its English translation by time and keeps the untranslated cues, reported', () => {
    const zh = threeMinutes();
    const en = english();
    const { doc, pairs, unmatched } = joinBilingual(zh, en);
    expect(pairs).toHaveLength(40);
    expect(doc.cues).toHaveLength(101);
    expect(doc.cues[0]?.text).toBe(`${zh.cues[0]?.text}\n${en.cues[0]?.text}`);
    expect(unmatched.map((u) => [u.side, u.position])).toEqual(Array.from({ length: 61 }, (_, i) => ['upper', 41 + i]));
    expect(doc.cues[40]?.text).toBe(zh.cues[40]?.text);
  });

  it('matches by time, not by position: a missing cue does not shift the rest', () => {
    const zh = threeMinutes();
    const en = english();
    en.cues.splice(4, 1); // the translation of cue 5 is missing
    const { doc, unmatched } = joinBilingual(zh, en);
    expect(unmatched[0]).toMatchObject({ side: 'upper', position: 5, text: zh.cues[4]?.text });
    expect(doc.cues[5]?.text.split('\n')[1]).toMatch(/^Line 6: /);
  });

  it('pairs cues whose times differ a little and says by how much', () => {
    const zh = threeMinutes();
    const en = english();
    en.cues = en.cues.map((c) => ({ ...c, startMs: c.startMs + 100, endMs: c.endMs + 100 }));
    const { pairs, unmatched, doc } = joinBilingual(zh, en);
    expect(pairs.slice(0, 3).map((p) => p.timeDifferenceMs)).toEqual([100, 100, 100]);
    expect(unmatched.filter((u) => u.side === 'lower')).toEqual([]);
    expect(doc.cues[0]?.startMs).toBe(zh.cues[0]?.startMs);
  });

  it('keeps a cue of the lower document that has no partner, at its own time', () => {
    const upper = docOf([[0, 1000, '一']]);
    const lower = docOf([
      [0, 1000, 'one'],
      [5000, 6000, 'extra'],
    ]);
    const { doc, unmatched } = joinBilingual(upper, lower);
    expect(doc.cues.map((c) => c.text)).toEqual(['一\none', 'extra']);
    expect(unmatched).toMatchObject([{ side: 'lower', position: 2, startMs: 5000, text: 'extra' }]);
  });

  it('round trip on a bilingual file: join then split gives back both documents', () => {
    const zh = threeMinutes();
    const en = english();
    const bilingual = readSrt(writeSrt(joinBilingual(zh, en).doc)).doc;
    const { han, latin } = splitBilingual(bilingual);
    const strip = (d: SubtitleDoc) => d.cues.map((c) => [c.startMs, c.endMs, c.text]);
    // The interview itself has an English-only cue ("i don't care", 97.466 s): it splits to the English side.
    const own = splitBilingual(zh);
    expect(strip(own.latin)).toEqual([[97466, 98400, "i don't care"]]);
    expect(strip(han)).toEqual(strip(own.han));
    expect(strip(latin)).toEqual([...strip(en), ...strip(own.latin)]);
    expect(strip(joinBilingual(han, latin).doc)).toEqual(strip(bilingual));
  });
});
