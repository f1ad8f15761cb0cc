/**
 * Which speech detector a sync hears with: the energy detector (speech.ts, from the peaks: fast, exact edges on clean
 * dialogue) or Silero VAD (silero.ts: a neural model that hears speech through music and noise, ~300x real time).
 * `auto` runs the energy detector and switches to Silero when the loud end of the file stands less than
 * AUTO_CONTRAST_DB above its noise floor: measured 41-43 dB on the clean interview fixtures and 14-20 dB on the
 * generated cases with a music-and-noise bed at 5-10 dB SNR, where the energy gate fires on the bed.
 */
import { detectSpeech, type SpeechActivity, type SpeechOptions } from '../../../src-shared/sync/activity';
import { english, type Translate } from '../i18n';
import { computePeaks } from '../peaks';
import type { SpeechActivityOptions } from '../speech';
import { DEFAULT_GATE, type ProbabilityGate, segmentsFromProbabilities } from './segments';
import { sileroProbabilities } from './silero';

export type VadMode = 'energy' | 'silero' | 'auto';
export type Detector = 'energy' | 'silero';
export const VAD_MODES: readonly VadMode[] = ['energy', 'silero', 'auto'];

/** Below this speech-to-floor contrast (dB) `auto` does not trust the energy detector. */
export const AUTO_CONTRAST_DB = 30;
/**
 * Longest audio `auto` hears with Silero: it runs at roughly 250-350x real time on one core of the 2-core machine
 * (docs/sync.md), so beyond this a cold sync would miss its 15 s budget for 2 h; `--vad silero` still forces it.
 */
export const AUTO_SILERO_MAX_MS = 45 * 60_000;

/** Speech of a file and how it was heard. */
export interface DetectedSpeech extends SpeechActivity {
  detector: Detector;
  /** Loud end minus median noise floor of the energy envelope (dB). */
  contrastDb: number;
  /** One sentence on why this detector (for the CLI and the editor). */
  reason: string;
}

export interface DetectOptions extends SpeechActivityOptions {
  vad?: VadMode;
  /** How Silero probabilities become segments. */
  gate?: ProbabilityGate;
}

/** The detector `auto` picks for an energy analysis, and why. */
export function autoDetector(
  energy: SpeechActivity,
  t: Translate = english,
): { detector: Detector; contrastDb: number; reason: string } {
  const contrastDb = energy.speechLevelDb - energy.noiseFloorDb;
  const db = contrastDb.toFixed(1);
  if (contrastDb >= AUTO_CONTRAST_DB) return { detector: 'energy', contrastDb, reason: t('main:vad.energy', { db }) };
  if (energy.durationMs > AUTO_SILERO_MAX_MS) {
    const minutes = Math.round(AUTO_SILERO_MAX_MS / 60_000);
    return { detector: 'energy', contrastDb, reason: t('main:vad.longAudio', { db, minutes }) };
  }
  return { detector: 'silero', contrastDb, reason: t('main:vad.silero', { db, limit: AUTO_CONTRAST_DB }) };
}

/** Why the detector the user chose was used. */
export function chosenDetector(detector: Detector, t: Translate = english): string {
  return t(detector === 'silero' ? 'main:vad.chosenSilero' : 'main:vad.chosenEnergy');
}

/** Speech segments of a media file by the chosen detector (`auto` by default). Rejects like computePeaks. */
export async function detectSpeechOf(filePath: string, options: DetectOptions = {}): Promise<DetectedSpeech> {
  const { vad = 'auto', gate = DEFAULT_GATE, speech, ...peaksOptions } = options;
  const peaks = await computePeaks(filePath, peaksOptions);
  options.signal?.throwIfAborted();
  const energy = detectSpeech(peaks, speech);
  const auto = autoDetector(energy);
  const detector: Detector = vad === 'auto' ? auto.detector : vad;
  const reason = vad === 'auto' ? auto.reason : chosenDetector(vad);
  if (detector === 'energy') return { ...energy, detector, contrastDb: auto.contrastDb, reason };
  const { signal, cacheDir, onProgress } = peaksOptions;
  const run = await sileroProbabilities(filePath, {
    ...(signal ? { signal } : {}),
    ...(cacheDir ? { cacheDir } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  return {
    ...energy,
    segments: segmentsFromProbabilities(run.probabilities, run.windowMs, gate, 255),
    frameMs: run.windowMs,
    detector,
    contrastDb: auto.contrastDb,
    reason,
  };
}

export type { SpeechOptions };
