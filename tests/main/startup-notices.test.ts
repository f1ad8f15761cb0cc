// Start-up notices main collects (damaged settings set aside, stale save temps removed) reach the renderer in words.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type AppServices, createAppServices } from '../../src-main/services/app-services';

const running: AppServices[] = [];
const work = mkdtempSync(path.join(tmpdir(), 'cuewave-notices-'));
afterEach(async () => {
  for (const services of running.splice(0)) await services.dispose();
});

function start(dataDir: string): AppServices {
  const services = createAppServices({
    dataDir,
    dialogs: { openFile: async () => null, saveFile: async () => null, askUnsaved: async () => 'cancel' },
    appOrigin: { kind: 'http', origin: 'http://127.0.0.1:1' },
    log: () => undefined,
  });
  running.push(services);
  return services;
}

describe('start-up notices', () => {
  it('removes a crashed save temp beside a recent file and says so; the subtitle file is untouched', async () => {
    const folder = path.join(work, 'subs');
    mkdirSync(folder);
    const recent = path.join(folder, 'film.srt');
    writeFileSync(recent, '1\n00:00:01,000 --> 00:00:02,000\nHi\n');
    const deadPid = spawnSync('true').pid as number;
    const temp = path.join(folder, `.film.srt.cuewave-${deadPid}-0123456789ab.tmp`);
    writeFileSync(temp, 'half a save');
    const past = Date.now() / 1000 - 600;
    utimesSync(temp, past, past);
    const dataDir = path.join(work, 'data1');
    mkdirSync(dataDir);
    writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ recentFiles: [recent] }));

    const startup = await start(dataDir).handlers.startup({});
    expect(existsSync(temp)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    expect(startup.notices).toContainEqual(expect.stringMatching(/^Removed a temporary file left by a save that was/));
    expect(startup.notices.join(' ')).toContain(temp);
  });

  it('reports a damaged settings file that was set aside', async () => {
    const dataDir = path.join(work, 'data2');
    mkdirSync(dataDir);
    writeFileSync(path.join(dataDir, 'settings.json'), '{ not json');
    const startup = await start(dataDir).handlers.startup({});
    expect(startup.notices.length).toBeGreaterThan(0);
    expect(startup.notices.join(' ')).toMatch(/settings/i);
  });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));
