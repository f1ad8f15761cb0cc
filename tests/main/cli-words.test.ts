// The command line in a pipeline and on failure: a reader that stops early is no error, and a failed write is said
// in the same words as the app (no raw errno codes), with the command line's way out.
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { readFixtureText } from '../support/fixtures';

const work = mkdtempSync(path.join(tmpdir(), 'cuewave-cli-words-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const root = path.resolve(import.meta.dirname, '../..');

describe('cuewave in a pipeline', () => {
  // Far more output than a pipe buffer holds, so the writes after `head` exits hit a closed pipe.
  const big = path.join(work, 'big.srt');
  writeFileSync(big, readFixtureText('interview-broken.srt').repeat(20));

  it.each(['--json', '--profile default'])(
    'check %s | head -c 10 ends quietly with its own exit code',
    (flags) => {
      const cuewave = `"${process.execPath}" --import tsx src-main/cli.ts`;
      const command = `${cuewave} check "${big}" ${flags} | head -c 10; echo " exit=\${PIPESTATUS[0]}"`;
      const run = spawnSync('bash', ['-c', command], { cwd: root, encoding: 'utf8' });
      expect(run.stderr).not.toMatch(/EPIPE|Error|at /);
      expect(run.stdout).toHaveLength(10 + ' exit=1\n'.length);
      expect(run.stdout.endsWith(' exit=1\n')).toBe(true);
    },
    60_000,
  );
});

describe('cuewave write failures in words', () => {
  it('a folder in the way of -o: the sentence names the file, says what happened and what to do', async () => {
    const input = path.join(work, 'in.srt');
    writeFileSync(input, readFixtureText('interview-3min.srt'));
    const out = path.join(work, 'gone', 'out.srt');
    const result = await cli('shift', input, '--by', '+1s', '-o', out);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `cuewave shift: Could not save ${out}: the file or its folder no longer exists (deleted, moved, or the drive ` +
        'was removed). Write to another path with -o, or reconnect the drive and try again. The file on disk is unchanged.\n',
    );
    expect(readFileSync(input, 'utf8')).toBe(readFixtureText('interview-3min.srt'));
  });

  it('-o onto a folder is refused in words', async () => {
    const input = path.join(work, 'in2.srt');
    writeFileSync(input, readFixtureText('interview-3min.srt'));
    const result = await cli('shift', input, '--by', '+1s', '-o', work);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/there is now a folder with that name/);
    expect(result.stderr).not.toMatch(/EISDIR|Save As/);
  });

  it("-o onto a dangling symlink writes the link's target and keeps the link", async () => {
    const input = path.join(work, 'in3.srt');
    writeFileSync(input, readFixtureText('interview-3min.srt'));
    mkdirSync(path.join(work, 'target-dir'));
    const link = path.join(work, 'out-link.srt');
    symlinkSync('target-dir/out.srt', link);
    const result = await cli('shift', input, '--by', '+1s', '-o', link);
    expect(result.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(work, 'target-dir', 'out.srt'), 'utf8')).toContain('00:00:');
  });
});
