/**
 * `cuewave shift` changes timing lines only: index lines (odd, missing or out of sequence), blank lines (missing
 * ones included), text, settings and line endings stay as the file had them. Renumbering is `fix`'s job.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { fixturePath } from '../support/fixtures';

const tmp = mkdtempSync(path.join(tmpdir(), 'cuewave-shift-only-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const TIMING = /-->/;

/** The lines of `before` and `after` that differ, as [line number, before, after]; throws when the counts differ. */
function changedLines(before: string, after: string): Array<[number, string, string]> {
  const a = before.split(/(?<=\r\n|\n|\r(?!\n))/);
  const b = after.split(/(?<=\r\n|\n|\r(?!\n))/);
  expect(b.length).toBe(a.length);
  const changed: Array<[number, string, string]> = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) changed.push([i + 1, a[i] as string, b[i] as string]);
  return changed;
}

async function shift(input: string, ...args: string[]): Promise<string> {
  const file = path.join(tmp, `in-${Math.random().toString(36).slice(2)}.srt`);
  const out = `${file}.out.srt`;
  writeFileSync(file, input);
  const result = await cli('shift', file, ...args, '-o', out);
  expect(result.code, result.stderr).toBe(0);
  return readFileSync(out, 'utf8');
}

describe('cuewave shift edits only timing lines', () => {
  it('keeps odd numbering (2, 4, 6), missing indexes and a missing blank line', async () => {
    const input = [
      '2',
      '00:00:01,000 --> 00:00:02,000',
      'first',
      '',
      '00:00:03,000 --> 00:00:04,000',
      'no index line',
      '6',
      '00:00:05,000 --> 00:00:06,000 X1:10 X2:20',
      'run together with the cue before',
      '',
      '',
      '9',
      '00:00:07,000 --> 00:00:08,000',
      'two blank lines before me',
      '',
    ].join('\r\n');
    const output = await shift(input, '--by', '+1.5s');
    const changed = changedLines(input, output);
    expect(changed.map(([line]) => line)).toEqual([2, 5, 8, 13]);
    for (const [, before, after] of changed) {
      expect(before).toMatch(TIMING);
      expect(after).toMatch(TIMING);
      expect(after.endsWith('\r\n')).toBe(true);
    }
    expect(changed[2]?.[2]).toBe('00:00:06,500 --> 00:00:07,500 X1:10 X2:20\r\n');
  });

  it('leaves every line but the timing lines of the shifted cues of the interview byte for byte', async () => {
    const input = readFileSync(fixturePath('interview.srt'), 'utf8');
    const output = await shift(input, '--by', '-250ms', '--from', '01:00:00,000');
    const changed = changedLines(input, output);
    // Cues 2141 on cross or start after 01:00:00: exactly their timing lines move.
    expect(changed.length).toBeGreaterThan(150);
    for (const [, before, after] of changed) {
      expect(before).toMatch(TIMING);
      expect(after).toMatch(TIMING);
    }
  });

  it('keeps a file without index lines without them, and renumbers only when fix is asked to', async () => {
    const input = '00:00:01,000 --> 00:00:02,000\nfirst\n\n00:00:03,000 --> 00:00:04,000\nsecond\n';
    const shifted = await shift(input, '--by', '+1s');
    expect(shifted).toBe('00:00:02,000 --> 00:00:03,000\nfirst\n\n00:00:04,000 --> 00:00:05,000\nsecond\n');
    const file = path.join(tmp, 'fix-me.srt');
    writeFileSync(file, shifted);
    expect((await cli('fix', file, '-o', `${file}.fixed`)).code).toBe(0);
    expect(readFileSync(`${file}.fixed`, 'utf8')).toBe(
      '1\n00:00:02,000 --> 00:00:03,000\nfirst\n\n2\n00:00:04,000 --> 00:00:05,000\nsecond\n',
    );
  });
});
