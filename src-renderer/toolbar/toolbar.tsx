/** The toolbar: the most used commands as buttons; each is named, shows its shortcut and follows its enablement. */
import type { CommandId, CommandSpec } from '../commands';
import { displayShortcut } from '../keyboard';
import { useStore } from '../store/use-store';

interface ButtonsProps {
  commands: Map<CommandId, CommandSpec>;
  run(id: CommandId): void;
}

/** [command, visible label]; the label is the button's accessible name. */
type Item = readonly [CommandId, string];

const GROUPS: readonly (readonly Item[])[] = [
  [
    ['file.open', 'Open'],
    ['file.save', 'Save'],
    ['media.open', 'Media'],
  ],
  [
    ['edit.undo', 'Undo'],
    ['edit.redo', 'Redo'],
  ],
  [
    ['edit.insertBefore', 'Insert before'],
    ['edit.insertAfter', 'Insert after'],
    ['edit.delete', 'Delete'],
  ],
  [
    ['timing.split', 'Split'],
    ['timing.merge', 'Merge'],
    ['timing.setStartAtPlayhead', 'Set start'],
    ['timing.setEndAtPlayhead', 'Set end'],
  ],
  [
    ['timing.shift', 'Shift...'],
    ['timing.sync', 'Sync...'],
    ['timing.autoSync', 'Auto sync...'],
    ['timing.snapToSpeech', 'Snap to speech...'],
    ['timing.fixOverlaps', 'Fix overlaps'],
    ['edit.find', 'Find...'],
    ['help.shortcuts', '?'],
  ],
];

/** Playback and zoom, shown at the head of the timeline. */
export const TIMELINE_ITEMS: readonly Item[] = [
  ['media.playPause', 'Play'],
  ['view.zoomOut', '−'],
  ['view.zoomIn', '+'],
  ['view.zoomFit', 'Fit'],
];

/** Accessible names where the visible label is a symbol. */
const NAMES: Partial<Record<CommandId, string>> = {
  'view.zoomOut': 'Zoom out',
  'view.zoomIn': 'Zoom in',
  'view.zoomFit': 'Zoom to fit',
  'help.shortcuts': 'Keyboard shortcuts',
};

/** Test ids kept from the first shell, which tests and scripts still use. */
const TEST_IDS: Partial<Record<CommandId, string>> = {
  'file.open': 'open',
  'file.save': 'save',
  'media.open': 'open-media',
};

/** A row of command buttons. */
export function CommandButtons({ commands, run, items }: ButtonsProps & { items: readonly Item[] }) {
  // Subscribe to what the buttons show (enablement flags, playing), not to the whole state: the playhead changes
  // every frame during playback and must not re-render the toolbar. The key is a string, so equal means unchanged.
  const flags = useStore(
    (s) => `${s.playing ? 'p' : '-'}${items.map(([id]) => (commands.get(id)?.enabled(s) ? '1' : '0')).join('')}`,
  );
  const playingNow = flags[0] === 'p';
  return (
    <>
      {items.map(([id, label], index) => {
        const spec = commands.get(id);
        if (!spec) return null;
        const key = spec.keys[0];
        const playing = id === 'media.playPause' && playingNow;
        const visible = playing ? 'Pause' : label;
        const name = playing ? 'Pause' : NAMES[id];
        return (
          <button
            key={id}
            type="button"
            className={`tool tool-${id.replace('.', '-')}`}
            data-testid={TEST_IDS[id]}
            aria-label={name}
            disabled={flags[index + 1] !== '1'}
            title={key ? `${spec.label} (${displayShortcut(key)})` : spec.label}
            // Keep the focus (and the caret) where it is: Split uses the caret of the Text box.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => run(id)}
          >
            {visible}
          </button>
        );
      })}
    </>
  );
}

export function Toolbar({ commands, run }: ButtonsProps) {
  return (
    <div className="toolbar" role="toolbar" aria-label="Editing tools">
      {GROUPS.map((group) => (
        <div className="toolbar-group" key={group[0]?.[0]}>
          <CommandButtons commands={commands} run={run} items={group} />
        </div>
      ))}
    </div>
  );
}
