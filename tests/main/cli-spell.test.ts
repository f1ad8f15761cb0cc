/** `cuewave spell`: misspellings with cue, line and suggestions from the offline dictionary, and its exit codes. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SpellIssue } from '../../src-main/cli/spell';
import { cli } from '../support/cli';
import { fixturePath, readFixtureText } from '../support/fixtures';

const tmp = mkdtempSync(path.join(tmpdir(), 'cuewave-cli-spell-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface SpellReport {
  file: string;
  lang: string;
  cues: number;
  misspellings: number;
  issues: SpellIssue[];
}

async function spellJson(file: string, ...extra: string[]) {
  const result = await cli('spell', file, '--json', ...extra);
  return { ...result, report: JSON.parse(result.stdout) as SpellReport };
}

describe('cuewave spell', () => {
  it('finds the real typo of the interview (cue 2019, "thingking") with its file line and a suggestion', async () => {
    const { code, report } = await spellJson(fixturePath('interview.srt'));
    expect(code).toBe(1);
    expect(report).toMatchObject({ lang: 'en', cues: 2324 });
    const typo = report.issues.find((i) => i.word === 'thingking');
    expect(typo).toMatchObject({ cue: 2019, cueLine: 1, line: 8075, suggestions: ['thinking'] });
    // Only Latin words are ever reported: the Chinese text of the interview is skipped, not flagged.
    expect(report.issues.every((i) => /^[\p{Script=Latin}'’]+$/u.test(i.word))).toBe(true);
    expect(report.misspellings).toBe(report.issues.length);
  }, 30_000);

  it('reports a planted typo on the second line of a cue at its file line and column, in text mode', async () => {
    const file = path.join(tmp, 'planted.srt');
    const seed = readFixtureText('interview-3min.srt');
    writeFileSync(file, seed.replace('才发现你在Meta已经工作10年了', '才发现你在Meta\n已经工作10年了 <i>realy</i>'));
    const { code, stdout } = await cli('spell', file);
    expect(code).toBe(1);
    // Cue 7 has its timing line at 26: its second text line is line 28 of the file.
    expect(stdout).toContain(`${file}:28:13: cue 7, line 2: "realy"; suggestions: really, `);
    expect(stdout).toMatch(/: 101 cues, 1 misspelling \(dictionary en\)\n$/);
  }, 30_000);

  it('exits 0 on a file with nothing misspelt (Chinese only, numbers and tags)', async () => {
    const file = path.join(tmp, 'clean.srt');
    writeFileSync(
      file,
      '1\n00:00:01,000 --> 00:00:02,000\n<i>就是所以也算自由了吧</i> 2015\n\n2\n00:00:03,000 --> 00:00:04,000\nGood morning, CEO.\n',
    );
    const { code, report } = await spellJson(file);
    expect(code).toBe(0);
    expect(report).toMatchObject({ cues: 2, misspellings: 0, issues: [] });
  }, 30_000);

  it('exits 2 for an unknown language or an unreadable file, naming it', async () => {
    const unknown = await cli('spell', fixturePath('interview.srt'), '--lang', 'xx');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no dictionary for xx (known: en)');
    const missing = await cli('spell', path.join(tmp, 'nope.srt'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.srt');
  });
});
