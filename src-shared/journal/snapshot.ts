/**
 * Snapshots: a document as data (every cue as it is, ids and sources included), so records journaled after the
 * snapshot replay onto exactly the cue positions they were recorded against. SRT text would not do: a cue whose
 * text holds a pasted cue block reads back as several cues, and every later position would be off.
 */
import { type Cue, type DocumentFormat, type FormatInfo, SubtitleDoc } from '../document';
import { FORMAT_NAMES, type SubtitleFormat } from '../formats/detect';
import { checkCue } from './ops';

export const SNAPSHOT_FORMAT = 'cuewave-snapshot';

interface SnapshotHead {
  format: typeof SNAPSHOT_FORMAT;
  version: 1;
  leading: string;
  eol: DocumentFormat['eol'];
  finalNewline: boolean;
  renumbered: boolean;
  cues: number;
  /** The format the document is saved in (absent in snapshots from before WebVTT/ASS: SRT). */
  sourceFormat?: SubtitleFormat;
  /** That format's side record (ASS fields and epilogue, MicroDVD frame rate). */
  formatInfo?: FormatInfo;
}

/** The document as snapshot text: a head line, then one cue per line (so it can be written and read in pieces). */
export function* snapshotLines(doc: SubtitleDoc): Generator<string> {
  const head: SnapshotHead = {
    format: SNAPSHOT_FORMAT,
    version: 1,
    leading: doc.leading,
    eol: doc.format.eol,
    finalNewline: doc.format.finalNewline,
    renumbered: doc.renumbered,
    cues: doc.cues.length,
    ...(doc.sourceFormat !== 'srt' ? { sourceFormat: doc.sourceFormat, formatInfo: doc.formatInfo } : {}),
  };
  yield `${JSON.stringify(head)}\n`;
  for (const cue of doc.cues) yield `${JSON.stringify(cue)}\n`;
}

/** The whole snapshot as one string. */
export function writeSnapshot(doc: SubtitleDoc): string {
  let out = '';
  for (const line of snapshotLines(doc)) out += line;
  return out;
}

/** Reads a snapshot; throws an Error naming the line when it is damaged. */
export function readSnapshot(text: string): SubtitleDoc {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let head: SnapshotHead;
  try {
    head = JSON.parse(lines[0] ?? '') as SnapshotHead;
  } catch {
    throw new Error('snapshot line 1 is not valid JSON');
  }
  if (head?.format !== SNAPSHOT_FORMAT || head.version !== 1) throw new Error('not a Cuewave snapshot');
  if (lines.length - 1 !== head.cues) throw new Error(`snapshot holds ${lines.length - 1} of its ${head.cues} cues`);
  const cues: Cue[] = new Array(head.cues);
  for (let i = 0; i < head.cues; i++) {
    let cue: unknown;
    try {
      cue = JSON.parse(lines[i + 1] as string);
    } catch {
      throw new Error(`snapshot line ${i + 2} is not valid JSON`);
    }
    const problem = checkCue(cue, `snapshot line ${i + 2}`);
    if (problem) throw new Error(problem);
    cues[i] = cue as Cue;
  }
  const doc = new SubtitleDoc(cues, { eol: head.eol, finalNewline: head.finalNewline }, head.leading);
  doc.renumbered = head.renumbered;
  if (head.sourceFormat !== undefined) {
    if (!Object.hasOwn(FORMAT_NAMES, head.sourceFormat)) throw new Error('snapshot names an unknown subtitle format');
    doc.sourceFormat = head.sourceFormat;
    doc.formatInfo = head.formatInfo ?? {};
  }
  return doc;
}
