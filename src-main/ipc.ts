/** Electron transport of the IPC contract: the only importer of ipcMain. Logic lives in services/dispatch.ts. */
import { type BrowserWindow, type IpcMainInvokeEvent, ipcMain } from 'electron';
import { type EventSender, eventChannelName, INVOKE_CHANNELS, invokeChannelName } from '../src-shared/ipc-contract';
import type { SenderInfo } from './security';
import type { Dispatch } from './services/dispatch';

/** What the sender check needs to know about an IPC event. */
function senderInfo(event: IpcMainInvokeEvent, window: BrowserWindow | null): SenderInfo | null {
  const frame = event.senderFrame;
  if (!frame || !window || window.isDestroyed()) return null;
  return {
    url: frame.url,
    isTopFrame: frame.parent === null,
    isOurWindow: event.sender.id === window.webContents.id,
  };
}

/** Registers one ipcMain handler per contract call; returns a function that removes them. */
export function registerIpc(dispatch: Dispatch, getWindow: () => BrowserWindow | null): () => void {
  for (const channel of INVOKE_CHANNELS) {
    // Only the first argument is the request: extra arguments from a tampered renderer are ignored.
    ipcMain.handle(invokeChannelName(channel), (event, request: unknown) =>
      dispatch(channel, senderInfo(event, getWindow()), request),
    );
  }
  return () => {
    for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(invokeChannelName(channel));
  };
}

/** Sends contract events to a window's renderer (dropped once the window is gone). */
export function windowEventSender(window: BrowserWindow): EventSender {
  return (event, payload) => {
    if (!window.isDestroyed()) window.webContents.send(eventChannelName(event), payload);
  };
}
