/** Specification of probeMedia: what it reports for each fixture format, and how it refuses files without usable audio. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeMedia } from '../../src-main/services/media-probe';
import { MediaError, toolPath } from '../../src-main/services/media-tools';

const FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures');

/** Durations after decoding with ffmpeg, from the fixtures README. */
const EXPECTED = [
  { file: 'interview.ogg', durationMs: 3_896_466, codec: 'opus', sampleRate: 48000, format: 'ogg' },
  { file: 'interview.mp3', durationMs: 3_896_466, codec: 'mp3', sampleRate: 16000, format: 'mp3' },
  { file: 'interview.m4a', durationMs: 3_896_512, codec: 'aac', sampleRate: 16000, format: 'mp4' },
  { file: 'interview-3min.wav', durationMs: 180_000, codec: 'pcm_s16le', sampleRate: 16000, format: 'wav' },
  { file: 'interview-3min.mp4', durationMs: 180_032, codec: 'aac', sampleRate: 16000, format: 'mp4' },
];

let tmp: string;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'cuewave-probe-'));
  const ffmpeg = await toolPath('ffmpeg');
  const lavfi = (args: string[], out: string): void => {
    execFileSync(ffmpeg, ['-v', 'error', '-y', ...args, path.join(tmp, out)]);
  };
  lavfi(['-f', 'lavfi', '-i', 'testsrc=duration=1:size=160x120:rate=10', '-pix_fmt', 'yuv420p'], 'silent.mp4');
  lavfi(['-f', 'lavfi', '-i', 'sine=frequency=440:duration=3', '-c:a', 'libmp3lame', '-b:a', '64k'], 'tone.mp3');
  writeFileSync(path.join(tmp, 'notes.txt'), 'Interview notes\n\nSpeaker 1 talks about the weather.\n'.repeat(40));
  mkdirSync(path.join(tmp, 'folder.mp4'));
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** The MediaError a promise rejects with (fails the test if it resolves or rejects with something else). */
async function rejection(promise: Promise<unknown>): Promise<MediaError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MediaError);
  return error as MediaError;
}

describe('probeMedia on the fixtures', () => {
  for (const expected of EXPECTED) {
    it(`${expected.file}: duration within 50 ms of the decoded length, audio stream described`, async () => {
      const info = await probeMedia(path.join(FIXTURES, expected.file));
      expect(info.path).toBe(path.join(FIXTURES, expected.file));
      expect(Math.abs(info.durationMs - expected.durationMs)).toBeLessThanOrEqual(50);
      expect(info.hasAudio).toBe(true);
      expect(info.audio).toEqual({ codec: expected.codec, sampleRate: expected.sampleRate, channels: 1 });
      expect(info.format).toContain(expected.format);
      expect(info.sizeBytes).toBeGreaterThan(0);
    });
  }

  it('describes the video stream of the mp4 and none for audio-only files', async () => {
    const video = await probeMedia(path.join(FIXTURES, 'interview-3min.mp4'));
    expect(video.hasVideo).toBe(true);
    expect(video.video).toEqual({ codec: 'h264', width: 320, height: 180, fps: 10 });
    const audio = await probeMedia(path.join(FIXTURES, 'interview.m4a'));
    expect(audio.hasVideo).toBe(false);
    expect(audio.video).toBeUndefined();
  });

  it('resolves a relative path to an absolute one', async () => {
    const relative = path.relative(process.cwd(), path.join(FIXTURES, 'interview-3min.wav'));
    const info = await probeMedia(relative);
    expect(info.path).toBe(path.join(FIXTURES, 'interview-3min.wav'));
  });

  it('drops MP3 encoder delay and padding from the duration (3 s tone made by LAME)', async () => {
    const info = await probeMedia(path.join(tmp, 'tone.mp3'));
    expect(Math.abs(info.durationMs - 3000)).toBeLessThanOrEqual(5);
  });
});

describe('probeMedia refusals', () => {
  it('a text file is not media', async () => {
    const error = await rejection(probeMedia(path.join(tmp, 'notes.txt')));
    expect(error.code).toBe('UNREADABLE');
    expect(error.message).toBe('notes.txt: not a media file ffprobe can read');
    expect(error.path).toBe(path.join(tmp, 'notes.txt'));
  });

  it('a subtitle file ffprobe can parse is still not media', async () => {
    const error = await rejection(probeMedia(path.join(FIXTURES, 'interview-3min.srt')));
    expect(error.code).toBe('UNREADABLE');
    expect(error.message).toBe('interview-3min.srt: not a media file ffprobe can read');
  });

  it('a video without an audio stream', async () => {
    const error = await rejection(probeMedia(path.join(tmp, 'silent.mp4')));
    expect(error.code).toBe('NO_AUDIO');
    expect(error.message).toBe('silent.mp4: no audio stream');
  });

  it('a missing file and a folder', async () => {
    const missing = await rejection(probeMedia(path.join(tmp, 'gone.ogg')));
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toBe('gone.ogg: file not found');
    const folder = await rejection(probeMedia(path.join(tmp, 'folder.mp4')));
    expect(folder.code).toBe('NOT_A_FILE');
    expect(folder.message).toMatch(/^folder\.mp4: /);
  });
});
