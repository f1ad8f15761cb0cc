/**
 * Editor speed in Chromium: open-seed, type-latency-x100, scroll-x100, drag-latency-x100.
 *
 * The figures are measured inside the page (performance marks, requestAnimationFrame after each input, frames over
 * 2 s of scrolling) by tests/e2e/editor-perf.test.ts, run once under Vitest, which writes them to a JSON file.
 * Each case has `runs: 1` in the harness and reports the in-page median (`median_ms`, with its own `runs`) and extra
 * figures (`fps`, budgets) from that file.
 */
import type { BenchCase } from './harness';
import { inBrowserCases } from './in-browser';

export function cases(): BenchCase[] {
  return inBrowserCases('tests/e2e/editor-perf.test.ts', [
    'open-seed',
    'type-latency-x100',
    'scroll-x100',
    'drag-latency-x100',
  ]);
}
