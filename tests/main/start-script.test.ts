// `npm start` without an Electron binary: one clear line saying what is missing and how to get it, non-zero exit.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
// An empty override folder makes the binary missing on every machine, so the test never launches a real app.
const emptyDist = mkdtempSync(path.join(tmpdir(), 'cuewave-no-electron-'));
afterAll(() => rmSync(emptyDist, { recursive: true, force: true }));

describe('scripts/start.mjs', () => {
  it('exits non-zero with one line naming the missing binary and the fix, without building', () => {
    const result = spawnSync(process.execPath, [path.join(root, 'scripts/start.mjs')], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: emptyDist },
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Electron binary is missing');
    expect(lines[0]).toContain(emptyDist);
    expect(lines[0]).toContain('npx install-electron');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
