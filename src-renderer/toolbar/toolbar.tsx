/** The toolbar: the most used commands as buttons; each is named, shows its shortcut and follows its enablement. */

import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Translate } from '../../src-shared/i18n/translator';
import type { CommandId, CommandSpec } from '../commands';
import { displayShortcut } from '../keyboard';
import { useStore } from '../store/use-store';

interface ButtonsProps {
  commands: Map<CommandId, CommandSpec>;
  run(id: CommandId): void;
}

/** [command, visible label]: the label is `commands:toolbar.<key>` (the button's accessible name), or a symbol. */
type Item = readonly [CommandId, ToolbarLabel];
type ToolbarLabel = { key: string } | { symbol: string };
const word = (key: string): ToolbarLabel => ({ key });

const GROUPS: readonly (readonly Item[])[] = [
  [
    ['file.open', word('open')],
    ['file.save', word('save')],
    ['media.open', word('media')],
  ],
  [
    ['edit.undo', word('undo')],
    ['edit.redo', word('redo')],
  ],
  [
    ['edit.insertBefore', word('insertBefore')],
    ['edit.insertAfter', word('insertAfter')],
    ['edit.delete', word('delete')],
  ],
  [
    ['timing.split', word('split')],
    ['timing.merge', word('merge')],
    ['timing.setStartAtPlayhead', word('setStart')],
    ['timing.setEndAtPlayhead', word('setEnd')],
  ],
  [
    ['timing.shift', word('shift')],
    ['timing.sync', word('sync')],
    ['timing.autoSync', word('autoSync')],
    ['timing.snapToSpeech', word('snapToSpeech')],
    ['timing.fixOverlaps', word('fixOverlaps')],
    ['edit.find', word('find')],
    ['help.shortcuts', { symbol: '?' }],
  ],
];

/** Playback and zoom, shown at the head of the timeline. */
export const TIMELINE_ITEMS: readonly Item[] = [
  ['media.playPause', word('play')],
  ['view.zoomOut', { symbol: '−' }],
  ['view.zoomIn', { symbol: '+' }],
  ['view.zoomFit', word('fit')],
];

/** Accessible names (`commands:toolbar.<key>`) where the visible label is a symbol or a short word. */
const NAMES: Partial<Record<CommandId, string>> = {
  'view.zoomOut': 'zoomOutName',
  'view.zoomIn': 'zoomInName',
  'view.zoomFit': 'zoomFitName',
  'help.shortcuts': 'shortcutsName',
};

/** A command button's tooltip: its label and first shortcut. */
function titleOf(t: Translate, spec: CommandSpec): string {
  const key = spec.keys[0];
  return key ? t('commands:toolbar.title', { label: spec.label, key: displayShortcut(key) }) : spec.label;
}

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
  const { t } = useTranslation();
  return (
    <>
      {items.map(([id, label], index) => {
        const spec = commands.get(id);
        if (!spec) return null;
        const playing = id === 'media.playPause' && playingNow;
        const visible = playing
          ? t('commands:toolbar.pause')
          : 'key' in label
            ? t(`commands:toolbar.${label.key}`)
            : label.symbol;
        const nameKey = NAMES[id];
        const name = playing ? t('commands:toolbar.pause') : nameKey ? t(`commands:toolbar.${nameKey}`) : undefined;
        return (
          <button
            key={id}
            type="button"
            className={`tool tool-${id.replace('.', '-')}`}
            data-testid={TEST_IDS[id]}
            aria-label={name}
            disabled={flags[index + 1] !== '1'}
            title={titleOf(t, spec)}
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

/**
 * The toolbar: one row. The groups that do not fit the window's width are hidden from the end and listed, in the
 * same order and with the command table's labels and shortcuts, in the "More" menu at the row's end.
 */
export function Toolbar({ commands, run }: ButtonsProps) {
  const { t, i18n } = useTranslation();
  const row = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(GROUPS.length);
  // Where each group ends (px from the row's left edge), measured with every group shown: once, and again when
  // the language changes (the labels, so the groups' widths, change with it).
  const ends = useRef<number[] | null>(null);
  const measure = useRef<() => void>(() => {});
  useLayoutEffect(() => {
    const element = row.current;
    if (!element) return;
    measure.current = () => {
      if (ends.current === null) {
        const groups = [...element.querySelectorAll<HTMLElement>(':scope > .toolbar-group')];
        if (groups.length !== GROUPS.length || groups.some((g) => g.offsetWidth === 0)) return;
        ends.current = groups.map((g) => g.offsetLeft + g.offsetWidth);
      }
      // The room is the bar's, less a little for the document name: the row itself shrinks as groups hide.
      const bar = element.parentElement ?? element;
      setShown(groupsThatFit(ends.current, bar.clientWidth - TITLE_ROOM_PX, MORE_WIDTH_PX));
    };
    measure.current();
    const observer = new ResizeObserver(() => measure.current());
    observer.observe(element.parentElement ?? element);
    return () => observer.disconnect();
  }, []);
  // A new language: show every group again and measure them anew once they are laid out (the effect below).
  const language = i18n.language;
  const measuredIn = useRef(language);
  useLayoutEffect(() => {
    if (measuredIn.current === language) return;
    measuredIn.current = language;
    ends.current = null;
    setShown(GROUPS.length);
  }, [language]);
  // Runs after every render: measures when the widths are not known yet and every group is shown.
  useLayoutEffect(() => {
    if (ends.current === null) measure.current();
  });
  const hidden = GROUPS.slice(shown).flat();
  return (
    <div className="toolbar" role="toolbar" aria-label={t('commands:toolbar.label')} ref={row}>
      {GROUPS.map((group, index) => (
        <div className="toolbar-group" key={group[0]?.[0]} hidden={index >= shown}>
          <CommandButtons commands={commands} run={run} items={group} />
        </div>
      ))}
      {hidden.length > 0 && <MoreMenu commands={commands} run={run} items={hidden} />}
    </div>
  );
}

/** Room left beside the toolbar for the document name (it takes more when there is more). */
const TITLE_ROOM_PX = 80;

/** Room kept at the row's end for the More button (and the gap before it) once anything is hidden. */
const MORE_WIDTH_PX = 72;

/** How many leading groups fit in `width` px, given where each ends; all of them when the last fits. */
export function groupsThatFit(ends: readonly number[], width: number, moreWidth: number): number {
  if (ends.length === 0 || (ends.at(-1) ?? 0) <= width) return ends.length;
  let count = 0;
  while (count < ends.length && (ends[count] ?? 0) <= width - moreWidth) count++;
  return count;
}

/** The More button and its menu of the hidden commands (WAI-ARIA menu button: arrows, Home/End, Escape). */
function MoreMenu({ commands, run, items }: ButtonsProps & { items: readonly Item[] }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const flags = useStore((s) => items.map(([id]) => (commands.get(id)?.enabled(s) ? '1' : '0')).join(''));
  const { t } = useTranslation();
  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
    const close = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node) && event.target !== button.current) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open]);
  const onKeyDown = (event: React.KeyboardEvent) => {
    const entries = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = entries.indexOf(document.activeElement as HTMLElement);
    const go = (index: number) => entries[(index + entries.length) % entries.length]?.focus();
    if (event.key === 'ArrowDown') go(at + 1);
    else if (event.key === 'ArrowUp') go(at - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(entries.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') {
      setOpen(false);
      if (event.key === 'Escape') button.current?.focus();
    } else return;
    event.preventDefault();
    event.stopPropagation();
  };
  return (
    <div className="toolbar-more">
      <button
        ref={button}
        type="button"
        className="tool tool-more"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls="toolbar-more-menu"
        onClick={() => setOpen((o) => !o)}
      >
        {t('commands:toolbar.more')}
      </button>
      {open && (
        <div
          id="toolbar-more-menu"
          className="toolbar-more-menu"
          role="menu"
          aria-label={t('commands:toolbar.moreMenu')}
          ref={menu}
          onKeyDown={onKeyDown}
        >
          {items.map(([id], index) => {
            const spec = commands.get(id);
            if (!spec) return null;
            const enabled = flags[index] === '1';
            const key = spec.keys[0];
            return (
              <button
                key={id}
                type="button"
                role="menuitem"
                tabIndex={-1}
                aria-disabled={!enabled}
                className="toolbar-more-item"
                onClick={() => {
                  if (!enabled) return;
                  setOpen(false);
                  button.current?.focus();
                  run(id);
                }}
              >
                <span>{spec.label}</span>
                {key && <kbd translate="no">{displayShortcut(key)}</kbd>}
              </button>
            );
          })}
        </div>
      )}
    </div>
  );
}
