/**
 * What the preload exposes as `window.cuewave`, built from injected Electron pieces so it is tested under Node.
 * The page gets the page calls of the contract and `dropFiles`; preload-only calls (dropPaths) are made here, with
 * paths read from real dropped Files, never with a path string the page composed.
 */
import {
  type CuewaveApi,
  type EventChannel,
  eventChannelName,
  invokeChannelName,
  isEventChannel,
  LIMITS,
  PAGE_CHANNELS,
} from '../src-shared/ipc-contract';
import { mediaUrlFor } from '../src-shared/media-url';

/** The Electron pieces the API needs (ipcRenderer and webUtils in the real preload). */
export interface PreloadDeps {
  invoke(channel: string, request: unknown): Promise<unknown>;
  /** Subscribes to an IPC channel; returns the unsubscribe function. The IPC event object is not passed on. */
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
  /** webUtils.getPathForFile: a dropped or picked File's path; throws or returns '' for a File the page made. */
  getPathForFile(file: unknown): string;
}

/** Paths of real files among `files` ('' and failures dropped), at most the contract's limit. */
export function pathsOfFiles(files: readonly unknown[], getPathForFile: (file: unknown) => string): string[] {
  const paths: string[] = [];
  for (const file of files.slice(0, LIMITS.droppedFiles)) {
    let resolved = '';
    try {
      resolved = getPathForFile(file);
    } catch {
      resolved = '';
    }
    if (typeof resolved === 'string' && resolved !== '') paths.push(resolved);
  }
  return paths;
}

/** Builds `window.cuewave`. */
export function buildPreloadApi(deps: PreloadDeps): CuewaveApi {
  const api: Record<string, unknown> = {};
  for (const channel of PAGE_CHANNELS) {
    api[channel] = (request: unknown) => deps.invoke(invokeChannelName(channel), request);
  }
  api.on = (event: EventChannel, listener: (payload: unknown) => void) => {
    if (!isEventChannel(event)) throw new Error(`Unknown event ${String(event)}`);
    return deps.subscribe(eventChannelName(event), listener);
  };
  api.dropFiles = (files: readonly object[]) => {
    const list = Array.isArray(files) ? files : [];
    return deps.invoke(invokeChannelName('dropPaths'), { paths: pathsOfFiles(list, deps.getPathForFile) });
  };
  api.mediaUrl = (filePath: string) => mediaUrlFor(filePath);
  return api as CuewaveApi;
}
