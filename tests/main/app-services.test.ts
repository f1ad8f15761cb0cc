// The services behind every IPC call, exercised through the same dispatcher Electron and the test host use.
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AppServices, createAppServices, type Dialogs } from '../../src-main/services/app-services';
import { createEditJournals } from '../../src-main/services/recovery/edit-journal';
import type { UnsavedAnswer } from '../../src-main/window';
import {
  EVENTS,
  type EventChannel,
  type EventOf,
  INVOKES,
  type InvokeChannel,
  type RequestOf,
  type ResponseOf,
  validate,
} from '../../src-shared/ipc-contract';
import type { JournalRecordBody } from '../../src-shared/journal';
import { writeSrt } from '../../src-shared/srt';
import { textChange } from '../../src-shared/text-change';
import { fixturePath } from '../support/fixtures';
import { journaled } from '../support/journaled';
import { callChecked, TEST_ORIGIN as ORIGIN, TRUSTED_SENDER as TRUSTED } from '../support/services';

let work: string;
const running: AppServices[] = [];

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'cuewave-services-'));
});
afterEach(async () => {
  for (const services of running.splice(0)) await services.dispose();
  rmSync(work, { recursive: true, force: true });
});

interface Harness {
  services: AppServices;
  logs: string[];
  events: { event: EventChannel; payload: unknown }[];
  titles: string[];
  closed: () => number;
  queue: { open: (string | null)[]; save: (string | null)[]; unsaved: UnsavedAnswer[] };
  call<C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
}

function start(dataDir = path.join(work, 'data')): Harness {
  const logs: string[] = [];
  const events: Harness['events'] = [];
  const titles: string[] = [];
  let closed = 0;
  const queue: Harness['queue'] = { open: [], save: [], unsaved: [] };
  const dialogs: Dialogs = {
    openFile: async () => queue.open.shift() ?? null,
    saveFile: async () => queue.save.shift() ?? null,
    askUnsaved: async () => queue.unsaved.shift() ?? 'cancel',
  };
  const services = createAppServices({
    dataDir,
    dialogs,
    appOrigin: { kind: 'http', origin: ORIGIN },
    log: (l) => logs.push(l),
  });
  running.push(services);
  services.attachWindow(
    { setTitle: (title) => titles.push(title), forceClose: () => void closed++ },
    <E extends EventChannel>(event: E, payload: EventOf<E>) => {
      // Every event main sends must satisfy the contract the renderer relies on.
      expect(validate(EVENTS[event], payload, event)).toBeNull();
      events.push({ event, payload });
    },
  );
  return {
    services,
    logs,
    events,
    titles,
    closed: () => closed,
    queue,
    call: (channel, request) => callChecked(services, channel, request),
  };
}

function copyFixture(name: string): string {
  const target = path.join(work, name);
  copyFileSync(fixturePath(name), target);
  chmodSync(target, 0o644);
  return target;
}

describe('dispatch', () => {
  it('refuses calls from an iframe or another page, and logs them', async () => {
    const { services, logs } = start();
    const fromIframe = await services.dispatch('getSettings', { ...TRUSTED, isTopFrame: false }, {});
    const fromElsewhere = await services.dispatch('getSettings', { ...TRUSTED, url: 'http://evil.example/' }, {});
    expect(fromIframe).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(fromElsewhere).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(logs.filter((line) => line.includes('untrusted sender'))).toHaveLength(2);
  });

  it('refuses unknown channels and malformed requests before any handler runs', async () => {
    const { services } = start();
    expect(await services.dispatch('constructor', TRUSTED, {})).toMatchObject({ error: { code: 'invalid-request' } });
    expect(await services.dispatch('openDocument', TRUSTED, { path: 7 })).toMatchObject({
      error: { code: 'invalid-request', message: 'openDocument.path must be a non-empty path' },
    });
  });

  it('answers unknown document handles with unknown-handle', async () => {
    const { services } = start();
    expect(await services.dispatch('saveDocument', TRUSTED, { handle: 'doc-42', text: '' })).toMatchObject({
      error: { code: 'unknown-handle' },
    });
  });
});

describe('opening', () => {
  it('hands command-line files to the renderer at startup, then opens them', async () => {
    const h = start();
    h.services.openFromCommandLine([fixturePath('interview-gb18030.srt'), fixturePath('interview-3min.wav')], '/');
    const startup = await h.call('startup', {});
    expect(startup.open).toEqual({
      subtitle: fixturePath('interview-gb18030.srt'),
      media: fixturePath('interview-3min.wav'),
    });
    const opened = await h.call('openDocument', { path: fixturePath('interview-gb18030.srt') });
    expect(opened.info).toMatchObject({ name: 'interview-gb18030.srt', encoding: 'gb18030', bom: false });
    expect(opened.text).toBe(readFileSync(fixturePath('interview.srt'), 'utf8'));
  });

  it('sends later command-line files (a second instance) as an openRequest event', async () => {
    const h = start();
    await h.call('startup', {});
    h.services.openFromCommandLine(['interview.srt'], path.dirname(fixturePath('interview.srt')));
    expect(h.events).toContainEqual({
      event: 'openRequest',
      payload: { subtitle: fixturePath('interview.srt'), media: null },
    });
  });

  it('refuses a path nobody chose, with forbidden, and logs it', async () => {
    const h = start();
    await expect(h.call('openDocument', { path: fixturePath('interview.srt') })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(h.logs.some((line) => line.includes('refused read'))).toBe(true);
  });

  it('opens what the open dialog returns and remembers it as recent', async () => {
    const h = start();
    h.queue.open.push(fixturePath('interview-3min.srt'));
    const opened = await h.call('openDocumentDialog', {});
    expect(opened?.info.name).toBe('interview-3min.srt');
    expect((await h.call('getSettings', {})).recentFiles[0]).toBe(fixturePath('interview-3min.srt'));
    expect(await h.call('openDocumentDialog', {})).toBeNull();
  });

  it('opens, saves and closes even when the data folder cannot be written', async () => {
    const blocked = path.join(work, 'not-a-folder');
    writeFileSync(blocked, '');
    const h = start(blocked);
    const file = copyFixture('interview-3min.srt');
    h.services.openFromCommandLine([file], '/');
    const { info, text } = await h.call('openDocument', { path: file });
    expect(await h.call('saveDocument', { handle: info.handle, text })).toMatchObject({ status: 'saved' });
    expect(h.logs.some((line) => line.includes('recent files not saved'))).toBe(true);
    // Nor can a recovery journal that cannot be deleted keep a document or the window from closing.
    await h.call('reportState', { handle: info.handle, dirty: true });
    h.queue.unsaved.push('discard');
    expect(await h.services.requestClose()).toBe('close');
    expect(await h.call('closeDocument', { handle: info.handle })).toBeNull();
    expect(h.logs.some((line) => line.includes('not discarded'))).toBe(true);
  });

  it('allows dropped subtitle and media files only', async () => {
    const h = start();
    const request = await h.call('dropPaths', {
      paths: ['/etc/passwd', fixturePath('interview-3min.srt'), fixturePath('interview.ogg'), '/nope/missing.srt'],
    });
    expect(request).toEqual({ subtitle: fixturePath('interview-3min.srt'), media: fixturePath('interview.ogg') });
    expect(h.services.pathAccess.isAllowed('/etc/passwd')).toBe(false);
  });
});

describe('recent files and media', () => {
  it('opens a recent file from the menu, and clears the list on request', async () => {
    const h = start();
    let changes = 0;
    h.services.onRecentChanged(() => changes++);
    h.services.openFromCommandLine([fixturePath('interview.srt')], '/');
    await h.call('openDocument', { path: fixturePath('interview.srt') });
    expect(h.services.recentFiles()).toEqual([fixturePath('interview.srt')]);
    await h.call('startup', {});
    await h.services.openRecent(fixturePath('interview.srt'));
    expect(h.events.at(-1)).toEqual({
      event: 'openRequest',
      payload: { subtitle: fixturePath('interview.srt'), media: null },
    });
    await h.services.clearRecent();
    expect(h.services.recentFiles()).toEqual([]);
    expect(changes).toBe(2);
  });

  it('Open Recent reopens the media that was open with the subtitle, and says so when that media is gone', async () => {
    const h = start();
    const srt = path.join(work, 'episode.srt');
    const media = path.join(work, 'episode.ogg');
    copyFileSync(fixturePath('interview.srt'), srt);
    copyFileSync(fixturePath('interview.ogg'), media);
    await h.call('startup', {});
    h.queue.open.push(srt);
    const opened = await h.call('openDocumentDialog', {});
    h.queue.open.push(media);
    await h.call('openMediaDialog', {});
    // The renderer says which media is open with the document once both are settled.
    await h.call('reportState', { handle: opened!.info.handle, dirty: false, media });
    // Media the page was never given is refused, not remembered.
    await expect(
      h.call('reportState', { handle: opened!.info.handle, dirty: false, media: fixturePath('interview.mp3') }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await h.call('closeDocument', { handle: opened!.info.handle });

    // Next run: Open Recent opens both (the media is allowed again for this run).
    await h.services.dispose();
    const next = start();
    await next.call('startup', {});
    await next.services.openRecent(srt);
    expect(next.events.at(-1)).toEqual({ event: 'openRequest', payload: { subtitle: srt, media } });
    expect(next.services.pathAccess.isAllowed(media)).toBe(true);

    // The media was moved away: the subtitle opens alone and the person is told, in words, what happened.
    rmSync(media);
    await next.services.openRecent(srt);
    const request = next.events.at(-1)?.payload as EventOf<'openRequest'>;
    expect(request).toMatchObject({ subtitle: srt, media: null });
    expect(request.message).toBe(
      `The media last used with episode.srt is no longer at ${media}: the subtitle was opened without it. ` +
        'Use Open Media to choose it again.',
    );
  });

  it('remembers the media under the new name after Save As', async () => {
    const h = start();
    const srt = path.join(work, 'draft.srt');
    const renamed = path.join(work, 'final.srt');
    copyFileSync(fixturePath('interview.srt'), srt);
    await h.call('startup', {});
    h.queue.open.push(srt, fixturePath('interview.ogg'));
    const opened = await h.call('openDocumentDialog', {});
    await h.call('openMediaDialog', {});
    await h.call('reportState', { handle: opened!.info.handle, dirty: true, media: fixturePath('interview.ogg') });
    h.queue.save.push(renamed);
    await h.call('saveDocumentAs', { handle: opened!.info.handle, text: opened!.text });
    await h.services.openRecent(renamed);
    expect(h.events.at(-1)?.payload).toEqual({ subtitle: renamed, media: fixturePath('interview.ogg') });
  });

  it('cancels a peaks computation on request and says so', async () => {
    const h = start();
    h.services.openFromCommandLine([fixturePath('interview.ogg')], '/');
    await h.call('startPeaks', { requestId: 'long', path: fixturePath('interview.ogg') });
    await h.call('cancelPeaks', { requestId: 'long' });
    await expect
      .poll(() => h.events.find((e) => e.event === 'peaks' && (e.payload as { kind: string }).kind !== 'progress'), {
        timeout: 10_000,
      })
      .toMatchObject({ payload: { requestId: 'long', kind: 'canceled' } });
  });

  it('keeps a restarted peaks job cancelable after the job it replaced ends', async () => {
    const h = start();
    const ogg = fixturePath('interview.ogg');
    h.services.openFromCommandLine([ogg], '/');
    await h.call('startPeaks', { requestId: 'r', path: ogg });
    await h.call('startPeaks', { requestId: 'r', path: ogg });
    const ends = () =>
      h.events.filter(
        (e) => e.event === 'peaks' && !['progress', 'chunk'].includes((e.payload as { kind: string }).kind),
      );
    // The first job ends as canceled; it must not take the second job's controller with it.
    await expect.poll(() => ends().length, { timeout: 10_000 }).toBe(1);
    await h.call('cancelPeaks', { requestId: 'r' });
    await expect.poll(() => ends().length, { timeout: 10_000 }).toBe(2);
    expect(ends().map((e) => (e.payload as { kind: string }).kind)).toEqual(['canceled', 'canceled']);
  });

  it('answers a range of fine peaks for opened media only, and says in words why a bad range fails', async () => {
    const h = start();
    const wav = fixturePath('interview-3min.wav');
    await expect(h.call('rangePeaks', { path: wav, fromMs: 0, toMs: 1000, pairs: 100 })).rejects.toMatchObject({
      code: 'forbidden',
    });
    h.services.openFromCommandLine([wav], '/');
    const range = await h.call('rangePeaks', { path: wav, fromMs: 2000, toMs: 2500, pairs: 500 });
    expect(validate(INVOKES.rangePeaks.response, range)).toBeNull();
    expect(range).toMatchObject({ fromMs: 2000, toMs: 2500, sampleRate: 16_000 });
    expect(range.data).toHaveLength(1000);
    await expect(h.call('rangePeaks', { path: wav, fromMs: 0, toMs: 90_000, pairs: 100 })).rejects.toMatchObject({
      code: 'media-failed',
      message: expect.stringContaining('interview-3min.wav: waveform range of 90000 ms is longer than 60000 ms'),
    });
  });

  it('refuses peaks and probing for media nobody opened', async () => {
    const h = start();
    await expect(h.call('startPeaks', { requestId: 'x', path: fixturePath('interview.ogg') })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(h.call('openMedia', { path: fixturePath('interview.ogg') })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});

describe('saving', () => {
  it('writes back with the encoding it was read in, and keeps a .bak on the first save only', async () => {
    const h = start();
    const file = copyFixture('interview-gb18030.srt');
    h.services.openFromCommandLine([file], '/');
    await h.call('updateSettings', { patch: { keepBackup: true } });
    const { info, text } = await h.call('openDocument', { path: file });
    expect(await h.call('saveDocument', { handle: info.handle, text })).toMatchObject({ status: 'saved' });
    expect(readFileSync(file).equals(readFileSync(fixturePath('interview-gb18030.srt')))).toBe(true);
    expect(existsSync(`${file}.bak`)).toBe(true);
    rmSync(`${file}.bak`);
    await h.call('saveDocument', { handle: info.handle, text });
    expect(existsSync(`${file}.bak`)).toBe(false);
  });

  it('reports a conflict when the file changed on disk, and writes when told to overwrite', async () => {
    const h = start();
    const file = copyFixture('interview-3min.srt');
    h.services.openFromCommandLine([file], '/');
    const { info, text } = await h.call('openDocument', { path: file });
    writeFileSync(file, 'changed elsewhere\n');
    expect(await h.call('checkDocument', { handle: info.handle })).toEqual({ changedOnDisk: true });
    expect(await h.call('saveDocument', { handle: info.handle, text })).toEqual({ status: 'conflict' });
    expect(readFileSync(file, 'utf8')).toBe('changed elsewhere\n');
    expect(await h.call('saveDocument', { handle: info.handle, text, overwrite: true })).toMatchObject({
      status: 'saved',
    });
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(await h.call('checkDocument', { handle: info.handle })).toEqual({ changedOnDisk: false });
  });

  it('saves a change to the text it handed out or wrote last, and asks for the whole text for any other base', async () => {
    const h = start();
    const file = copyFixture('interview-3min.srt');
    h.services.openFromCommandLine([file], '/');
    const { info, text, base } = await h.call('openDocument', { path: file });
    expect(base).toEqual(expect.any(String));
    const edited = text.replace('\n\n', ' (edited)\n\n');
    const first = await h.call('saveDocument', {
      handle: info.handle,
      change: { base: base as string, ...textChange(text, edited) },
    });
    expect(first).toMatchObject({ status: 'saved', base: expect.any(String) });
    expect(readFileSync(file, 'utf8')).toBe(edited);
    // The next save goes against what was written; the base of the open is gone.
    const again = `${edited}\n`;
    const stale = { base: base as string, ...textChange(text, again) };
    expect(await h.call('saveDocument', { handle: info.handle, change: stale })).toEqual({ status: 'needs-text' });
    expect(readFileSync(file, 'utf8')).toBe(edited);
    const written = (first as { base: string }).base;
    // A change that does not fit the base (made against another text) is refused too, never half applied.
    const misfit = { base: written, at: edited.length + 5, deleteCount: 0, insert: 'x', length: edited.length + 1 };
    expect(await h.call('saveDocument', { handle: info.handle, change: misfit })).toEqual({ status: 'needs-text' });
    const change = { base: written, ...textChange(edited, again) };
    expect(change.insert).toBe('\n');
    expect(await h.call('saveDocument', { handle: info.handle, change })).toMatchObject({ status: 'saved' });
    expect(readFileSync(file, 'utf8')).toBe(again);
    // Either the text or its change, exactly one.
    expect(await h.services.dispatch('saveDocument', TRUSTED, { handle: info.handle })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });

  it('asks for a path for a new document and saves it there', async () => {
    const h = start();
    const info = await h.call('newDocument', {});
    expect(await h.call('saveDocument', { handle: info.handle, text: '' })).toEqual({ status: 'needs-path' });
    const target = path.join(work, 'new.srt');
    h.queue.save.push(target);
    const srt = '1\n00:00:01,000 --> 00:00:02,000\nHello\n';
    const saved = await h.call('saveDocumentAs', { handle: info.handle, text: srt });
    expect(saved).toMatchObject({ status: 'saved', info: { path: target, name: 'new.srt' } });
    expect(readFileSync(target, 'utf8')).toBe(srt);
    expect(await h.call('saveDocumentAs', { handle: info.handle, text: srt })).toEqual({ status: 'canceled' });
  });

  it('exports WebVTT to the chosen path, with hours past 24 intact', async () => {
    const h = start();
    const info = await h.call('newDocument', {});
    const target = path.join(work, 'out.vtt');
    h.queue.save.push(target);
    const cues = [{ startMs: 25 * 3_600_000, endMs: 25 * 3_600_000 + 1500, text: 'late' }];
    expect(await h.call('exportWebVtt', { handle: info.handle, cues })).toEqual({ status: 'saved', path: target });
    expect(readFileSync(target, 'utf8')).toBe('WEBVTT\n\n1\n25:00:00.000 --> 25:00:01.500\nlate\n');
  });
});

describe('title and closing', () => {
  it('titles the window with the document name and an edited mark', async () => {
    const h = start();
    h.services.openFromCommandLine([fixturePath('interview.srt')], '/');
    const { info } = await h.call('openDocument', { path: fixturePath('interview.srt') });
    await h.call('reportState', { handle: info.handle, dirty: true });
    await h.call('reportState', { handle: info.handle, dirty: false });
    expect(h.titles.slice(-2)).toEqual(['• interview.srt — Cuewave', 'interview.srt — Cuewave']);
  });

  it('closes a clean window without asking', async () => {
    const h = start();
    expect(await h.services.requestClose()).toBe('close');
  });

  it('asks about unsaved changes: Save asks the renderer to save first, Don’t Save closes, Cancel stays', async () => {
    const h = start();
    const info = await h.call('newDocument', {});
    await h.call('reportState', { handle: info.handle, dirty: true });
    h.queue.unsaved.push('cancel', 'save', 'discard');
    expect(await h.services.requestClose()).toBe('stay');
    expect(await h.services.requestClose()).toBe('save-then-close');
    expect(h.events.map((e) => e.event)).toContain('saveBeforeClose');
    await h.call('closeWindow', {});
    expect(h.closed()).toBe(1);
    expect(await h.services.requestClose()).toBe('close');
  });
});

describe('recovery', () => {
  /** The records the editor would journal for setting the text of cue `position` of `text`. */
  function typed(text: string, position: number, suffix: string): { records: JournalRecordBody[]; edited: string } {
    const session = journaled(text, () => 1_000);
    session.type(position, suffix);
    return { records: session.records, edited: writeSrt(session.doc) };
  }

  it('a save that fails keeps the journal: the edits are still offered after a restart, and restore to them', async () => {
    const dataDir = path.join(work, 'data');
    const first = start(dataDir);
    const dir = path.join(work, 'fails');
    mkdirSync(dir);
    const file = path.join(dir, 'interview-3min.srt');
    copyFileSync(fixturePath('interview-3min.srt'), file);
    first.services.openFromCommandLine([file], '/');
    const opened = await first.call('openDocument', { path: file });
    const { records, edited } = typed(opened.text, 2, ' (unsaved work)');
    await first.call('journalEdits', { handle: opened.info.handle, records });
    // The save fails (the file became a folder), by the text and by its change alike.
    rmSync(file);
    mkdirSync(file);
    const change = { base: opened.base as string, ...textChange(opened.text, edited) };
    for (const request of [{ text: edited }, { change }]) {
      const failed = await first.services.dispatch('saveDocument', TRUSTED, {
        handle: opened.info.handle,
        overwrite: true,
        ...request,
      });
      expect(failed).toMatchObject({ ok: false, error: { code: 'write-failed' } });
    }
    // No dispose: the process dies here.
    rmSync(file, { recursive: true });
    copyFileSync(fixturePath('interview-3min.srt'), file);
    const second = start(dataDir);
    const { recoverable } = await second.call('startup', {});
    expect(recoverable).toEqual([expect.objectContaining({ path: file, edits: 1 })]);
    expect(await second.call('restoreRecovery', { key: recoverable[0]!.key })).toMatchObject({
      text: edited,
      recovered: true,
    });
  });

  it('offers journaled edits after a restart, naming the file and the number of edits, and restores them', async () => {
    const dataDir = path.join(work, 'data');
    const first = start(dataDir);
    const file = copyFixture('interview-3min.srt');
    first.services.openFromCommandLine([file], '/');
    const opened = await first.call('openDocument', { path: file });
    const { records, edited } = typed(opened.text, 2, ' (unsaved work)');
    expect(await first.call('journalEdits', { handle: opened.info.handle, records })).toEqual({
      seq: 1,
      failure: null,
    });
    // No dispose: the process dies here.

    const second = start(dataDir);
    const { recoverable } = await second.call('startup', {});
    expect(recoverable).toEqual([
      expect.objectContaining({
        name: 'interview-3min.srt',
        path: file,
        edits: 1,
        changedOnDisk: false,
        savedAtMs: 1_000,
      }),
    ]);
    const compare = await second.call('compareRecovery', { key: recoverable[0]!.key });
    expect(compare).toMatchObject({ against: 'disk', total: 1, differences: [{ diskNumber: 3, recoveredNumber: 3 }] });
    expect(compare.differences[0]?.recovered).toContain('(unsaved work)');
    const restored = await second.call('restoreRecovery', { key: recoverable[0]!.key });
    expect(restored).toMatchObject({ text: edited, recovered: true, info: { path: file }, warnings: [] });
    // The restored document is journaled under its own key before the old journal goes: a crash now loses nothing.
    const third = start(dataDir);
    const again = (await third.call('startup', {})).recoverable;
    expect(again).toHaveLength(1);
    expect(again[0]?.key).not.toBe(recoverable[0]!.key);
    await third.call('discardRecovery', { key: again[0]!.key });
    expect((await start(dataDir).call('startup', {})).recoverable).toEqual([]);
  });

  it('offers the journal when its file is opened again, and saving the new edits keeps it', async () => {
    const dataDir = path.join(work, 'data-reopen');
    const first = start(dataDir);
    const file = copyFixture('interview-3min.srt');
    first.services.openFromCommandLine([file], '/');
    const opened = await first.call('openDocument', { path: file });
    await first.call('journalEdits', {
      handle: opened.info.handle,
      records: typed(opened.text, 0, ' crashed run').records,
    });

    const second = start(dataDir);
    second.services.openFromCommandLine([file], '/');
    const again = await second.call('openDocument', { path: file });
    expect(again.recovery).toMatchObject({ path: file, edits: 1 });
    const mine = typed(again.text, 1, ' new work');
    await second.call('journalEdits', { handle: again.info.handle, records: mine.records });
    await second.call('saveDocument', { handle: again.info.handle, text: mine.edited });
    await second.services.dispose();

    const third = start(dataDir);
    const { recoverable } = await third.call('startup', {});
    expect(recoverable).toHaveLength(1);
    expect(recoverable[0]?.changedOnDisk).toBe(true);
    const restored = await third.call('restoreRecovery', { key: recoverable[0]!.key });
    // Onto the journal's own base (the file as the crashed run read it), not onto the file saved since.
    expect(restored.text).toBe(typed(opened.text, 0, ' crashed run').edited);
    expect(restored.warnings.join(' ')).toMatch(/changed on disk after these edits were made/);
    // And the next save does not silently replace the newer file.
    expect(await third.call('saveDocument', { handle: restored.info.handle, text: restored.text })).toEqual({
      status: 'conflict',
    });
  });

  it("Don't Save at the close prompt (which says the recovery copy goes) deletes the journal: nothing is offered", async () => {
    const dataDir = path.join(work, 'data-close');
    const first = start(dataDir);
    const file = copyFixture('interview-3min.srt');
    first.services.openFromCommandLine([file], '/');
    const opened = await first.call('openDocument', { path: file });
    const { records } = typed(opened.text, 1, ' thrown away');
    await first.call('journalEdits', { handle: opened.info.handle, records });
    await first.call('reportState', { handle: opened.info.handle, dirty: true });
    expect((await start(dataDir).call('startup', {})).recoverable).toHaveLength(1);
    first.queue.unsaved.push('discard');
    expect(await first.services.requestClose()).toBe('close');
    expect((await start(dataDir).call('startup', {})).recoverable).toEqual([]);
    expect(readFileSync(file, 'utf8')).not.toContain('thrown away');
  });

  it('closing a document after the editor asked deletes its journal; Cancel at the close prompt keeps it', async () => {
    const dataDir = path.join(work, 'data-close-doc');
    const first = start(dataDir);
    const file = copyFixture('interview-3min.srt');
    first.services.openFromCommandLine([file], '/');
    const opened = await first.call('openDocument', { path: file });
    await first.call('journalEdits', { handle: opened.info.handle, records: typed(opened.text, 0, ' kept').records });
    await first.call('reportState', { handle: opened.info.handle, dirty: true });
    first.queue.unsaved.push('cancel');
    expect(await first.services.requestClose()).toBe('stay');
    expect((await start(dataDir).call('startup', {})).recoverable).toHaveLength(1);
    await first.call('closeDocument', { handle: opened.info.handle });
    expect((await start(dataDir).call('startup', {})).recoverable).toEqual([]);
  });

  it('never allow-lists the path of a crafted journal: restored as untitled instead', async () => {
    const dataDir = path.join(work, 'data-crafted');
    const crafted = createEditJournals({ dir: path.join(dataDir, 'recovery') });
    const identity = { filePath: '/etc/passwd', encoding: 'utf-8', bom: false, stamp: null };
    const text = '1\n00:00:01,000 --> 00:00:02,000\nhello\n';
    await crafted.begin('evil', identity, text);
    await crafted.append('evil', typed(text, 0, ' there').records);
    await crafted.close();

    const h = start(dataDir);
    const { recoverable } = await h.call('startup', {});
    expect(recoverable[0]?.path).toBe('/etc/passwd');
    const restored = await h.call('restoreRecovery', { key: recoverable[0]!.key });
    expect(restored.info.path).toBeNull();
    expect(restored.text).toContain('hello there');
    expect(restored.warnings.join(' ')).toMatch(/\/etc\/passwd, which is not one of your recent files/);
    expect(h.services.pathAccess.isAllowed('/etc/passwd')).toBe(false);
    await expect(h.call('openDocument', { path: '/etc/passwd' })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('answers a journal write failure in words, once in the log, with what to do', async () => {
    const blocked = path.join(work, 'blocked-data');
    writeFileSync(blocked, '');
    const h = start(blocked);
    const file = copyFixture('interview-3min.srt');
    h.services.openFromCommandLine([file], '/');
    const opened = await h.call('openDocument', { path: file });
    const answers = [];
    for (const suffix of ['a', 'b']) {
      const { records } = typed(opened.text, 0, suffix);
      answers.push(await h.call('journalEdits', { handle: opened.info.handle, records }));
    }
    expect(answers[0]?.failure).toMatch(/Unsaved edits are not being backed up.*Save your work now/);
    expect(answers[1]?.failure).toBe(answers[0]?.failure);
    expect(h.logs.filter((line) => line.includes('not being backed up'))).toHaveLength(1);
  });
});

describe('settings', () => {
  it('keeps panel sizes and the theme in settings.json across a restart, merged over the stored layout', async () => {
    const dataDir = path.join(work, 'data');
    const first = start(dataDir);
    const initial = (await first.call('startup', {})).settings;
    expect(initial.theme).toBe('system');
    expect(initial.layout).toMatchObject({ topPx: 190, timelinePx: 230, listPx: 760 });
    const updated = await first.call('updateSettings', { patch: { layout: { listPx: 1000 }, theme: 'dark' } });
    expect(updated.layout).toMatchObject({ topPx: 190, timelinePx: 230, listPx: 1000 });
    await first.call('updateSettings', { patch: { layout: { topPx: 250 } } });
    await first.services.dispose();
    expect(JSON.parse(readFileSync(path.join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({
      theme: 'dark',
      layout: { topPx: 250, timelinePx: 230, listPx: 1000 },
    });

    const second = start(dataDir);
    const { settings } = await second.call('startup', {});
    expect(settings).toMatchObject({ theme: 'dark', layout: { topPx: 250, timelinePx: 230, listPx: 1000 } });
  });

  it('refuses panel sizes out of range or for unknown panels, changing nothing', async () => {
    const h = start();
    for (const layout of [{ listPx: 99_999 }, { topPx: -1 }, { inspectorWidth: 300 }]) {
      await expect(h.call('updateSettings', { patch: { layout } as never })).rejects.toMatchObject({
        code: 'invalid-request',
      });
    }
    expect((await h.call('getSettings', {})).layout).toMatchObject({ topPx: 190, timelinePx: 230, listPx: 760 });
  });
});
