/** React access to the store: `useStore(selector)` re-renders only when the selected value changes. */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { EditorState, EditorStore } from './editor-store';

export const StoreContext = createContext<EditorStore | null>(null);

/** The store of the nearest provider. */
export function useEditorStore(): EditorStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useEditorStore: no StoreContext provider');
  return store;
}

/**
 * Selects a value from the state. The selector must return something stable (a primitive or a reference held
 * by the state), never a new object per call, or React would re-render forever.
 */
export function useStore<T>(selector: (state: EditorState) => T): T {
  const store = useEditorStore();
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}
