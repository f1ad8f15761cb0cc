/** Every command with its shortcuts (F1 or ?), grouped as in the menu. */
import { useTranslation } from 'react-i18next';
import { type CommandGroup, type CommandId, type CommandSpec, groupName } from '../commands';
import { displayShortcut } from '../keyboard';
import { useEditorStore } from '../store/use-store';
import { Modal } from './modal';

/** Mouse and list gestures: `ui:help.extra.<name>Keys` (what to do) and `ui:help.extra.<name>` (what it does). */
const EXTRA: readonly string[] = ['list', 'click', 'doubleClick', 'drag', 'wheel', 'enter', 'single', 'sync', 'speech'];

export function HelpOverlay({ commands }: { commands: Map<CommandId, CommandSpec> }) {
  const { t } = useTranslation();
  const store = useEditorStore();
  const groups = new Map<CommandGroup, CommandSpec[]>();
  for (const spec of commands.values()) {
    const list = groups.get(spec.group) ?? [];
    list.push(spec);
    groups.set(spec.group, list);
  }
  return (
    <Modal title={t('commands:help.shortcuts')} className="help" onClose={() => store.closeDialog()}>
      <div className="help-columns">
        {[...groups].map(([group, specs]) => (
          <table key={group} className="shortcuts">
            <caption>{groupName(group)}</caption>
            <tbody>
              {specs.map((spec) => (
                <tr key={spec.id}>
                  <td>{spec.label}</td>
                  <td>
                    {spec.keys.map((key) => (
                      // Key names (Ctrl, Shift, F8) are not translated.
                      <kbd key={key} translate="no">
                        {displayShortcut(key)}
                      </kbd>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
        <table className="shortcuts help-gestures">
          <caption>{t('ui:help.mouse')}</caption>
          <tbody>
            {EXTRA.map((name) => (
              <tr key={name}>
                <td>{t(`ui:help.extra.${name}`)}</td>
                <td>
                  <kbd>{t(`ui:help.extra.${name}Keys`)}</kbd>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="dialog-buttons">
        <button type="button" onClick={() => store.openDialog({ kind: 'shortcuts' })}>
          {t('ui:help.changeShortcuts')}
        </button>
        <button type="button" className="primary" onClick={() => store.closeDialog()}>
          {t('common:close')}
        </button>
      </div>
    </Modal>
  );
}
