/** Specification of the cuewave-media protocol handler: byte ranges, content types, permissions, errors, streaming. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMediaProtocolHandler, parseRangeHeader } from '../../src-main/services/media-protocol';
import { mediaUrlFor } from '../../src-shared/media-url';

const FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures');
const MP4 = path.join(FIXTURES, 'interview-3min.mp4');

let tmp: string;
let clip: string;
let clipBytes: Buffer;
const allowed = new Set<string>();
const asked: string[] = [];
const logged: string[] = [];

const handler = createMediaProtocolHandler({
  isAllowed: (p) => {
    asked.push(p);
    return allowed.has(p);
  },
  log: (message) => logged.push(message),
});

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'cuewave-protocol-'));
  clip = path.join(tmp, 'clip #1 (final).ogg');
  clipBytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 31 + 7) & 255));
  writeFileSync(clip, clipBytes);
  writeFileSync(path.join(tmp, 'empty.wav'), '');
  writeFileSync(path.join(tmp, 'secret.mp3'), 'secret');
  mkdirSync(path.join(tmp, 'folder.mkv'));
  for (const name of ['clip #1 (final).ogg', 'empty.wav', 'gone.webm', 'folder.mkv']) allowed.add(path.join(tmp, name));
  for (const name of ['interview.ogg', 'interview.mp3', 'interview.m4a', 'interview-3min.wav', 'interview-3min.mp4']) {
    allowed.add(path.join(FIXTURES, name));
  }
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

function get(filePath: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Response> {
  return handler(new Request(mediaUrlFor(filePath), { method, headers }));
}

async function body(response: Response): Promise<Buffer> {
  return Buffer.from(await response.arrayBuffer());
}

describe('full and partial responses', () => {
  it('GET without Range: 200 with the whole file and its headers', async () => {
    const response = await get(clip);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/ogg');
    expect(response.headers.get('content-length')).toBe('1000');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('content-range')).toBeNull();
    expect((await body(response)).equals(clipBytes)).toBe(true);
  });

  it('bytes=a-b: 206 with exactly those bytes', async () => {
    const response = await get(clip, { Range: 'bytes=100-199' });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 100-199/1000');
    expect(response.headers.get('content-length')).toBe('100');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect((await body(response)).equals(clipBytes.subarray(100, 200))).toBe(true);
  });

  it('bytes=a-: from a to the end; an end past the file is clamped', async () => {
    const open = await get(clip, { Range: 'bytes=990-' });
    expect(open.status).toBe(206);
    expect(open.headers.get('content-range')).toBe('bytes 990-999/1000');
    expect((await body(open)).equals(clipBytes.subarray(990))).toBe(true);
    const clamped = await get(clip, { Range: 'bytes=500-5000' });
    expect(clamped.headers.get('content-range')).toBe('bytes 500-999/1000');
    expect(clamped.headers.get('content-length')).toBe('500');
    expect((await body(clamped)).equals(clipBytes.subarray(500))).toBe(true);
  });

  it('bytes=-n: the last n bytes, or the whole file when n exceeds it', async () => {
    const tail = await get(clip, { Range: 'bytes=-10' });
    expect(tail.status).toBe(206);
    expect(tail.headers.get('content-range')).toBe('bytes 990-999/1000');
    expect((await body(tail)).equals(clipBytes.subarray(990))).toBe(true);
    const all = await get(clip, { Range: 'bytes=-4000' });
    expect(all.status).toBe(206);
    expect(all.headers.get('content-range')).toBe('bytes 0-999/1000');
    expect((await body(all)).equals(clipBytes)).toBe(true);
  });

  it('single bytes at both ends', async () => {
    expect([...(await body(await get(clip, { Range: 'bytes=0-0' })))]).toEqual([clipBytes[0]]);
    expect([...(await body(await get(clip, { Range: 'bytes=999-999' })))]).toEqual([clipBytes[999]]);
  });

  it('serves a real video fixture byte-exactly, seeking into the middle', async () => {
    const file = readFileSync(MP4);
    const response = await get(MP4, { Range: 'bytes=1000000-1065535' });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-type')).toBe('video/mp4');
    expect(response.headers.get('content-range')).toBe(`bytes 1000000-1065535/${file.length}`);
    expect((await body(response)).equals(file.subarray(1_000_000, 1_065_536))).toBe(true);
    const whole = await get(MP4);
    expect(whole.headers.get('content-length')).toBe(String(file.length));
    expect((await body(whole)).equals(file)).toBe(true);
  });

  it('names the content type of each fixture format', async () => {
    const types: Record<string, string> = {
      'interview.ogg': 'audio/ogg',
      'interview.mp3': 'audio/mpeg',
      'interview.m4a': 'audio/mp4',
      'interview-3min.wav': 'audio/wav',
      'interview-3min.mp4': 'video/mp4',
    };
    for (const [name, type] of Object.entries(types)) {
      const response = await get(path.join(FIXTURES, name), {}, 'HEAD');
      expect(response.headers.get('content-type')).toBe(type);
    }
  });

  it('HEAD: the same headers, no body', async () => {
    const response = await get(clip, { Range: 'bytes=10-19' }, 'HEAD');
    expect(response.status).toBe(206);
    expect(response.headers.get('content-length')).toBe('10');
    expect(response.headers.get('content-range')).toBe('bytes 10-19/1000');
    expect(response.body).toBeNull();
  });

  it('an empty file: 200 with no bytes, and any range is unsatisfiable', async () => {
    const empty = path.join(tmp, 'empty.wav');
    const response = await get(empty);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('0');
    expect((await body(response)).length).toBe(0);
    expect((await get(empty, { Range: 'bytes=0-' })).status).toBe(416);
    expect((await get(empty, { Range: 'bytes=-5' })).status).toBe(416);
  });
});

describe('ranges that cannot be served', () => {
  it('416 with Content-Range bytes */size for ranges past the end, inverted or malformed', async () => {
    for (const range of ['bytes=1000-', 'bytes=1000-1001', 'bytes=5-2', 'bytes=-0', 'bytes=abc', 'bytes=-']) {
      const response = await get(clip, { Range: range });
      expect(response.status, range).toBe(416);
      expect(response.headers.get('content-range'), range).toBe('bytes */1000');
    }
  });

  it('ignores other units and multi-range requests (full 200 response)', async () => {
    for (const range of ['items=0-5', 'bytes=0-1,5-6']) {
      const response = await get(clip, { Range: range });
      expect(response.status, range).toBe(200);
      expect((await body(response)).equals(clipBytes)).toBe(true);
    }
  });

  it('parseRangeHeader decides the same way', () => {
    expect(parseRangeHeader(null, 10)).toEqual({ kind: 'full' });
    expect(parseRangeHeader('bytes=2-4', 10)).toEqual({ kind: 'partial', start: 2, end: 4 });
    expect(parseRangeHeader(' Bytes = 2 - ', 10)).toEqual({ kind: 'partial', start: 2, end: 9 });
    expect(parseRangeHeader('bytes=-3', 10)).toEqual({ kind: 'partial', start: 7, end: 9 });
    expect(parseRangeHeader('bytes=10-', 10)).toEqual({ kind: 'unsatisfiable' });
  });
});

describe('permissions and errors', () => {
  it('403 for a file the user did not open, without revealing whether it exists', async () => {
    const secret = await get(path.join(tmp, 'secret.mp3'));
    expect(secret.status).toBe(403);
    const unknown = await get(path.join(tmp, 'nothing-here.mp3'));
    expect(unknown.status).toBe(403);
    expect(logged.some((line) => line.includes('403') && line.includes('secret.mp3'))).toBe(true);
  });

  it('checks the normalised path, so `..` cannot reach a file outside the allowed ones', async () => {
    const sneaky = `${tmp}/folder.mkv/../secret.mp3`;
    asked.length = 0;
    const response = await get(sneaky);
    expect(response.status).toBe(403);
    expect(asked).toEqual([path.join(tmp, 'secret.mp3')]);
    const fine = await get(`${tmp}/folder.mkv/../clip #1 (final).ogg`);
    expect(fine.status).toBe(200);
  });

  it('404 for an allowed path that is missing or a folder', async () => {
    expect((await get(path.join(tmp, 'gone.webm'))).status).toBe(404);
    expect((await get(path.join(tmp, 'folder.mkv'))).status).toBe(404);
  });

  it('405 for methods other than GET and HEAD', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const response = await get(clip, {}, method);
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD');
    }
  });

  it('400 for URLs that are not media URLs', async () => {
    for (const url of [
      'cuewave-media://media/relative.ogg',
      'cuewave-media://elsewhere/%2Fa.ogg',
      'cuewave-media://media/%ZZ',
    ]) {
      expect((await handler(new Request(url))).status, url).toBe(400);
    }
  });

  it('a throwing isAllowed refuses (403)', async () => {
    const strict = createMediaProtocolHandler({
      isAllowed: () => {
        throw new Error('registry unavailable');
      },
    });
    expect((await strict(new Request(mediaUrlFor(clip)))).status).toBe(403);
  });
});

describe('streaming', () => {
  /** Open file descriptors of this process (Linux). */
  function openFds(): number {
    return readdirSync('/proc/self/fd').length;
  }

  it.runIf(process.platform === 'linux')('closes the file when the reader cancels mid-body', async () => {
    const before = openFds();
    const response = await get(MP4);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    expect(first.value?.byteLength).toBeLessThan(readFileSync(MP4).length);
    await reader.cancel();
    // The file handle closes asynchronously after the cancel.
    for (let i = 0; i < 50 && openFds() > before; i++) await new Promise((r) => setTimeout(r, 10));
    expect(openFds()).toBeLessThanOrEqual(before);
  });
});
