/**
 * Cases measured inside Chromium by an e2e test file: the file runs once under Vitest (the first case's setup) with
 * CUEWAVE_PERF_OUT naming a JSON file, where it writes `{ caseName: { median_ms, runs, ...figures } }`; each case
 * then reports its own entry. Each case has `runs: 1` in the harness: the in-page figures carry their own runs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchCase } from './harness';

const ROOT = path.resolve(import.meta.dirname, '../..');
type Figures = Record<string, Record<string, number>>;

/** One case per name, all read from a single run of `testFile` (relative to the repository root). */
export function inBrowserCases(testFile: string, names: readonly string[]): BenchCase[] {
  let measured: Figures | null = null;
  const measureInBrowser = (): Figures => {
    if (measured) return measured;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cuewave-bench-browser-'));
    const out = path.join(dir, 'figures.json');
    try {
      const result = spawnSync(
        'npx',
        ['vitest', 'run', '--config', 'vitest.e2e.config.ts', testFile, '--reporter=dot'],
        { cwd: ROOT, env: { ...process.env, CUEWAVE_PERF_OUT: out }, encoding: 'utf8' },
      );
      if (result.status !== 0) throw new Error(`${testFile} failed:\n${result.stdout}\n${result.stderr}`);
      measured = JSON.parse(readFileSync(out, 'utf8')) as Figures;
      return measured;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return names.map((name) => ({
    name,
    tool: 'cuewave',
    runs: 1,
    setup: () => measureInBrowser(),
    run: (state) => {
      const figures = (state as Figures)[name];
      if (!figures) throw new Error(`no figures for ${name} from ${testFile}`);
      return { ...figures };
    },
  }));
}
