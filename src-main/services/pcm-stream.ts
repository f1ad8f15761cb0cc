/**
 * One ffmpeg run that streams a media file's first audio stream as mono 16-bit PCM to a consumer: the decode the
 * waveform peaks and the spectrogram share. It owns what every such run needs: ffmpeg's stderr tail (for the
 * duration and the final error), abort, a consumer that throws, and waiting for the pipes to drain.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import os from 'node:os';
import { PEAKS_SAMPLE_RATE } from '../../src-shared/waveform';
import { lastErrorLine, type MediaError, mediaError, mediaReason, toolPath } from './media-tools';

/** Native-endian signed 16-bit PCM, so each stdout chunk can be viewed as an Int16Array without byte swapping. */
const PCM_FORMAT = os.endianness() === 'LE' ? 's16le' : 's16be';

/** ffmpeg arguments that decode the first audio stream of a file to mono PCM at `sampleRate` on stdout. */
export function ffmpegPcmArgs(filePath: string, sampleRate: number = PEAKS_SAMPLE_RATE): string[] {
  return [
    ['-hide_banner', '-nostdin', '-nostats', '-i', filePath],
    ['-map', '0:a:0', '-vn', '-ac', '1', '-ar', String(sampleRate)],
    // Without this, ffmpeg flushes the pipe after every decoded frame (~320 bytes): 100x more syscalls and events.
    ['-flush_packets', '0', '-f', PCM_FORMAT, 'pipe:1'],
  ].flat();
}

/** Duration from ffmpeg's `Duration: 01:04:56.47` input banner line, in ms. */
export function parseFfmpegDurationMs(stderr: string): number | undefined {
  const match = /Duration: (\d+):(\d\d):(\d\d(?:\.\d+)?)/.exec(stderr);
  if (!match) return undefined;
  return Math.round(((Number(match[1]) * 60 + Number(match[2])) * 60 + Number(match[3])) * 1000);
}

/** The error an aborted computation rejects with: the signal's own AbortError, or a new one carrying its reason. */
export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  const error = new Error('Peaks computation was aborted', { cause: reason });
  error.name = 'AbortError';
  return error;
}

/** Maps a failed ffmpeg run to a MediaError naming the file. */
export function decodeFailure(filePath: string, exitCode: number | null, stderr: string): MediaError {
  const detail = new Error(lastErrorLine(stderr));
  if (/matches no streams|does not contain any stream/.test(stderr)) {
    return mediaError('NO_AUDIO', filePath, mediaReason('noAudio'), detail);
  }
  if (/Invalid data found when processing input/.test(stderr)) {
    return mediaError('UNREADABLE', filePath, mediaReason('notMediaFfmpeg'), detail);
  }
  return mediaError(
    'DECODE_FAILED',
    filePath,
    mediaReason('ffmpegFailed', { code: String(exitCode), detail: detail.message }),
    detail,
  );
}

/** Keep only the tail of ffmpeg's stderr: enough for the Duration line and the final error. */
const STDERR_KEEP_CHARS = 16_384;

export interface PcmStreamRun {
  /** Aborting kills ffmpeg and rejects with an AbortError. */
  signal?: AbortSignal | undefined;
  /**
   * Receives the PCM bytes in order as they arrive (chunks may split a sample and sit at odd offsets), with the
   * input's duration once ffmpeg has said it. A throw stops the decode and becomes the rejection.
   */
  onBytes: (bytes: Buffer, totalMs: number | undefined) => void;
}

/** Decodes `filePath` at `sampleRate` into `run.onBytes`; resolves once every byte was delivered and ffmpeg exited 0. */
export async function streamPcm(filePath: string, sampleRate: number, run: PcmStreamRun): Promise<void> {
  const { signal, onBytes } = run;
  const binary = await toolPath('ffmpeg');
  if (signal?.aborted) throw abortError(signal);
  const child = spawn(binary, ffmpegPcmArgs(filePath, sampleRate), {
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
  });
  let stderr = '';
  let totalMs: number | undefined;
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    stderr = (stderr + text).slice(-STDERR_KEEP_CHARS);
    totalMs ??= parseFfmpegDurationMs(stderr);
  });
  // A throwing consumer must not become an uncaught exception in an event handler: stop and reject with it.
  let consumerError: { error: unknown } | undefined;
  child.stdout.on('data', (bytes: Buffer) => {
    if (consumerError) return;
    try {
      onBytes(bytes, totalMs);
    } catch (error) {
      consumerError = { error };
      child.kill('SIGKILL');
    }
  });
  const exitCode = await ffmpegExit(child, filePath, signal);
  if (consumerError) throw consumerError.error;
  if (exitCode !== 0) throw decodeFailure(filePath, exitCode, stderr);
}

/**
 * Waits for an ffmpeg child to exit and its pipes to drain (so no output is lost and no child outlives us), killing
 * it when `signal` aborts: resolves with the exit code, rejects with an AbortError or, when ffmpeg cannot run, a
 * MediaError naming the file.
 */
export async function ffmpegExit(
  child: ChildProcess,
  filePath: string,
  signal: AbortSignal | undefined,
): Promise<number | null> {
  const onAbort = (): void => {
    child.kill('SIGKILL');
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      child.once('error', (error) =>
        reject(mediaError('TOOL_MISSING', filePath, mediaReason('cannotRunFfmpeg', { error: error.message }))),
      );
      child.once('close', (code) => resolve(code));
    });
    if (signal?.aborted) throw abortError(signal);
    return exitCode;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}
