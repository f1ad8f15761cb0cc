/** Keyboard shortcuts: one normalised form (`Mod+Shift+K`) for matching key events and for showing them. */

/** Whether this is macOS (Mod = Cmd there, Ctrl elsewhere). */
export function isMacPlatform(): boolean {
  return typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);
}

/** The parts of a key event that a shortcut can name. */
export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** Punctuation keys by physical key, for Alt shortcuts: on a Mac, Alt+, types `≤` but is still `Alt+,`. */
const PUNCTUATION_CODES: Record<string, string> = {
  Comma: ',',
  Period: '.',
  Slash: '/',
  Semicolon: ';',
  Quote: "'",
  BracketLeft: '[',
  BracketRight: ']',
  Backslash: '\\',
  Backquote: '`',
};

/**
 * Normalises a key event: `Mod+Alt+Shift+Key`. Letters and digits come from the physical key (so Alt+J on a Mac,
 * which types `∆`, is still `Alt+J`); other printable characters are taken as typed and without Shift, since Shift
 * is what produced them (`?`, `+`).
 */
export function shortcutOf(event: KeyLike, mac = isMacPlatform()): string {
  const mod = mac ? event.metaKey : event.ctrlKey;
  let key = event.key;
  const code = event.code ?? '';
  const letter = /^Key([A-Z])$/.exec(code);
  const digit = /^Digit(\d)$/.exec(code);
  if (letter) key = letter[1] as string;
  else if (digit && !event.shiftKey) key = digit[1] as string;
  else if (event.altKey && !event.shiftKey && PUNCTUATION_CODES[code]) key = PUNCTUATION_CODES[code] as string;
  else if (key === ' ') key = 'Space';
  else if (key.length === 1) key = key.toUpperCase();
  const printable = key.length === 1 && !/[A-Z0-9]/.test(key);
  const parts: string[] = [];
  if (mod) parts.push('Mod');
  if (event.altKey) parts.push('Alt');
  if (event.shiftKey && !printable) parts.push('Shift');
  parts.push(key);
  return parts.join('+');
}

/** A shortcut as people read it: `Ctrl+Shift+K`, `⌘⇧K` on a Mac. */
export function displayShortcut(shortcut: string, mac = isMacPlatform()): string {
  const names: Record<string, string> = mac
    ? { Mod: '⌘', Alt: '⌥', Shift: '⇧', ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', Enter: '↩' }
    : { Mod: 'Ctrl', ArrowUp: 'Up', ArrowDown: 'Down', ArrowLeft: 'Left', ArrowRight: 'Right' };
  const parts = shortcut.split(/\+(?!$)/).map((part) => names[part] ?? part);
  return mac ? parts.join('') : parts.join('+');
}

/** Whether the focus is in a place that takes typed characters (bare-key shortcuts must not fire there). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset', 'color', 'file'].includes(target.type);
  }
  return false;
}

/** Whether a shortcut has a modifier (those work while typing; bare keys do not). */
export function hasModifier(shortcut: string): boolean {
  return /^(Mod|Alt)\+/.test(shortcut) || /^F\d+$/.test(shortcut);
}
