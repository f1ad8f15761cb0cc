/**
 * The hand-timing commands (Aegisub's audio mode and Subtitle Edit's waveform keys, and a few more): play around
 * the selected cue, nudge its edges by 100 ms, 10 ms or a video frame, set the end and go to the next cue, step
 * frames, change the speed, loop. Part of the one command table (commands.ts adds them).
 */
import type { Cue } from '../../src-shared/document';
import { frameStepMs } from '../../src-shared/goto-time';
import type { AppActions, CommandSpec } from '../commands';
import { t } from '../i18n';
import { focusedCue } from '../store/edit-actions';
import type { EditorState, EditorStore } from '../store/editor-store';
import { type Edge, nudge, nudgeFrame, previewRange, setEndAndNext, setStartAndShift } from './timing-actions';

export const TIMING_COMMAND_IDS = [
  'media.stop',
  'media.playBefore',
  'media.playAfter',
  'media.playFirst',
  'media.playLast',
  'media.loopCue',
  'media.frameBack',
  'media.frameForward',
  'media.slower',
  'media.faster',
  'media.normalSpeed',
  'timing.setEndAndNext',
  'timing.setStartAndShift',
  'timing.startEarlier',
  'timing.startLater',
  'timing.endEarlier',
  'timing.endLater',
  'timing.startEarlier10',
  'timing.startLater10',
  'timing.endEarlier10',
  'timing.endLater10',
  'timing.startEarlierFrame',
  'timing.startLaterFrame',
  'timing.endEarlierFrame',
  'timing.endLaterFrame',
] as const;

export type TimingCommandId = (typeof TIMING_COMMAND_IDS)[number];

/** Playback speeds the slower / faster keys step through. */
export const PLAYBACK_RATES: readonly number[] = [0.5, 0.75, 1, 1.25, 1.5, 2];
const SLOWEST = 0.5;
const FASTEST = 2;

/** The next speed up (1) or down (-1) from `rate`, staying within 0.5 to 2. */
export function stepRate(rate: number, direction: 1 | -1): number {
  if (direction > 0) return PLAYBACK_RATES.find((r) => r > rate + 1e-9) ?? FASTEST;
  return [...PLAYBACK_RATES].reverse().find((r) => r < rate - 1e-9) ?? SLOWEST;
}

const fpsOf = (s: EditorState) => s.media?.video?.fps ?? 0;
const hasCue = (s: EditorState) => s.file !== null && s.selection.focus !== null;
const canPlayCue = (s: EditorState) => s.media !== null && hasCue(s);
const canFrame = (s: EditorState) => hasCue(s) && fpsOf(s) > 0;

type Spec = Omit<CommandSpec, 'id' | 'defaultKeys' | 'label'> & { id: TimingCommandId };

/** The timing commands for a store and the app's playback actions. */
export function timingCommands(store: EditorStore, app: AppActions): Spec[] {
  const play = (which: 'before' | 'after' | 'first' | 'last') => () => {
    const cue = focusedCue(store);
    if (!cue) return;
    const { fromMs, toMs } = previewRange(cue, which);
    if (toMs > fromMs) app.playRange(fromMs, toMs);
  };
  const step = (direction: 1 | -1) => () => {
    const s = store.getState();
    if (s.playing) app.stop();
    app.seek(frameStepMs(Math.round(store.getState().playheadMs), fpsOf(s), direction));
  };
  const speed = (rate: number) => {
    app.setPlaybackRate(rate);
    store.setMessage(t('ui:messages.playbackSpeed', { rate }));
  };
  const edge = (id: TimingCommandId, keys: string[], which: Edge, deltaMs: number): Spec => ({
    id,
    keys,
    group: 'Timing',
    enabled: hasCue,
    run: () => nudge(store, which, deltaMs),
  });
  const frame = (id: TimingCommandId, keys: string[], which: Edge, direction: 1 | -1): Spec => ({
    id,
    keys,
    group: 'Timing',
    enabled: canFrame,
    run: () => nudgeFrame(store, which, direction),
  });
  return [
    {
      id: 'media.stop',
      keys: ['Escape'],
      group: 'Media',
      // Not only while the store says it plays: the play event comes a moment after play() (stopping is idempotent).
      enabled: (s) => s.media !== null,
      run: () => app.stop(),
    },
    {
      id: 'media.playBefore',
      keys: ['Q'],
      group: 'Media',
      enabled: canPlayCue,
      run: play('before'),
    },
    {
      id: 'media.playAfter',
      keys: ['W'],
      group: 'Media',
      enabled: canPlayCue,
      run: play('after'),
    },
    {
      id: 'media.playFirst',
      keys: ['E'],
      group: 'Media',
      enabled: canPlayCue,
      run: play('first'),
    },
    {
      id: 'media.playLast',
      keys: ['D'],
      group: 'Media',
      enabled: canPlayCue,
      run: play('last'),
    },
    {
      id: 'media.loopCue',
      keys: ['L'],
      group: 'Media',
      enabled: (s) => canPlayCue(s) || s.looping,
      run: () => {
        if (store.getState().looping) {
          app.stop();
          return;
        }
        const looped = app.loop(() => {
          const cue: Cue | null = focusedCue(store);
          if (!cue) return null;
          return { fromMs: Math.min(cue.startMs, cue.endMs), toMs: Math.max(cue.startMs, cue.endMs) };
        });
        if (looped) store.setMessage(t('ui:messages.looping'));
      },
    },
    {
      id: 'media.frameBack',
      keys: [','],
      group: 'Media',
      enabled: (s) => s.media !== null && fpsOf(s) > 0,
      run: step(-1),
    },
    {
      id: 'media.frameForward',
      keys: ['.'],
      group: 'Media',
      enabled: (s) => s.media !== null && fpsOf(s) > 0,
      run: step(1),
    },
    {
      id: 'media.slower',
      keys: ['['],
      group: 'Media',
      enabled: (s) => s.media !== null && s.playbackRate > SLOWEST,
      run: () => speed(stepRate(store.getState().playbackRate, -1)),
    },
    {
      id: 'media.faster',
      keys: [']'],
      group: 'Media',
      enabled: (s) => s.media !== null && s.playbackRate < FASTEST,
      run: () => speed(stepRate(store.getState().playbackRate, 1)),
    },
    {
      id: 'media.normalSpeed',
      keys: ['\\'],
      group: 'Media',
      enabled: (s) => s.media !== null && s.playbackRate !== 1,
      run: () => speed(1),
    },
    {
      id: 'timing.setEndAndNext',
      keys: ['G'],
      group: 'Timing',
      enabled: hasCue,
      run: () => setEndAndNext(store),
    },
    {
      id: 'timing.setStartAndShift',
      keys: ['Shift+G'],
      group: 'Timing',
      enabled: hasCue,
      run: () => setStartAndShift(store),
    },
    edge('timing.startEarlier', ['Alt+ArrowLeft'], 'start', -100),
    edge('timing.startLater', ['Alt+ArrowRight'], 'start', 100),
    edge('timing.endEarlier', ['Alt+Shift+ArrowLeft'], 'end', -100),
    edge('timing.endLater', ['Alt+Shift+ArrowRight'], 'end', 100),
    edge('timing.startEarlier10', ['Mod+Alt+ArrowLeft'], 'start', -10),
    edge('timing.startLater10', ['Mod+Alt+ArrowRight'], 'start', 10),
    edge('timing.endEarlier10', ['Mod+Alt+Shift+ArrowLeft'], 'end', -10),
    edge('timing.endLater10', ['Mod+Alt+Shift+ArrowRight'], 'end', 10),
    frame('timing.startEarlierFrame', ['Alt+,'], 'start', -1),
    frame('timing.startLaterFrame', ['Alt+.'], 'start', 1),
    frame('timing.endEarlierFrame', ['Mod+Alt+,'], 'end', -1),
    frame('timing.endLaterFrame', ['Mod+Alt+.'], 'end', 1),
  ];
}
