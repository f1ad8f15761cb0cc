/**
 * Key bindings a person changed: overrides of the command table's default keys, by command id, as the settings
 * keep them. Pure (its messages in the language shown): parsing stored shortcuts, the clash check (a key belongs to
 * one command) and rebinding.
 */
import { t } from '../i18n';

/** Overrides by command id: the keys a command has instead of its defaults ([] = no key). */
export type Bindings = Readonly<Record<string, readonly string[]>>;

/** What the clash check and the editor need of a command. */
export interface BindableCommand {
  id: string;
  label: string;
  /** The keys the command has now. */
  keys: readonly string[];
  defaultKeys: readonly string[];
}

/** At most this many keys per command in the settings. */
export const MAX_KEYS_PER_COMMAND = 4;

const MODIFIERS = ['Mod', 'Alt', 'Shift'] as const;
const NAMED_KEYS = new Set([
  'Space',
  'Enter',
  'Escape',
  'Backspace',
  'Delete',
  'Insert',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Tab',
]);
/** Keys that only modify: pressing one alone is not a shortcut yet. */
const MODIFIER_KEYS = new Set(['Control', 'Shift', 'Alt', 'Meta', 'AltGraph', 'OS', 'Hyper', 'Super', 'CapsLock']);

/**
 * Whether `text` is a shortcut in the normalised form keyboard.ts produces: modifiers in the order Mod, Alt,
 * Shift, then one key (`Mod+Shift+K`, `Alt+ArrowLeft`, `F5`, `?`, `Mod++`).
 */
export function isShortcut(text: string): boolean {
  if (typeof text !== 'string' || text === '' || text.length > 40) return false;
  const parts = text.split(/\+(?!$)/);
  const key = parts.pop() as string;
  let order = -1;
  for (const part of parts) {
    const at = MODIFIERS.indexOf(part as (typeof MODIFIERS)[number]);
    if (at <= order) return false;
    order = at;
  }
  if (/^[A-Z0-9]$/.test(key) || /^F([1-9]|1\d|2[0-4])$/.test(key) || NAMED_KEYS.has(key)) return true;
  // One printable character other than a letter or digit (Shift is part of it, so not named: `?`, not `Shift+/`).
  return [...key].length === 1 && !/[a-z\s]/.test(key) && !parts.includes('Shift');
}

/** Whether a normalised key event is only a modifier being pressed (wait for the real key). */
export function isModifierOnly(shortcut: string): boolean {
  const key = shortcut.split(/\+(?!$)/).pop() as string;
  return MODIFIER_KEYS.has(key);
}

/** Why a shortcut cannot be bound at all, or null. */
export function unbindableReason(shortcut: string): string | null {
  if (shortcut === 'Tab' || shortcut === 'Shift+Tab') return t('ui:shortcuts.tab');
  if (!isShortcut(shortcut)) return t('ui:shortcuts.notAKey', { key: shortcut });
  return null;
}

/** The keys a command has under `bindings`. */
export function keysOf(id: string, defaults: readonly string[], bindings: Bindings): readonly string[] {
  return Object.hasOwn(bindings, id) ? (bindings[id] as readonly string[]) : defaults;
}

/** The command other than `exceptId` that has `shortcut` now, or null. */
export function holderOf(
  commands: Iterable<BindableCommand>,
  shortcut: string,
  exceptId: string | null = null,
): BindableCommand | null {
  for (const command of commands) if (command.id !== exceptId && command.keys.includes(shortcut)) return command;
  return null;
}

export type RebindResult = { ok: true; bindings: Bindings } | { ok: false; error: string };

/**
 * Gives command `id` the one key `shortcut` (its other keys go). Refused when another command has the key: the
 * message names that command, so the person knows what to change first.
 */
export function rebind(
  commands: Iterable<BindableCommand>,
  bindings: Bindings,
  id: string,
  shortcut: string,
  display: (shortcut: string) => string = (s) => s,
): RebindResult {
  const reason = unbindableReason(shortcut);
  if (reason) return { ok: false, error: reason };
  const list = [...commands];
  const target = list.find((command) => command.id === id);
  if (!target) return { ok: false, error: t('ui:shortcuts.noCommand', { id }) };
  const holder = holderOf(list, shortcut, id);
  if (holder) return { ok: false, error: t('ui:shortcuts.taken', { key: display(shortcut), label: holder.label }) };
  return { ok: true, bindings: withOverride(bindings, id, [shortcut], target.defaultKeys) };
}

/** Puts command `id` back on its default keys; refused when one of them was given to another command since. */
export function resetBinding(
  commands: Iterable<BindableCommand>,
  bindings: Bindings,
  id: string,
  display: (shortcut: string) => string = (s) => s,
): RebindResult {
  const list = [...commands];
  const target = list.find((command) => command.id === id);
  if (!target) return { ok: false, error: t('ui:shortcuts.noCommand', { id }) };
  for (const key of target.defaultKeys) {
    const holder = holderOf(list, key, id);
    if (holder) return { ok: false, error: t('ui:shortcuts.takenSince', { key: display(key), label: holder.label }) };
  }
  const { [id]: _dropped, ...rest } = bindings;
  return { ok: true, bindings: rest };
}

function withOverride(bindings: Bindings, id: string, keys: readonly string[], defaults: readonly string[]): Bindings {
  const same = keys.length === defaults.length && keys.every((key, i) => key === defaults[i]);
  const { [id]: _dropped, ...rest } = bindings;
  return same ? rest : { ...rest, [id]: [...keys] };
}

/**
 * Stored bindings made safe to apply: invalid shortcuts are dropped, and an override that would give a key a
 * second command is dropped as a whole (the defaults win), each with a message. Overrides of commands this
 * version does not have are kept untouched (a newer version wrote them) but do not take keys.
 */
export function sanitizeBindings(
  commands: readonly Omit<BindableCommand, 'keys'>[],
  stored: Record<string, readonly unknown[]>,
): { bindings: Bindings; problems: string[] } {
  const problems: string[] = [];
  const known = new Map(commands.map((command) => [command.id, command]));
  const bindings: Record<string, readonly string[]> = {};
  for (const [id, keys] of Object.entries(stored)) {
    const valid = keys.filter((key): key is string => typeof key === 'string' && isShortcut(key));
    if (valid.length !== keys.length)
      problems.push(t('ui:shortcuts.invalidDropped', { label: known.get(id)?.label ?? id }));
    bindings[id] = valid.slice(0, MAX_KEYS_PER_COMMAND);
  }
  // A key goes to one command: walk the table in order, an override that takes a key already given is dropped.
  const taken = new Map<string, string>();
  for (const command of commands) {
    if (Object.hasOwn(bindings, command.id)) continue;
    for (const key of command.defaultKeys) taken.set(key, command.id);
  }
  for (const command of commands) {
    const keys = bindings[command.id];
    if (!keys) continue;
    const clash = keys.find((key) => taken.has(key) && taken.get(key) !== command.id);
    if (clash !== undefined) {
      const holder = known.get(taken.get(clash) as string);
      problems.push(t('ui:shortcuts.clash', { key: clash, label: command.label, holder: holder?.label ?? '' }));
      delete bindings[command.id];
      for (const key of command.defaultKeys) if (!taken.has(key)) taken.set(key, command.id);
      continue;
    }
    for (const key of keys) taken.set(key, command.id);
  }
  return { bindings, problems };
}
