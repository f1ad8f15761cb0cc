/** The `cuewave` command line: check, shift, fix and their exit codes, on the real fixtures. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { readSrt } from '../../src-shared/srt';
import { checkJson, cli } from '../support/cli';
import { BROKEN_SAFELY_FIXED, fixturePath, readFixtureBytes, readFixtureText } from '../support/fixtures';

const tmp = mkdtempSync(path.join(tmpdir(), 'cuewave-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('cuewave check', () => {
  it('exits 0 on the clean interview and describes the file', async () => {
    const { code, report } = await checkJson(fixturePath('interview.srt'));
    expect(code).toBe(0);
    expect(report).toMatchObject({ encoding: 'utf-8', bom: false, eol: 'lf', cues: 2324, errors: 0 });
    expect(Object.keys(report)).toEqual(['file', 'encoding', 'bom', 'eol', 'cues', 'errors', 'warnings', 'issues']);
  });

  it.each([
    ['interview-utf8-bom-crlf.srt', 'utf-8', true, 'crlf'],
    ['interview-gb18030.srt', 'gb18030', false, 'lf'],
    ['interview-utf16le.srt', 'utf-16le', true, 'crlf'],
  ])('reads %s as %s (BOM %s, %s)', async (name, encoding, bom, eol) => {
    const { code, report } = await checkJson(fixturePath(name));
    expect(code).toBe(0);
    expect(report).toMatchObject({ encoding, bom, eol, cues: 2324, errors: 0 });
  });

  it('exits 1 on the broken interview and reports each planted defect at its cue and line', async () => {
    const { code, report } = await checkJson(fixturePath('interview-broken.srt'));
    expect(code).toBe(1);
    expect(report.cues).toBe(2324);
    const at = (codeName: string, cue: number) => report.issues.find((i) => i.code === codeName && i.cue === cue);
    expect(at('overlap', 2141)).toMatchObject({ severity: 'error', line: 8563 });
    expect(at('overlap', 2141)?.message).toContain('400 ms');
    expect(at('negative-duration', 150)).toMatchObject({ severity: 'error', line: 598 });
    expect(at('zero-duration', 800)).toMatchObject({ severity: 'error', line: 3199 });
    expect(at('invalid-timestamp', 204)).toMatchObject({ severity: 'error', line: 814 });
    expect(at('malformed-timestamp', 250)).toMatchObject({ severity: 'warning', line: 998 });
    expect(at('malformed-timestamp', 2150)).toMatchObject({ severity: 'warning', line: 8599 });
    expect(at('empty-text', 900)).toMatchObject({ severity: 'warning', line: 3599 });
    expect(at('bad-index', 600)).toMatchObject({ line: 2399 });
    expect(report.issues.some((i) => i.code === 'out-of-order' && (i.cue === 300 || i.cue === 301))).toBe(true);
    expect(report.issues.some((i) => i.code === 'missing-blank-line' && i.cue === 401)).toBe(true);
    // Touching cues and the 1800 clean pairs are not overlaps: only the planted one is.
    expect(report.issues.filter((i) => i.code === 'overlap')).toHaveLength(1);
  });

  it('uses the chosen profile', async () => {
    const generic = await checkJson(fixturePath('interview.srt'));
    const chinese = await checkJson(fixturePath('interview.srt'), '--profile', 'netflix-zh-hans');
    expect(chinese.report.warnings).toBeGreaterThan(generic.report.warnings);
  });

  it('prints file:line diagnostics without --json', async () => {
    const { code, stdout } = await cli('check', fixturePath('interview-broken.srt'));
    expect(code).toBe(1);
    expect(stdout).toMatch(/interview-broken\.srt:8563: error overlap: /);
    expect(stdout).toMatch(/2324 cues, \d+ errors, \d+ warnings/);
  });

  it('exits 2 with a message naming the file when it cannot be read', async () => {
    const missing = path.join(tmp, 'missing.srt');
    const result = await cli('check', missing);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('missing.srt');
    const binary = path.join(tmp, 'noise.srt');
    writeFileSync(binary, Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7, 8, 0, 0, 0]));
    const bad = await cli('check', binary);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('noise.srt');
  });

  it('exits 2 on wrong arguments', async () => {
    expect((await cli('check')).code).toBe(2);
    expect((await cli('check', fixturePath('interview.srt'), '--profile', 'nope')).stderr).toContain('unknown profile');
    expect((await cli('check', fixturePath('interview.srt'), '--frobnicate')).code).toBe(2);
    expect((await cli('nonsense')).code).toBe(2);
  });
});

describe('cuewave shift', () => {
  it('shifts every cue and keeps encoding, BOM and line endings', async () => {
    const out = path.join(tmp, 'shifted-utf16.srt');
    const result = await cli('shift', fixturePath('interview-utf16le.srt'), '--by', '+2.35s', '-o', out);
    expect(result.code).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const text = iconv.decode(bytes, 'utf-16le').replace(/^\uFEFF/, '');
    expect(text).toContain('\r\n');
    expect(text).not.toMatch(/[^\r]\n/);
    const shifted = readSrt(text).doc.cues;
    const original = readSrt(readFixtureText('interview.srt')).doc.cues;
    expect(shifted).toHaveLength(original.length);
    shifted.forEach((cue, i) => {
      expect(cue.startMs).toBe(original[i]!.startMs + 2350);
      expect(cue.text).toBe(original[i]!.text);
    });
  });

  it('undoes interview-offset.srt exactly with -2350ms', async () => {
    const out = path.join(tmp, 'unshifted.srt');
    expect((await cli('shift', fixturePath('interview-offset.srt'), '--by', '-2350ms', '-o', out)).code).toBe(0);
    expect(readFileSync(out)).toEqual(readFixtureBytes('interview.srt'));
  });

  it('shifts only cues from a time on, accepting a timecode duration', async () => {
    const out = path.join(tmp, 'from.srt');
    const result = await cli(
      'shift',
      fixturePath('interview.srt'),
      '--by',
      '-00:00:01,250',
      '--from',
      '01:00:00,000',
      '-o',
      out,
    );
    expect(result.code).toBe(0);
    const before = readSrt(readFixtureText('interview.srt')).doc.cues;
    const after = readSrt(readFileSync(out, 'utf8')).doc.cues;
    after.forEach((cue, i) => {
      const expected = before[i]!.startMs >= 3_600_000 ? before[i]!.startMs - 1250 : before[i]!.startMs;
      expect(cue.startMs).toBe(expected);
    });
  });

  it('clamps at zero and says so', async () => {
    const out = path.join(tmp, 'clamped.srt');
    const result = await cli('shift', fixturePath('interview.srt'), '--by', '-10s', '-o', out);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/clamped/);
    expect(readSrt(readFileSync(out, 'utf8')).doc.cues[0]!.startMs).toBe(0);
  });

  it('refuses -o and --out together instead of picking one', async () => {
    const result = await cli(
      'shift',
      fixturePath('interview.srt'),
      '--by',
      '1s',
      '-o',
      path.join(tmp, 'a.srt'),
      '--out',
      path.join(tmp, 'b.srt'),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not both');
  });

  it('refuses to run without an output or with a bad duration', async () => {
    expect((await cli('shift', fixturePath('interview.srt'), '--by', '1s')).code).toBe(2);
    const bad = await cli('shift', fixturePath('interview.srt'), '--by', 'soon', '-o', path.join(tmp, 'x.srt'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not a duration');
  });

  it('--in-place keeps the original as FILE.bak', async () => {
    const file = path.join(tmp, 'inplace.srt');
    writeFileSync(file, readFixtureBytes('interview-gb18030.srt'));
    expect((await cli('shift', file, '--by', '1s', '--in-place')).code).toBe(0);
    expect(readFileSync(`${file}.bak`)).toEqual(readFixtureBytes('interview-gb18030.srt'));
    const text = iconv.decode(readFileSync(file), 'gb18030');
    expect(readSrt(text).doc.cues[0]!.text).toBe(readSrt(readFixtureText('interview.srt')).doc.cues[0]!.text);
  });
});

describe('cuewave fix', () => {
  it('repairs the broken interview so only the unsafe problems remain', async () => {
    const out = path.join(tmp, 'fixed.srt');
    const result = await cli('fix', fixturePath('interview-broken.srt'), '-o', out);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/sorted by start time/);
    expect(result.stdout).toMatch(/renumbered/);
    expect(result.stdout).toMatch(/fixed overlap: cue 2141 now ends 01:00:00,800 \(was 01:00:01,200\)/);
    expect(result.stderr).toMatch(/cue 150 ends before it starts/);

    const { report } = await checkJson(out);
    expect(report.cues).toBe(2324);
    const codes = new Set(report.issues.map((i) => i.code));
    for (const gone of BROKEN_SAFELY_FIXED) {
      expect(codes.has(gone as never), gone).toBe(false);
    }
    // Fixes do not guess: the reversed cue and the zero-length cue are left for a person.
    expect(codes.has('negative-duration')).toBe(true);
    expect(codes.has('zero-duration')).toBe(true);

    const fixedText = readFileSync(out, 'utf8');
    const fixed = readSrt(fixedText).doc.cues;
    expect(fixed[203]!.startMs).toBe(6 * 60_000 + 433); // 00:05:60,433 normalized to 00:06:00,433
    expect(fixed[2149]!.startMs).toBe(3_616_866); // 1:00:16,866 is one hour in
    expect(fixedText).toContain('\n2150\n01:00:16,866 --> 01:00:19,900\n');
    expect(fixedText.endsWith('拜拜')).toBe(true); // keeps the file's own final-newline convention
  });

  it('leaves a clean file byte-identical', async () => {
    const out = path.join(tmp, 'clean.srt');
    const result = await cli('fix', fixturePath('interview-utf8-bom-crlf.srt'), '-o', out);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('nothing to fix');
    expect(readFileSync(out)).toEqual(readFixtureBytes('interview-utf8-bom-crlf.srt'));
  });
});

describe('npm run cli', () => {
  it('runs from source through npm with the documented exit codes', async () => {
    const run = promisify(execFile);
    const root = path.resolve(import.meta.dirname, '../..');
    const { stdout } = await run('npm', ['run', '-s', 'cli', '--', 'check', fixturePath('interview.srt'), '--json'], {
      cwd: root,
    });
    expect(JSON.parse(stdout)).toMatchObject({ cues: 2324, errors: 0 });
    const failed = await run('npm', ['run', '-s', 'cli', '--', 'check', fixturePath('interview-broken.srt')], {
      cwd: root,
    }).catch((error: { code: number }) => error);
    expect((failed as { code: number }).code).toBe(1);
  }, 60_000);
});

describe('the cuewave bin', () => {
  it('is built into out/cli/cuewave.mjs and runs standalone', async () => {
    const run = promisify(execFile);
    const root = path.resolve(import.meta.dirname, '../..');
    await run(process.execPath, ['scripts/build-cli.mjs'], { cwd: root });
    const bin = path.join(root, 'out/cli/cuewave.mjs');
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
    const { stdout } = await run(bin, ['check', fixturePath('interview-gb18030.srt'), '--json'], { cwd: tmp });
    expect(JSON.parse(stdout)).toMatchObject({ encoding: 'gb18030', cues: 2324, errors: 0 });
  }, 60_000);
});
