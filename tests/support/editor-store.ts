/** Renderer store helpers: a document identity to load text under, and app actions that do nothing. */
import type { AppActions } from '../../src-renderer/commands';
import { EditorStore } from '../../src-renderer/store/editor-store';
import type { DocumentInfo } from '../../src-shared/ipc-contract';

/** The document the tests' stores hold. */
export const docInfo: DocumentInfo = { handle: 'h1', path: '/tmp/a.srt', name: 'a.srt', encoding: 'utf-8', bom: false };

/** A fresh store with `text` loaded as `docInfo`. */
export function loadStore(text: string): EditorStore {
  const store = new EditorStore();
  store.load(docInfo, text);
  return store;
}

/** App actions that do nothing, for running commands without an app around the store. */
export const noApp: AppActions = {
  newDocument: async () => {},
  open: async () => {},
  save: async () => true,
  saveAs: async () => true,
  exportWebVtt: async () => {},
  reopenWithEncoding: async () => {},
  close: async () => {},
  openMedia: async () => {},
  playPause: () => {},
  playRange: () => {},
  seek: () => {},
  stop: () => {},
  setPlaybackRate: () => {},
  loop: () => false,
  cycleSpeechDetector: () => {},
  setLanguage: () => {},
};
