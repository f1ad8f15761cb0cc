// Speech activity from the page: the renderer calls startSpeech on media it opened and receives the segments.
import { describe, expect, it } from 'vitest';
import type { LaunchedApp } from '../support/app';
import { setupE2eSession } from '../support/e2e-session';
import { fixturePath } from '../support/fixtures';

const { launch } = setupE2eSession('speech-host');

type Outcome = { kind: string; segments?: number; syncSegments?: number; durationMs?: number; code?: string };

/** Runs one speech job from the page through `window.cuewave` and reports how it ended. */
function speechFromPage(launched: LaunchedApp, mediaPath: string): Promise<Outcome> {
  return launched.page.evaluate(async (media) => {
    type SpeechEvent = {
      requestId: string;
      kind: string;
      segments?: [number, number][];
      syncSegments?: [number, number][];
      durationMs?: number;
      message?: string;
    };
    type Api = {
      on(event: 'speech', listener: (payload: SpeechEvent) => void): () => void;
      startSpeech(r: object): Promise<{ ok: boolean; error?: { code: string } }>;
    };
    const api = (window as unknown as { cuewave: Api }).cuewave;
    return new Promise<Outcome>((resolve) => {
      const off = api.on('speech', (event) => {
        if (event.requestId !== 'e2e' || event.kind === 'progress') return;
        off();
        resolve({
          kind: event.kind,
          segments: event.segments?.length,
          syncSegments: event.syncSegments?.length,
          durationMs: event.durationMs,
        });
      });
      void api.startSpeech({ requestId: 'e2e', path: media }).then((result) => {
        if (!result.ok) {
          off();
          resolve({ kind: 'refused', code: result.error?.code });
        }
      });
    });
  }, mediaPath);
}

describe('speech activity', () => {
  it('delivers the speech segments of media opened with the app, and refuses other media', async () => {
    const app = await launch({ files: [fixturePath('interview-3min.wav')] });
    const done = await speechFromPage(app, fixturePath('interview-3min.wav'));
    expect(done.kind).toBe('done');
    // 101 cues of dialogue in 3 minutes: tens of display segments, more with the sync settings.
    expect(done.segments).toBeGreaterThan(20);
    expect(done.syncSegments).toBeGreaterThan(done.segments ?? 0);
    expect(done.durationMs).toBeCloseTo(180_000, -2);
    expect(await speechFromPage(app, fixturePath('interview.ogg'))).toEqual({ kind: 'refused', code: 'forbidden' });
  });
});
