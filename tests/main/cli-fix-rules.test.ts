/** `cuewave fix FILE --rules a,b,c`: Fix common errors from the command line, keeping encoding, BOM, line endings and untouched cues. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { readSrt } from '../../src-shared/srt';
import { cli } from '../support/cli';
import { fixturePath, readFixtureBytes } from '../support/fixtures';

const tmp = mkdtempSync(path.join(tmpdir(), 'cuewave-fix-rules-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('cuewave fix --rules', () => {
  it('converts Chinese punctuation in a UTF-8 BOM CRLF file and changes only the text lines of changed cues', async () => {
    const out = path.join(tmp, 'bom.srt');
    const result = await cli(
      'fix',
      fixturePath('interview-utf8-bom-crlf.srt'),
      '--rules',
      'chinese-punctuation',
      '-o',
      out,
    );
    expect(result.code).toBe(0);
    const changed = result.stdout.split('\n').filter((line) => line.startsWith('cue '));
    expect(changed.length).toBeGreaterThan(10);
    expect(changed[0]).toMatch(/^cue \d+ \(line \d+\): chinese-punctuation: ".*" -> ".*"$/);
    expect(result.stdout).toMatch(new RegExp(`fixed ${changed.length} cues, removed 0 empty cues\\n`));

    const input = readFixtureBytes('interview-utf8-bom-crlf.srt');
    const output = readFileSync(out);
    expect([...output.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const before = input.toString('utf8').split('\r\n');
    const after = output.toString('utf8').split('\r\n');
    expect(after).toHaveLength(before.length);
    expect(output.toString('utf8').replace(/\r\n/g, '')).not.toContain('\n');
    const differing = before.flatMap((line, i) => (line === after[i] ? [] : [[line, after[i]]]));
    expect(differing.length).toBeGreaterThanOrEqual(changed.length);
    for (const [was, now] of differing) {
      expect(
        now?.replace(
          /[，。？！：；]/g,
          (m) => ({ '，': ',', '。': '.', '？': '?', '！': '!', '：': ':', '；': ';' })[m]!,
        ),
      ).toBe(was?.replace(/ /g, ''));
    }
  });

  it('keeps a GB18030 file in GB18030', async () => {
    const out = path.join(tmp, 'gb.srt');
    const result = await cli('fix', fixturePath('interview-gb18030.srt'), '--rules', 'default', '-o', out);
    expect(result.code).toBe(0);
    const text = iconv.decode(readFileSync(out), 'gb18030');
    expect(readSrt(text).doc.cues).toHaveLength(2324);
    expect(text).toContain('对吧，就是从围棋开始');
  });

  it('removes the broken interview’s empty cue with empty-cues and says so', async () => {
    const out = path.join(tmp, 'empty.srt');
    const result = await cli('fix', fixturePath('interview-broken.srt'), '--rules', 'empty-cues', '-o', out);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^cue 900 \(line 3599\): empty-cues: "" -> removed$/m);
    expect(result.stdout).toContain('fixed 0 cues, removed 1 empty cue\n');
    expect(readSrt(readFileSync(out, 'utf8')).doc.cues).toHaveLength(2323);
  });

  it('leaves a file with nothing to fix byte-identical', async () => {
    const out = path.join(tmp, 'same.srt');
    const result = await cli('fix', fixturePath('interview.srt'), '--rules', 'ellipsis,hearing-impaired', '-o', out);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('nothing to fix');
    expect(readFileSync(out).equals(readFixtureBytes('interview.srt'))).toBe(true);
  });

  it('exits 2 naming an unknown rule and the known ones', async () => {
    const result = await cli(
      'fix',
      fixturePath('interview.srt'),
      '--rules',
      'tags,spelling',
      '-o',
      path.join(tmp, 'x.srt'),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown rule spelling \(known: .*double-spaces.*\)/);
  });
});
