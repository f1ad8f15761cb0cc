/**
 * On-disk peaks cache: one `<sha1>.peaks` file per media version, laid out as
 * `"CWPK"` | uint32 LE header length | JSON header (space-padded to 8 bytes) | level arrays back to back.
 * A checksum and exact length checks make a corrupt or truncated entry read as a miss.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Peaks, PeaksArray, PeaksLevel } from '../../src-shared/waveform';

/** Bump when the file layout or the peak computation changes, so old entries stop matching. */
export const PEAKS_CACHE_VERSION = 1;

const MAGIC = 'CWPK';
const PREFIX_BYTES = 8;
const ALIGN_BYTES = 8;

/** The media file version a cache entry belongs to. */
export interface PeaksSource {
  /** Absolute path. */
  path: string;
  sizeBytes: number;
  mtimeMs: number;
}

/** Peak parameters that change the data, part of the key. */
export interface PeaksParams {
  sampleRate: number;
  samplesPerPixel: number;
}

interface CacheHeader {
  version: number;
  source: PeaksSource;
  sampleRate: number;
  bits: 8 | 16;
  durationMs: number;
  levels: { samplesPerPixel: number; length: number }[];
  checksum: number;
}

/** Cache key: sha1 of format version, absolute path, size, mtime and peak parameters. */
export function peaksCacheKey(source: PeaksSource, params: PeaksParams): string {
  const fields = [PEAKS_CACHE_VERSION, source.path, source.sizeBytes, source.mtimeMs, params.sampleRate];
  fields.push(params.samplesPerPixel);
  return createHash('sha1').update(fields.join('\0')).digest('hex');
}

/** Path of the cache file for a key. */
export function peaksCacheFile(cacheDir: string, key: string): string {
  return path.join(cacheDir, `${key}.peaks`);
}

/** FNV-1a over 32-bit words (then trailing bytes): cheap enough for megabytes, catches flipped or zeroed data. */
export function checksum(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  const wordCount = bytes.byteLength >> 2;
  const words =
    bytes.byteOffset % 4 === 0
      ? new Int32Array(bytes.buffer, bytes.byteOffset, wordCount)
      : new Int32Array(bytes.slice(0, wordCount * 4).buffer);
  for (let i = 0; i < wordCount; i++) hash = Math.imul(hash ^ (words[i] as number), 0x01000193);
  for (let i = wordCount * 4; i < bytes.byteLength; i++) hash = Math.imul(hash ^ (bytes[i] as number), 0x01000193);
  return hash >>> 0;
}

function bytesOf(data: PeaksArray): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** Serialises peaks (all levels) for the cache. */
export function encodePeaks(peaks: Peaks, source: PeaksSource): Buffer {
  const dataBytes = peaks.levels.reduce((sum, level) => sum + level.data.byteLength, 0);
  const data = new Uint8Array(dataBytes);
  let offset = 0;
  for (const level of peaks.levels) {
    data.set(bytesOf(level.data), offset);
    offset += level.data.byteLength;
  }
  const header: CacheHeader = {
    version: PEAKS_CACHE_VERSION,
    source,
    sampleRate: peaks.sampleRate,
    bits: peaks.bits,
    durationMs: peaks.durationMs,
    levels: peaks.levels.map((level) => ({ samplesPerPixel: level.samplesPerPixel, length: level.length })),
    checksum: checksum(data),
  };
  let json = JSON.stringify(header);
  const pad = (ALIGN_BYTES - ((PREFIX_BYTES + Buffer.byteLength(json)) % ALIGN_BYTES)) % ALIGN_BYTES;
  json += ' '.repeat(pad);
  const headerBytes = Buffer.byteLength(json);
  const out = Buffer.allocUnsafe(PREFIX_BYTES + headerBytes + dataBytes);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(headerBytes, 4);
  out.write(json, PREFIX_BYTES, 'utf8');
  out.set(data, PREFIX_BYTES + headerBytes);
  return out;
}

function sameSource(a: PeaksSource | undefined, b: PeaksSource): boolean {
  return a?.path === b.path && a.sizeBytes === b.sizeBytes && a.mtimeMs === b.mtimeMs;
}

function parseHeader(file: Buffer): { header: CacheHeader; dataStart: number } | null {
  if (file.byteLength < PREFIX_BYTES || file.toString('latin1', 0, 4) !== MAGIC) return null;
  const headerBytes = file.readUInt32LE(4);
  if (PREFIX_BYTES + headerBytes > file.byteLength) return null;
  try {
    const header = JSON.parse(file.toString('utf8', PREFIX_BYTES, PREFIX_BYTES + headerBytes)) as CacheHeader | null;
    // Valid JSON is not necessarily a header object: `null` or `42` read as a miss too.
    if (typeof header !== 'object' || header === null) return null;
    return { header, dataStart: PREFIX_BYTES + headerBytes };
  } catch {
    return null;
  }
}

/** Level sizes must chain: each coarser level has ceil(finer length / factor) pairs. */
function levelsConsistent(levels: CacheHeader['levels']): boolean {
  if (!Array.isArray(levels) || levels.length === 0) return false;
  return levels.every((level, i) => {
    if (typeof level !== 'object' || level === null) return false;
    if (!Number.isInteger(level.length) || level.length < 0 || !(level.samplesPerPixel > 0)) return false;
    if (i === 0) return true;
    const finer = levels[i - 1] as CacheHeader['levels'][number];
    const factor = level.samplesPerPixel / finer.samplesPerPixel;
    return Number.isInteger(factor) && level.length === Math.ceil(finer.length / factor);
  });
}

/** Parses a cache file; null when it is not a complete, intact entry for `source` (never throws). */
export function decodePeaks(file: Buffer, source: PeaksSource): Peaks | null {
  const parsed = parseHeader(file);
  if (!parsed) return null;
  const { header, dataStart } = parsed;
  if (header.version !== PEAKS_CACHE_VERSION || !sameSource(header.source, source)) return null;
  if ((header.bits !== 8 && header.bits !== 16) || !levelsConsistent(header.levels)) return null;
  const bytesPerValue = header.bits / 8;
  const dataBytes = header.levels.reduce((sum, level) => sum + level.length * 2 * bytesPerValue, 0);
  if (dataStart + dataBytes !== file.byteLength) return null;
  const data = new Uint8Array(file.buffer, file.byteOffset + dataStart, dataBytes);
  if (checksum(data) !== header.checksum) return null;
  let offset = 0;
  const levels: PeaksLevel[] = header.levels.map(({ samplesPerPixel, length }) => {
    // Each level gets its own buffer, so posting one level to the renderer does not clone the whole file.
    const bytes = data.slice(offset, offset + length * 2 * bytesPerValue);
    offset += bytes.byteLength;
    const values = header.bits === 8 ? new Int8Array(bytes.buffer) : new Int16Array(bytes.buffer);
    return { samplesPerPixel, length, data: values };
  });
  const base = levels[0] as PeaksLevel;
  return {
    sampleRate: header.sampleRate,
    samplesPerPixel: base.samplesPerPixel,
    length: base.length,
    bits: header.bits,
    data: base.data,
    levels,
    durationMs: header.durationMs,
  };
}

/** Reads a cache entry; null on a miss, a corrupt or truncated file, or any read error. */
export async function readPeaksCache(file: string, source: PeaksSource): Promise<Peaks | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return null;
  }
  return decodePeaks(bytes, source);
}

/** Writes a cache entry atomically (temp file + rename), so readers never see half an entry. */
export async function writePeaksCache(file: string, peaks: Peaks, source: PeaksSource): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await writeFile(temp, encodePeaks(peaks, source));
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
}
