// Start-up notices main collects (damaged settings or recovery journals set aside, stale save temps removed) reach
// the renderer in words, once per run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type AppServices, createAppServices } from '../../src-main/services/app-services';
import { createEditJournals, journalFolderName } from '../../src-main/services/recovery/edit-journal';
import { journaled } from '../support/journaled';

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

  it('reports a damaged recovery journal that was set aside, once per run, and offers nothing from it', async () => {
    const dataDir = path.join(work, 'data3');
    const journals = createEditJournals({ dir: path.join(dataDir, 'recovery') });
    const text = '1\n00:00:01,000 --> 00:00:02,000\nHi\n';
    await journals.begin(
      'doc',
      { filePath: path.join(work, 'x.srt'), encoding: 'utf-8', bom: false, stamp: null },
      text,
    );
    // A journal is written from the first edit on.
    const session = journaled(text);
    session.type(0, ' there');
    await journals.append('doc', session.take());
    await journals.close();
    const folder = path.join(dataDir, 'recovery', journalFolderName('doc'));
    writeFileSync(path.join(folder, 'journal.json'), '{"format":"cuewave-edit-journal",');
    const services = start(dataDir);
    const startup = await services.handlers.startup({});
    expect(startup.recoverable).toEqual([]);
    expect(startup.notices.join(' ')).toMatch(/damaged recovery journal .* set aside/);
    // A reload of the page asks again: the notice is not repeated.
    expect((await services.handlers.startup({})).notices).toEqual([]);
  });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));
