// Speech activity over IPC: startSpeech / cancelSpeech and the `speech` event, through the dispatcher Electron and the
// browser host use, plus the renderer's speech client (loadSpeech, estimateFromSpeech) on a bridge backed by it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SenderInfo } from '../../src-main/security';
import { type AppServices, createAppServices } from '../../src-main/services/app-services';
import { estimateFromSpeech, isSpeechCanceled, loadSpeech } from '../../src-renderer/sync/speech-client';
import {
  EVENTS,
  type EventChannel,
  type EventOf,
  type Result,
  type SpeechEvent,
  validate,
} from '../../src-shared/ipc-contract';
import { readSrt } from '../../src-shared/srt';
import type { Span } from '../../src-shared/sync/activity';
import { fixturePath } from '../support/fixtures';

const ORIGIN = 'http://127.0.0.1:4321';
const TRUSTED: SenderInfo = { url: `${ORIGIN}/index.html`, isTopFrame: true, isOurWindow: true };
const WAV = fixturePath('interview-3min.wav');
const WAV_MS = 180_000;

let work: string;
let services: AppServices | null = null;

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'cuewave-speech-ipc-'));
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await services?.dispose();
  services = null;
  rmSync(work, { recursive: true, force: true });
});

interface Harness {
  services: AppServices;
  logs: string[];
  speech: SpeechEvent[];
  listeners: Set<(event: EventChannel, payload: unknown) => void>;
  call(channel: string, request: unknown): Promise<Result<unknown>>;
}

/** Services with a fresh data dir (so an empty peaks cache); every event must satisfy the contract. */
function start(): Harness {
  const logs: string[] = [];
  const speech: SpeechEvent[] = [];
  const listeners = new Set<(event: EventChannel, payload: unknown) => void>();
  services = createAppServices({
    dataDir: path.join(work, 'data'),
    dialogs: { openFile: async () => null, saveFile: async () => null, askUnsaved: async () => 'cancel' },
    appOrigin: { kind: 'http', origin: ORIGIN },
    log: (line) => logs.push(line),
  });
  services.attachWindow({ setTitle: () => {}, forceClose: () => {} }, <E extends EventChannel>(e: E, p: EventOf<E>) => {
    expect(validate(EVENTS[e], p, e)).toBeNull();
    if (e === 'speech') speech.push(p as SpeechEvent);
    for (const listener of listeners) listener(e, p);
  });
  const own = services;
  return {
    services: own,
    logs,
    speech,
    listeners,
    call: (channel, request) => own.dispatch(channel, TRUSTED, request),
  };
}

/** The first non-progress event of a job. */
async function outcome(h: Harness, requestId: string, timeout = 20_000): Promise<SpeechEvent> {
  await expect
    .poll(() => h.speech.some((e) => e.requestId === requestId && e.kind !== 'progress'), { timeout })
    .toBe(true);
  return h.speech.find((e) => e.requestId === requestId && e.kind !== 'progress') as SpeechEvent;
}

/** Share of 10 ms frames (over the first 3 minutes) on which two segment lists agree. */
function frameAgreement(a: readonly Span[], b: readonly Span[]): number {
  const frames = (spans: readonly Span[]) => {
    const out = new Uint8Array(WAV_MS / 10);
    for (const [s, e] of spans)
      for (let i = Math.ceil(s / 10); i < Math.min(out.length, Math.ceil(e / 10)); i++) out[i] = 1;
    return out;
  };
  const [x, y] = [frames(a), frames(b)];
  return x.filter((value, i) => value === y[i]).length / x.length;
}

/** `window.cuewave` as preload builds it, forwarding to the harness's dispatcher and events. */
function stubBridge(h: Harness): void {
  const api = {
    startSpeech: (request: unknown) => h.call('startSpeech', request),
    cancelSpeech: (request: unknown) => h.call('cancelSpeech', request),
    on(event: EventChannel, listener: (payload: unknown) => void) {
      const forward = (e: EventChannel, payload: unknown) => e === event && listener(payload);
      h.listeners.add(forward);
      return () => h.listeners.delete(forward);
    },
  };
  vi.stubGlobal('window', { cuewave: api });
}

describe('startSpeech', () => {
  it('detects speech in an allowed file: segments match the ground truth, then come from the peaks cache', async () => {
    const h = start();
    h.services.openFromCommandLine([WAV], '/');
    expect(await h.call('startSpeech', { requestId: 'a', path: WAV })).toEqual({ ok: true, value: null });
    const done = await outcome(h, 'a');
    if (done.kind !== 'done') throw new Error(`expected done, got ${JSON.stringify(done)}`);
    const truth = JSON.parse(readFileSync(fixturePath('speech-activity.json'), 'utf8')) as { segments: Span[] };
    expect(frameAgreement(done.segments, truth.segments)).toBeGreaterThanOrEqual(0.95);
    expect(frameAgreement(done.syncSegments, truth.segments)).toBeGreaterThanOrEqual(0.9);
    // The sync settings keep the short pauses between back-to-back lines: more, shorter segments.
    expect(done.syncSegments.length).toBeGreaterThan(done.segments.length);
    expect(done.durationMs).toBeCloseTo(WAV_MS, -2);
    expect(done.frameMs).toBe(5);
    expect(done.noiseFloorDb).toBeGreaterThan(-60);
    expect(done.noiseFloorDb).toBeLessThan(-45);
    expect(h.speech.some((e) => e.requestId === 'a' && e.kind === 'progress')).toBe(true);

    await h.call('startSpeech', { requestId: 'b', path: WAV });
    const again = await outcome(h, 'b', 5_000);
    expect(again).toEqual({ ...done, requestId: 'b' });
    // A cache hit reports the whole file in one progress message.
    expect(h.speech.filter((e) => e.requestId === 'b' && e.kind === 'progress')).toHaveLength(1);
  });

  it('refuses (and logs) media nobody opened, and malformed requests, before any work starts', async () => {
    const h = start();
    expect(await h.call('startSpeech', { requestId: 'x', path: WAV })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(h.logs.some((line) => line.includes('refused read') && line.includes('interview-3min.wav'))).toBe(true);
    expect(await h.call('startSpeech', { requestId: 'x', path: 'interview-3min.wav' })).toMatchObject({
      error: { code: 'forbidden' },
    });
    expect(await h.call('startSpeech', { requestId: 7, path: WAV })).toMatchObject({
      error: { code: 'invalid-request' },
    });
    expect(await h.call('startSpeech', { path: WAV, requestId: 'x', extra: 1 })).toMatchObject({
      error: { code: 'invalid-request' },
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(h.speech).toEqual([]);
  });

  it('cancels a running decode and says so', async () => {
    const h = start();
    const ogg = fixturePath('interview.ogg');
    h.services.openFromCommandLine([ogg], '/');
    await h.call('startSpeech', { requestId: 'long', path: ogg });
    expect(await h.call('cancelSpeech', { requestId: 'long' })).toEqual({ ok: true, value: null });
    expect(await outcome(h, 'long', 10_000)).toEqual({ requestId: 'long', kind: 'canceled' });
    // Canceling an unknown or finished job is harmless.
    expect(await h.call('cancelSpeech', { requestId: 'long' })).toEqual({ ok: true, value: null });
  });
});

describe('speech event contract', () => {
  it('accepts [startMs, endMs] pairs only', () => {
    const done = (segments: unknown) => ({
      requestId: 'r',
      kind: 'done',
      segments,
      syncSegments: [],
      durationMs: 1_000,
      frameMs: 5,
      noiseFloorDb: -50,
      speechLevelDb: -10,
    });
    expect(
      validate(
        EVENTS.speech,
        done([
          [0, 5],
          [10, 10],
        ]),
      ),
    ).toBeNull();
    for (const bad of [[[5, 1]], [[-1, 3]], [[1, 2, 3]], [[1]], [[1, Number.NaN]], [['1', 2]], [{ 0: 1, 1: 2 }]])
      expect(validate(EVENTS.speech, done(bad)), JSON.stringify(bad)).not.toBeNull();
  });
});

describe('speech client (renderer side)', () => {
  it('loads the segments and estimates the sync of the offset subtitles from them', async () => {
    const h = start();
    h.services.openFromCommandLine([WAV], '/');
    stubBridge(h);
    const progress: number[] = [];
    const speech = await loadSpeech(WAV, (p) => progress.push(p.doneMs));
    expect(progress.length).toBeGreaterThan(0);
    expect(speech.segments.length).toBeGreaterThan(10);
    const { doc } = readSrt(readFileSync(fixturePath('interview-3min-offset.srt'), 'utf8'));
    const estimate = estimateFromSpeech(doc, speech);
    // interview-3min-offset.srt is interview-3min.srt + 2350 ms (docs/sync.md: -2351 ms found).
    expect(estimate.offsetMs).toBeCloseTo(-2350, -1);
    expect(estimate.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('rejects with forbidden for a refused path, and with an AbortError when canceled', async () => {
    const h = start();
    stubBridge(h);
    await expect(loadSpeech(WAV)).rejects.toMatchObject({ name: 'ApiCallError', code: 'forbidden' });
    const ogg = fixturePath('interview.ogg');
    h.services.openFromCommandLine([ogg], '/');
    const controller = new AbortController();
    const loading = loadSpeech(ogg, undefined, controller.signal);
    controller.abort();
    const error = await loading.catch((e: unknown) => e);
    expect(isSpeechCanceled(error)).toBe(true);
    // Main was told: its job ends as canceled rather than decoding the hour.
    await expect.poll(() => h.speech.at(-1)?.kind, { timeout: 10_000 }).toBe('canceled');
  });
});
