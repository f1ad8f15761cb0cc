/**
 * Recovery journal speed in Chromium: journal-keystroke-x100 (renderer-thread cost of one keystroke's journal record
 * in the 232,400-cue file, median and max, plus the batch send) and typing-session-x100 (60 s of typing at 8 keys/s
 * in that file: longest and 99th-percentile frame). Measured inside the page (performance measures, frames by
 * requestAnimationFrame) by tests/e2e/journal-perf.test.ts, run once under Vitest, which writes them to a JSON file.
 */
import type { BenchCase } from './harness';
import { inBrowserCases } from './in-browser';

export function cases(): BenchCase[] {
  return inBrowserCases('tests/e2e/journal-perf.test.ts', ['journal-keystroke-x100', 'typing-session-x100']);
}
