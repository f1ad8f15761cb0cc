/**
 * The Keyboard Shortcuts editor: every command with its keys; "Change" then a key press rebinds it (refused, with
 * the holder's name, when another command has that key), "Reset" puts the defaults back. Changes apply at once and
 * are kept in the settings, so they hold on the next start.
 */
import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { type CommandGroup, type CommandId, type CommandSpec, groupName } from '../commands';
import { Modal } from '../dialogs/modal';
import { displayShortcut, shortcutOf } from '../keyboard';
import { useEditorStore, useStore } from '../store/use-store';
import { type Bindings, isModifierOnly, type RebindResult, rebind, resetBinding } from './keymap';

/** Saves the bindings in the settings (main keeps them in settings.json). */
export async function saveBindings(bindings: Bindings): Promise<void> {
  const shortcuts: Record<string, string[]> = {};
  for (const [id, keys] of Object.entries(bindings)) shortcuts[id] = [...keys];
  await call('updateSettings', { patch: { shortcuts } });
}

/** Commands by help-overlay group, in the order the groups first appear. */
function groupsOf(specs: readonly CommandSpec[]): [CommandGroup, CommandSpec[]][] {
  const groups = new Map<CommandGroup, CommandSpec[]>();
  for (const spec of specs) groups.set(spec.group, [...(groups.get(spec.group) ?? []), spec]);
  return [...groups];
}

export function ShortcutEditor({ commands }: { commands: Map<CommandId, CommandSpec> }) {
  const { t } = useTranslation();
  const store = useEditorStore();
  const bindings = useStore((s) => s.shortcuts);
  const [capturing, setCapturing] = useState<CommandId | null>(null);
  const [filter, setFilter] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const list = [...commands.values()];
  const shown = filter.trim()
    ? list.filter((spec) =>
        `${spec.label} ${spec.keys.map((k) => displayShortcut(k)).join(' ')}`
          .toLowerCase()
          .includes(filter.trim().toLowerCase()),
      )
    : list;

  function apply(result: RebindResult, success: string): void {
    if (!result.ok) {
      setError(result.error);
      setNotice('');
      return;
    }
    setError(null);
    setNotice(success);
    store.setShortcuts(result.bindings);
    saveBindings(result.bindings).catch((failure: unknown) =>
      setError(t('ui:shortcuts.notSaved', { message: failure instanceof Error ? failure.message : String(failure) })),
    );
  }

  function onCaptureKey(event: KeyboardEvent<HTMLDivElement>): void {
    if (capturing === null) return;
    // While waiting for a key, every key press is the new shortcut (Escape alone cancels).
    event.preventDefault();
    event.stopPropagation();
    const shortcut = shortcutOf(event.nativeEvent);
    if (isModifierOnly(shortcut)) return;
    const spec = commands.get(capturing);
    setCapturing(null);
    if (!spec) return;
    if (shortcut === 'Escape') {
      setNotice(t('ui:shortcuts.unchanged', { label: spec.label }));
      return;
    }
    apply(
      rebind(list, store.getState().shortcuts, spec.id, shortcut, displayShortcut),
      t('ui:shortcuts.now', { label: spec.label, key: displayShortcut(shortcut) }),
    );
  }

  return (
    <Modal title={t('ui:shortcuts.title')} className="shortcut-editor" onClose={() => store.closeDialog()}>
      <div className="shortcut-editor-body" onKeyDownCapture={onCaptureKey}>
        <label className="field">
          <span className="field-label">{t('ui:shortcuts.filter')}</span>
          <input
            type="search"
            aria-label={t('ui:shortcuts.filterCommands')}
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
        </label>
        <div className="shortcut-table-scroll">
          <table className="shortcuts shortcut-table" aria-label={t('ui:shortcuts.table')}>
            <thead>
              <tr>
                <th scope="col">{t('ui:shortcuts.command')}</th>
                <th scope="col">{t('ui:shortcuts.keys')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('ui:shortcuts.actions')}</span>
                </th>
              </tr>
            </thead>
            {groupsOf(shown).map(([group, specs]) => (
              <tbody key={group}>
                <tr className="shortcut-group">
                  <th scope="colgroup" colSpan={3}>
                    {groupName(group)}
                  </th>
                </tr>
                {specs.map((spec) => {
                  const changed = Object.hasOwn(bindings, spec.id);
                  return (
                    <tr key={spec.id} data-command={spec.id} className={changed ? 'changed' : undefined}>
                      <th scope="row">{spec.label}</th>
                      <td data-testid="keys">
                        {capturing === spec.id ? (
                          <span className="capture">{t('ui:shortcuts.capture')}</span>
                        ) : spec.keys.length === 0 ? (
                          <span className="muted">{t('ui:shortcuts.none')}</span>
                        ) : (
                          spec.keys.map((key) => (
                            <kbd key={key} translate="no">
                              {displayShortcut(key)}
                            </kbd>
                          ))
                        )}
                      </td>
                      <td className="shortcut-actions">
                        <button
                          type="button"
                          aria-label={t('ui:shortcuts.changeName', { label: spec.label })}
                          aria-pressed={capturing === spec.id}
                          onClick={() => {
                            setError(null);
                            setNotice('');
                            setCapturing(capturing === spec.id ? null : spec.id);
                          }}
                        >
                          {t('ui:shortcuts.change')}
                        </button>
                        <button
                          type="button"
                          aria-label={t('ui:shortcuts.resetName', { label: spec.label })}
                          disabled={!changed}
                          onClick={() =>
                            apply(
                              resetBinding(list, store.getState().shortcuts, spec.id, displayShortcut),
                              spec.defaultKeys.length === 0
                                ? t('ui:shortcuts.backToNone', { label: spec.label })
                                : t('ui:shortcuts.backTo', {
                                    label: spec.label,
                                    keys: spec.defaultKeys
                                      .map((k) => displayShortcut(k))
                                      .join(t('ui:shortcuts.keySeparator')),
                                  }),
                            )
                          }
                        >
                          {t('ui:shortcuts.reset')}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            ))}
          </table>
        </div>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <p className="form-note" aria-live="polite" data-testid="shortcut-notice">
          {notice}
        </p>
      </div>
      <div className="dialog-buttons">
        <button
          type="button"
          disabled={Object.keys(bindings).length === 0}
          onClick={() => apply({ ok: true, bindings: {} }, t('ui:shortcuts.allDefault'))}
        >
          {t('ui:shortcuts.resetAll')}
        </button>
        <button type="button" className="primary" onClick={() => store.closeDialog()}>
          {t('common:close')}
        </button>
      </div>
    </Modal>
  );
}
