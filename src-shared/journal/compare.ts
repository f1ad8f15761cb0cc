/** Compare for recovery: the cues where a recovered document differs from the file on disk. */
import type { Cue } from '../document';
import { formatSrtTime } from '../time';

/** One differing cue: its 1-based number on each side (null where it does not exist) and its text there. */
export interface CueDifference {
  /** 1-based position in the file on disk, or null for a cue only the recovered document has. */
  diskNumber: number | null;
  /** 1-based position in the recovered document, or null for a cue only the file on disk has. */
  recoveredNumber: number | null;
  /** `00:00:01,000 --> 00:00:02,000 text` on disk, or null. */
  disk: string | null;
  recovered: string | null;
}

function same(a: Cue, b: Cue): boolean {
  return a.startMs === b.startMs && a.endMs === b.endMs && a.text === b.text && a.settings === b.settings;
}

function describe(cue: Cue): string {
  return `${formatSrtTime(cue.startMs)} --> ${formatSrtTime(cue.endMs)} ${cue.text.replace(/\n/g, ' / ')}`;
}

/**
 * The differing cues, at most `limit` (with the total). The common beginning and end are skipped; what lies between
 * is paired by position, so an edit in place shows as one pair and an insert or delete as cues on one side only.
 */
export function compareCues(
  disk: readonly Cue[],
  recovered: readonly Cue[],
  limit = 500,
): { differences: CueDifference[]; total: number } {
  let head = 0;
  while (head < disk.length && head < recovered.length && same(disk[head] as Cue, recovered[head] as Cue)) head++;
  let tail = 0;
  while (
    tail < disk.length - head &&
    tail < recovered.length - head &&
    same(disk[disk.length - 1 - tail] as Cue, recovered[recovered.length - 1 - tail] as Cue)
  )
    tail++;
  const diskEnd = disk.length - tail;
  const recoveredEnd = recovered.length - tail;
  const differences: CueDifference[] = [];
  let total = 0;
  for (let i = head; i < Math.max(diskEnd, recoveredEnd); i++) {
    const a = i < diskEnd ? (disk[i] as Cue) : null;
    const b = i < recoveredEnd ? (recovered[i] as Cue) : null;
    if (a && b && same(a, b)) continue;
    total++;
    if (differences.length < limit)
      differences.push({
        diskNumber: a ? i + 1 : null,
        recoveredNumber: b ? i + 1 : null,
        disk: a ? describe(a) : null,
        recovered: b ? describe(b) : null,
      });
  }
  return { differences, total };
}
