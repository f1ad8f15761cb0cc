/**
 * Text tool bench cases. spell-x100: the 232,400-cue interview x100 spell-checked by the app's spell service (a fresh
 * worker each run, so the dictionary load and cold word caches are included), with main's longest event-loop stall
 * while the worker works (main stays free to answer IPC, so the renderer never waits on it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSettingsStore } from '../../src-main/services/settings';
import { createSpellService } from '../../src-main/services/spell';
import { readSrt } from '../../src-shared/srt';
import { makeX100, readFixtureText } from '../../tests/support/fixtures';
import type { BenchCase } from './harness';

export function cases(): BenchCase[] {
  return [
    {
      name: 'spell-x100',
      tool: 'cuewave',
      runs: 5,
      setup: () => {
        const texts = readSrt(makeX100(readFixtureText('interview.srt'))).doc.cues.map((c) => c.text);
        const dir = mkdtempSync(path.join(os.tmpdir(), 'cuewave-bench-spell-'));
        process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
        return { texts, dir };
      },
      run: async (state) => {
        const { texts, dir } = state as { texts: string[]; dir: string };
        const settings = createSettingsStore({ dir });
        const spell = createSpellService({ settings, settingsLoaded: settings.load() });
        let last = performance.now();
        let stall = 0;
        const tick = setInterval(() => {
          const now = performance.now();
          stall = Math.max(stall, now - last);
          last = now;
        }, 5);
        try {
          const found = await spell.check('en', texts);
          return { cues: texts.length, misspellings: found.length, main_max_stall_ms: Math.round(stall) };
        } finally {
          clearInterval(tick);
          await spell.dispose();
        }
      },
    },
  ];
}
