/** Sandboxed preload (bundled as CommonJS): exposes exactly the page's part of the IPC contract as `window.cuewave`. */
import { contextBridge, type IpcRendererEvent, ipcRenderer, webUtils } from 'electron';
import { buildPreloadApi } from './preload-api';

const api = buildPreloadApi({
  invoke: (channel, request) => ipcRenderer.invoke(channel, request),
  subscribe(channel, listener) {
    // The IPC event object (with its sender) never reaches the page: only the payload does.
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
  getPathForFile: (file) => webUtils.getPathForFile(file as File),
});

contextBridge.exposeInMainWorld('cuewave', api);
