/**
 * What the sync dialogs show, pure: the estimate in words, a sample of the changes, the reviewed subset. Words come
 * from the catalog in the language shown (`t`, the window's translator unless given).
 */

import type { Translate } from '../../src-shared/i18n/translator';
import type { CueTimeChange } from '../../src-shared/sync/changes';
import { CONFIDENT } from '../../src-shared/sync/estimate';
import { t as windowT } from '../i18n';

/** An offset as the dialogs show it: `-2.351 s`. */
export function formatOffset(ms: number, t: Translate = windowT): string {
  const value = Math.round(ms) === 0 ? 0 : ms;
  return t('common:seconds', { value: `${value < 0 ? '-' : '+'}${(Math.abs(value) / 1000).toFixed(3)}` });
}

/** A drift in percent with what it amounts to over an hour: `+0.100 % (+3.6 s per hour)`. */
export function formatDrift(percent: number, t: Translate = windowT): string {
  const rounded = Math.abs(percent) < 0.0005 ? 0 : percent;
  const shown = `${rounded < 0 ? '-' : '+'}${Math.abs(rounded).toFixed(3)}`;
  const perHourMs = (rounded / 100) * 3_600_000;
  if (Math.abs(perHourMs) < 50) return `${shown} %`;
  const perHour = `${perHourMs < 0 ? '-' : '+'}${(Math.abs(perHourMs) / 1000).toFixed(1)}`;
  return t('dialogs:syncFormat.driftPerHour', { percent: shown, perHour });
}

/** Confidence 0..1 as a percentage. */
export function formatConfidence(confidence: number): string {
  return `${Math.round(Math.max(0, Math.min(1, confidence)) * 100)} %`;
}

/** Whether an estimate is too weak to apply without a look (the CLI refuses it). */
export function isLowConfidence(confidence: number): boolean {
  return confidence < CONFIDENT;
}

/** A signed ms difference: `+150 ms`, `-2351 ms`, `0 ms`. */
export function formatDelta(ms: number, t: Translate = windowT): string {
  const rounded = Math.round(ms);
  return t('common:milliseconds', { value: `${rounded > 0 ? '+' : rounded < 0 ? '-' : ''}${Math.abs(rounded)}` });
}

/** Up to `count` changes spread evenly over the list, the first and the last included, in list order. */
export function sampleChanges<T>(changes: readonly T[], count = 8): T[] {
  if (changes.length <= count) return [...changes];
  if (count <= 0) return [];
  if (count === 1) return [changes[0] as T];
  const picked: T[] = [];
  for (let k = 0; k < count; k++) picked.push(changes[Math.round((k * (changes.length - 1)) / (count - 1))] as T);
  return picked;
}

/** The changes the user kept in the review: all but the excluded ids. */
export function acceptedChanges(changes: readonly CueTimeChange[], excluded: ReadonlySet<number>): CueTimeChange[] {
  return excluded.size === 0 ? [...changes] : changes.filter((change) => !excluded.has(change.id));
}

/** The snap window typed in the dialog, in whole ms (1..10 000), or null when it is not one. */
export function parseWindowMs(text: string): number | null {
  const trimmed = text.trim().replace(/\s*ms$/i, '');
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= 1 && value <= 10_000 ? value : null;
}

/** What the sync dialogs say while the speech is not there yet (speech status, 0..1 progress, error message). */
export function waitingText(
  status: string,
  progress: number,
  message: string | null,
  peaksFailed = false,
  t: Translate = windowT,
): string {
  if (status === 'idle' && peaksFailed) return t('dialogs:syncFormat.noAudio');
  switch (status) {
    case 'loading':
      return t('dialogs:syncFormat.detecting', { percent: Math.round(progress * 100) });
    case 'error':
      return message ? t('dialogs:syncFormat.failedWith', { message }) : t('dialogs:syncFormat.failed');
    case 'idle':
      return t('dialogs:syncFormat.waitingWaveform');
    default:
      return t('dialogs:syncFormat.estimating');
  }
}

/** The Snap to speech review's count line: how many proposals are kept, and how many cues a shared edge brings along. */
export function snapSummary(accepted: number, total: number, brought: number, t: Translate = windowT): string {
  if (total === 0) return t('dialogs:snap.nothing');
  return brought > 0
    ? t('dialogs:snap.acceptedAlong', { accepted, total, count: brought })
    : t('dialogs:snap.accepted', { accepted, count: total });
}

/** One proposed snap: how its start and its end move (or that they stay). */
export function snapEdges(change: CueTimeChange, formatTime: (ms: number) => string, t: Translate = windowT): string {
  const start =
    change.newStart === change.oldStart
      ? t('dialogs:snap.startKept')
      : t('dialogs:snap.startMoved', {
          from: formatTime(change.oldStart),
          to: formatTime(change.newStart),
          delta: formatDelta(change.newStart - change.oldStart, t),
        });
  const end =
    change.newEnd === change.oldEnd
      ? t('dialogs:snap.endKept')
      : t('dialogs:snap.endMoved', {
          from: formatTime(change.oldEnd),
          to: formatTime(change.newEnd),
          delta: formatDelta(change.newEnd - change.oldEnd, t),
        });
  return t('dialogs:snap.edges', { start, end });
}
