/**
 * What the page's own thread did in each frame, from a Chromium trace (categories `devtools.timeline` and
 * `disabled-by-default-devtools.timeline`): frames are the gaps between calls of a requestAnimationFrame callback
 * named `frameCallback`, and for each the CPU time (thread time, not wall time) of the renderer main thread's tasks
 * in it. On a shared machine a frame can last 100 ms while the page spent 5 ms of CPU in it, waiting for a core:
 * this tells the page's cost from the machine's load.
 */
import { readFileSync } from 'node:fs';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { functionName?: string } };
}

export interface FrameCpu {
  /** Wall time of the frame, ms. */
  frameMs: number;
  /** CPU time of the page's main thread in it, ms. */
  cpuMs: number;
}

/** Frames and the page's CPU in each, from the trace file at `tracePath`. */
export function frameCpu(tracePath: string, frameCallback: string): FrameCpu[] {
  const parsed = JSON.parse(readFileSync(tracePath, 'utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return [];
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const frames = onMain
    .filter((e) => e.name === 'FunctionCall' && e.args?.data?.functionName === frameCallback)
    .map((e) => e.ts)
    .sort((a, b) => a - b);
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  const out: FrameCpu[] = [];
  let first = 0;
  for (let i = 1; i < frames.length; i++) {
    const from = frames[i - 1] as number;
    const to = frames[i] as number;
    let cpu = 0;
    while (first < tasks.length && (tasks[first] as TraceEvent).ts + ((tasks[first] as TraceEvent).dur ?? 0) <= from)
      first++;
    for (let t = first; t < tasks.length && (tasks[t] as TraceEvent).ts < to; t++) {
      const task = tasks[t] as TraceEvent;
      const dur = task.dur ?? 0;
      if (dur === 0) continue;
      // The share of the task inside this frame, in CPU time.
      const overlap = Math.min(to, task.ts + dur) - Math.max(from, task.ts);
      if (overlap > 0) cpu += ((task.tdur ?? 0) * overlap) / dur;
    }
    out.push({ frameMs: (to - from) / 1000, cpuMs: cpu / 1000 });
  }
  return out;
}
