/**
 * Editor speed in Chromium: open-seed, type-latency-x100, scroll-x100, drag-latency-x100.
 *
 * The figures are measured inside the page (performance marks, requestAnimationFrame after each input, frames over
 * 2 s of scrolling) by tests/e2e/editor-perf.test.ts, run once under Vitest, which writes them to a JSON file.
 * Each case has `runs: 1` in the harness and reports the in-page median (`median_ms`, with its own `runs`) and extra
 * figures (`fps`, budgets) from that file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchCase } from './harness';

const ROOT = path.resolve(import.meta.dirname, '../..');
type Figures = Record<string, Record<string, number>>;

let measured: Figures | null = null;

/** Runs the in-browser measurements once for all four cases. */
function measureInBrowser(): Figures {
  if (measured) return measured;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cuewave-bench-ui-'));
  const out = path.join(dir, 'figures.json');
  try {
    const result = spawnSync(
      'npx',
      ['vitest', 'run', '--config', 'vitest.e2e.config.ts', 'tests/e2e/editor-perf.test.ts', '--reporter=dot'],
      { cwd: ROOT, env: { ...process.env, CUEWAVE_PERF_OUT: out }, encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`editor-perf run failed:\n${result.stdout}\n${result.stderr}`);
    measured = JSON.parse(readFileSync(out, 'utf8')) as Figures;
    return measured;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function uiCase(name: string): BenchCase {
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
  return [uiCase('open-seed'), uiCase('type-latency-x100'), uiCase('scroll-x100'), uiCase('drag-latency-x100')];
}
