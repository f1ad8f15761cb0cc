/**
 * Loads the speech activity of the open media into the store: started once the waveform peaks are done (main then
 * reads the peaks cache instead of decoding again), canceled when other media is opened.
 */
import { t } from '../i18n';
import type { EditorStore } from '../store/editor-store';
import { isSpeechCanceled, loadSpeech, SPEECH_DETECTOR_MODES, type SpeechDetectorMode } from './speech-client';

export class SpeechLoader {
  private controller: AbortController | null = null;
  /** The detector asked for (Timing > Speech detector). */
  detector: SpeechDetectorMode = 'auto';
  private mediaPath: string | null = null;

  /** Switches to the next detector (auto, energy, Silero) and hears the open media again with it. */
  cycleDetector(): SpeechDetectorMode {
    const at = SPEECH_DETECTOR_MODES.indexOf(this.detector);
    this.detector = SPEECH_DETECTOR_MODES[(at + 1) % SPEECH_DETECTOR_MODES.length] as SpeechDetectorMode;
    this.store.setMessage(t('dialogs:speech.detector', { name: t(`dialogs:speech.detectors.${this.detector}`) }));
    const media = this.store.getState().media;
    if (this.mediaPath && media?.path === this.mediaPath) this.start(this.mediaPath);
    return this.detector;
  }

  constructor(private readonly store: EditorStore) {}

  /** Starts detecting speech in `mediaPath` (an opened media file); a running job is canceled first. */
  start(mediaPath: string): void {
    this.cancel();
    this.mediaPath = mediaPath;
    const controller = new AbortController();
    this.controller = controller;
    const media = this.store.getState().media;
    const current = () => this.controller === controller && this.store.getState().media === media;
    this.store.setSpeech({ status: 'loading', result: null, progress: 0, message: null });
    loadSpeech(
      mediaPath,
      ({ doneMs, totalMs }) => {
        if (!current()) return;
        const progress = totalMs ? Math.min(1, doneMs / totalMs) : 0;
        this.store.setSpeech({ status: 'loading', result: null, progress, message: null });
      },
      controller.signal,
      this.detector,
    ).then(
      (result) => {
        if (!current()) return;
        this.controller = null;
        this.store.setSpeech({ status: 'ready', result, progress: 1, message: null });
      },
      (error: unknown) => {
        if (!current() || isSpeechCanceled(error)) return;
        this.controller = null;
        const message = error instanceof Error ? error.message : String(error);
        this.store.setSpeech({ status: 'error', result: null, progress: 0, message });
      },
    );
  }

  /** Cancels a running job (its result is dropped). */
  cancel(): void {
    this.controller?.abort();
    this.controller = null;
  }
}
