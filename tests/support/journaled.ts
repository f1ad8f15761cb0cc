/**
 * An editor session in miniature for journal tests: a history of a document read from SRT text whose every step
 * (edit, undo, redo) becomes one journal record, as the renderer's feed makes them (src-renderer/store/journal.ts).
 */
import type { Cue, SubtitleDoc } from '../../src-shared/document';
import { setText } from '../../src-shared/edits';
import { History } from '../../src-shared/history';
import { type JournalRecordBody, opsOf } from '../../src-shared/journal';
import { readSrt } from '../../src-shared/srt';

export interface JournaledSession {
  doc: SubtitleDoc;
  history: History;
  /** Every record so far (`take` empties it). */
  records: JournalRecordBody[];
  /** Appends `suffix` to the text of the cue at `position`, as typing does. */
  type(position: number, suffix: string): void;
  /** The records made since the last take, as a batch sent to main. */
  take(): JournalRecordBody[];
}

/** Starts a session on `text`; `atMs` stamps each record (default: now). */
export function journaled(text: string, atMs: () => number = Date.now): JournaledSession {
  const { doc } = readSrt(text);
  const history = new History(doc);
  const records: JournalRecordBody[] = [];
  history.observer = (command, direction, h) =>
    records.push({ ops: opsOf(command, direction), renumbered: h.doc.renumbered, dirty: h.isDirty, atMs: atMs() });
  return {
    doc,
    history,
    records,
    type(position, suffix) {
      const cue = doc.cues[position] as Cue;
      history.execute(setText(doc, cue.id, cue.text + suffix));
    },
    take: () => records.splice(0),
  };
}
