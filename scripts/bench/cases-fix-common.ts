/**
 * Fix common errors bench cases: Fix common errors on the interview x100 (232,400 cues), planned with every default rule
 * and applied as one undo step. The editor plans in slices between frames (TextFixPlanner); `longest_slice_ms` is
 * the longest the renderer would be busy at once, so typing never waits that long.
 */
import type { SubtitleDoc } from '../../src-shared/document';
import { History } from '../../src-shared/history';
import { readSrt } from '../../src-shared/srt';
import { DEFAULT_FIX_RULES, FIX_RULE_IDS, TextFixPlanner, textFixCommand } from '../../src-shared/text-fixes';
import { makeX100, readFixtureText } from '../../tests/support/fixtures';
import type { BenchCase } from './harness';

/** Cues the editor plans per slice (src-renderer/text-fixes/fix-common-actions.ts uses the same). */
export const SLICE_CUES = 1000;

function fixCommon(doc: SubtitleDoc, rules: readonly (typeof FIX_RULE_IDS)[number][]): Record<string, unknown> {
  const planner = new TextFixPlanner(doc.cues, rules);
  let longest = 0;
  for (let done = false; !done; ) {
    const t0 = performance.now();
    done = planner.step(SLICE_CUES);
    longest = Math.max(longest, performance.now() - t0);
  }
  const t0 = performance.now();
  const history = new History(doc);
  const made = textFixCommand(doc, planner.changes);
  if (made) history.execute(made.command);
  const applyMs = performance.now() - t0;
  // Back to the original for the next run.
  if (made) history.undo();
  return {
    cues: doc.length,
    changes: planner.changes.length,
    longest_slice_ms: Math.round(longest * 100) / 100,
    apply_ms: Math.round(applyMs * 100) / 100,
  };
}

export function cases(): BenchCase[] {
  const x100 = makeX100(readFixtureText('interview.srt'));
  return [
    {
      name: 'fix-common-x100',
      tool: 'cuewave',
      runs: 5,
      setup: () => readSrt(x100).doc,
      run: (doc) => fixCommon(doc as SubtitleDoc, DEFAULT_FIX_RULES),
    },
    {
      name: 'fix-common-all-rules-x100',
      tool: 'cuewave',
      runs: 5,
      setup: () => readSrt(x100).doc,
      run: (doc) => fixCommon(doc as SubtitleDoc, FIX_RULE_IDS),
    },
  ];
}
