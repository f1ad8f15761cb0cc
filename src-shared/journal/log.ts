/**
 * The journal's log format: one record per line, `SEQ CRC32 JSON\n`, where CRC32 (8 hex digits) covers `SEQ JSON`.
 * Records are only ever appended. A reader stops at the first line that is torn (no line break: the process died
 * mid-write), fails its checksum, does not parse, or breaks the sequence, and says so: nothing after it is replayed,
 * since every record applies to the document the ones before it left.
 */
import { crc32Hex } from './crc32';
import { checkRecordBody, type JournalRecord, type JournalRecordBody } from './ops';

/** One record as a log line (with its line break). */
export function encodeRecord(seq: number, body: JournalRecordBody): string {
  const json = JSON.stringify({ ops: body.ops, renumbered: body.renumbered, dirty: body.dirty, atMs: body.atMs });
  return `${seq} ${crc32Hex(`${seq} ${json}`)} ${json}\n`;
}

export type LineResult = { ok: true; record: JournalRecord } | { ok: false; reason: string };

/** Decodes one line (without its line break). */
export function decodeRecord(line: string): LineResult {
  const first = line.indexOf(' ');
  const second = first < 0 ? -1 : line.indexOf(' ', first + 1);
  if (second < 0) return { ok: false, reason: 'not a journal record' };
  const seqText = line.slice(0, first);
  const crc = line.slice(first + 1, second);
  const json = line.slice(second + 1);
  if (!/^[1-9]\d{0,15}$/.test(seqText) || !/^[0-9a-f]{8}$/.test(crc))
    return { ok: false, reason: 'not a journal record' };
  if (crc32Hex(`${seqText} ${json}`) !== crc) return { ok: false, reason: 'checksum mismatch' };
  let body: unknown;
  try {
    body = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'not valid JSON' };
  }
  const problem = checkRecordBody(body, 'record');
  if (problem) return { ok: false, reason: problem };
  return { ok: true, record: { ...(body as JournalRecordBody), seq: Number(seqText) } };
}

/** Why reading stopped early, for the user. */
export interface LogStop {
  /** 1-based line of the first record not used. */
  line: number;
  reason: string;
  /** Whether it was the last line (a torn tail) rather than damage in the middle. */
  tail: boolean;
}

/**
 * Reads a log in chunks of any size (a stream of a 150 MB file), handing each good record to `onRecord` in order.
 * `afterSeq`: records up to this seq are already in the base and are skipped; the next must be afterSeq + 1.
 */
export class LogReader {
  private rest = '';
  private line = 0;
  private expected: number;
  private stopped: LogStop | null = null;
  /** Records handed out. */
  count = 0;
  /** Seq of the last record handed out (afterSeq when none). */
  lastSeq: number;

  constructor(
    private readonly onRecord: (record: JournalRecord) => void,
    afterSeq = 0,
  ) {
    this.expected = afterSeq + 1;
    this.lastSeq = afterSeq;
  }

  /** Feeds more text; returns false once reading has stopped (the caller may stop reading the file). */
  push(chunk: string): boolean {
    if (this.stopped) return false;
    let text = this.rest + chunk;
    let start = 0;
    for (;;) {
      const end = text.indexOf('\n', start);
      if (end < 0) break;
      this.take(text.slice(start, end));
      start = end + 1;
      if (this.stopped) return false;
    }
    text = text.slice(start);
    this.rest = text;
    return true;
  }

  /** Ends the input; returns why reading stopped early, or null when every line was a good record. */
  end(): LogStop | null {
    if (!this.stopped && this.rest !== '') {
      this.line++;
      this.stopped = { line: this.line, reason: 'the last record is incomplete (torn write)', tail: true };
    }
    this.rest = '';
    return this.stopped;
  }

  get stop(): LogStop | null {
    return this.stopped;
  }

  private take(line: string): void {
    this.line++;
    const result = decodeRecord(line);
    if (!result.ok) {
      this.stopped = { line: this.line, reason: result.reason, tail: false };
      return;
    }
    const { record } = result;
    if (record.seq < this.expected) return; // already in the base (a snapshot taken after it): skip
    if (record.seq !== this.expected) {
      this.stopped = { line: this.line, reason: `record ${record.seq} follows ${this.lastSeq}: a gap`, tail: false };
      return;
    }
    this.expected++;
    this.lastSeq = record.seq;
    this.count++;
    this.onRecord(record);
  }
}

/** Reads a whole log held in memory. */
export function readLog(text: string, afterSeq = 0): { records: JournalRecord[]; stop: LogStop | null } {
  const records: JournalRecord[] = [];
  const reader = new LogReader((record) => records.push(record), afterSeq);
  reader.push(text);
  return { records, stop: reader.end() };
}

/** A stop as one sentence for the user. */
export function describeStop(stop: LogStop, name: string): string {
  return stop.tail
    ? `${name}: the last recorded edit was cut off (line ${stop.line}, ${stop.reason}) and was dropped; every edit before it is kept`
    : `${name}: recovery journal damaged at line ${stop.line} (${stop.reason}); the edits before it are kept, the rest dropped`;
}
