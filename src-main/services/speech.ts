/** Speech activity of a media file: its waveform peaks (disk cache or one streamed ffmpeg decode), then detectSpeech. */
import { detectSpeech, type SpeechActivity, type SpeechOptions } from '../../src-shared/sync/activity';
import { type ComputePeaksOptions, computePeaks } from './peaks';

/** Where the peaks come from (cache folder, progress, abort) and how speech is told from silence. */
export interface SpeechActivityOptions extends ComputePeaksOptions {
  speech?: SpeechOptions;
}

/**
 * Speech segments of a media file's first audio stream. Reuses the peaks cache, so after the waveform
 * has been drawn once this costs only the detection (tens of ms per hour of audio). Rejects like
 * computePeaks (MediaError, AbortError).
 */
export async function speechActivity(filePath: string, options: SpeechActivityOptions = {}): Promise<SpeechActivity> {
  const { speech, ...peaksOptions } = options;
  const peaks = await computePeaks(filePath, peaksOptions);
  options.signal?.throwIfAborted();
  return detectSpeech(peaks, speech);
}
