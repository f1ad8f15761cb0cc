/** Media services entry point: probing, waveform peaks with their disk cache, and the media protocol handler. */
export {
  type AudiowaveformJson,
  fromAudiowaveformJson,
  type Peaks,
  type PeaksChunk,
  type PeaksLevel,
  type PeaksProgress,
  pickLevel,
  toAudiowaveformJson,
} from '../../src-shared/waveform';
export { type MediaInfo, probeMedia } from './media-probe';
export { createMediaProtocolHandler, type MediaProtocolOptions } from './media-protocol';
export { MediaError, type MediaErrorCode, toolPath } from './media-tools';
export { type ComputePeaksOptions, computePeaks, ffmpegPcmArgs } from './peaks';
export { PEAKS_CACHE_VERSION, peaksCacheFile, peaksCacheKey, readPeaksCache } from './peaks-cache';
