/**
 * On-disk cache of Silero speech probabilities, beside the peaks: one `<sha1>.vad` file per media version and model,
 * `"CWVD"` | uint32 LE header length | JSON header | one byte per window (probability x 255). A wrong length,
 * checksum or source reads as a miss, like the peaks cache.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PeaksSource } from '../peaks-cache';

/** Bump when the layout or the way probabilities are computed changes. */
export const VAD_CACHE_VERSION = 1;
const MAGIC = 'CWVD';

/** What a cached run holds: per-window probabilities (0..255) and the length of the audio. */
export interface CachedProbabilities {
  windowMs: number;
  durationMs: number;
  probabilities: Uint8Array;
}

interface Header {
  version: number;
  model: string;
  source: PeaksSource;
  windowMs: number;
  durationMs: number;
  count: number;
  checksum: number;
}

/** Cache file of a media version and model (`model` names the weights and the run settings). */
export function vadCacheFile(cacheDir: string, source: PeaksSource, model: string): string {
  const key = createHash('sha1')
    .update([VAD_CACHE_VERSION, model, source.path, source.sizeBytes, source.mtimeMs].join('\0'))
    .digest('hex');
  return path.join(cacheDir, `${key}.vad`);
}

function checksum(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ (bytes[i] as number), 0x01000193);
  return hash >>> 0;
}

/** Reads an entry; null on a miss or anything that is not an intact entry for this source and model. */
export async function readVadCache(
  file: string,
  source: PeaksSource,
  model: string,
): Promise<CachedProbabilities | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return null;
  }
  if (bytes.byteLength < 8 || bytes.toString('latin1', 0, 4) !== MAGIC) return null;
  const headerBytes = bytes.readUInt32LE(4);
  if (8 + headerBytes > bytes.byteLength) return null;
  let header: Header;
  try {
    header = JSON.parse(bytes.toString('utf8', 8, 8 + headerBytes)) as Header;
  } catch {
    return null;
  }
  if (typeof header !== 'object' || header === null || header.version !== VAD_CACHE_VERSION) return null;
  const s = header.source;
  if (header.model !== model || s?.path !== source.path || s.sizeBytes !== source.sizeBytes) return null;
  if (s.mtimeMs !== source.mtimeMs || 8 + headerBytes + header.count !== bytes.byteLength) return null;
  const probabilities = new Uint8Array(bytes.subarray(8 + headerBytes));
  if (checksum(probabilities) !== header.checksum) return null;
  return { windowMs: header.windowMs, durationMs: header.durationMs, probabilities };
}

/** Writes an entry atomically (temp file + rename). */
export async function writeVadCache(
  file: string,
  source: PeaksSource,
  model: string,
  entry: CachedProbabilities,
): Promise<void> {
  const header: Header = {
    version: VAD_CACHE_VERSION,
    model,
    source,
    windowMs: entry.windowMs,
    durationMs: entry.durationMs,
    count: entry.probabilities.length,
    checksum: checksum(entry.probabilities),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const out = Buffer.alloc(8 + json.byteLength + entry.probabilities.length);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(json.byteLength, 4);
  out.set(json, 8);
  out.set(entry.probabilities, 8 + json.byteLength);
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await writeFile(temp, out);
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
}
