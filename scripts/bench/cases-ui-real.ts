/**
 * Real use of the 232,400-cue file with an hour of audio open, in the built renderer driven by real input events
 * (Playwright mouse wheel and keyboard, never scrollTop assignments): wheel-scroll-list-x100 and
 * wheel-scroll-timeline-x100 (median and p95 frame while scrolling; targets 16.7 / 25 ms), zoom-ui-x100 (frames while
 * zooming from the whole file to 1 ms/pixel with Ctrl+=), save-ui-x100, shift-all-ui-x100, find-all-ui-x100 and
 * delete-all-undo-ui-x100 (key press to the next painted frame; target 300 ms), renderer-heap-x100 (JS heap after a GC; target 150 MB). Measured inside the page by
 * tests/e2e/ui-perf.test.ts, run once under Vitest, which writes them to a JSON file.
 */
import type { BenchCase } from './harness';
import { inBrowserCases } from './in-browser';

export function cases(): BenchCase[] {
  return inBrowserCases('tests/e2e/ui-perf.test.ts', [
    'wheel-scroll-list-x100',
    'wheel-scroll-timeline-x100',
    'zoom-ui-x100',
    'save-ui-x100',
    'shift-all-ui-x100',
    'find-all-ui-x100',
    'delete-all-undo-ui-x100',
    'renderer-heap-x100',
  ]);
}
