/**
 * Offline spell checking: the real English Hunspell dictionary (dictionary-en via nspell) in the spell worker, over
 * the IPC contract the renderer uses; the user's dictionary persisted in the settings across a restart; Chinese,
 * tags and numbers skipped.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SenderInfo } from '../../src-main/security';
import { type AppServices, createAppServices } from '../../src-main/services/app-services';
import { SpellChecker } from '../../src-main/services/spell-core';
import { INVOKES, type Misspelling, type Result, type Validator, validate } from '../../src-shared/ipc-contract';
import { spellWords } from '../../src-shared/spell/words';
import { readSrt } from '../../src-shared/srt';
import { readFixtureText } from '../support/fixtures';

const ORIGIN = 'http://127.0.0.1:4321';
const TRUSTED: SenderInfo = { url: `${ORIGIN}/index.html`, isTopFrame: true, isOurWindow: true };

const work = mkdtempSync(path.join(tmpdir(), 'cuewave-spell-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let running: AppServices[] = [];
afterEach(async () => {
  for (const s of running) await s.dispose();
  running = [];
});

/** Services on `dataDir`, and a `call` through the same dispatcher Electron's ipcMain uses. */
function start(dataDir: string) {
  const services = createAppServices({
    dataDir,
    dialogs: { openFile: async () => null, saveFile: async () => null, askUnsaved: async () => 'cancel' },
    appOrigin: { kind: 'http', origin: ORIGIN },
    log: () => {},
  });
  running.push(services);
  return async <T>(channel: keyof typeof INVOKES, request: unknown): Promise<T> => {
    const result = (await services.dispatch(channel, TRUSTED, request)) as Result<T>;
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    expect(validate(INVOKES[channel].response as Validator<unknown>, result.value)).toBeNull();
    return result.value;
  };
}

describe('spellWords (what is checked)', () => {
  it('finds Latin words with their raw offsets, skipping tags, numbers, acronyms and addresses', () => {
    const text = '<i>Helo</i> {\\an8}wrold 10th 3pm CEO x www.exmple.com a@exmple.com';
    const words = spellWords(text).map((w) => [w.word, w.offset, text.slice(w.offset, w.offset + w.length)]);
    expect(words).toEqual([
      ['Helo', 3, 'Helo'],
      ['wrold', 18, 'wrold'],
    ]);
  });

  it('skips Chinese entirely and keeps English words inside Chinese lines', () => {
    expect(spellWords('就是所以也算自由了吧')).toEqual([]);
    expect(spellWords('反正现在我没有acess了嘛').map((w) => w.word)).toEqual(['acess']);
  });
});

describe('SpellChecker with the real English dictionary', () => {
  let checker: SpellChecker;
  beforeAll(async () => {
    checker = await SpellChecker.load('en');
  }, 30_000);

  it('knows English words, flags typos and suggests the right word first', () => {
    expect(checker.isCorrect('receive')).toBe(true);
    expect(checker.isCorrect('don’t')).toBe(true);
    expect(checker.isCorrect('recieve')).toBe(false);
    expect(checker.suggest('recieve')[0]).toBe('receive');
  });

  it('never flags a cue of the interview that is only Chinese', () => {
    const { doc } = readSrt(readFixtureText('interview.srt'));
    const chineseOnly = doc.cues.filter((c) => !/[A-Za-z]/.test(c.text)).map((c) => c.text);
    expect(chineseOnly.length).toBeGreaterThan(1500);
    expect(checker.check(chineseOnly)).toEqual([]);
  });

  it('finds a typo planted in a mixed Chinese/English cue of the interview, at its offset', () => {
    const { doc } = readSrt(readFixtureText('interview-3min.srt'));
    const texts = doc.cues.map((c) => c.text);
    const clean = checker.check(texts).length;
    texts[0] = (texts[0] as string).replace('access', 'acess');
    const found = checker.check(texts);
    expect(found.length).toBe(clean + 1);
    const typo = found.find((m) => m.word === 'acess') as Misspelling;
    expect(typo).toMatchObject({ text: 0, offset: texts[0]?.indexOf('acess'), length: 5 });
    expect(checker.suggest('acess')).toContain('access');
  });
});

describe('spell checking over IPC', () => {
  it('checks texts in the worker and answers within the contract', async () => {
    const call = start(path.join(work, 'ipc'));
    const { misspellings } = await call<{ misspellings: Misspelling[] }>('spellCheck', {
      lang: 'en',
      texts: ['This is fine.', '<i>Ths is wrng</i>', '我觉得这个问题', 'Born in 1999, 3pm'],
    });
    expect(misspellings.map((m) => [m.text, m.word, m.offset])).toEqual([
      [1, 'Ths', 3],
      [1, 'wrng', 10],
    ]);
    const { suggestions } = await call<{ suggestions: string[] }>('spellSuggest', { lang: 'en', word: 'wrng' });
    expect(suggestions).toContain('wrong');
  });

  it('refuses an unknown language and a non-word for the dictionary', async () => {
    const call = start(path.join(work, 'refuse'));
    await expect(call('spellCheck', { lang: 'xx', texts: [] })).rejects.toThrow(/invalid-request/);
    await expect(call('spellAddWord', { word: 'two words' })).rejects.toThrow(/not a single word/);
  });

  it('keeps words added to the user dictionary across a restart (in settings.json)', async () => {
    const dataDir = path.join(work, 'restart');
    const first = start(dataDir);
    const before = await first<{ misspellings: Misspelling[] }>('spellCheck', { lang: 'en', texts: ['Cuewave rocks'] });
    expect(before.misspellings.map((m) => m.word)).toEqual(['Cuewave']);
    await first('spellAddWord', { word: 'Cuewave' });
    const after = await first<{ misspellings: Misspelling[] }>('spellCheck', { lang: 'en', texts: ['Cuewave rocks'] });
    expect(after.misspellings).toEqual([]);
    await running[0]?.dispose();
    running = [];

    const stored = JSON.parse(readFileSync(path.join(dataDir, 'settings.json'), 'utf8'));
    expect(stored.userWords).toEqual(['Cuewave']);
    const second = start(dataDir);
    const restarted = await second<{ misspellings: Misspelling[] }>('spellCheck', {
      lang: 'en',
      texts: ['Cuewave rocks', 'Cuewve'],
    });
    expect(restarted.misspellings.map((m) => m.word)).toEqual(['Cuewve']);
  });
});
