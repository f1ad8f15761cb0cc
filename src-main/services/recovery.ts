/** Recovery journals: debounced atomic snapshots of unsaved documents, listed after a crash, damaged ones set aside. */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { cleanStaleTemps, setAside, writeFileAtomic } from './atomic-write';

export type JournalEol = '\n' | '\r\n' | '\r';

/** What is needed to rebuild an unsaved document. */
export interface JournalPayload {
  /** The document's file, or null for a document never saved. */
  filePath: string | null;
  encoding: string;
  bom: boolean;
  eol?: JournalEol;
  /** The document as SRT text. */
  text: string;
  /** Time of the last edit, ms since the epoch. */
  editedAt: number;
}

/** A journal found on disk from an earlier run: the payload's fields, plus where and when it was written. */
export interface RecoverableJournal extends JournalPayload {
  /** The document key it was journaled under; pass it to discard(). */
  key: string;
  /** When the journal was written, ms since the epoch. */
  savedAtMs: number;
  journalPath: string;
  /** The payload as scheduled (the same fields as above), to hand back to the editor. */
  payload: JournalPayload;
}

export interface RecoverableList {
  /** Newest first. */
  entries: RecoverableJournal[];
  /** One line per damaged journal that was set aside (or left alone), for the user. */
  messages: string[];
}

export interface RecoveryOptions {
  dir: string;
  /** Quiet time after the last change before writing (default 1000 ms). */
  debounceMs?: number;
  /** Longest a change waits during continuous editing (default 2000 ms). */
  maxWaitMs?: number;
  /** Where write failures of timer-driven journals go (default: console.warn). */
  onError?: (error: unknown, key: string) => void;
}

export interface Recovery {
  /** Journals `payload` under `key` within maxWaitMs; later calls replace the pending payload. */
  scheduleJournal(key: string, payload: JournalPayload): void;
  /** Writes every pending journal now; rejects with the first write error. */
  flush(): Promise<void>;
  /** Journals left by an earlier run; damaged ones are set aside and reported in `messages`. */
  listRecoverable(): Promise<RecoverableList>;
  /** Cancels a pending journal and deletes the file (after a save, or when the user discards). */
  discard(key: string): Promise<void>;
  /** Flushes and stops all timers. */
  close(): Promise<void>;
}

const FORMAT = 'cuewave-recovery';
const VERSION = 1;
const SUFFIX = '.journal.json';
const EOLS: readonly string[] = ['\n', '\r\n', '\r'];

interface JournalFile {
  format: typeof FORMAT;
  version: number;
  key: string;
  savedAtMs: number;
  /** SHA-256 of payload.text: a torn or edited journal is detected, never restored half. */
  textSha256: string;
  payload: JournalPayload;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** File name for a key: keys are paths or `untitled-…` and may hold any character, so they are hashed. */
function journalName(key: string): string {
  return `${sha256(key).slice(0, 32)}${SUFFIX}`;
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

type Parsed = { ok: true; journal: JournalFile } | { ok: false; reason: string; newer?: boolean };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function validPayload(value: unknown): value is JournalPayload {
  if (!isRecord(value)) return false;
  return (
    (value.filePath === null || typeof value.filePath === 'string') &&
    typeof value.encoding === 'string' &&
    typeof value.bom === 'boolean' &&
    typeof value.text === 'string' &&
    typeof value.editedAt === 'number' &&
    (value.eol === undefined || EOLS.includes(value.eol as string))
  );
}

/** Checks a journal's structure and checksum. */
function parseJournal(raw: string): Parsed {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'not valid JSON' };
  }
  if (!isRecord(data) || data.format !== FORMAT) return { ok: false, reason: 'not a recovery journal' };
  if (typeof data.version !== 'number' || data.version > VERSION) {
    return { ok: false, reason: `format version ${String(data.version)} is newer than this app`, newer: true };
  }
  if (typeof data.key !== 'string' || typeof data.savedAtMs !== 'number' || !validPayload(data.payload)) {
    return { ok: false, reason: 'missing or invalid fields' };
  }
  if (data.textSha256 !== sha256(data.payload.text)) return { ok: false, reason: 'checksum mismatch' };
  return { ok: true, journal: data as unknown as JournalFile };
}

interface Pending {
  payload: JournalPayload;
  /** When the first change of this unwritten batch came; bounds the wait. */
  firstAtMs: number;
  timer: ReturnType<typeof setTimeout>;
}

/** Creates the journal service for one data folder. */
export function createRecovery(options: RecoveryOptions): Recovery {
  const { dir } = options;
  const debounceMs = options.debounceMs ?? 1000;
  const maxWaitMs = Math.max(options.maxWaitMs ?? 2000, 0);
  const onError =
    options.onError ??
    ((error: unknown, key: string) => console.warn(`recovery journal for ${key} not written: ${String(error)}`));
  const pending = new Map<string, Pending>();
  /** Per key, the tail of its write chain (never rejects), so writes of one key never overlap. */
  const chains = new Map<string, Promise<void>>();
  /** Keys journaled by this run: they are not "left by a previous run". */
  const ownKeys = new Set<string>();
  let dirReady: Promise<unknown> | null = null;

  function journalPath(key: string): string {
    return path.join(dir, journalName(key));
  }

  async function writeJournal(key: string, payload: JournalPayload): Promise<void> {
    dirReady ??= mkdir(dir, { recursive: true }).catch((error) => {
      dirReady = null;
      throw error;
    });
    await dirReady;
    const journal: JournalFile = {
      format: FORMAT,
      version: VERSION,
      key,
      savedAtMs: Date.now(),
      textSha256: sha256(payload.text),
      payload,
    };
    await writeFileAtomic(journalPath(key), JSON.stringify(journal));
  }

  /** Starts writing the pending payload of `key` (if any) after earlier writes of that key. */
  function writeNow(key: string): Promise<void> {
    const entry = pending.get(key);
    const tail = chains.get(key) ?? Promise.resolve();
    if (!entry) return tail;
    clearTimeout(entry.timer);
    pending.delete(key);
    ownKeys.add(key);
    const job = tail.then(() => writeJournal(key, entry.payload));
    chains.set(
      key,
      job.catch(() => undefined),
    );
    return job;
  }

  function scheduleJournal(key: string, payload: JournalPayload): void {
    const nowMs = Date.now();
    const previous = pending.get(key);
    if (previous) clearTimeout(previous.timer);
    const firstAtMs = previous ? previous.firstAtMs : nowMs;
    const waitMs = Math.max(0, Math.min(debounceMs, firstAtMs + maxWaitMs - nowMs));
    const timer = setTimeout(() => {
      writeNow(key).catch((error) => onError(error, key));
    }, waitMs);
    pending.set(key, { payload, firstAtMs, timer });
  }

  async function flush(): Promise<void> {
    const keys = new Set([...pending.keys(), ...chains.keys()]);
    const results = await Promise.allSettled([...keys].map((key) => writeNow(key)));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  async function readEntry(fullPath: string, messages: string[]): Promise<RecoverableJournal | null> {
    const name = path.basename(fullPath);
    let raw: string;
    try {
      raw = await readFile(fullPath, 'utf8');
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') messages.push(`${name}: recovery journal unreadable (${errorCode(error)})`);
      return null;
    }
    const parsed = parseJournal(raw);
    if (!parsed.ok) {
      if (parsed.newer) {
        messages.push(`${name}: recovery journal skipped (${parsed.reason}); left in place`);
        return null;
      }
      try {
        const aside = await setAside(fullPath);
        messages.push(`${name}: damaged recovery journal (${parsed.reason}); set aside as ${path.basename(aside)}`);
      } catch (error) {
        messages.push(
          `${name}: damaged recovery journal (${parsed.reason}); could not set it aside (${String(error)})`,
        );
      }
      return null;
    }
    const { journal } = parsed;
    if (ownKeys.has(journal.key) || pending.has(journal.key)) return null;
    return {
      ...journal.payload,
      key: journal.key,
      savedAtMs: journal.savedAtMs,
      journalPath: fullPath,
      payload: journal.payload,
    };
  }

  async function listRecoverable(): Promise<RecoverableList> {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return { entries: [], messages: [] };
      throw error;
    }
    // Temp files of journal writes a crash interrupted: the previous journal (if any) is intact beside them.
    await cleanStaleTemps(dir);
    const messages: string[] = [];
    const entries: RecoverableJournal[] = [];
    // Every JSON file here is a journal (the folder is ours): a stray or renamed one is checked too.
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      const entry = await readEntry(path.join(dir, name), messages);
      if (entry) entries.push(entry);
    }
    entries.sort((a, b) => b.savedAtMs - a.savedAtMs);
    return { entries, messages };
  }

  async function discard(key: string): Promise<void> {
    const entry = pending.get(key);
    if (entry) {
      clearTimeout(entry.timer);
      pending.delete(key);
    }
    await (chains.get(key) ?? Promise.resolve());
    try {
      await unlink(journalPath(key));
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
  }

  async function close(): Promise<void> {
    await flush();
  }

  return { scheduleJournal, flush, listRecoverable, discard, close };
}
