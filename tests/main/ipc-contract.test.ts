// The IPC contract: every channel has validators, they accept well-formed payloads and refuse everything else.
import { describe, expect, it } from 'vitest';
import {
  COMMAND_IDS,
  EVENT_CHANNELS,
  EVENTS,
  eventChannelName,
  fileKind,
  INVOKE_CHANNELS,
  INVOKES,
  invokeChannelName,
  isInvokeChannel,
  isValid,
  LIMITS,
  PANELS,
  v,
  validate,
} from '../../src-shared/ipc-contract';

describe('validator combinators', () => {
  const point = v.object({ x: v.integer(0, 10), label: v.optional(v.string(5)), tag: v.nullable(v.literal('a', 'b')) });

  it('accepts a value of the described shape, with optional fields left out', () => {
    expect(validate(point, { x: 3, tag: null })).toBeNull();
    expect(validate(point, { x: 10, label: 'hi', tag: 'b' })).toBeNull();
  });

  it('names the offending field in its message', () => {
    expect(validate(point, { x: 11, tag: null }, 'req')).toBe('req.x must be between 0 and 10');
    expect(validate(point, { x: 1, label: 'too long', tag: null }, 'req')).toBe(
      'req.label is longer than 5 characters',
    );
    expect(validate(point, { x: 1, tag: 'c' }, 'req')).toBe('req.tag must be one of a, b');
  });

  it('refuses unknown keys, so smuggled fields fail loudly', () => {
    expect(validate(point, { x: 1, tag: null, extra: true }, 'req')).toBe('req.extra is not allowed');
    // Names found on Object.prototype are not in the shape either.
    expect(validate(point, { x: 1, tag: null, constructor: 1 }, 'req')).toBe('req.constructor is not allowed');
    expect(validate(point, JSON.parse('{"x":1,"tag":null,"__proto__":{}}'), 'req')).toBe(
      'req.__proto__ is not allowed',
    );
  });

  it('refuses non-plain objects, arrays and prototypes other than Object', () => {
    expect(validate(point, [1], 'req')).toBe('req must be an object');
    expect(validate(point, new (class Point {})(), 'req')).toBe('req must be an object');
    expect(validate(point, null, 'req')).toBe('req must be an object');
  });

  it('checks numbers are finite and integers are safe integers', () => {
    expect(isValid(v.number(), Number.NaN)).toBe(false);
    expect(isValid(v.number(), Number.POSITIVE_INFINITY)).toBe(false);
    expect(isValid(v.integer(), 1.5)).toBe(false);
    expect(isValid(v.integer(), 2 ** 53)).toBe(false);
  });

  it('limits array lengths and checks each item', () => {
    expect(validate(v.array(v.integer(), 2), [1, 2, 3], 'list')).toBe('list has more than 2 items');
    expect(validate(v.array(v.integer()), [1, 'x'], 'list')).toBe('list[1] must be an integer');
  });

  it('accepts absolute-looking paths and refuses empty ones, NUL bytes and overlong ones', () => {
    expect(isValid(v.path(), '/home/me/a.srt')).toBe(true);
    expect(isValid(v.path(), '')).toBe(false);
    expect(isValid(v.path(), '/tmp/a\0b')).toBe(false);
    expect(isValid(v.path(), `/${'a'.repeat(LIMITS.pathLength)}`)).toBe(false);
  });

  it('matches a union when any option matches', () => {
    const outcome = v.union(
      v.object({ status: v.literal('ok') }),
      v.object({ status: v.literal('no'), why: v.string() }),
    );
    expect(isValid(outcome, { status: 'no', why: 'because' })).toBe(true);
    expect(isValid(outcome, { status: 'maybe' })).toBe(false);
  });
});

describe('channels', () => {
  it('gives every call a request and a response validator', () => {
    for (const channel of INVOKE_CHANNELS) {
      expect(typeof INVOKES[channel].request.check, channel).toBe('function');
      expect(typeof INVOKES[channel].response.check, channel).toBe('function');
    }
  });

  it('gives every event a payload validator', () => {
    for (const event of EVENT_CHANNELS) expect(typeof EVENTS[event].check, event).toBe('function');
  });

  it('keeps call and event IPC names apart and prefixed', () => {
    const names = [...INVOKE_CHANNELS.map(invokeChannelName), ...EVENT_CHANNELS.map(eventChannelName)];
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name.startsWith('cuewave:')).toBe(true);
  });

  it('knows its own channel names and nothing inherited from Object', () => {
    expect(isInvokeChannel('openDocument')).toBe(true);
    expect(isInvokeChannel('toString')).toBe(false);
    expect(isInvokeChannel('__proto__')).toBe(false);
    expect(isInvokeChannel(42)).toBe(false);
  });

  it('accepts typical requests', () => {
    expect(validate(INVOKES.openDocument.request, { path: '/x/a.srt' })).toBeNull();
    expect(validate(INVOKES.saveDocument.request, { handle: 'doc-1', text: '1\n' })).toBeNull();
    expect(validate(INVOKES.saveDocument.request, { handle: 'doc-1', text: '', overwrite: true })).toBeNull();
    expect(validate(INVOKES.startup.request, {})).toBeNull();
    expect(
      validate(INVOKES.exportWebVtt.request, { handle: 'doc-1', cues: [{ startMs: 0, endMs: 1000, text: 'hi' }] }),
    ).toBeNull();
  });

  it('refuses malformed requests', () => {
    expect(validate(INVOKES.openDocument.request, { path: 42 }, 'openDocument')).toBe(
      'openDocument.path must be a non-empty path',
    );
    expect(validate(INVOKES.openDocument.request, undefined)).not.toBeNull();
    expect(validate(INVOKES.saveDocument.request, { handle: 'doc-1', text: 42 })).not.toBeNull();
    expect(validate(INVOKES.saveDocument.request, { handle: 'doc-1', change: { base: 'b', at: -1 } })).not.toBeNull();
    expect(validate(INVOKES.startup.request, { sneaky: 1 })).not.toBeNull();
    expect(validate(INVOKES.updateSettings.request, { patch: { recentFiles: ['/etc/passwd'] } })).not.toBeNull();
    expect(
      validate(INVOKES.dropPaths.request, { paths: Array(LIMITS.droppedFiles + 1).fill('/a.srt') }),
    ).not.toBeNull();
  });

  it('lets updateSettings carry the theme and known panel sizes within their ranges, nothing else', () => {
    const patch = (p: unknown) => validate(INVOKES.updateSettings.request, { patch: p }, 'updateSettings');
    expect(patch({ theme: 'dark' })).toBeNull();
    expect(patch({ layout: { listPx: 900 } })).toBeNull();
    expect(patch({ layout: { topPx: PANELS.topPx.min, timelinePx: PANELS.timelinePx.max, listPx: 1000.5 } })).toBe(
      null,
    );
    expect(patch({ layout: {} })).toBeNull();
    expect(patch({ theme: 'neon' })).not.toBeNull();
    expect(patch({ layout: { listPx: PANELS.listPx.max + 1 } })).toBe(
      `updateSettings.patch.layout.listPx must be between ${PANELS.listPx.min} and ${PANELS.listPx.max}`,
    );
    expect(patch({ layout: { topPx: PANELS.topPx.min - 1 } })).not.toBeNull();
    expect(patch({ layout: { topPx: -1 } })).not.toBeNull();
    expect(patch({ layout: { timelinePx: Number.NaN } })).not.toBeNull();
    expect(patch({ layout: { timelinePx: Number.POSITIVE_INFINITY } })).not.toBeNull();
    expect(patch({ layout: { listPx: '900' } })).not.toBeNull();
    expect(patch({ layout: { inspectorWidth: 300 } })).toBe(
      'updateSettings.patch.layout.inspectorWidth is not allowed',
    );
    expect(patch({ layout: [900] })).not.toBeNull();
    expect(patch({ layout: null })).not.toBeNull();
  });

  it('lets settings responses carry stored panel sizes, also of panels a newer version added', () => {
    const settings = {
      keepBackup: true,
      profile: 'default',
      recentFiles: [],
      snapWindowMs: 300,
      theme: 'system',
      language: 'system',
      layout: { topPx: 190, timelinePx: 230, listPx: 760, futurePanel: 12 },
    };
    expect(validate(INVOKES.getSettings.response, settings)).toBeNull();
    expect(validate(INVOKES.updateSettings.response, { ...settings, layout: { listPx: -1 } })).not.toBeNull();
    expect(validate(INVOKES.getSettings.response, { ...settings, layout: { listPx: 'wide' } })).not.toBeNull();
  });

  it('lets settings carry changed key bindings, by command id, and updateSettings replace them', () => {
    const patch = (value: unknown) => validate(INVOKES.updateSettings.request, { patch: value });
    expect(patch({ shortcuts: { 'timing.goToTime': ['Mod+J'], 'media.stop': [] } })).toBeNull();
    expect(patch({ shortcuts: { 'timing.goToTime': 'Mod+J' } })).not.toBeNull();
    expect(patch({ shortcuts: { 'timing.goToTime': ['x'.repeat(65)] } })).not.toBeNull();
  });

  it('checks response shapes too (e.g. a save outcome)', () => {
    expect(validate(INVOKES.saveDocument.response, { status: 'conflict' })).toBeNull();
    expect(validate(INVOKES.saveDocument.response, { status: 'saved' })).not.toBeNull();
  });

  it('lets the command event carry exactly the command ids', () => {
    for (const id of COMMAND_IDS) expect(validate(EVENTS.command, { id })).toBeNull();
    expect(validate(EVENTS.command, { id: 'file.format-disk' })).not.toBeNull();
  });
});

describe('fileKind', () => {
  it('tells subtitles from media by extension, case-insensitively', () => {
    expect(fileKind('/a/Interview.SRT')).toBe('subtitle');
    expect(fileKind('/a/interview.ogg')).toBe('media');
    expect(fileKind('C:\\clips\\take.MP4')).toBe('media');
  });

  it('counts every readable subtitle format as a subtitle (command line, drop)', () => {
    for (const name of ['a.vtt', 'a.ass', 'a.SSA', 'a.sub', 'a.sbv'])
      expect(fileKind(`/x/${name}`), name).toBe('subtitle');
  });

  it('returns null for other files and for names that are only an extension', () => {
    expect(fileKind('/etc/passwd')).toBeNull();
    expect(fileKind('/a/notes.txt')).toBeNull();
    expect(fileKind('/a/.srt')).toBeNull();
    expect(fileKind('/a.srt/readme')).toBeNull();
  });
});
