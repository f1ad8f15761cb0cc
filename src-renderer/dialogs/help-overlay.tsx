/** Every command with its shortcuts (F1 or ?), grouped as in the menu. */
import type { CommandId, CommandSpec } from '../commands';
import { displayShortcut } from '../keyboard';
import { useEditorStore } from '../store/use-store';
import { Modal } from './modal';

const EXTRA: readonly [string, string][] = [
  ['Up / Down (in the cue list)', 'Select previous / next cue; Shift extends'],
  ['Click, Shift+click, Ctrl+click', 'Select, extend, add or remove a cue'],
  ['Double-click a cue block', 'Play the cue'],
  ['Drag a block / its edge', 'Move / resize; snaps to the playhead and neighbours (hold Alt to stop snapping)'],
  ['Wheel / Ctrl+wheel (timeline)', 'Scroll / zoom'],
  ['Enter (in Start, End, Duration)', 'Commit the time'],
  ['Space, S, Q, W, E, D, G... (keys without Ctrl/Alt)', 'Work everywhere except while typing in a text field'],
  [
    'Use selected cue / Use playhead',
    'Two-point sync: click a cue or the timeline while the dialog is open, then take it over',
  ],
  ['Green strip under the waveform', 'Speech activity (what Auto sync and Snap to speech align to)'],
];

export function HelpOverlay({ commands }: { commands: Map<CommandId, CommandSpec> }) {
  const store = useEditorStore();
  const groups = new Map<string, CommandSpec[]>();
  for (const spec of commands.values()) {
    const list = groups.get(spec.group) ?? [];
    list.push(spec);
    groups.set(spec.group, list);
  }
  return (
    <Modal title="Keyboard shortcuts" className="help" onClose={() => store.closeDialog()}>
      <div className="help-columns">
        {[...groups].map(([group, specs]) => (
          <table key={group} className="shortcuts">
            <caption>{group}</caption>
            <tbody>
              {specs.map((spec) => (
                <tr key={spec.id}>
                  <td>{spec.label}</td>
                  <td>
                    {spec.keys.map((key) => (
                      <kbd key={key}>{displayShortcut(key)}</kbd>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
        <table className="shortcuts">
          <caption>Mouse and lists</caption>
          <tbody>
            {EXTRA.map(([keys, what]) => (
              <tr key={keys}>
                <td>{what}</td>
                <td>
                  <kbd>{keys}</kbd>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="dialog-buttons">
        <button type="button" onClick={() => store.openDialog({ kind: 'shortcuts' })}>
          Change shortcuts…
        </button>
        <button type="button" className="primary" onClick={() => store.closeDialog()}>
          Close
        </button>
      </div>
    </Modal>
  );
}
