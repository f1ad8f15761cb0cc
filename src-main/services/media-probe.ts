/** Media probing with ffprobe: duration, streams and container of a file, or a MediaError saying why it is unusable. */
import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { MediaInfo } from '../../src-shared/media-url';
import { lastErrorLine, MediaError, mediaError, mediaReason, runTool } from './media-tools';

export type { MediaInfo } from '../../src-shared/media-url';

interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  sample_rate?: string;
  channels?: number;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  start_time?: string;
  duration?: string;
  disposition?: { attached_pic?: number; still_image?: number };
}

interface ProbeFormat {
  format_name?: string;
  duration?: string;
  start_time?: string;
}

interface ProbeJson {
  streams?: ProbeStream[];
  format?: ProbeFormat;
}

/** A finite number from ffprobe's string fields ("N/A" and absent fields give undefined). */
function numberField(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** Frames per second from a rational like `30000/1001`, rounded to 3 decimals; 0 when unknown. */
export function parseFrameRate(rate: string | undefined): number {
  if (!rate) return 0;
  const [num, den] = rate.split('/').map(Number);
  if (!num || !den || !Number.isFinite(num / den)) return 0;
  return Math.round((num / den) * 1000) / 1000;
}

/** Image demuxers (`png_pipe`, `image2`) and the text-as-video `tty` demuxer do not make a file a video. */
function isPictureOrTextFormat(formatName: string): boolean {
  return formatName === 'tty' || formatName === 'image2' || formatName.endsWith('_pipe');
}

/** A video stream that is real moving picture, not cover art, a still image or ANSI text. */
function isMovingVideo(stream: ProbeStream, formatName: string): boolean {
  return (
    stream.codec_type === 'video' &&
    stream.codec_name !== 'ansi' &&
    !stream.disposition?.attached_pic &&
    !stream.disposition?.still_image &&
    !isPictureOrTextFormat(formatName)
  );
}

/**
 * Seconds of end padding the encoder appended to an MP3 (from the LAME/Xing gapless header, which ffmpeg
 * reports as `discard_padding` on the last packet). ffmpeg's MP3 duration counts the encoder delay and this
 * padding although decoders drop both, so the raw figure is ~100 ms long for a 16 kHz file.
 */
async function mp3EndPaddingSec(filePath: string, durationSec: number, sampleRate: number): Promise<number> {
  const args = ['-v', 'error', '-select_streams', 'a:0', '-read_intervals', `${Math.max(0, durationSec - 2)}%+#1000`];
  args.push('-show_entries', 'packet=pts_time:packet_side_data=discard_padding', '-of', 'json', filePath);
  const { exitCode, stdout } = await runTool('ffprobe', args);
  if (exitCode !== 0) return 0;
  try {
    const packets = (JSON.parse(stdout) as { packets?: { side_data_list?: { discard_padding?: number }[] }[] }).packets;
    const padding = packets?.[packets.length - 1]?.side_data_list?.find((d) => d.discard_padding)?.discard_padding;
    return padding && sampleRate ? padding / sampleRate : 0;
  } catch {
    return 0;
  }
}

/** Duration of the audio as a player's timeline shows it, corrected for MP3 encoder delay and padding. */
async function playableDurationMs(filePath: string, format: ProbeFormat, audio: ProbeStream): Promise<number> {
  let durationSec = numberField(format.duration) ?? numberField(audio.duration) ?? 0;
  if (format.format_name === 'mp3' && durationSec > 0) {
    const startSec = numberField(audio.start_time) ?? numberField(format.start_time) ?? 0;
    const sampleRate = numberField(audio.sample_rate) ?? 0;
    durationSec -= Math.max(0, startSec) + (await mp3EndPaddingSec(filePath, durationSec, sampleRate));
  }
  return Math.max(0, Math.round(durationSec * 1000 * 1000) / 1000);
}

/** The parsed ffprobe JSON of a file, or a MediaError naming the file. */
async function runProbe(filePath: string): Promise<ProbeJson> {
  const args = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', filePath];
  const { exitCode, stdout, stderr } = await runTool('ffprobe', args);
  const detail = new Error(lastErrorLine(stderr));
  if (exitCode !== 0) throw mediaError('UNREADABLE', filePath, mediaReason('notMediaFfprobe'), detail);
  try {
    return JSON.parse(stdout) as ProbeJson;
  } catch (error) {
    throw mediaError('UNREADABLE', filePath, mediaReason('notMediaFfprobe'), error);
  }
}

/** Checks the path is an existing regular file; returns its stats. */
export async function requireFile(filePath: string): Promise<Stats> {
  try {
    const info = await stat(filePath);
    if (!info.isFile()) throw mediaError('NOT_A_FILE', filePath, mediaReason('notAFile'));
    return info;
  } catch (error) {
    if (error instanceof MediaError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw mediaError('NOT_FOUND', filePath, mediaReason('notFound'), error);
    throw mediaError('UNREADABLE', filePath, mediaReason('cannotRead', { reason: code ?? String(error) }), error);
  }
}

/**
 * Describes a media file with ffprobe. Rejects with MediaError: `NOT_FOUND`, `NOT_A_FILE`,
 * `UNREADABLE` (`notes.txt: not a media file ffprobe can read`), `NO_AUDIO` (`silent.mp4: no audio stream`),
 * `TOOL_MISSING`.
 */
export async function probeMedia(filePath: string): Promise<MediaInfo> {
  const absolute = path.resolve(filePath);
  const sizeBytes = (await requireFile(absolute)).size;
  const probe = await runProbe(absolute);
  const format = probe.format ?? {};
  const formatName = format.format_name ?? '';
  const streams = probe.streams ?? [];
  const audio = streams.find((s) => s.codec_type === 'audio');
  const video = streams.find((s) => isMovingVideo(s, formatName));
  if (!probe.format || (!audio && !video)) {
    throw mediaError('UNREADABLE', absolute, mediaReason('notMediaFfprobe'));
  }
  if (!audio) throw mediaError('NO_AUDIO', absolute, mediaReason('noAudio'));
  const info: MediaInfo = {
    path: absolute,
    durationMs: await playableDurationMs(absolute, format, audio),
    hasVideo: Boolean(video),
    hasAudio: true,
    audio: {
      codec: audio.codec_name ?? 'unknown',
      sampleRate: numberField(audio.sample_rate) ?? 0,
      channels: audio.channels ?? 0,
    },
    format: formatName,
    sizeBytes,
  };
  if (video) {
    info.video = {
      codec: video.codec_name ?? 'unknown',
      width: video.width ?? 0,
      height: video.height ?? 0,
      fps: parseFrameRate(video.avg_frame_rate) || parseFrameRate(video.r_frame_rate),
    };
  }
  return info;
}
