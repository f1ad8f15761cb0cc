/**
 * Panel sizes, remembered across sessions in the settings (`layout`, see PANELS in the IPC contract): read from the
 * startup settings, written back through `updateSettings` once a resize has rested. Older versions kept them in
 * localStorage; that copy is read once, moved into the settings and removed.
 */
import { PANELS, type PanelName } from '../../src-shared/ipc-contract';

/** Size in CSS pixels of every resizable panel. */
export type Layout = Record<PanelName, number>;

const PANEL_NAMES = Object.keys(PANELS) as PanelName[];

export const DEFAULT_LAYOUT: Readonly<Layout> = Object.freeze(
  Object.fromEntries(PANEL_NAMES.map((name) => [name, PANELS[name].initial])) as Layout,
);

/** How long sizes must rest after a drag or key press before they are saved. */
export const LAYOUT_SAVE_DELAY_MS = 500;

/** The key older versions stored the layout under in localStorage. */
export const LEGACY_LAYOUT_KEY = 'cuewave.layout.v1';

/** A panel size within the panel's range (whole pixels); null for anything that is not a finite number. */
export function panelSize(name: PanelName, value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const { min, max } = PANELS[name];
  return Math.round(Math.max(min, Math.min(max, value)));
}

/**
 * The layout stored in the settings: each known panel clamped to its range (a size saved on a larger screen still
 * fits), missing or invalid ones at their default; other names are ignored.
 */
export function layoutFromSettings(saved: Readonly<Record<string, unknown>> | null | undefined): Layout {
  const layout = { ...DEFAULT_LAYOUT };
  for (const name of PANEL_NAMES) layout[name] = panelSize(name, saved?.[name]) ?? DEFAULT_LAYOUT[name];
  return layout;
}

/**
 * The layout an older version left in localStorage, or null when there is none; the entry is removed either way,
 * so this migration happens once.
 */
export function takeLegacyLayout(
  storage: Pick<Storage, 'getItem' | 'removeItem'> | null = globalThis.localStorage ?? null,
): Layout | null {
  try {
    const raw = storage?.getItem(LEGACY_LAYOUT_KEY);
    if (raw === null || raw === undefined) return null;
    storage?.removeItem(LEGACY_LAYOUT_KEY);
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
    const value = parsed as Record<string, unknown>;
    return PANEL_NAMES.some((name) => panelSize(name, value[name]) !== null) ? layoutFromSettings(value) : null;
  } catch {
    // Storage disabled or the entry unreadable: nothing to migrate.
    return null;
  }
}

/** The panels whose size differs between two layouts. */
export function changedPanels(from: Readonly<Layout>, to: Readonly<Layout>): Partial<Layout> {
  const changed: Partial<Layout> = {};
  for (const name of PANEL_NAMES) if (from[name] !== to[name]) changed[name] = to[name];
  return changed;
}

export interface LayoutSaver {
  /** The layout now stored (from the settings at start): nothing is saved until the sizes differ from it. */
  stored(layout: Readonly<Layout>): void;
  /** Sizes changed: saves the panels that differ from the stored layout once no change came for the delay. */
  changed(layout: Readonly<Layout>): void;
  /** Saves a pending change now (window closing). */
  flush(): void;
  /** Drops a pending change. */
  cancel(): void;
}

/**
 * Debounced layout saving: a drag reports a size on every pointer move, but only the size it ends with is written,
 * `delayMs` after the last change. `save` gets only the changed panels; a failed save leaves them pending for the
 * next change.
 */
export function createLayoutSaver(
  save: (changed: Partial<Layout>) => Promise<unknown>,
  delayMs: number = LAYOUT_SAVE_DELAY_MS,
): LayoutSaver {
  let stored: Layout = { ...DEFAULT_LAYOUT };
  let latest: Layout | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function clear(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  function flush(): void {
    clear();
    if (latest === null) return;
    const next = latest;
    latest = null;
    const changed = changedPanels(stored, next);
    if (Object.keys(changed).length === 0) return;
    const previous = stored;
    stored = next;
    save(changed).catch(() => {
      // Not saved: unless something newer was stored meanwhile, the next change compares against the old sizes.
      if (stored === next) stored = previous;
    });
  }

  return {
    stored(layout) {
      clear();
      latest = null;
      stored = { ...layout };
    },
    changed(layout) {
      latest = { ...layout };
      clear();
      timer = setTimeout(flush, delayMs);
    },
    flush,
    cancel() {
      clear();
      latest = null;
    },
  };
}
