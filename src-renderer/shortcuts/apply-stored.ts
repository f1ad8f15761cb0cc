/** Applies the key bindings kept in the settings at start: the valid ones take effect, the rest are reported. */
import type { CommandId, CommandSpec } from '../commands';
import { t } from '../i18n';
import type { EditorStore } from '../store/editor-store';
import { sanitizeBindings } from './keymap';

export function applyStoredShortcuts(
  store: EditorStore,
  commands: Map<CommandId, CommandSpec>,
  stored: Record<string, readonly string[]>,
): void {
  const table = [...commands.values()].map(({ id, label, defaultKeys }) => ({ id, label, defaultKeys }));
  const { bindings, problems } = sanitizeBindings(table, stored);
  store.setShortcuts(bindings);
  if (problems.length > 0)
    store.setMessage(t('ui:shortcuts.settings', { problems: problems.join(t('ui:shortcuts.problemSeparator')) }));
}
