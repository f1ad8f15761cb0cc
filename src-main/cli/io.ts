import type { PeaksProgress } from '../../src-shared/waveform';

/** Where CLI commands write: injectable so tests run commands in-process and read their output. */

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
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
