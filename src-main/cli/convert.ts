/** `cuewave convert IN -o OUT [--to srt|vtt|ass]`: write a subtitle file in another format. */
import { basename } from 'node:path';
import { FORMAT_NAMES, formatForExtension, type SubtitleFormat } from '../../src-shared/formats/index';
import { outputOption, parseArgs, usage } from './args';
import type { CliIo } from './io';
import { say, words } from './say';
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
  if (args.positionals.length === 0) throw usage('convert.missingIn');
  if (args.positionals.length > 1) throw usage('args.unexpected', { arg: args.positionals[1] as string });
  const input = args.positionals[0] as string;
  const out = outputOption(args);
  if (out === undefined) throw usage('args.noOutputConvert', { file: basename(input) });
  const toText = args.options.get('--to');
  let format: SubtitleFormat | null;
  if (toText !== undefined) {
    format = TARGETS[toText.toLowerCase()] ?? null;
    if (format === null) throw usage('convert.unknownFormat', { value: toText });
  } else {
    format = formatForExtension(out);
    if (format === null) throw usage('convert.noFormat', { file: basename(out) });
  }

  const loaded = await loadSubtitle(input);
  reportLoadWarnings(loaded, io);
  // What the source format held that the cue model keeps only in its own format is said, not dropped silently.
  if (format !== loaded.format)
    for (const problem of loaded.problems)
      if (problem.code === 'format-kept') {
        const where = `${input}:${problem.line}`;
        io.err(`${words(io, 'cli:convert.note', { where, message: say(io, problem.message) })}\n`);
      }
  await saveSubtitle(loaded, { path: out, backup: false }, format);
  const converted = words(io, 'cli:convert.converted', {
    count: loaded.doc.length,
    from: FORMAT_NAMES[loaded.format],
    to: FORMAT_NAMES[format],
    path: out,
  });
  io.out(`${converted}\n`);
  return 0;
}
