// The spectrogram and shot-change calls through the same dispatcher Electron and the test host use: events that
// satisfy the contract, chunks that rebuild the spectrogram, a cache hit on reopen, refusal of unopened paths.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AppServices, createAppServices } from '../../src-main/services/app-services';
import { computeSpectrogram } from '../../src-main/services/spectrogram';
import {
  EVENTS,
  type EventOf,
  type InvokeChannel,
  type RequestOf,
  type ResponseOf,
  validate,
} from '../../src-shared/ipc-contract';
import { fixturePath } from '../support/fixtures';
import { writeCutVideo } from '../support/media-layers';
import { callChecked, TEST_ORIGIN as ORIGIN } from '../support/services';

let work: string;
const running: AppServices[] = [];

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'cuewave-layers-'));
});
afterEach(async () => {
  for (const services of running.splice(0)) await services.dispose();
  rmSync(work, { recursive: true, force: true });
});

function start() {
  const events: EventOf<'spectrogram'>[] = [];
  const services = createAppServices({
    dataDir: path.join(work, 'data'),
    dialogs: { openFile: async () => null, saveFile: async () => null, askUnsaved: async () => 'cancel' },
    appOrigin: { kind: 'http', origin: ORIGIN },
    log: () => {},
  });
  running.push(services);
  services.attachWindow({ setTitle: () => {}, forceClose: () => {} }, (event, payload) => {
    expect(validate(EVENTS[event], payload, event)).toBeNull();
    if (event === 'spectrogram') events.push(payload as EventOf<'spectrogram'>);
  });
  const call = <C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> =>
    callChecked(services, channel, request);
  return { services, events, call };
}

/** The events of one request, and the bytes its chunks carry, once it ended. */
async function finished(events: EventOf<'spectrogram'>[], requestId: string) {
  await expect
    .poll(() => events.some((e) => e.requestId === requestId && e.kind !== 'progress' && e.kind !== 'chunk'), {
      timeout: 60_000,
    })
    .toBe(true);
  const mine = events.filter((e) => e.requestId === requestId);
  const chunks = mine.flatMap((e) => (e.kind === 'chunk' ? [e] : []));
  return { mine, chunks, bytes: Buffer.concat(chunks.map((c) => Buffer.from(c.data, 'base64'))) };
}

describe('startSpectrogram', () => {
  it('streams base64 chunks that rebuild the spectrogram, then done; a second run replays the cache', async () => {
    const h = start();
    const wav = fixturePath('interview-3min.wav');
    h.services.openFromCommandLine([wav], '/');
    expect(await h.call('startSpectrogram', { requestId: 'a', path: wav })).toBeNull();
    const first = await finished(h.events, 'a');
    const done = first.mine.at(-1);
    expect(done).toMatchObject({ kind: 'done', columns: 9000, bins: 128, sampleRate: 8000, durationMs: 180_000 });
    expect(first.chunks.length).toBeGreaterThan(10);
    const expected = await computeSpectrogram(wav);
    expect(first.bytes.equals(Buffer.from(expected.data))).toBe(true);

    await h.call('startSpectrogram', { requestId: 'b', path: wav });
    const second = await finished(h.events, 'b');
    // The cache replays a minute per chunk: 3 chunks for 3 minutes.
    expect(second.chunks.map((c) => c.startColumn)).toEqual([0, 3000, 6000]);
    expect(second.bytes.equals(first.bytes)).toBe(true);
  });

  it('cancels on request and says so', async () => {
    const h = start();
    const ogg = fixturePath('interview.ogg');
    h.services.openFromCommandLine([ogg], '/');
    await h.call('startSpectrogram', { requestId: 'long', path: ogg });
    await h.call('cancelSpectrogram', { requestId: 'long' });
    const { mine } = await finished(h.events, 'long');
    expect(mine.at(-1)).toEqual({ requestId: 'long', kind: 'canceled' });
  });

  it('refuses media nobody opened', async () => {
    const h = start();
    const wav = fixturePath('interview-3min.wav');
    await expect(h.call('startSpectrogram', { requestId: 'x', path: wav })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(h.call('detectShots', { path: wav })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('detectShots', () => {
  it('answers the cut times of an opened video, and no shots for audio', async () => {
    const h = start();
    const video = path.join(work, 'cuts.mp4');
    const cuts = await writeCutVideo(video, ['red', 'blue', 'green'], 1);
    const wav = fixturePath('interview-3min.wav');
    h.services.openFromCommandLine([video], '/');
    h.services.openFromCommandLine([wav], '/');
    expect(await h.call('detectShots', { path: video })).toEqual({ shotsMs: cuts, hasVideo: true });
    expect(await h.call('detectShots', { path: wav })).toEqual({ shotsMs: [], hasVideo: false });
  });
});
