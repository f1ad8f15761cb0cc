/**
 * Child process for the crash test: the real journal service fed the way the editor feeds it (a history whose every
 * step becomes a record, sent in small batches), with saves in between, until the parent kills it with SIGKILL.
 * It prints `sent SEQ SHA` (SHA-256 of the document's text after record SEQ) before a batch goes to the service and
 * `ack SEQ` once the service says it is on disk; `saved SEQ SHA` after a save of the state at SEQ.
 *
 * usage: recovery-child DIR FILE SEED
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../../../src-main/services/atomic-write';
import { createEditJournals } from '../../../src-main/services/recovery/edit-journal';
import type { Cue } from '../../../src-shared/document';
import { deleteCues, insertCue, setText, setTimes, splitCue } from '../../../src-shared/edits';
import { History } from '../../../src-shared/history';
import { type JournalRecordBody, opsOf } from '../../../src-shared/journal';
import { readSrt, writeSrt } from '../../../src-shared/srt';

const [dir, filePath, seedText] = process.argv.slice(2);
if (!dir || !filePath || !seedText) {
  process.stderr.write('usage: recovery-child DIR FILE SEED\n');
  process.exit(2);
}

let state = Number(seedText) >>> 0;
function next(): number {
  state = (state * 1664525 + 1013904223) >>> 0;
  return state / 2 ** 32;
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const key = `${filePath}#crash-test`;
const baseText = readFileSync(filePath, 'utf8');
const identity = { filePath, encoding: 'utf-8', bom: false, stamp: null };
const journals = createEditJournals({ dir, snapshotBytes: 6 * 1024 });
const { doc } = readSrt(baseText);
const history = new History(doc);
let pending: JournalRecordBody[] = [];
let seq = 0;
history.observer = (command, direction, h) => {
  pending.push({ ops: opsOf(command, direction), renumbered: h.doc.renumbered, dirty: h.isDirty, atMs: Date.now() });
  seq++;
  process.stdout.write(`sent ${seq} ${sha(writeSrt(doc))}\n`);
};

function edit(): void {
  const cue = doc.cues[Math.floor(next() * doc.cues.length)] as Cue;
  const roll = next();
  if (roll < 0.45) history.execute(setText(doc, cue.id, `${cue.text}${'abcdefgh'[Math.floor(next() * 8)]}`));
  else if (roll < 0.55) history.execute(setTimes(doc, cue.id, { endMs: cue.endMs + 10 }));
  else if (roll < 0.62) history.execute(insertCue(doc, { after: cue.id }, { text: 'new 新しい' }).command);
  else if (roll < 0.67 && doc.cues.length > 3) history.execute(deleteCues(doc, [cue.id]));
  else if (roll < 0.72 && cue.endMs - cue.startMs > 20)
    history.execute(splitCue(doc, cue.id, { atMs: Math.round((cue.startMs + cue.endMs) / 2) }).command);
  else if (roll < 0.9) history.undo();
  else history.redo();
  if (next() < 0.3) history.seal();
}

await journals.begin(key, identity, baseText);
process.stdout.write('ready\n');
for (;;) {
  const steps = 1 + Math.floor(next() * 5);
  for (let i = 0; i < steps; i++) edit();
  const batch = pending;
  pending = [];
  if (batch.length > 0) {
    const last = await journals.append(key, batch);
    process.stdout.write(`ack ${last}\n`);
  }
  if (next() < 0.08) {
    // A save, as main does it: the file first, then the journal drops what the file now holds.
    const text = writeSrt(doc);
    const upTo = journals.lastSeq(key);
    await writeFileAtomic(filePath, text);
    history.markSaved();
    await journals.saved(key, identity, text, upTo);
    process.stdout.write(`saved ${upTo} ${sha(text)}\n`);
  }
  await new Promise((resolve) => setTimeout(resolve, Math.floor(next() * 4)));
}
