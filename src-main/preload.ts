/** Sandboxed preload (bundled as CommonJS): exposes exactly the IPC contract as `window.cuewave`, nothing else. */
import { contextBridge, type IpcRendererEvent, ipcRenderer, webUtils } from 'electron';
import {
  type CuewaveApi,
  type EventChannel,
  eventChannelName,
  INVOKE_CHANNELS,
  invokeChannelName,
  isEventChannel,
} from '../src-shared/ipc-contract';
import { mediaUrlFor } from '../src-shared/media-url';

function buildApi(): CuewaveApi {
  const api: Record<string, unknown> = {};
  for (const channel of INVOKE_CHANNELS) {
    api[channel] = (request: unknown) => ipcRenderer.invoke(invokeChannelName(channel), request);
  }
  api.on = (event: EventChannel, listener: (payload: unknown) => void) => {
    if (!isEventChannel(event)) throw new Error(`Unknown event ${String(event)}`);
    // The IPC event object (with its sender) never reaches the page: only the payload does.
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(eventChannelName(event), forward);
    return () => {
      ipcRenderer.removeListener(eventChannelName(event), forward);
    };
  };
  api.pathForFile = (file: object) => {
    try {
      return webUtils.getPathForFile(file as File);
    } catch {
      return '';
    }
  };
  api.mediaUrl = (filePath: string) => mediaUrlFor(filePath);
  return api as CuewaveApi;
}

contextBridge.exposeInMainWorld('cuewave', buildApi());
