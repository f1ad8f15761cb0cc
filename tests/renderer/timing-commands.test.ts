import { describe, expect, it } from 'vitest';
import { type AppActions, commandForShortcut, createCommands, runCommand } from '../../src-renderer/commands';
import { isShortcut } from '../../src-renderer/shortcuts/keymap';
import { goTo, previewRange } from '../../src-renderer/timing/timing-actions';
import { stepRate } from '../../src-renderer/timing/timing-commands';
import { describeWarnings } from '../../src-renderer/timing/timing-report';
import { followSelection } from '../../src-renderer/video/follow-selection';
import { msg } from '../../src-shared/messages';
import { formatSrtTime } from '../../src-shared/time';
import { loadStore, noApp } from '../support/editor-store';
import { readFixtureText } from '../support/fixtures';

const interview = () => loadStore(readFixtureText('interview-3min.srt'));

/** App actions that record what playback was asked for. */
function recordingApp() {
  const calls: string[] = [];
  const app: AppActions = {
    ...noApp,
    playRange: (from, to) => calls.push(`play ${from}-${to}`),
    seek: (ms) => calls.push(`seek ${ms}`),
    stop: () => calls.push('stop'),
    playPause: () => calls.push('playPause'),
  };
  return { app, calls };
}

describe('the timing keys in the command table', () => {
  it('are the contract defaults', () => {
    const commands = createCommands(interview(), noApp);
    const expected: Record<string, string> = {
      Space: 'media.playPause',
      Escape: 'media.stop',
      S: 'media.playCue',
      Q: 'media.playBefore',
      W: 'media.playAfter',
      E: 'media.playFirst',
      D: 'media.playLast',
      G: 'timing.setEndAndNext',
      'Alt+ArrowLeft': 'timing.startEarlier',
      'Alt+ArrowRight': 'timing.startLater',
      'Alt+Shift+ArrowLeft': 'timing.endEarlier',
      'Alt+Shift+ArrowRight': 'timing.endLater',
      'Mod+G': 'timing.goToTime',
    };
    for (const [key, id] of Object.entries(expected)) expect(commandForShortcut(commands, key)?.id, key).toBe(id);
  });

  it('gives every key to one command only, each a valid shortcut', () => {
    const commands = createCommands(interview(), noApp);
    const owner = new Map<string, string>();
    for (const spec of commands.values()) {
      for (const key of spec.defaultKeys) {
        expect(isShortcut(key), `${spec.id}: ${key}`).toBe(true);
        expect(owner.get(key), `${key} of ${spec.id} is also ${owner.get(key)}'s`).toBeUndefined();
        owner.set(key, spec.id);
      }
    }
  });

  it('takes the person’s bindings from the store, at once', () => {
    const store = interview();
    const commands = createCommands(store, noApp);
    store.setShortcuts({ 'timing.goToTime': ['Mod+J'] });
    expect(commandForShortcut(commands, 'Mod+J')?.id).toBe('timing.goToTime');
    expect(commandForShortcut(commands, 'Mod+G')).toBeNull();
    expect(commands.get('timing.goToTime')?.defaultKeys).toEqual(['Mod+G']);
  });
});

describe('playing around the selected cue', () => {
  it('plays 500 ms before / after and the first / last 500 ms', () => {
    const cue = { startMs: 2100, endMs: 5466 };
    expect(previewRange(cue, 'before')).toEqual({ fromMs: 1600, toMs: 2100 });
    expect(previewRange(cue, 'after')).toEqual({ fromMs: 5466, toMs: 5966 });
    expect(previewRange(cue, 'first')).toEqual({ fromMs: 2100, toMs: 2600 });
    expect(previewRange(cue, 'last')).toEqual({ fromMs: 4966, toMs: 5466 });
    // A short cue plays whole; nothing before 0.
    expect(previewRange({ startMs: 200, endMs: 300 }, 'first')).toEqual({ fromMs: 200, toMs: 300 });
    expect(previewRange({ startMs: 200, endMs: 300 }, 'before')).toEqual({ fromMs: 0, toMs: 200 });
  });

  it('runs from the keys once media is open', () => {
    const store = interview();
    const { app, calls } = recordingApp();
    const commands = createCommands(store, app);
    store.moveSelection(1);
    expect(runCommand(commands, store, 'media.playBefore')).toBe(false); // no media yet
    store.setMedia({
      path: '/m.wav',
      durationMs: 180_000,
      hasVideo: false,
      hasAudio: true,
      audio: { codec: 'pcm', sampleRate: 16000, channels: 1 },
      format: 'wav',
      sizeBytes: 1,
    });
    for (const id of [
      'media.playCue',
      'media.playBefore',
      'media.playAfter',
      'media.playFirst',
      'media.playLast',
    ] as const)
      expect(runCommand(commands, store, id)).toBe(true);
    expect(calls).toEqual(['play 2100-5466', 'play 1600-2100', 'play 5466-5966', 'play 2100-2600', 'play 4966-5466']);
    // Stop with media open; frame steps only with a known frame rate.
    expect(runCommand(commands, store, 'media.stop')).toBe(true);
    expect(calls.at(-1)).toBe('stop');
    expect(runCommand(commands, store, 'media.frameForward')).toBe(false);
  });

  it('steps the speed between 0.5x and 2x', () => {
    expect(stepRate(1, 1)).toBe(1.25);
    expect(stepRate(1, -1)).toBe(0.75);
    expect(stepRate(2, 1)).toBe(2);
    expect(stepRate(0.5, -1)).toBe(0.5);
    expect(stepRate(1.1, -1)).toBe(1);
  });
});

describe('the playhead follows the selection', () => {
  it('moves to the selected cue’s start (not on open, not while playing)', () => {
    const store = interview();
    const seeks: number[] = [];
    const off = followSelection(store, (ms) => {
      seeks.push(ms);
      store.setPlayhead(ms);
    });
    store.moveSelection(1);
    store.select(store.doc?.cues[9]?.id as number);
    expect(seeks.map(formatSrtTime)).toEqual(['00:00:02,100', formatSrtTime(store.doc?.cues[9]?.startMs ?? 0)]);
    store.setPlaying(true);
    store.moveSelection(1);
    expect(seeks.length).toBe(2);
    store.setPlaying(false);
    store.load(
      { handle: 'h2', path: '/b.srt', name: 'b.srt', encoding: 'utf-8', bom: false },
      readFixtureText('interview-3min.srt'),
    );
    expect(seeks.length).toBe(2);
    off();
  });

  it('scrolls the timeline to a cue out of view', () => {
    const store = interview();
    followSelection(store, (ms) => store.setPlayhead(ms));
    const last = store.doc?.cues[100];
    store.select(last?.id as number);
    const { view } = store.getState();
    expect(last?.startMs).toBeGreaterThanOrEqual(view.startMs);
    expect(last?.startMs).toBeLessThanOrEqual(view.startMs + (view.widthPx * 1000) / view.pxPerSec);
  });
});

describe('timing edits from the keys', () => {
  const WITH_VIDEO = {
    path: '/m.mp4',
    durationMs: 180_032,
    hasVideo: true,
    hasAudio: true,
    audio: { codec: 'aac', sampleRate: 48000, channels: 1 },
    video: { codec: 'h264', width: 320, height: 180, fps: 10 },
    format: 'mp4',
    sizeBytes: 1,
  };

  it('nudges the selected cue by 100 ms, 10 ms and a frame, one undo step each, and says what it did', () => {
    const store = interview();
    store.setMedia(WITH_VIDEO);
    const commands = createCommands(store, noApp);
    store.moveSelection(1);
    const times = () => [store.doc?.cues[1]?.startMs, store.doc?.cues[1]?.endMs];
    expect(times()).toEqual([2100, 5466]);
    runCommand(commands, store, 'timing.startLater');
    expect(times()).toEqual([2200, 5466]);
    expect(store.getState().message).toMatch(/cue 2/i);
    runCommand(commands, store, 'timing.endEarlier10');
    expect(times()).toEqual([2200, 5456]);
    runCommand(commands, store, 'timing.endLaterFrame');
    expect(times()).toEqual([2200, 5500]);
    runCommand(commands, store, 'timing.startEarlierFrame');
    expect(times()).toEqual([2100, 5500]);
    for (const expected of [
      [2200, 5500],
      [2200, 5456],
      [2200, 5466],
      [2100, 5466],
    ]) {
      store.undo();
      expect(times()).toEqual(expected);
    }
  });

  it('warns in words, naming the cue, when a nudge makes touching cues overlap (and still does it)', () => {
    const store = interview();
    const commands = createCommands(store, noApp);
    store.moveSelection(1);
    runCommand(commands, store, 'timing.startEarlier');
    expect(store.doc?.cues[1]?.startMs).toBe(2000);
    expect(store.getState().message).toMatch(/overlap/i);
    expect(store.getState().message).toMatch(/cue [12]\b/i);
    store.undo();
    expect(store.doc?.cues[1]?.startMs).toBe(2100);
  });

  it('G sets the end at the playhead and selects the next cue', () => {
    const store = interview();
    const commands = createCommands(store, noApp);
    store.moveSelection(1);
    store.setPlayhead(4800);
    runCommand(commands, store, 'timing.setEndAndNext');
    expect(store.doc?.cues[1]?.endMs).toBe(4800);
    expect(store.getState().selection.focus).toBe(store.doc?.cues[2]?.id);
    store.undo();
    expect(store.doc?.cues[1]?.endMs).toBe(5466);
  });

  it('goes to a time across the hour and selects the cue under it', () => {
    const store = loadStore(readFixtureText('interview.srt'));
    const seeks: number[] = [];
    expect(goTo(store, { kind: 'time', ms: 3_600_000 }, (ms) => seeks.push(ms))).toBe('At 01:00:00,000, cue 2141');
    expect(seeks).toEqual([3_600_000]);
    expect(store.getState().selection.focus).toBe(store.doc?.cues[2140]?.id);
    expect(goTo(store, { kind: 'cue', number: 5 }, (ms) => seeks.push(ms))).toBe(
      `At ${formatSrtTime(store.doc?.cues[4]?.startMs ?? 0)}, cue 5`,
    );
  });
});

describe('guard-rail messages', () => {
  it('shows up to three sentences and counts the rest', () => {
    const overlap = msg('validation:timing.overlapsOne', {
      cue: 2,
      other: 1,
      amount: msg('validation:unit.milliseconds', { value: 100 }),
    });
    expect(describeWarnings([overlap])).toBe('Cue 2 now overlaps cue 1 by 100 ms.');
    const negative = (cue: number) => msg('validation:timing.negative', { cue });
    expect(describeWarnings([1, 2, 3, 4, 5].map(negative))).toBe(
      'Cue 1 ends before it starts. Cue 2 ends before it starts. Cue 3 ends before it starts; and 2 more.',
    );
  });
});
