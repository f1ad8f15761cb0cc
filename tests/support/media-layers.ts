/** Synthetic media for the spectrogram and shot-change tests, made with the bundled ffmpeg. */
import { execFileSync } from 'node:child_process';
import { toolPath } from '../../src-main/services/media-tools';

/**
 * Writes an MP4 of solid-colour shots, `shotSeconds` each at 10 fps (so shot k starts exactly at k * shotSeconds),
 * with a `toneHz` sine as its audio. Returns the shot-change times in ms.
 */
export async function writeCutVideo(
  file: string,
  colors: readonly string[] = ['red', 'blue', 'green', 'white'],
  shotSeconds = 2,
  toneHz = 440,
): Promise<number[]> {
  const ffmpeg = await toolPath('ffmpeg');
  const inputs = colors.flatMap((color) => ['-f', 'lavfi', '-i', `color=c=${color}:s=160x90:r=10:d=${shotSeconds}`]);
  const total = colors.length * shotSeconds;
  const concat = `${colors.map((_, i) => `[${i}:v]`).join('')}concat=n=${colors.length}:v=1:a=0[v]`;
  execFileSync(
    ffmpeg,
    [
      ['-hide_banner', '-loglevel', 'error', '-y', ...inputs],
      ['-f', 'lavfi', '-i', `sine=frequency=${toneHz}:sample_rate=16000:duration=${total}`],
      ['-filter_complex', concat, '-map', '[v]', '-map', `${colors.length}:a`],
      ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-g', '10', '-c:a', 'aac', '-b:a', '48k', '-shortest', file],
    ].flat(),
  );
  return colors.slice(1).map((_, i) => (i + 1) * shotSeconds * 1000);
}

/** Writes a mono 16 kHz WAV of a `hz` sine at `amplitude` (0..1 of full scale) for `seconds`. */
export async function writeToneWav(file: string, hz: number, seconds: number, amplitude = 0.5): Promise<void> {
  const ffmpeg = await toolPath('ffmpeg');
  execFileSync(ffmpeg, [
    ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi'],
    ...['-i', `sine=frequency=${hz}:sample_rate=16000:duration=${seconds}`],
    ...['-af', `volume=${amplitude * 8}`, '-ac', '1', '-c:a', 'pcm_s16le', file],
  ]);
}
