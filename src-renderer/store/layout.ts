/**
 * Panel sizes, remembered across sessions. The settings contract has no layout field yet, so they live in the
 * renderer's localStorage (per app origin), which is what a window layout needs anyway.
 */

export interface Layout {
  /** Height of the editor / video row. */
  topPx: number;
  /** Height of the timeline. */
  timelinePx: number;
  /** Width of the cue list beside the problems panel. */
  listPx: number;
}

export const DEFAULT_LAYOUT: Layout = { topPx: 190, timelinePx: 230, listPx: 760 };
const KEY = 'cuewave.layout.v1';

export function loadLayout(storage: Pick<Storage, 'getItem'> | null = globalThis.localStorage ?? null): Layout {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return DEFAULT_LAYOUT;
    const value = JSON.parse(raw) as Partial<Layout>;
    const pick = (name: keyof Layout) => {
      const v = value[name];
      return typeof v === 'number' && Number.isFinite(v) && v > 40 && v < 10_000 ? v : DEFAULT_LAYOUT[name];
    };
    return { topPx: pick('topPx'), timelinePx: pick('timelinePx'), listPx: pick('listPx') };
  } catch {
    return DEFAULT_LAYOUT;
  }
}

export function saveLayout(
  layout: Layout,
  storage: Pick<Storage, 'setItem'> | null = globalThis.localStorage ?? null,
): void {
  try {
    storage?.setItem(KEY, JSON.stringify(layout));
  } catch {
    // Storage full or disabled: the layout is simply not remembered.
  }
}
