/** Test helpers for the shared fixtures folder (`../shared/fixtures` beside the repo) and the bench "x100" text. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatSrtTime, MS_PER_MINUTE } from '../../src-shared/time';

/** Absolute path of the read-only fixtures folder, resolved relative to the repo root so CI clones work. */
export const FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures');

/** Absolute path of one fixture file. */
export function fixturePath(name: string): string {
  return path.join(FIXTURES, name);
}

/** Reads a UTF-8 fixture as text (a leading BOM, if any, is kept: callers decide). */
export function readFixtureText(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

/** Reads a fixture's raw bytes. */
export function readFixtureBytes(name: string): Buffer {
  return readFileSync(fixturePath(name));
}

/** The problems of interview-broken.srt that the safe automatic fixes repair (the rest need a person). */
export const BROKEN_SAFELY_FIXED = [
  'overlap',
  'out-of-order',
  'bad-index',
  'malformed-timestamp',
  'invalid-timestamp',
  'missing-blank-line',
] as const;

/** Number of copies of the seed in the bench text. */
export const X100_COPIES = 100;
/** Shift applied to copy k is k times this. */
export const X100_SHIFT_MS = 65 * MS_PER_MINUTE;

// Strict on purpose: the seed (interview.srt) is well formed, e.g. `00:59:55,900 --> 01:00:00,800`.
const TIMING = /^(\d+):(\d\d):(\d\d),(\d\d\d) --> (\d+):(\d\d):(\d\d),(\d\d\d)(.*)$/;
const INDEX = /^\d+$/;

function toMs(h: string, m: string, s: string, ms: string): number {
  return ((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000 + Number(ms);
}

/**
 * Builds the bench "x100" text from a well-formed seed SRT: the seed repeated 100 times, copy k
 * (k = 0..99) shifted by k x 65 min, cues renumbered 1..n across copies (232,400 for the
 * interview), copies separated by one blank line, same line ending as the seed, one final newline.
 */
export function makeX100(seedText: string, copies = X100_COPIES): string {
  const eol = seedText.includes('\r\n') ? '\r\n' : '\n';
  const lines = seedText.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
  // Pre-split each seed line once; per copy only timing and index lines change.
  const timings = lines.map((line) => TIMING.exec(line));
  const isIndex = lines.map((line, i) => INDEX.test(line) && timings[i + 1] != null);
  const out: string[] = [];
  let next = 1;
  for (let k = 0; k < copies; k++) {
    const shiftMs = k * X100_SHIFT_MS;
    if (k > 0) out.push('');
    for (let i = 0; i < lines.length; i++) {
      const t = timings[i];
      if (isIndex[i]) out.push(String(next++));
      else if (t) {
        const startMs = toMs(t[1]!, t[2]!, t[3]!, t[4]!) + shiftMs;
        const endMs = toMs(t[5]!, t[6]!, t[7]!, t[8]!) + shiftMs;
        out.push(`${formatSrtTime(startMs)} --> ${formatSrtTime(endMs)}${t[9]}`);
      } else out.push(lines[i]!);
    }
  }
  out.push('');
  return out.join(eol);
}
