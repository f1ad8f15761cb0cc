/** A reference subtitle for auto sync: the cue times of a correctly timed subtitle file (its text stays in main). */
import path from 'node:path';
import { readSubtitle } from '../../src-shared/formats/index';
import { readSubtitleFile } from './files';
import type { Translate } from './i18n';

export interface ReferenceCues {
  /** File name, for the dialog. */
  name: string;
  /** [startMs, endMs) of each timed cue, in file order. */
  cues: [number, number][];
  /** Problems the reader reported (damaged cues are read as well as they can be). */
  problems: number;
}

/** Reads a subtitle file as a sync reference; rejects like readSubtitleFile (a message naming the file). */
export async function readReferenceCues(filePath: string, t?: Translate): Promise<ReferenceCues> {
  const file = await readSubtitleFile(filePath, t ? { t } : {});
  // Any readable format (told by content) can be the reference; what only its own format holds does not matter here.
  const { doc, problems: read } = readSubtitle(file.text);
  const problems = read.filter((p) => p.code !== 'format-kept');
  const cues = doc.cues.filter((c) => c.endMs > c.startMs).map((c): [number, number] => [c.startMs, c.endMs]);
  return { name: path.basename(filePath), cues, problems: problems.length };
}
