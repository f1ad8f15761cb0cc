/**
 * `cuewave sync` on generated realistic cases (espeak-ng speech with human cue timing over a music-and-noise bed
 * at 5-10 dB SNR; tests/support/realistic): short versions of the bench set. Error = |cue start after sync - true
 * start|; a perfect time map gives 0.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CheckReport, cli } from '../support/cli';
import { readCues, startErrors } from '../support/realistic/evaluate';
import { type GeneratedCase, generateCase, standardCases } from '../support/realistic/generate';

const tmp = mkdtempSync(path.join(tmpdir(), 'cuewave-sync-realistic-'));
process.env.CUEWAVE_DATA_DIR = path.join(tmp, 'data');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** 4-minute versions of the 12-minute cases. */
const SCALE = 1 / 3;
const NAMES = ['none', 'offset-2min', 'frame-rate', 'ad-break-30', 'other-speech'] as const;
const cases = new Map<string, GeneratedCase>();

beforeAll(() => {
  for (const spec of standardCases(SCALE)) {
    if ((NAMES as readonly string[]).includes(spec.name))
      cases.set(spec.name, generateCase(spec, path.join(tmp, spec.name)));
  }
}, 120_000);

interface SyncReport {
  confidence: number;
  estimatedErrorMs: number;
  problem: string | null;
  frameRateRatio: number;
  pieces: { fromCue: number; toCue: number; shiftMs: number; confidence: number; estimatedErrorMs: number }[];
}

async function sync(made: GeneratedCase, ...extra: string[]) {
  const out = path.join(
    made.dir,
    `synced${
      extra.length > 0
        ? `-${extra
            .join('')
            .replace(/[^a-z]/g, '')
            .slice(-12)}`
        : ''
    }.srt`,
  );
  const result = await cli(
    'sync',
    made.damagedSrtPath,
    ...(extra.length > 0 ? extra : ['--audio', made.audioPath]),
    '-o',
    out,
    '--json',
  );
  return { ...result, out, report: JSON.parse(result.stdout) as SyncReport };
}

async function overlaps(file: string): Promise<number> {
  const { stdout } = await cli('check', file, '--json');
  return (JSON.parse(stdout) as CheckReport).issues.filter((issue) => issue.code === 'overlap').length;
}

describe('cuewave sync on realistic generated cases', () => {
  it('leaves a file that is already in sync unchanged', async () => {
    const made = cases.get('none') as GeneratedCase;
    const { code, report, out } = await sync(made);
    expect(code).toBe(0);
    expect(report.pieces).toHaveLength(1);
    expect(report.pieces[0]?.shiftMs).toBe(0);
    expect(readCues(out)).toEqual(readCues(made.damagedSrtPath));
  });

  it.each(['offset-2min', 'frame-rate'])('undoes %s to within 50 ms median, 200 ms p95', async (name) => {
    const made = cases.get(name) as GeneratedCase;
    const { code, report, out } = await sync(made);
    expect(code).toBe(0);
    const errors = startErrors(readCues(out), made.truth);
    expect(errors.medianMs).toBeLessThanOrEqual(50);
    expect(errors.p95Ms).toBeLessThanOrEqual(200);
    if (name === 'frame-rate') expect(report.frameRateRatio).toBeCloseTo(23.976 / 25, 5);
  });

  it.each(['auto', 'energy', 'silero'])(
    'finds the two pieces around an ad break 30 % in, and the output has no new overlap (--vad %s)',
    async (vad) => {
      const made = cases.get('ad-break-30') as GeneratedCase;
      const { code, report, out } = await sync(made, '--audio', made.audioPath, '--vad', vad);
      expect(code).toBe(0);
      expect(report.pieces).toHaveLength(2);
      expect(report.pieces[0]?.shiftMs).toBe(0);
      expect(Math.abs((report.pieces[1]?.shiftMs ?? 0) - 30_000)).toBeLessThanOrEqual(100);
      for (const piece of report.pieces) expect(piece.estimatedErrorMs).toBeGreaterThan(0);
      const errors = startErrors(readCues(out), made.truth);
      expect(errors.medianMs).toBeLessThanOrEqual(50);
      expect(errors.p95Ms).toBeLessThanOrEqual(200);
      expect(await overlaps(out)).toBeLessThanOrEqual(await overlaps(made.damagedSrtPath));
    },
  );

  it('refuses subtitles of other speech, writing nothing', async () => {
    const made = cases.get('other-speech') as GeneratedCase;
    const { code, report, out, stderr } = await sync(made);
    expect(code).toBe(2);
    expect(report.pieces).toEqual([]);
    expect(stderr).toMatch(/no confident estimate/);
    expect(existsSync(out)).toBe(false);
  });

  it('syncs to a correctly timed reference subtitle instead of the audio', async () => {
    const made = cases.get('offset-2min') as GeneratedCase;
    const { code, report, out } = await sync(made, '--reference', made.trueSrtPath);
    expect(code).toBe(0);
    expect(report.pieces).toHaveLength(1);
    expect(startErrors(readCues(out), made.truth).medianMs).toBeLessThanOrEqual(5);
  });

  it('finds the two pieces of the ad break against a correctly timed reference subtitle too', async () => {
    const made = cases.get('ad-break-30') as GeneratedCase;
    const { code, report, out } = await sync(made, '--reference', made.trueSrtPath);
    expect(code).toBe(0);
    expect(report.pieces).toHaveLength(2);
    expect(report.pieces[0]?.shiftMs).toBe(0);
    expect(Math.abs((report.pieces[1]?.shiftMs ?? 0) - 30_000)).toBeLessThanOrEqual(20);
    const errors = startErrors(readCues(out), made.truth);
    expect(errors.medianMs).toBeLessThanOrEqual(5);
    expect(errors.p95Ms).toBeLessThanOrEqual(50);
  });
});
