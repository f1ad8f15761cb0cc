/**
 * The recovery journal's feed: every history step of the open document (edit, undo, redo) becomes a small record of
 * the cues it changed (src-shared/journal), queued at once and sent to main in batches, one batch in flight at a
 * time. The typing path does only that: no serialization of the document, no waiting for main. Main writes each
 * batch to disk before it answers; a failure comes back in words and is handed to `onFailure` (once per message).
 */
import type { History } from '../../src-shared/history';
import { type JournalRecordBody, opsOf } from '../../src-shared/journal';
import { t } from '../i18n';
import type { EditorStore } from './editor-store';

/** Sends records of a document to main; resolves with the last seq on disk, or a failure in words. */
export type JournalSend = (
  handle: string,
  records: JournalRecordBody[],
) => Promise<{ seq: number; failure: string | null }>;

export interface JournalFeedOptions {
  /** Longest a record waits before its batch is sent (default 250 ms). */
  batchMs?: number;
  /** A journal write failed (disk full...): the message for the user. Called again only when the message changes. */
  onFailure?: (message: string) => void;
  /** Writes work again after a failure. */
  onRecovered?: () => void;
}

export interface JournalFeed {
  /** Sends what is queued now; resolves when every record queued so far has an answer. */
  flush(): Promise<void>;
  /** Seq of the last record main acknowledged, per handle. */
  acknowledged(handle: string): number;
  stop(): void;
}

/** Names of the performance measures of the journal's work on this thread (read by the bench). */
export const JOURNAL_MEASURES = { record: 'cuewave:journal-record', send: 'cuewave:journal-send' } as const;
let measured = 0;

/** One performance measure from `startMs` to now; the buffer is cleared now and then so it never grows unbounded. */
function measure(name: string, startMs: number): void {
  if (typeof performance === 'undefined' || typeof performance.measure !== 'function') return;
  if (++measured > 5000) {
    measured = 0;
    performance.clearMeasures(JOURNAL_MEASURES.record);
    performance.clearMeasures(JOURNAL_MEASURES.send);
  }
  performance.measure(name, { start: startMs, end: performance.now() });
}

interface Queued {
  handle: string;
  record: JournalRecordBody;
}

/** Watches the store's document history and journals every step. */
export function watchJournal(store: EditorStore, send: JournalSend, options: JournalFeedOptions = {}): JournalFeed {
  const batchMs = options.batchMs ?? 250;
  let queue: Queued[] = [];
  let attached: History | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight: Promise<void> | null = null;
  let lastFailure: string | null = null;
  let stopped = false;
  const acked = new Map<string, number>();

  function fail(message: string): void {
    if (message === lastFailure) return;
    lastFailure = message;
    options.onFailure?.(message);
  }

  function schedule(): void {
    if (timer !== null || inFlight !== null || stopped) return;
    timer = setTimeout(() => {
      timer = null;
      void sendQueued();
    }, batchMs);
  }

  function sendQueued(): Promise<void> {
    if (inFlight) return inFlight;
    if (queue.length === 0) return Promise.resolve();
    const batch = queue;
    queue = [];
    const run = async () => {
      // Consecutive records of one document go in one call; a document switch starts the next call.
      for (let start = 0; start < batch.length; ) {
        const handle = (batch[start] as Queued).handle;
        let end = start;
        while (end < batch.length && (batch[end] as Queued).handle === handle) end++;
        const records = batch.slice(start, end).map((q) => q.record);
        start = end;
        try {
          const t0 = performance.now();
          const sending = send(handle, records);
          // What this thread spends on the batch: building and serializing the call (the answer is awaited).
          measure(JOURNAL_MEASURES.send, t0);
          const answer = await sending;
          acked.set(handle, answer.seq);
          if (answer.failure) fail(answer.failure);
          else if (lastFailure !== null) {
            lastFailure = null;
            options.onRecovered?.();
          }
        } catch (error) {
          // A closed document (unknown handle) has nothing to journal; anything else is said.
          const message = error instanceof Error ? error.message : String(error);
          if (
            !/unknown-handle|No open document has handle/.test(message) &&
            (error as { code?: string }).code !== 'unknown-handle'
          )
            fail(t('ui:messages.journalFailed', { message }));
        }
      }
    };
    inFlight = run().finally(() => {
      inFlight = null;
      if (queue.length > 0) schedule();
    });
    return inFlight;
  }

  function attach(history: History | null, handle: string | null): void {
    if (attached === history) return;
    if (attached) attached.observer = null;
    attached = history;
    if (!history || handle === null) return;
    history.observer = (command, direction, h) => {
      const t0 = performance.now();
      let ops: JournalRecordBody['ops'];
      try {
        ops = opsOf(command, direction);
      } catch (error) {
        fail(t('ui:messages.journalError', { message: error instanceof Error ? error.message : String(error) }));
        return;
      }
      queue.push({
        handle,
        record: { ops, renumbered: h.doc.renumbered, dirty: h.isDirty || store.recoveredUnsaved, atMs: Date.now() },
      });
      schedule();
      measure(JOURNAL_MEASURES.record, t0);
    };
  }

  const off = store.subscribe(() => {
    const file = store.getState().file;
    attach(file?.history ?? null, file?.info.handle ?? null);
  });
  const file = store.getState().file;
  attach(file?.history ?? null, file?.info.handle ?? null);

  return {
    async flush() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      while (inFlight || queue.length > 0) await (inFlight ?? sendQueued());
    },
    acknowledged: (handle) => acked.get(handle) ?? 0,
    stop() {
      stopped = true;
      off();
      attach(null, null);
      if (timer !== null) clearTimeout(timer);
    },
  };
}
