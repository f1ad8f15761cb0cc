/**
 * Recovery journal speed in Chromium: journal-keystroke-x100 (renderer-thread cost of one keystroke's journal record
 * in the 232,400-cue file, median and max, plus the batch send) and typing-session-x100 (60 s of typing at 8 keys/s
 * in that file: longest and 99th-percentile frame). Measured inside the page (performance measures, frames by
 * requestAnimationFrame) by tests/e2e/journal-perf.test.ts, run once under Vitest, which writes them to a JSON file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchCase } from './harness';

const ROOT = path.resolve(import.meta.dirname, '../..');
type Figures = Record<string, Record<string, number>>;

let measured: Figures | null = null;

function measureInBrowser(): Figures {
  if (measured) return measured;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cuewave-bench-journal-'));
  const out = path.join(dir, 'figures.json');
  try {
    const result = spawnSync(
      'npx',
      ['vitest', 'run', '--config', 'vitest.e2e.config.ts', 'tests/e2e/journal-perf.test.ts', '--reporter=dot'],
      { cwd: ROOT, env: { ...process.env, CUEWAVE_PERF_OUT: out }, encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`journal-perf run failed:\n${result.stdout}\n${result.stderr}`);
    measured = JSON.parse(readFileSync(out, 'utf8')) as Figures;
    return measured;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function journalCase(name: string): BenchCase {
  return {
    name,
    tool: 'cuewave',
    runs: 1,
    setup: () => measureInBrowser(),
    run: (state) => {
      const figures = (state as Figures)[name];
      if (!figures) throw new Error(`no figures for ${name}`);
      return { ...figures };
    },
  };
}

export function cases(): BenchCase[] {
  return [journalCase('journal-keystroke-x100'), journalCase('typing-session-x100')];
}
