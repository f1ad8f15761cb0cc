import type { Translate } from '../../src-shared/i18n/translator';
import type { PeaksProgress } from '../../src-shared/waveform';

/** Where CLI commands write: injectable so tests run commands in-process and read their output. */

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** The translator of the language of human output (English when absent); `runCli` sets it. */
  readonly t?: Translate;
}

/**
 * Makes a reader that stops early (`cuewave check --json | head -c 10`) harmless: the broken pipe (EPIPE) is
 * swallowed and later output to that stream is dropped, so the command still finishes (a save in progress is not
 * cut off half-way) and exits with its own code, without a stack trace. Returns whether the stream is still open.
 */
export function quietOnBrokenPipe(stream: NodeJS.WritableStream): () => boolean {
  let open = true;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
      open = false;
      return;
    }
    throw error;
  });
  return () => open;
}

const stdoutOpen = quietOnBrokenPipe(process.stdout);
const stderrOpen = quietOnBrokenPipe(process.stderr);

export const processIo: CliIo = {
  out: (text) => {
    if (stdoutOpen()) process.stdout.write(text);
  },
  err: (text) => {
    if (stderrOpen()) process.stderr.write(text);
  },
};

/** Audio decoding progress on stderr in 10 % steps, each line starting with `label` (a cache hit reports 100 % at once). */
export function decodeProgress(io: CliIo, label: string): (info: PeaksProgress) => void {
  let lastPercent = -10;
  return ({ doneMs, totalMs }) => {
    if (!totalMs) return;
    const percent = Math.min(100, Math.floor((doneMs / totalMs) * 100));
    if (percent >= lastPercent + 10 || (percent === 100 && lastPercent !== 100)) {
      lastPercent = percent;
      io.err(`${label} ${percent}%\n`);
    }
  };
}
