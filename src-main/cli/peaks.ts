/** `cuewave peaks MEDIA [--no-cache] -o OUT.json`: waveform peaks in BBC audiowaveform's JSON format. */
import { writeFile } from 'node:fs/promises';
import { toAudiowaveformJson } from '../../src-shared/waveform';
import { computePeaks } from '../services/media';
import { appDataDir, peaksCacheDir } from '../services/paths';
import { onePositional, outputOption, parseArgs, usage } from './args';
import { type CliIo, decodeProgress } from './io';
import { words } from './say';

export async function runPeaks(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ['-o', '--out'], ['--no-cache']);
  const media = onePositional(args, 'MEDIA');
  const out = outputOption(args);
  if (out === undefined) throw usage('peaks.missingOut');

  const peaks = await computePeaks(media, {
    ...(args.flags.has('--no-cache') ? {} : { cacheDir: peaksCacheDir(appDataDir()) }),
    onProgress: decodeProgress(io, words(io, 'cli:peaks.progress')),
  });
  const json = toAudiowaveformJson(peaks, 0);
  await writeFile(out, JSON.stringify(json));
  io.out(
    `${words(io, 'cli:peaks.wrote', { path: out, pairs: json.length, rate: json.sample_rate / json.samples_per_pixel })}\n`,
  );
  return 0;
}
