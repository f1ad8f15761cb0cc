// The two calls translation mode and bilingual files add: read a second subtitle file as text through the open dialog
// (no document session, nothing saved), and write new SRT text where the save dialog says.
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AppServices, createAppServices } from '../../src-main/services/app-services';
import type { InvokeChannel, RequestOf, ResponseOf } from '../../src-shared/ipc-contract';
import { fixturePath, readFixtureBytes, readFixtureText } from '../support/fixtures';
import { callChecked, TEST_ORIGIN as ORIGIN } from '../support/services';

let work: string;
let services: AppServices;
const asked: { kind: 'open' | 'save'; title: string; defaultPath?: string }[] = [];
const queue: { open: (string | null)[]; save: (string | null)[] } = { open: [], save: [] };

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'cuewave-translation-files-'));
  asked.length = 0;
  services = createAppServices({
    dataDir: path.join(work, 'data'),
    dialogs: {
      openFile: async ({ title }) => {
        asked.push({ kind: 'open', title });
        return queue.open.shift() ?? null;
      },
      saveFile: async ({ title, defaultPath }) => {
        asked.push({ kind: 'save', title, defaultPath });
        return queue.save.shift() ?? null;
      },
      askUnsaved: async () => 'cancel',
    },
    appOrigin: { kind: 'http', origin: ORIGIN },
    log: () => {},
  });
});
afterEach(async () => {
  await services.dispose();
  rmSync(work, { recursive: true, force: true });
});

function call<C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  return callChecked(services, channel, request);
}

function copy(name: string, as = name): string {
  const target = path.join(work, as);
  copyFileSync(fixturePath(name), target);
  chmodSync(target, 0o644);
  return target;
}

describe('reading a second subtitle file as text', () => {
  it('returns the decoded text and name of the chosen file (a GB18030 original reads as the seed)', async () => {
    queue.open.push(copy('interview-gb18030.srt'));
    const chosen = await call('openSubtitleTextDialog', { purpose: 'original' });
    expect(chosen?.name).toBe('interview-gb18030.srt');
    expect(chosen?.text).toBe(readFixtureText('interview.srt'));
    expect(asked).toEqual([{ kind: 'open', title: 'Open Original Subtitles' }]);
  });

  it('returns null when the dialog is canceled', async () => {
    expect(await call('openSubtitleTextDialog', { purpose: 'join' })).toBeNull();
    expect(asked[0]?.title).toBe('Open Subtitles to Join');
  });

  it('refuses a binary file with a message naming it', async () => {
    const bad = path.join(work, 'clip.srt');
    writeFileSync(bad, Buffer.from([0x31, 0x0a, 0x00, 0x00, 0xff, 0x00, 0x01, 0x02]));
    queue.open.push(bad);
    await expect(call('openSubtitleTextDialog', { purpose: 'original' })).rejects.toThrow(/^clip\.srt: /);
  });
});

describe('writing a new subtitle file', () => {
  it('writes UTF-8 text where the save dialog says, offering the name beside the open document', async () => {
    const opened = copy('interview-3min.srt');
    queue.open.push(opened);
    const document = await call('openDocumentDialog', {});
    await call('reportState', { handle: document!.info.handle, dirty: false });
    const target = path.join(work, 'out', '..', 'interview-3min.zh.srt');
    queue.save.push(target);
    const text = '1\n00:00:00,233 --> 00:00:02,100\n反正现在我没有access了嘛\n';
    const outcome = await call('saveNewSubtitle', { suggestedName: '../../etc/interview-3min.zh.srt', text });
    expect(outcome).toEqual({ status: 'saved', path: path.resolve(target) });
    expect(readFileSync(target, 'utf8')).toBe(text);
    // Only the name is taken from the renderer: the dialog starts in the open document's folder.
    expect(asked.at(-1)).toEqual({
      kind: 'save',
      title: 'Save Subtitles',
      defaultPath: path.join(work, 'interview-3min.zh.srt'),
    });
    expect(readFileSync(opened)).toEqual(readFixtureBytes('interview-3min.srt'));
  });

  it('writes nothing when the dialog is canceled', async () => {
    expect(await call('saveNewSubtitle', { suggestedName: 'a.srt', text: 'x' })).toEqual({ status: 'canceled' });
  });
});
