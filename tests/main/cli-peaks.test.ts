/** `cuewave peaks`: the streaming peaks service behind a command, writing BBC audiowaveform's JSON format. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AudiowaveformJson } from '../../src-shared/waveform';
import { cli } from '../support/cli';
import { fixturePath } from '../support/fixtures';

const tmp = mkdtempSync(path.join(tmpdir(), 'cuewave-cli-peaks-'));
const dataDir = path.join(tmp, 'data');
let savedDataDir: string | undefined;
beforeEach(() => {
  savedDataDir = process.env.CUEWAVE_DATA_DIR;
  process.env.CUEWAVE_DATA_DIR = dataDir;
});
afterEach(() => {
  if (savedDataDir === undefined) delete process.env.CUEWAVE_DATA_DIR;
  else process.env.CUEWAVE_DATA_DIR = savedDataDir;
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const cacheEntries = () => (existsSync(dataDir) ? readdirSync(dataDir, { recursive: true }).map(String) : []);

describe('cuewave peaks', () => {
  it('writes audiowaveform JSON at 200+ pairs per second, with progress on stderr', async () => {
    const out = path.join(tmp, 'wav.json');
    const result = await cli('peaks', fixturePath('interview-3min.wav'), '-o', out);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/peaks: 100%/);
    const json = JSON.parse(readFileSync(out, 'utf8')) as AudiowaveformJson;
    expect(json).toMatchObject({ version: 2, channels: 1 });
    expect([8, 16]).toContain(json.bits);
    expect(json.sample_rate / json.samples_per_pixel).toBeGreaterThanOrEqual(200);
    expect(json.data).toHaveLength(json.length * 2 * json.channels);
    // 180 s of audio at the stated rate, give or take one pixel.
    expect(Math.abs((json.length * json.samples_per_pixel) / json.sample_rate - 180)).toBeLessThan(0.01);
    for (let i = 0; i < json.data.length; i += 2) expect(json.data[i]).toBeLessThanOrEqual(json.data[i + 1] as number);
    expect(cacheEntries().some((name) => name.endsWith('.peaks'))).toBe(true);
  });

  it('computes without touching the cache with --no-cache, and gives the same peaks', async () => {
    rmSync(dataDir, { recursive: true, force: true });
    const cached = path.join(tmp, 'cached.json');
    const fresh = path.join(tmp, 'fresh.json');
    expect((await cli('peaks', fixturePath('interview-3min.mp4'), '--no-cache', '-o', fresh)).code).toBe(0);
    expect(cacheEntries().filter((name) => name.endsWith('.peaks'))).toEqual([]);
    expect((await cli('peaks', fixturePath('interview-3min.mp4'), '-o', cached)).code).toBe(0);
    expect(readFileSync(fresh, 'utf8')).toBe(readFileSync(cached, 'utf8'));
  });

  it('exits 2 naming the file when it is not media, and when -o is missing', async () => {
    const notMedia = await cli('peaks', fixturePath('interview.srt'), '-o', path.join(tmp, 'x.json'));
    expect(notMedia.code).toBe(2);
    expect(notMedia.stderr).toContain('interview.srt');
    const noOut = await cli('peaks', fixturePath('interview-3min.wav'));
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('-o');
  });
});
