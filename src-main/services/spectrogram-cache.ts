/**
 * On-disk spectrogram cache, beside the peaks cache: one `<sha1>.spectrogram` file per media version, laid out as
 * `"CWSG"` | uint32 LE header length | JSON header | column levels. A checksum and an exact length check make a
 * corrupt or truncated entry read as a miss.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Spectrogram, SpectrogramParams } from '../../src-shared/spectrogram';
import { checksum, type PeaksSource } from './peaks-cache';

/** Bump when the layout or the computation changes, so old entries stop matching. */
export const SPECTROGRAM_CACHE_VERSION = 1;

const MAGIC = 'CWSG';
const PREFIX_BYTES = 8;

interface CacheHeader extends SpectrogramParams {
  version: number;
  source: PeaksSource;
  columns: number;
  durationMs: number;
  checksum: number;
}

/** Cache file for a media version and spectrogram parameters. */
export function spectrogramCacheFile(cacheDir: string, source: PeaksSource, params: SpectrogramParams): string {
  const fields = [SPECTROGRAM_CACHE_VERSION, source.path, source.sizeBytes, source.mtimeMs];
  fields.push(params.sampleRate, params.fftSize, params.hopSamples, params.minDb, params.maxDb);
  return path.join(cacheDir, `${createHash('sha1').update(fields.join('\0')).digest('hex')}.spectrogram`);
}

/** Serialises a spectrogram for the cache. */
export function encodeSpectrogram(spectrogram: Spectrogram, source: PeaksSource): Buffer {
  const { data, ...rest } = spectrogram;
  const header: CacheHeader = {
    version: SPECTROGRAM_CACHE_VERSION,
    source,
    sampleRate: rest.sampleRate,
    fftSize: rest.fftSize,
    hopSamples: rest.hopSamples,
    bins: rest.bins,
    minDb: rest.minDb,
    maxDb: rest.maxDb,
    columns: rest.columns,
    durationMs: rest.durationMs,
    checksum: checksum(data),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const out = Buffer.allocUnsafe(PREFIX_BYTES + json.byteLength + data.byteLength);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(json.byteLength, 4);
  out.set(json, PREFIX_BYTES);
  out.set(data, PREFIX_BYTES + json.byteLength);
  return out;
}

/** Parses a cache file; null unless it is a complete, intact entry for `source` with `params` (never throws). */
export function decodeSpectrogram(file: Buffer, source: PeaksSource, params: SpectrogramParams): Spectrogram | null {
  if (file.byteLength < PREFIX_BYTES || file.toString('latin1', 0, 4) !== MAGIC) return null;
  const headerBytes = file.readUInt32LE(4);
  if (PREFIX_BYTES + headerBytes > file.byteLength) return null;
  let header: CacheHeader;
  try {
    header = JSON.parse(file.toString('utf8', PREFIX_BYTES, PREFIX_BYTES + headerBytes)) as CacheHeader;
  } catch {
    return null;
  }
  if (typeof header !== 'object' || header === null || header.version !== SPECTROGRAM_CACHE_VERSION) return null;
  const s = header.source;
  if (s?.path !== source.path || s.sizeBytes !== source.sizeBytes || s.mtimeMs !== source.mtimeMs) return null;
  const same = (['sampleRate', 'fftSize', 'hopSamples', 'bins', 'minDb', 'maxDb'] as const).every(
    (key) => header[key] === params[key],
  );
  if (!same || !Number.isInteger(header.columns) || header.columns < 0) return null;
  const dataStart = PREFIX_BYTES + headerBytes;
  if (dataStart + header.columns * header.bins !== file.byteLength) return null;
  const data = new Uint8Array(file.subarray(dataStart));
  if (checksum(data) !== header.checksum) return null;
  return { ...params, columns: header.columns, durationMs: header.durationMs, data };
}

/** Reads a cache entry; null on a miss, a damaged file or any read error. */
export async function readSpectrogramCache(
  file: string,
  source: PeaksSource,
  params: SpectrogramParams,
): Promise<Spectrogram | null> {
  try {
    return decodeSpectrogram(await readFile(file), source, params);
  } catch {
    return null;
  }
}

/** Writes a cache entry atomically (temp file + rename). */
export async function writeSpectrogramCache(file: string, spectrogram: Spectrogram, source: PeaksSource) {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await writeFile(temp, encodeSpectrogram(spectrogram, source));
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
}
