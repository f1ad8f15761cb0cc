/** Shared media vocabulary: probe results, `cuewave-media://media/<encodeURIComponent(absolute path)>` URLs, MIME types. */

/** What a media file holds, as found by ffprobe (see src-main/services/media-probe.ts). */
export interface MediaInfo {
  /** Absolute path of the file. */
  path: string;
  /** Playable duration of the audio on the media timeline (encoder delay and padding excluded where known). */
  durationMs: number;
  hasVideo: boolean;
  /** Always true for a successful probe: files without audio are rejected. */
  hasAudio: boolean;
  /** The first audio stream, the one peaks are computed from. */
  audio: { codec: string; sampleRate: number; channels: number };
  /** The first real video stream (cover art and still images do not count). */
  video?: { codec: string; width: number; height: number; fps: number };
  /** ffprobe's container name(s), e.g. `ogg`, `mp3`, `wav`, `mov,mp4,m4a,3gp,3g2,mj2`. */
  format: string;
  sizeBytes: number;
}

/** Default custom scheme the main process registers for streaming local media to the renderer. */
export const MEDIA_SCHEME = 'cuewave-media';

/**
 * Fixed host of every media URL. The whole absolute path is one percent-encoded path segment after it,
 * so slashes, backslashes, drive colons, `#`, `?` and `%` in file names survive any URL parser untouched.
 */
export const MEDIA_HOST = 'media';

/** URL under which the renderer can load a local media file: `cuewave-media://media/%2Fhome%2Fme%2Fa%20b.ogg`. */
export function mediaUrlFor(path: string, scheme: string = MEDIA_SCHEME): string {
  return `${scheme}://${MEDIA_HOST}/${encodeURIComponent(path)}`;
}

/** Absolute POSIX (`/x`), drive (`C:\x`, `C:/x`) or UNC (`\\server\share`) path. */
function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
}

/**
 * The absolute file path a media URL points at, or null when the URL is not one of ours (wrong scheme or host,
 * bad escapes, relative path, NUL byte). Query and fragment are ignored so callers may add cache busters.
 */
export function mediaPathFromUrl(url: string, scheme: string = MEDIA_SCHEME): string | null {
  // Parsed by hand: src-shared has no URL global, and the shape is fixed (`scheme://host/encoded-path?query#hash`).
  const prefix = `${scheme}://`;
  if (url.slice(0, prefix.length).toLowerCase() !== prefix.toLowerCase()) return null;
  const rest = url.slice(prefix.length).replace(/[?#].*$/s, '');
  const slash = rest.indexOf('/');
  if (slash < 0 || rest.slice(0, slash).toLowerCase() !== MEDIA_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(rest.slice(slash + 1));
  } catch {
    return null;
  }
  if (path.length === 0 || path.includes('\0') || !isAbsolutePath(path)) return null;
  return path;
}

/** Content types by lower-case file extension, for the formats a subtitle editor is likely to open. */
export const MEDIA_MIME_TYPES: Readonly<Record<string, string>> = {
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
  ogv: 'video/ogg',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  m4b: 'audio/mp4',
  aac: 'audio/aac',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
  wav: 'audio/wav',
  wave: 'audio/wav',
  flac: 'audio/flac',
  webm: 'video/webm',
  weba: 'audio/webm',
  mkv: 'video/x-matroska',
  mka: 'audio/x-matroska',
  avi: 'video/x-msvideo',
  ts: 'video/mp2t',
  m2ts: 'video/mp2t',
  mts: 'video/mp2t',
  '3gp': 'video/3gpp',
  aif: 'audio/aiff',
  aiff: 'audio/aiff',
  wma: 'audio/x-ms-wma',
  wmv: 'video/x-ms-wmv',
  vtt: 'text/vtt',
  srt: 'application/x-subrip',
};

/** Content type for a file name by its extension; `application/octet-stream` when unknown. */
export function mediaMimeType(path: string): string {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return 'application/octet-stream';
  const extension = name.slice(dot + 1).toLowerCase();
  // hasOwn, not `in`: a file named `x.constructor` must not pick up Object.prototype members.
  return Object.hasOwn(MEDIA_MIME_TYPES, extension)
    ? (MEDIA_MIME_TYPES[extension] as string)
    : 'application/octet-stream';
}
