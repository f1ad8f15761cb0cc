/** The append-only edit journal: record format, replay onto a base, snapshots and the recovery compare. */
export { type CueDifference, compareCues } from './compare';
export { crc32, crc32Hex } from './crc32';
export { decodeRecord, describeStop, encodeRecord, LogReader, type LogStop, readLog } from './log';
export {
  applyRecord,
  checkRecordBody,
  type JournalOp,
  type JournalRecord,
  type JournalRecordBody,
  opsOf,
  ReplayError,
} from './ops';
export { readSnapshot, snapshotLines, writeSnapshot } from './snapshot';
