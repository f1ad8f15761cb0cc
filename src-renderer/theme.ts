/**
 * The colour theme: the `theme` setting ('system' follows prefers-color-scheme) resolved to dark or light and set as
 * `data-theme` on <html>, where the CSS picks its colours. Canvases, which copy colours from the CSS when they paint,
 * repaint through onThemeChange.
 */
import type { AppSettings } from '../src-shared/ipc-contract';

export type ThemeSetting = AppSettings['theme'];
export type ResolvedTheme = 'dark' | 'light';

/** The theme to show for a setting, given whether the system prefers dark. */
export function resolveTheme(setting: ThemeSetting, systemPrefersDark: boolean): ResolvedTheme {
  if (setting === 'system') return systemPrefersDark ? 'dark' : 'light';
  return setting;
}

let current: ThemeSetting = 'system';
let systemScheme: MediaQueryList | null = null;
const listeners = new Set<() => void>();

function update(): void {
  const next = resolveTheme(current, systemScheme?.matches ?? false);
  const root = document.documentElement;
  if (root.dataset.theme === next) return;
  root.dataset.theme = next;
  for (const listener of listeners) listener();
}

/** Shows `setting` from now on (and, for 'system', every later change of the system preference). */
export function applyTheme(setting: ThemeSetting): void {
  current = setting;
  if (systemScheme === null) {
    systemScheme = window.matchMedia('(prefers-color-scheme: dark)');
    systemScheme.addEventListener('change', update);
  }
  update();
}

/** Calls `listener` whenever the shown theme changes; returns the unsubscribe function. */
export function onThemeChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
