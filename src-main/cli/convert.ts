/** `cuewave convert IN -o OUT [--to srt|vtt|ass]`: write a subtitle file in another format. */
import { basename } from 'node:path';
import { FORMAT_NAMES, formatForExtension, type SubtitleFormat } from '../../src-shared/formats/index';
import { outputOption, parseArgs, UsageError } from './args';
import type { CliIo } from './io';
import { loadSubtitle, reportLoadWarnings, saveSubtitle } from './subtitle-io';

/** Names `--to` accepts. */
const TARGETS: Record<string, SubtitleFormat> = {
  srt: 'srt',
  vtt: 'webvtt',
  webvtt: 'webvtt',
  ass: 'ass',
  ssa: 'ass',
  sub: 'microdvd',
  microdvd: 'microdvd',
  sbv: 'sbv',
};

export async function runConvert(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ['-o', '--out', '--to'], []);
  if (args.positionals.length === 0) throw new UsageError('missing IN');
  if (args.positionals.length > 1) throw new UsageError(`unexpected argument ${args.positionals[1]}`);
  const input = args.positionals[0] as string;
  const out = outputOption(args);
  if (out === undefined) throw new UsageError(`no output given for ${basename(input)}: add -o OUT`);
  const toText = args.options.get('--to');
  let format: SubtitleFormat | null;
  if (toText !== undefined) {
    format = TARGETS[toText.toLowerCase()] ?? null;
    if (format === null) throw new UsageError(`--to ${toText}: unknown format (known: srt, vtt, ass, sub, sbv)`);
  } else {
    format = formatForExtension(out);
    if (format === null)
      throw new UsageError(`cannot tell the format from ${basename(out)}: name it .srt, .vtt or .ass, or add --to`);
  }

  const loaded = await loadSubtitle(input);
  reportLoadWarnings(loaded, io);
  // What the source format held that the cue model keeps only in its own format is said, not dropped silently.
  if (format !== loaded.format)
    for (const problem of loaded.problems)
      if (problem.code === 'format-kept') io.err(`${input}:${problem.line}: note: ${problem.message}\n`);
  await saveSubtitle(loaded, { path: out, backup: false }, format);
  io.out(
    `converted ${loaded.doc.length} cues from ${FORMAT_NAMES[loaded.format]} to ${FORMAT_NAMES[format]}; wrote ${out}\n`,
  );
  return 0;
}
