// The app in Chromium with the real services: opening from the command line and through File > Open, the
// encoding shown, saving back byte for byte, external-change conflicts, recovery, media, and refusals.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LaunchedApp } from '../support/app';
import { setupE2eSession } from '../support/e2e-session';
import { fixturePath } from '../support/fixtures';

const { copyFixture, launch } = setupE2eSession('e2e');

async function shown(launched: LaunchedApp) {
  const { page } = launched;
  await page.getByTestId('cue-count').waitFor();
  return {
    name: await page.getByTestId('file-name').textContent(),
    cues: await page.getByTestId('cue-count').textContent(),
    encoding: await page.getByTestId('encoding').textContent(),
  };
}

describe('opening files', () => {
  it('opens a file given on the command line and shows its name, cue count and encoding', async () => {
    const app = await launch({ files: [fixturePath('interview.srt')] });
    expect(await shown(app)).toEqual({ name: 'interview.srt', cues: '2324', encoding: 'utf-8' });
    await expect.poll(() => app.page.title()).toBe('interview.srt — Cuewave');
  });

  it('shows GB18030 for the GB18030 copy of the interview', async () => {
    const app = await launch({ files: [fixturePath('interview-gb18030.srt')] });
    expect(await shown(app)).toEqual({ name: 'interview-gb18030.srt', cues: '2324', encoding: 'gb18030' });
  });

  it('opens the file chosen in the File > Open dialog', async () => {
    const app = await launch();
    await app.dialogs.queueOpen(fixturePath('interview-3min.srt'));
    await app.page.getByTestId('open').click();
    expect(await shown(app)).toEqual({ name: 'interview-3min.srt', cues: '101', encoding: 'utf-8' });
  });

  it('opens through the menu command File > Open as well', async () => {
    const app = await launch();
    await app.dialogs.queueOpen(fixturePath('interview-utf8-bom-crlf.srt'));
    await app.menu('file.open');
    expect(await shown(app)).toEqual({ name: 'interview-utf8-bom-crlf.srt', cues: '2324', encoding: 'utf-8' });
    expect(await app.page.getByTestId('bom').textContent()).toBe('yes');
  });
});

describe('what the renderer may not do', () => {
  it('is refused a path the user never chose, even an existing fixture', async () => {
    const app = await launch({ files: [fixturePath('interview.srt')] });
    await shown(app);
    const results = await app.page.evaluate(
      async (paths) => {
        const api = (window as unknown as { cuewave: { openDocument(r: unknown): Promise<unknown> } }).cuewave;
        return Promise.all(paths.map((p) => api.openDocument({ path: p })));
      },
      ['/etc/passwd', fixturePath('interview-broken.srt')],
    );
    for (const result of results) expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('gets invalid-request for malformed calls instead of reaching a handler', async () => {
    const app = await launch();
    const result = await app.page.evaluate(() =>
      (window as unknown as { cuewave: { openDocument(r: unknown): Promise<unknown> } }).cuewave.openDocument({
        path: 42,
      }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('cannot fetch media that was never opened', async () => {
    const app = await launch();
    const status = await app.page.evaluate(async () => {
      const api = (window as unknown as { cuewave: { mediaUrl(p: string): string } }).cuewave;
      return (await fetch(api.mediaUrl('/etc/passwd'))).status;
    });
    expect(status).toBe(403);
  });
});

describe('saving', () => {
  it('writes an unedited GB18030 file back byte for byte, with the encoding it was read in', async () => {
    const file = copyFixture('interview-gb18030.srt');
    const app = await launch({ files: [file] });
    await shown(app);
    await app.page.getByTestId('save').click();
    await expect.poll(() => app.page.getByTestId('status').textContent()).toContain('Saved');
    expect(readFileSync(file).equals(readFileSync(fixturePath('interview-gb18030.srt')))).toBe(true);
  });

  it('reports a conflict when the file changed on disk, and overwrites only when told to', async () => {
    const file = copyFixture('interview-3min.srt');
    const app = await launch({ files: [file] });
    await shown(app);
    writeFileSync(file, '1\n00:00:01,000 --> 00:00:02,000\nchanged elsewhere\n');
    await app.page.getByTestId('save').click();
    await app.page.getByTestId('conflict').waitFor();
    expect(readFileSync(file, 'utf8')).toContain('changed elsewhere');
    await app.page.getByRole('button', { name: 'Overwrite' }).click();
    await expect.poll(() => app.page.getByTestId('status').textContent()).toContain('Saved');
    expect(readFileSync(file).equals(readFileSync(fixturePath('interview-3min.srt')))).toBe(true);
  });
});

describe('media', () => {
  it('opens media given with the subtitles and plays it through the media handler', async () => {
    const app = await launch({ files: [fixturePath('interview-3min.srt'), fixturePath('interview-3min.wav')] });
    await shown(app);
    await app.page.getByTestId('media-player').waitFor();
    const duration = await app.page.getByTestId('media-player').evaluate(
      (audio: HTMLAudioElement) =>
        new Promise<number>((resolve, reject) => {
          if (audio.readyState >= 1) resolve(audio.duration);
          audio.addEventListener('loadedmetadata', () => resolve(audio.duration));
          audio.addEventListener('error', () => reject(new Error(`media error ${audio.error?.code}`)));
        }),
    );
    expect(duration).toBeCloseTo(180, 0);
  });
});

// Recovery after a crash: tests/e2e/recovery.test.ts.

describe('waveform peaks', () => {
  it('streams peaks of an opened media file as chunks, then done', async () => {
    const app = await launch({ files: [fixturePath('interview-3min.wav')] });
    const media = fixturePath('interview-3min.wav');
    const summary = await app.page.evaluate(async (mediaPath) => {
      type PeaksEvent = {
        requestId: string;
        kind: string;
        startPair?: number;
        data?: number[];
        length?: number;
        durationMs?: number;
        message?: string;
      };
      type Api = {
        on(event: 'peaks', listener: (payload: PeaksEvent) => void): () => void;
        startPeaks(r: object): Promise<{ ok: boolean }>;
      };
      const api = (window as unknown as { cuewave: Api }).cuewave;
      return new Promise<{ kinds: string[]; pairs: number; contiguous: boolean; length: number; durationMs: number }>(
        (resolve, reject) => {
          const kinds: string[] = [];
          let pairs = 0;
          let contiguous = true;
          const off = api.on('peaks', (event) => {
            if (event.requestId !== 'r1') return;
            kinds.push(event.kind);
            if (event.kind === 'chunk') {
              contiguous &&= event.startPair === pairs;
              pairs += (event.data?.length ?? 0) / 2;
            }
            if (event.kind === 'error') reject(new Error(event.message));
            if (event.kind === 'done') {
              off();
              resolve({ kinds, pairs, contiguous, length: event.length ?? -1, durationMs: event.durationMs ?? -1 });
            }
          });
          void api.startPeaks({ requestId: 'r1', path: mediaPath }).then((result) => {
            if (!result.ok) reject(new Error('startPeaks refused'));
          });
        },
      );
    }, media);
    expect(summary.kinds).toContain('progress');
    expect(summary.kinds.filter((kind) => kind === 'chunk').length).toBeGreaterThan(1);
    expect(summary.contiguous).toBe(true);
    expect(summary.pairs).toBe(summary.length);
    // 200 min/max pairs per second of the 180 s file.
    expect(summary.length).toBeGreaterThanOrEqual(35_900);
    expect(summary.durationMs).toBeCloseTo(180_000, -2);
  });
});
