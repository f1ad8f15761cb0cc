/** Store state of the timeline's media layers: waveform or spectrogram display, the spectrogram, the shot changes. */
import type { Spectrogram } from '../../src-shared/spectrogram';

export type LayerStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface MediaLayersState {
  /** What the timeline shows behind the cues (View > Spectrogram toggles). */
  display: 'waveform' | 'spectrogram';
  spectrogram: {
    status: LayerStatus;
    /** What has arrived so far (`columns` grows while loading). */
    data: Spectrogram | null;
    /** 0..1 while loading. */
    progress: number;
    message: string | null;
  };
  /** Shot changes of the media's video (empty for audio). */
  shots: { status: LayerStatus; shotsMs: readonly number[]; message: string | null };
}

export const IDLE_MEDIA_LAYERS: MediaLayersState = {
  display: 'waveform',
  spectrogram: { status: 'idle', data: null, progress: 0, message: null },
  shots: { status: 'idle', shotsMs: [], message: null },
};

/** The layers for newly opened media: nothing loaded, the display kept. */
export function resetMediaLayers(current: MediaLayersState): MediaLayersState {
  return { ...IDLE_MEDIA_LAYERS, display: current.display };
}
