/**
 * The edit journals on disk: one folder per open document under the data folder's `recovery/`, holding
 *
 * - `journal.json`: the document's file (path, encoding, BOM, size, mtime and SHA-256 of the bytes read), which base
 *   and log are current, and the sequence number the base already contains. Replaced atomically: it is the commit
 *   point of every new generation (first write, after a save, after a snapshot).
 * - `base-G.txt` (the text as read or as last saved) or `base-G.snap` (a snapshot: the document as data), and
 * - `edits-G.log`: the append-only records (`src-shared/journal/log.ts`), each flushed to disk before it is
 *   acknowledged.
 *
 * Nothing is written until the first edit; a save makes the saved text the new base; undo back to the saved state
 * (a record with `dirty: false`) removes the journal, so nothing is offered. Records that could not be written stay
 * in memory and are written with the next batch, into a fresh generation, so a failure never leaves a gap.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { type FileHandle, mkdir, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SubtitleDoc } from '../../../src-shared/document';
import { readSubtitle } from '../../../src-shared/formats/index';
import {
  applyRecord,
  describeStop,
  encodeRecord,
  type JournalRecord,
  type JournalRecordBody,
  LogReader,
  type LogStop,
  readSnapshot,
  snapshotLines,
} from '../../../src-shared/journal';
import { cleanStaleTemps, setAside, writeFileAtomic } from '../atomic-write';
import { english, type Wording, word } from '../i18n';

/** The bytes a document's base was read from (or saved as). */
export interface JournalStamp {
  size: number;
  mtimeMs: number;
  sha256: string;
}

/** What a journal says about the file it belongs to. */
export interface JournalIdentity {
  /** The document's file, or null for a document never saved. */
  filePath: string | null;
  encoding: string;
  bom: boolean;
  /** The file as read or last saved (null: never saved). */
  stamp: JournalStamp | null;
}

/** A journal left by an earlier run. */
export interface JournalSummary extends JournalIdentity {
  key: string;
  /** Edits recorded since the base. */
  edits: number;
  /** Time of the last edit (or of the journal's creation when there is none), ms since the epoch. */
  lastEditMs: number;
  /** The base holds unsaved edits itself (a restored document): offered even with no edits since. */
  unsavedBase: boolean;
  /** Damage found while reading it (a torn or corrupt tail that will not be replayed). */
  notes: string[];
}

export interface JournalListing {
  /** Newest edit first. */
  entries: JournalSummary[];
  /** One line per damaged journal set aside, for the user. */
  messages: string[];
  /** The same, unworded, to be said in the interface's language. */
  notices: Wording[];
}

/** A journal replayed: the document as it was after its last good record. */
export interface ReplayedJournal {
  summary: JournalSummary;
  doc: SubtitleDoc;
  /** The document the edits were made on (with `withBase`). */
  base?: SubtitleDoc;
  notes: string[];
}

/** Thrown when a journal cannot be written; `message` says it in words for the user (English; `wording` in any). */
export class JournalWriteError extends Error {
  readonly wording: Wording;
  constructor(
    message: string | Wording,
    readonly code: string | undefined,
  ) {
    super(typeof message === 'string' ? message : word(english, message));
    this.wording =
      typeof message === 'string' ? { key: 'main:recovery.notBackedUp', values: { error: message } } : message;
    this.name = 'JournalWriteError';
  }
}

/** An error of a journal that cannot be replayed (missing, damaged), in words for the user. */
export class JournalReadError extends Error {
  constructor(readonly wording: Wording) {
    super(word(english, wording));
    this.name = 'JournalReadError';
  }
}

export interface EditJournalOptions {
  /** The `recovery` folder. */
  dir: string;
  /** Log length (bytes) past which main writes a snapshot and starts a new log (default 32 MB). */
  snapshotBytes?: number;
  /** Where background failures (snapshots) go. */
  log?: (message: string) => void;
}

export interface EditJournals {
  /** Starts journaling a document whose current state is `baseText` (nothing is written until the first edit). */
  begin(key: string, identity: JournalIdentity, baseText: string, options?: { unsavedBase?: boolean }): Promise<void>;
  /** Appends records (in order); resolves with the last seq once they are on disk; rejects with JournalWriteError. */
  append(key: string, records: readonly JournalRecordBody[]): Promise<number>;
  /** Seq of the last record handed to append (0 when none). */
  lastSeq(key: string): number;
  /** After a save of the records up to `upToSeq`: the saved text is the new base, those records are dropped. */
  saved(key: string, identity: JournalIdentity, savedText: string, upToSeq: number): Promise<void>;
  /** Stops journaling `key` and deletes its journal (closed without saving, reloaded, discarded). */
  discard(key: string): Promise<void>;
  /** Journals of earlier runs; damaged ones are set aside; ones with nothing to offer are removed. */
  list(): Promise<JournalListing>;
  /** Replays a journal of an earlier run (streamed: a 150 MB log is never held whole); `withBase` also reads the base. */
  replay(key: string, options?: { withBase?: boolean }): Promise<ReplayedJournal>;
  /** Waits for every write under way. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

const FORMAT = 'cuewave-edit-journal';
/** 2: records may hold `retime` operations (a Cuewave reading version 1 would stop at them as damage). */
const VERSION = 2;
const HEADER = 'journal.json';

interface Header extends JournalIdentity {
  format: typeof FORMAT;
  version: number;
  key: string;
  createdAtMs: number;
  generation: number;
  /** File name of the base in the folder. */
  base: string;
  baseKind: 'text' | 'snapshot';
  baseSha256: string;
  /** The base already contains the records up to this seq. */
  baseSeq: number;
  log: string;
  unsavedBase: boolean;
  /** Edits already folded into a snapshot base (counted in what is offered). */
  foldedEdits?: number;
}

interface Live {
  key: string;
  folder: string;
  identity: JournalIdentity;
  unsavedBase: boolean;
  createdAtMs: number;
  /** The document as opened or last saved: the state a record with `dirty: false` returns to. */
  savedText: string;
  /** `records` apply to the snapshot on disk (true) or to `savedText` (false). */
  onSnapshot: boolean;
  baseSeq: number;
  /** Records after the base, all of them (written or not): a failed write can always be redone from these. */
  records: JournalRecord[];
  /** How many of `records` are on disk in the current generation's log. */
  written: number;
  nextSeq: number;
  /** Current generation on disk, or null when nothing is on disk. */
  header: Header | null;
  logHandle: FileHandle | null;
  logBytes: number;
  /** The last write failed: the next one starts a fresh generation. */
  broken: boolean;
  /** Records folded into the snapshot on disk. */
  folded: number;
  /** Bumps when the base changes under the records (back to the saved state, a save): stale snapshots are not used. */
  epoch: number;
  chain: Promise<unknown>;
  closed: boolean;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/** Folder name for a key (keys are paths or `untitled-…` and may hold any character). */
export function journalFolderName(key: string): string {
  return sha256(key).slice(0, 32);
}

/** A journal write failure, unworded: what happened and what to do. */
export function writeFailureWording(error: unknown, dir: string): Wording {
  const code = errorCode(error);
  const what: Wording =
    code === 'ENOSPC'
      ? { key: 'main:recovery.what.diskFull' }
      : code === 'EROFS'
        ? { key: 'main:recovery.what.readOnly' }
        : code === 'EACCES' || code === 'EPERM'
          ? { key: 'main:recovery.what.notAllowed' }
          : code === 'EDQUOT'
            ? { key: 'main:recovery.what.quota' }
            : code === 'ENOTDIR' || code === 'EEXIST'
              ? { key: 'main:recovery.what.inTheWay' }
              : {
                  key: 'main:recovery.what.failed',
                  values: { error: error instanceof Error ? error.message : String(error) },
                };
  return { key: 'main:recovery.writeFailed', values: { dir }, nested: { what } };
}

/** A journal write failure in words (English): what happened and what to do. */
export function describeWriteFailure(error: unknown, dir: string): string {
  return word(english, writeFailureWording(error, dir));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseHeader(raw: string): Header | string {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return 'journal.json is not valid JSON';
  }
  if (!isRecord(data) || data.format !== FORMAT) return 'not an edit journal';
  if (typeof data.version !== 'number' || data.version > VERSION) return `format version ${String(data.version)}`;
  const name = /^(base|edits)-\d+\.(txt|snap|log)$/;
  if (
    typeof data.key !== 'string' ||
    !(data.filePath === null || typeof data.filePath === 'string') ||
    typeof data.encoding !== 'string' ||
    typeof data.bom !== 'boolean' ||
    typeof data.base !== 'string' ||
    !name.test(data.base) ||
    typeof data.log !== 'string' ||
    !name.test(data.log) ||
    (data.baseKind !== 'text' && data.baseKind !== 'snapshot') ||
    typeof data.baseSha256 !== 'string' ||
    typeof data.baseSeq !== 'number' ||
    typeof data.generation !== 'number' ||
    typeof data.createdAtMs !== 'number'
  )
    return 'journal.json has missing or invalid fields';
  const stamp = data.stamp;
  if (
    stamp !== null &&
    !(
      isRecord(stamp) &&
      typeof stamp.size === 'number' &&
      typeof stamp.mtimeMs === 'number' &&
      typeof stamp.sha256 === 'string'
    )
  )
    return 'journal.json has an invalid file stamp';
  return { ...(data as unknown as Header), unsavedBase: data.unsavedBase === true };
}

/** Creates the journal service for one `recovery` folder. */
export function createEditJournals(options: EditJournalOptions): EditJournals {
  const { dir } = options;
  const snapshotBytes = options.snapshotBytes ?? 32 * 1024 * 1024;
  const log = options.log ?? ((message: string) => console.warn(message));
  const live = new Map<string, Live>();
  /** Folders of keys this run journals: not "left by an earlier run". */
  const ownFolders = new Set<string>();

  function get(key: string): Live {
    const entry = live.get(key);
    if (!entry) throw new Error(`No journal for ${key}`);
    return entry;
  }

  /** Runs `job` after the earlier jobs of this journal (never overlapping); the chain survives failures. */
  function queue<T>(entry: Live, job: () => Promise<T>): Promise<T> {
    const run = entry.chain.then(job);
    entry.chain = run.catch(() => undefined);
    return run;
  }

  async function closeLog(entry: Live): Promise<void> {
    const handle = entry.logHandle;
    entry.logHandle = null;
    if (handle) await handle.close().catch(() => undefined);
  }

  async function removeFolder(entry: Live): Promise<void> {
    await closeLog(entry);
    entry.header = null;
    entry.written = 0;
    // The header first: a crash mid-removal must leave no header pointing at a base whose log is gone.
    await rm(path.join(entry.folder, HEADER), { force: true });
    await rm(entry.folder, { recursive: true, force: true });
  }

  /** Writes a new generation: the base (text or snapshot), an empty log, then the header that commits them. */
  async function newGeneration(entry: Live, base: { kind: 'text'; text: string } | { kind: 'snapshot'; text: string }) {
    await closeLog(entry);
    await mkdir(entry.folder, { recursive: true });
    const generation = (entry.header?.generation ?? 0) + 1;
    const baseName = `base-${generation}.${base.kind === 'text' ? 'txt' : 'snap'}`;
    const logName = `edits-${generation}.log`;
    await writeFileAtomic(path.join(entry.folder, baseName), base.text);
    // Every record after the base goes into the new log before the header commits it: none is ever without a home.
    let logText = '';
    const count = entry.records.length;
    for (let i = 0; i < count; i++) {
      const { seq, ...body } = entry.records[i] as JournalRecord;
      logText += encodeRecord(seq, body);
    }
    await writeFileAtomic(path.join(entry.folder, logName), logText);
    const previous = entry.header;
    const header: Header = {
      format: FORMAT,
      version: VERSION,
      key: entry.key,
      ...entry.identity,
      createdAtMs: entry.createdAtMs,
      generation,
      base: baseName,
      baseKind: base.kind,
      baseSha256: sha256(base.text),
      baseSeq: entry.baseSeq,
      log: logName,
      unsavedBase: entry.unsavedBase,
      foldedEdits: base.kind === 'snapshot' ? entry.folded : 0,
    };
    await writeFileAtomic(path.join(entry.folder, HEADER), JSON.stringify(header));
    entry.header = header;
    entry.written = count;
    entry.logBytes = Buffer.byteLength(logText, 'utf8');
    entry.logHandle = await open(path.join(entry.folder, logName), 'a');
    // The previous generation's files are no longer referenced.
    if (previous) {
      for (const name of [previous.base, previous.log])
        if (name !== header.base && name !== header.log) await rm(path.join(entry.folder, name), { force: true });
    }
  }

  /** Whether the document is as opened or last saved (nothing to offer). */
  function atSaved(entry: Live): boolean {
    return entry.records.length === 0 && !entry.onSnapshot && !entry.unsavedBase;
  }

  /** Writes every record not on disk yet (starting a generation first when needed) and flushes them. */
  async function writePending(entry: Live): Promise<void> {
    if (entry.closed) return;
    if (atSaved(entry)) {
      if (entry.header) await removeFolder(entry);
      return;
    }
    if (entry.header === null || entry.broken || entry.logHandle === null) {
      // Cleared first: an append or save while the generation is written sets it again, and is then redone.
      entry.broken = false;
      if (entry.onSnapshot) await rebuildSnapshot(entry);
      else await newGeneration(entry, { kind: 'text', text: entry.savedText });
    }
    const upTo = entry.records.length;
    if (entry.written >= upTo) return;
    let text = '';
    for (let i = entry.written; i < upTo; i++) {
      const { seq, ...body } = entry.records[i] as JournalRecord;
      text += encodeRecord(seq, body);
    }
    const handle = entry.logHandle as FileHandle;
    const bytes = Buffer.from(text, 'utf8');
    await handle.write(bytes, 0, bytes.length, null);
    await handle.datasync();
    entry.logBytes += bytes.length;
    entry.written = upTo;
    if (entry.logBytes > snapshotBytes) void queue(entry, () => snapshotNow(entry));
  }

  /** The document at the last record, built from the base on disk or in memory. */
  async function currentDoc(entry: Live): Promise<SubtitleDoc> {
    let doc: SubtitleDoc;
    if (!entry.onSnapshot) doc = readSubtitle(entry.savedText).doc;
    else {
      const header = entry.header as Header;
      doc = readSnapshot(await readFile(path.join(entry.folder, header.base), 'utf8'));
    }
    for (const record of entry.records) applyRecord(doc, record);
    return doc;
  }

  /** Writes a generation whose base is a snapshot of the current document, with no records. */
  async function rebuildSnapshot(entry: Live): Promise<void> {
    const doc = await currentDoc(entry);
    let text = '';
    for (const line of snapshotLines(doc)) text += line;
    const last = entry.records[entry.records.length - 1];
    const { baseSeq, records, epoch, folded } = entry;
    entry.baseSeq = last ? last.seq : baseSeq;
    entry.folded = (entry.onSnapshot ? folded : 0) + records.length;
    entry.records = [];
    try {
      await newGeneration(entry, { kind: 'snapshot', text });
    } catch (error) {
      // Not committed: the records still apply to the base they were recorded on.
      if (entry.epoch === epoch) {
        entry.folded = folded;
        entry.baseSeq = baseSeq;
        entry.records = records.concat(entry.records);
        entry.written = 0;
      }
      throw error;
    }
    // Back at the saved state (or saved) meanwhile: the records now apply to the saved text, not this snapshot.
    if (entry.epoch === epoch) entry.onSnapshot = true;
    else entry.broken = true;
  }

  /** Background checkpoint: the log grew long, so its records are folded into a snapshot. */
  async function snapshotNow(entry: Live): Promise<void> {
    if (entry.closed || entry.header === null || entry.logBytes <= snapshotBytes) return;
    try {
      await rebuildSnapshot(entry);
    } catch (error) {
      entry.broken = true;
      log(`[recovery] snapshot of ${entry.key} not written: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async function append(key: string, bodies: readonly JournalRecordBody[]): Promise<number> {
    const entry = get(key);
    for (const body of bodies) {
      const record: JournalRecord = { ...body, seq: entry.nextSeq++ };
      if (!body.dirty && !entry.unsavedBase) {
        // Back at the base: nothing before this point is worth offering.
        entry.records = [];
        entry.written = 0;
        entry.baseSeq = record.seq;
        entry.onSnapshot = false;
        entry.broken = true;
        entry.epoch++;
      } else entry.records.push(record);
    }
    const lastSeq = entry.nextSeq - 1;
    await queue(entry, async () => {
      try {
        await writePending(entry);
      } catch (error) {
        entry.broken = true;
        throw new JournalWriteError(writeFailureWording(error, dir), errorCode(error));
      }
    });
    return lastSeq;
  }

  async function begin(
    key: string,
    identity: JournalIdentity,
    baseText: string,
    beginOptions: { unsavedBase?: boolean } = {},
  ): Promise<void> {
    const folder = path.join(dir, journalFolderName(key));
    ownFolders.add(path.basename(folder));
    const entry: Live = {
      key,
      folder,
      identity,
      unsavedBase: beginOptions.unsavedBase ?? false,
      createdAtMs: Date.now(),
      savedText: baseText,
      onSnapshot: false,
      baseSeq: 0,
      records: [],
      written: 0,
      nextSeq: 1,
      header: null,
      logHandle: null,
      logBytes: 0,
      broken: false,
      epoch: 0,
      folded: 0,
      chain: Promise.resolve(),
      closed: false,
    };
    live.set(key, entry);
    // A restored document's base is itself unsaved work: on disk at once, before the journal it came from goes.
    if (entry.unsavedBase) await queue(entry, () => writePending(entry));
  }

  async function saved(key: string, identity: JournalIdentity, savedText: string, upToSeq: number): Promise<void> {
    const entry = get(key);
    entry.identity = identity;
    entry.unsavedBase = false;
    entry.savedText = savedText;
    entry.onSnapshot = false;
    entry.epoch++;
    entry.baseSeq = upToSeq;
    entry.records = entry.records.filter((record) => record.seq > upToSeq);
    entry.broken = true;
    await queue(entry, () => writePending(entry));
  }

  async function discard(key: string): Promise<void> {
    const entry = live.get(key);
    if (!entry) return;
    live.delete(key);
    await queue(entry, async () => {
      entry.closed = true;
      await removeFolder(entry);
    });
  }

  async function readHeader(folder: string): Promise<Header | string> {
    let raw: string;
    try {
      raw = await readFile(path.join(folder, HEADER), 'utf8');
    } catch (error) {
      return errorCode(error) === 'ENOENT' ? 'no journal.json' : `journal.json unreadable (${errorCode(error)})`;
    }
    return parseHeader(raw);
  }

  /** Streams a log, handing each good record on; returns the count, the last record and why it stopped. */
  async function scanLog(
    file: string,
    afterSeq: number,
    onRecord: (record: JournalRecord) => void,
  ): Promise<{ count: number; last: JournalRecord | null; stop: LogStop | null }> {
    let last: JournalRecord | null = null;
    let failure: unknown = null;
    const reader = new LogReader((record) => {
      try {
        onRecord(record);
      } catch (error) {
        failure = error;
        throw error;
      }
      last = record;
    }, afterSeq);
    const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1024 * 1024 });
    try {
      for await (const chunk of stream) {
        let more: boolean;
        try {
          more = reader.push(chunk as string);
        } catch (error) {
          if (error !== failure) throw error;
          stream.destroy();
          return { count: reader.count - 1, last, stop: { line: 0, reason: String(error), tail: false } };
        }
        if (!more) {
          stream.destroy();
          break;
        }
      }
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
    return { count: reader.count, last, stop: reader.end() };
  }

  function summaryOf(header: Header, edits: number, last: JournalRecord | null, notes: string[]): JournalSummary {
    return {
      key: header.key,
      filePath: header.filePath,
      encoding: header.encoding,
      bom: header.bom,
      stamp: header.stamp,
      edits: edits + (header.foldedEdits ?? 0),
      lastEditMs: last?.atMs ?? header.createdAtMs,
      unsavedBase: header.unsavedBase,
      notes,
    };
  }

  async function list(): Promise<JournalListing> {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return { entries: [], messages: [], notices: [] };
      throw error;
    }
    const entries: JournalSummary[] = [];
    const notices: Wording[] = [];
    for (const name of names.sort()) {
      if (!/^[0-9a-f]{32}$/.test(name) || ownFolders.has(name)) continue;
      const folder = path.join(dir, name);
      if (
        !(await stat(folder).then(
          (s) => s.isDirectory(),
          () => false,
        ))
      )
        continue;
      await cleanStaleTemps(folder).catch(() => []);
      const header = await readHeader(folder);
      if (typeof header === 'string') {
        if (header === 'no journal.json') {
          // A first generation the crash interrupted before its commit: it held no acknowledged edit.
          await rm(folder, { recursive: true, force: true }).catch(() => undefined);
          continue;
        }
        if (header.startsWith('format version')) {
          notices.push({ key: 'main:recovery.newerVersion', values: { name, detail: header } });
          continue;
        }
        try {
          const aside = await setAside(folder);
          notices.push({ key: 'main:recovery.setAside', values: { detail: header, name: path.basename(aside) } });
        } catch (error) {
          notices.push({ key: 'main:recovery.notSetAside', values: { detail: header, error: String(error) } });
        }
        continue;
      }
      // Files of generations that never got committed (a crash between writing them and the header).
      for (const file of await readdir(folder))
        if (file !== HEADER && file !== header.base && file !== header.log && !file.startsWith('.'))
          await rm(path.join(folder, file), { force: true });
      const notes: string[] = [];
      const label = header.filePath ? path.basename(header.filePath) : 'Untitled';
      const { count, last, stop } = await scanLog(path.join(folder, header.log), header.baseSeq, () => undefined);
      if (stop) notes.push(describeStop(stop, label));
      if (count === 0 && !header.unsavedBase && header.baseKind === 'text') {
        await rm(folder, { recursive: true, force: true }).catch(() => undefined);
        continue;
      }
      entries.push(summaryOf(header, count, last, notes));
    }
    entries.sort((a, b) => b.lastEditMs - a.lastEditMs);
    return { entries, messages: notices.map((notice) => word(english, notice)), notices };
  }

  async function replay(key: string, replayOptions: { withBase?: boolean } = {}): Promise<ReplayedJournal> {
    const folder = path.join(dir, journalFolderName(key));
    const header = await readHeader(folder);
    if (typeof header === 'string' || header.key !== key)
      throw new JournalReadError({ key: 'main:recovery.notFound', values: { key } });
    const label = header.filePath ? path.basename(header.filePath) : 'Untitled';
    const baseText = await readFile(path.join(folder, header.base), 'utf8');
    if (sha256(baseText) !== header.baseSha256)
      throw new JournalReadError({ key: 'main:recovery.damagedBase', values: { name: label } });
    const parse = () => (header.baseKind === 'text' ? readSubtitle(baseText).doc : readSnapshot(baseText));
    const doc = parse();
    const base = replayOptions.withBase ? parse() : undefined;
    const notes: string[] = [];
    const { count, last, stop } = await scanLog(path.join(folder, header.log), header.baseSeq, (record) =>
      applyRecord(doc, record),
    );
    if (stop) notes.push(describeStop(stop, label));
    return { summary: summaryOf(header, count, last, notes), doc, notes, ...(base ? { base } : {}) };
  }

  async function flush(): Promise<void> {
    await Promise.all([...live.values()].map((entry) => entry.chain));
  }

  async function close(): Promise<void> {
    await flush();
    for (const entry of live.values()) await closeLog(entry);
  }

  return {
    begin,
    append,
    lastSeq: (key) => get(key).nextSeq - 1,
    saved,
    discard,
    list,
    replay,
    flush,
    close,
  };
}

/** Deletes a journal of an earlier run (the user chose Discard, or it was restored into a new journal). */
export async function removeJournal(dir: string, key: string): Promise<void> {
  await rm(path.join(dir, journalFolderName(key)), { recursive: true, force: true });
}
