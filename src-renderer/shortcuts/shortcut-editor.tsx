/**
 * The Keyboard Shortcuts editor: every command with its keys; "Change" then a key press rebinds it (refused, with
 * the holder's name, when another command has that key), "Reset" puts the defaults back. Changes apply at once and
 * are kept in the settings, so they hold on the next start.
 */
import { type KeyboardEvent, useState } from 'react';
import { call } from '../api';
import type { CommandId, CommandSpec } from '../commands';
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
function groupsOf(specs: readonly CommandSpec[]): [string, CommandSpec[]][] {
  const groups = new Map<string, CommandSpec[]>();
  for (const spec of specs) groups.set(spec.group, [...(groups.get(spec.group) ?? []), spec]);
  return [...groups];
}

export function ShortcutEditor({ commands }: { commands: Map<CommandId, CommandSpec> }) {
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
      setError(`Not saved: ${failure instanceof Error ? failure.message : String(failure)}`),
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
      setNotice(`${spec.label}: unchanged`);
      return;
    }
    apply(
      rebind(list, store.getState().shortcuts, spec.id, shortcut, displayShortcut),
      `${spec.label}: now ${displayShortcut(shortcut)}`,
    );
  }

  return (
    <Modal title="Edit keyboard shortcuts" className="shortcut-editor" onClose={() => store.closeDialog()}>
      <div className="shortcut-editor-body" onKeyDownCapture={onCaptureKey}>
        <label className="field">
          <span className="field-label">Filter</span>
          <input
            type="search"
            aria-label="Filter commands"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
        </label>
        <div className="shortcut-table-scroll">
          <table className="shortcuts shortcut-table" aria-label="Shortcuts">
            <thead>
              <tr>
                <th scope="col">Command</th>
                <th scope="col">Keys</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            {groupsOf(shown).map(([group, specs]) => (
              <tbody key={group}>
                <tr className="shortcut-group">
                  <th scope="colgroup" colSpan={3}>
                    {group}
                  </th>
                </tr>
                {specs.map((spec) => {
                  const changed = Object.hasOwn(bindings, spec.id);
                  return (
                    <tr key={spec.id} data-command={spec.id} className={changed ? 'changed' : undefined}>
                      <th scope="row">{spec.label}</th>
                      <td data-testid="keys">
                        {capturing === spec.id ? (
                          <span className="capture">Press the new key… (Escape cancels)</span>
                        ) : spec.keys.length === 0 ? (
                          <span className="muted">none</span>
                        ) : (
                          spec.keys.map((key) => <kbd key={key}>{displayShortcut(key)}</kbd>)
                        )}
                      </td>
                      <td className="shortcut-actions">
                        <button
                          type="button"
                          aria-label={`Change the shortcut of ${spec.label}`}
                          aria-pressed={capturing === spec.id}
                          onClick={() => {
                            setError(null);
                            setNotice('');
                            setCapturing(capturing === spec.id ? null : spec.id);
                          }}
                        >
                          Change
                        </button>
                        <button
                          type="button"
                          aria-label={`Reset the shortcut of ${spec.label}`}
                          disabled={!changed}
                          onClick={() =>
                            apply(
                              resetBinding(list, store.getState().shortcuts, spec.id, displayShortcut),
                              `${spec.label}: back to ${spec.defaultKeys.map((k) => displayShortcut(k)).join(', ') || 'no key'}`,
                            )
                          }
                        >
                          Reset
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
          onClick={() => apply({ ok: true, bindings: {} }, 'Every shortcut is back to its default')}
        >
          Reset all
        </button>
        <button type="button" className="primary" onClick={() => store.closeDialog()}>
          Close
        </button>
      </div>
    </Modal>
  );
}
