// Journaling while typing in the 232,400-cue file, in Chromium: the renderer-thread cost of each keystroke's journal
// record (performance measures `cuewave:journal-record` / `cuewave:journal-send`) and the frames during a typing
// session at 8 keys per second. The session lasts 60 s when run by `npm run bench` (scripts/bench/cases-journal.ts,
// which reads the figures written to CUEWAVE_PERF_OUT) and 8 s otherwise; the assertions here are loose (a shared
// 2-core machine), the budgets are the bench's.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedApp, launchApp } from '../support/app';
import { makeX100, readFixtureText } from '../support/fixtures';
import { frameCpu } from '../support/frame-cpu';

const SESSION_MS = Number(process.env.CUEWAVE_PERF_SESSION_MS) || (process.env.CUEWAVE_PERF_OUT ? 60_000 : 8_000);
// CUEWAVE_PERF_TRACE=file.json records a Chromium trace of the session (timeline, GC, CPU samples) to find what a
// long frame was made of. The bench always records a light one (timeline only; CUEWAVE_PERF_CPU=0 turns it off) for
// the page's CPU time in each frame: on a shared machine a long frame is often the page waiting for a core.
const TRACE = process.env.CUEWAVE_PERF_TRACE;
const CPU_TRACE = !TRACE && process.env.CUEWAVE_PERF_OUT !== undefined && process.env.CUEWAVE_PERF_CPU !== '0';
const KEYS_PER_SECOND = 8;

let work: string;
let app: LaunchedApp | null = null;
const figures: Record<string, Record<string, number>> = {};

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'cuewave-journal-perf-'));
});
afterAll(async () => {
  await app?.close();
  if (process.env.CUEWAVE_PERF_OUT) writeFileSync(process.env.CUEWAVE_PERF_OUT, JSON.stringify(figures));
  rmSync(work, { recursive: true, force: true });
});

const round = (value: number) => Math.round(value * 1000) / 1000;
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

describe('journaling while typing in the 232,400-cue file', () => {
  it(
    `types for ${SESSION_MS / 1000} s at ${KEYS_PER_SECOND} keys/s: every keystroke journaled, no long frame`,
    async () => {
      const file = path.join(work, 'x100.srt');
      writeFileSync(file, makeX100(readFixtureText('interview.srt')));
      const dataDir = path.join(work, 'data');
      app = await launchApp({ files: [file], env: { CUEWAVE_DATA_DIR: dataDir } });
      const { page } = app;
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.locator('html[data-ready="true"]').waitFor({ timeout: 180_000 });
      const grid = page.getByRole('grid', { name: 'Cues' });
      await grid.evaluate((element) => {
        element.scrollTop = 200_000 * 26;
      });
      await grid.locator('[aria-rowindex="200004"]').click();
      const text = page.getByRole('textbox', { name: 'Text', exact: true });
      await text.click();
      await page.keyboard.press('End');
      // Frames from here on, in the page; journal measures from here on.
      await page.evaluate(() => {
        const w = window as unknown as { __frames: number[]; __framesOn: boolean; __longTasks: number[] };
        w.__frames = [];
        w.__framesOn = true;
        w.__longTasks = [];
        // Tasks of the page's own thread over 50 ms (a long frame without one is the machine, not the page).
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
        }).observe({ type: 'longtask' });
        performance.clearMeasures();
        const step = (now: number) => {
          w.__frames.push(now);
          if (w.__framesOn) requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      });
      const browser = page.context().browser();
      const tracePath = TRACE ?? (CPU_TRACE ? path.join(work, 'trace.json') : null);
      const timeline = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];
      const full = [
        ...timeline,
        'disabled-by-default-devtools.timeline.frame',
        'v8',
        'v8.execute',
        'disabled-by-default-v8.gc',
        'disabled-by-default-v8.cpu_profiler',
        'blink.user_timing',
      ];
      if (tracePath && browser)
        await browser.startTracing(page, { path: tracePath, categories: TRACE ? full : timeline });
      // The machine's load during the session: on a shared box a frame can wait for a core with the page idle.
      const loadBefore = loadavg()[0] as number;
      const keys = Math.round((SESSION_MS / 1000) * KEYS_PER_SECOND);
      const phrase = 'typing steadily in a very large file ';
      const started = Date.now();
      for (let i = 0; i < keys; i++) {
        const key = phrase[i % phrase.length] as string;
        await page.keyboard.press(key === ' ' ? 'Space' : key);
        const due = started + ((i + 1) * 1000) / KEYS_PER_SECOND;
        const wait = due - Date.now();
        if (wait > 0) await page.waitForTimeout(wait);
      }
      await page.waitForTimeout(600);
      const loadAfter = loadavg()[0] as number;
      if (tracePath && browser) await browser.stopTracing();
      const inPage = await page.evaluate(() => {
        const w = window as unknown as { __frames: number[]; __framesOn: boolean; __longTasks: number[] };
        w.__framesOn = false;
        const gaps = w.__frames.slice(1).map((t, i) => t - (w.__frames[i] as number));
        const entries = (name: string) => performance.getEntriesByName(name, 'measure');
        const journal = [...entries('cuewave:journal-record'), ...entries('cuewave:journal-send')];
        // For each long frame, how much of it was the journal's own work (to tell its cost from the machine's load).
        const longFrameJournalMs = gaps
          .map((gap, i) => ({ gap, from: w.__frames[i] as number, to: w.__frames[i + 1] as number }))
          .filter((frame) => frame.gap > 50)
          .map((frame) => {
            let journalMs = 0;
            for (const e of journal) if (e.startTime >= frame.from && e.startTime < frame.to) journalMs += e.duration;
            return journalMs;
          });
        return {
          gaps,
          record: entries('cuewave:journal-record').map((e) => e.duration),
          send: entries('cuewave:journal-send').map((e) => e.duration),
          longFrameJournalMs,
          longTasks: w.__longTasks,
        };
      });
      const typed = await text.inputValue();
      expect(typed.length).toBeGreaterThan(keys);
      // Every keystroke is one journal record (typing in one cue coalesces in the history, not in the journal).
      expect(inPage.record.length).toBe(keys);
      expect(inPage.send.length).toBeGreaterThan(0);
      // The last keystrokes are on disk: the text typed so far is in the journal.
      const recovery = path.join(dataDir, 'recovery');
      const logs = readdirSync(recovery).flatMap((folder) =>
        readdirSync(path.join(recovery, folder))
          .filter((name) => name.endsWith('.log'))
          .map((name) => readFileSync(path.join(recovery, folder, name), 'utf8')),
      );
      expect(logs.join('')).toContain(JSON.stringify(typed).slice(1, -1).slice(-20));

      const median = (values: number[]) => quantile(values, 0.5);
      // The page's CPU per frame (thread time of its main thread), and in the frames over 50 ms.
      const cpu = tracePath ? frameCpu(tracePath, 'step') : [];
      const cpuFigures: Record<string, number> = cpu.length
        ? {
            page_cpu_max_per_frame_ms: round(Math.max(...cpu.map((f) => f.cpuMs))),
            page_cpu_p99_per_frame_ms: round(
              quantile(
                cpu.map((f) => f.cpuMs),
                0.99,
              ),
            ),
            page_cpu_max_in_frames_over_50_ms: round(
              Math.max(0, ...cpu.filter((f) => f.frameMs > 50).map((f) => f.cpuMs)),
            ),
            frames_over_50_ms_with_page_cpu_over_50_ms: cpu.filter((f) => f.frameMs > 50 && f.cpuMs > 50).length,
          }
        : {};
      figures['journal-keystroke-x100'] = {
        median_ms: round(median(inPage.record)),
        max_ms: round(Math.max(...inPage.record)),
        runs: inPage.record.length,
        send_median_ms: round(median(inPage.send)),
        send_max_ms: round(Math.max(...inPage.send)),
        batches: inPage.send.length,
        budget_ms: 1,
      };
      figures['typing-session-x100'] = {
        median_ms: round(median(inPage.gaps)),
        runs: inPage.gaps.length,
        longest_frame_ms: round(Math.max(...inPage.gaps)),
        p99_frame_ms: round(quantile(inPage.gaps, 0.99)),
        frames_over_50_ms: inPage.gaps.filter((gap) => gap > 50).length,
        journal_ms_in_frames_over_50_ms: round(Math.max(0, ...inPage.longFrameJournalMs)),
        long_tasks: inPage.longTasks.length,
        longest_task_ms: round(Math.max(0, ...inPage.longTasks)),
        keys,
        session_s: SESSION_MS / 1000,
        load_1m_before: round(loadBefore),
        load_1m_after: round(loadAfter),
        cores: availableParallelism(),
        budget_longest_frame_ms: 50,
        ...cpuFigures,
      };
      expect(median(inPage.record)).toBeLessThan(5);
    },
    SESSION_MS + 240_000,
  );
});
