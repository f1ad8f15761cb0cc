/** Benchmark harness: a case is a named, repeatable measurement of one tool, timed as a median over runs. */

export interface BenchResult {
  case: string;
  tool: string;
  median_ms: number;
  runs: number;
  /** Extra figures a case reports beside its time (cue counts, memory, ratios). */
  [extra: string]: unknown;
}

export interface BenchCase {
  /** Case name as passed to `--case`. */
  name: string;
  /** Tool being measured: `cuewave`, or a peer (`subtitle`, `srt-parser-2`, `ffmpeg`). */
  tool: string;
  runs?: number;
  /** Runs once before timing; its result is handed to every `run`. */
  setup?: () => Promise<unknown> | unknown;
  /**
   * The measured work; may return extra figures (e.g. `{ cues: 232400 }`) reported beside the time. A case that
   * measures inside another process returns its own `median_ms` (and `runs`), which replace the harness timing.
   */
  run: (state: unknown) => Promise<Record<string, unknown> | undefined> | Record<string, unknown> | undefined;
  /** Called after each run, outside the timing (e.g. to clear a cache). */
  after?: (state: unknown) => Promise<void> | void;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export async function measure(bench: BenchCase): Promise<BenchResult> {
  const runs = bench.runs ?? 7;
  const state = bench.setup ? await bench.setup() : undefined;
  const times: number[] = [];
  let extra: Record<string, unknown> = {};
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const figures = await bench.run(state);
    times.push(performance.now() - t0);
    if (figures) extra = figures;
    if (bench.after) await bench.after(state);
  }
  // A case measured elsewhere (in the browser, by its own repeated runs) reports its own median.
  const own = typeof extra.median_ms === 'number' ? extra.median_ms : null;
  const medianMs = own ?? Math.round(median(times) * 100) / 100;
  return {
    ...extra,
    case: bench.name,
    tool: bench.tool,
    median_ms: medianMs,
    runs: typeof extra.runs === 'number' ? extra.runs : runs,
  };
}
