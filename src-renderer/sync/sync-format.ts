/** What the sync dialogs show, pure: the estimate in words, a sample of the changes, the reviewed subset. */
import type { CueTimeChange } from '../../src-shared/sync/changes';
import { CONFIDENT } from '../../src-shared/sync/estimate';
import { formatDuration } from '../../src-shared/time';

/** An offset as the dialogs show it: `-2.351 s`. */
export function formatOffset(ms: number): string {
  return formatDuration(Math.round(ms) === 0 ? 0 : ms);
}

/** A drift in percent with what it amounts to over an hour: `+0.100 % (+3.6 s per hour)`. */
export function formatDrift(percent: number): string {
  const rounded = Math.abs(percent) < 0.0005 ? 0 : percent;
  const sign = rounded < 0 ? '-' : '+';
  const perHourMs = (rounded / 100) * 3_600_000;
  const perHour =
    Math.abs(perHourMs) < 50
      ? ''
      : ` (${perHourMs < 0 ? '-' : '+'}${(Math.abs(perHourMs) / 1000).toFixed(1)} s per hour)`;
  return `${sign}${Math.abs(rounded).toFixed(3)} %${perHour}`;
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
export function formatDelta(ms: number): string {
  const rounded = Math.round(ms);
  return `${rounded > 0 ? '+' : rounded < 0 ? '-' : ''}${Math.abs(rounded)} ms`;
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
export function waitingText(status: string, progress: number, message: string | null, peaksFailed = false): string {
  if (status === 'idle' && peaksFailed) return 'No speech to use: the media has no readable audio';
  switch (status) {
    case 'loading':
      return `Detecting speech in the media… ${Math.round(progress * 100)} %`;
    case 'error':
      return `Speech detection failed${message ? `: ${message}` : ''}`;
    case 'idle':
      return 'Waiting for the waveform…';
    default:
      return 'Estimating offset and drift…';
  }
}
