/** Loading and saving subtitle files for CLI commands: encoding, BOM and line endings survive the trip. */
import { basename } from 'node:path';
import type { SubtitleDoc } from '../../src-shared/document';
import { readSubtitle, type SubtitleFormat, writeSubtitle } from '../../src-shared/formats/index';
import type { ReadProblem } from '../../src-shared/problems';
import type { EncodingDoubt } from '../services/encoding';
import { readSubtitleFile, writeSubtitleFile } from '../services/files';
import { usage } from './args';
import type { CliIo } from './io';
import { words } from './say';

export interface LoadedSubtitle {
  path: string;
  encoding: string;
  bom: boolean;
  doc: SubtitleDoc;
  /** The format read by content (SRT, WebVTT, ASS/SSA, MicroDVD, SBV); saves write it back unless told otherwise. */
  format: SubtitleFormat;
  problems: ReadProblem[];
  /** Decoding facts the user must hear before a save, e.g. invalid bytes replaced with U+FFFD. */
  warnings: string[];
  /** Set when the encoding is only a guess; `check` reports it as an `encoding-guess` warning. */
  encodingDoubt: EncodingDoubt | null;
}

export async function loadSubtitle(path: string): Promise<LoadedSubtitle> {
  const file = await readSubtitleFile(path);
  const { doc, problems, format } = readSubtitle(file.text);
  return {
    path,
    format,
    encoding: file.encoding,
    bom: file.bom,
    doc,
    problems,
    warnings: file.warnings,
    encodingDoubt: file.encodingDoubt,
  };
}

/** The app's advice for an encoding guess, said the command line's way. */
export function cliWording(message: string): string {
  return message.replace(
    'If the text looks wrong, use Reopen with Encoding… before saving.',
    'Check the text; if it looks wrong, convert the file to UTF-8 with the right source encoding first.',
  );
}

/** Prints the decoding warnings on stderr (stdout may be JSON), so damaged bytes are never lost silently. */
export function reportLoadWarnings(loaded: LoadedSubtitle, io: CliIo): void {
  for (const warning of loaded.warnings)
    io.err(`${words(io, 'cli:loadWarning', { path: loaded.path, warning: cliWording(warning) })}\n`);
}

export interface OutputTarget {
  path: string;
  /** Keep the original as FILE.bak first (in-place writes). */
  backup: boolean;
}

/** `-o OUT` or `--in-place`; one of them is required so a command never overwrites by surprise. */
export function outputTarget(input: string, out: string | undefined, inPlace: boolean): OutputTarget {
  if (out !== undefined && inPlace) throw usage('args.outOrInPlace');
  if (out !== undefined) return { path: out, backup: false };
  if (inPlace) return { path: input, backup: true };
  throw usage('args.noOutput', { file: basename(input) });
}

/** Writes the document in its own format (or `format`), in the input's encoding and BOM. */
export async function saveSubtitle(
  loaded: LoadedSubtitle,
  target: OutputTarget,
  format: SubtitleFormat = loaded.format,
): Promise<void> {
  await writeSubtitleFile(target.path, writeSubtitle(loaded.doc, format), {
    encoding: loaded.encoding,
    bom: loaded.bom,
    backup: target.backup,
  });
}

/** Line ending name for reports: `lf`, `crlf` or `cr`. */
export function eolName(eol: string): 'lf' | 'crlf' | 'cr' {
  return eol === '\r\n' ? 'crlf' : eol === '\r' ? 'cr' : 'lf';
}
