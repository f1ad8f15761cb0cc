// The native menu template: every command is reachable, sends its id, and accelerators do not collide.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, type MenuState } from '../../src-main/menu';
import { type AppCommandId, COMMAND_IDS } from '../../src-shared/ipc-contract';

function state(overrides: Partial<MenuState> = {}) {
  const sent: AppCommandId[] = [];
  const opened: string[] = [];
  let cleared = 0;
  const menuState: MenuState = {
    platform: 'linux',
    recentFiles: [],
    isDev: false,
    sendCommand: (id) => sent.push(id),
    openRecent: (filePath) => opened.push(filePath),
    clearRecent: () => {
      cleared++;
    },
    ...overrides,
  };
  return { menuState, sent, opened, cleared: () => cleared };
}

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as () => void)();
}

function topLabels(items: MenuItemConstructorOptions[]): (string | undefined)[] {
  return items.map((item) => item.label ?? item.role);
}

describe('menu template', () => {
  it('has File, Edit, Timing, Media and View menus', () => {
    expect(topLabels(buildMenuTemplate(state().menuState))).toEqual(['&File', '&Edit', '&Timing', '&Media', '&View']);
  });

  it('adds the app and window menus on macOS, where Quit lives in the app menu', () => {
    const template = buildMenuTemplate(state({ platform: 'darwin' }).menuState);
    expect(topLabels(template)).toEqual(['appMenu', '&File', '&Edit', '&Timing', '&Media', '&View', 'Window']);
    const file = flatten(template[1]?.submenu as MenuItemConstructorOptions[]);
    expect(file.some((item) => item.role === 'quit')).toBe(false);
  });

  it('offers every command id exactly once, and clicking an item sends its id', () => {
    const { menuState, sent } = state();
    const items = flatten(buildMenuTemplate(menuState)).filter((item) => COMMAND_IDS.includes(item.id as AppCommandId));
    expect(items.map((item) => item.id).sort()).toEqual([...COMMAND_IDS].sort());
    for (const item of items) click(item);
    expect(sent).toEqual(items.map((item) => item.id));
  });

  it('uses the usual accelerators for the file and edit commands', () => {
    const byId = new Map(flatten(buildMenuTemplate(state().menuState)).map((item) => [item.id, item.accelerator]));
    expect(byId.get('file.open')).toBe('CmdOrCtrl+O');
    expect(byId.get('file.save')).toBe('CmdOrCtrl+S');
    expect(byId.get('file.saveAs')).toBe('CmdOrCtrl+Shift+S');
    expect(byId.get('edit.undo')).toBe('CmdOrCtrl+Z');
    expect(byId.get('edit.redo')).toBe('Ctrl+Y');
    expect(byId.get('edit.find')).toBe('CmdOrCtrl+F');
  });

  it('offers Auto Sync and Snap to Speech under Timing, with shortcuts', () => {
    const timing = buildMenuTemplate(state().menuState).find((item) => item.label === '&Timing');
    const items = flatten((timing?.submenu ?? []) as MenuItemConstructorOptions[]);
    const byId = new Map(items.map((item) => [item.id, item.accelerator]));
    expect(byId.get('timing.autoSync')).toBe('CmdOrCtrl+Shift+A');
    expect(byId.get('timing.snapToSpeech')).toBe('CmdOrCtrl+Shift+G');
  });

  it('follows changed key bindings: a rebound command gets its new accelerator, a bare key none', () => {
    const shortcuts = {
      'timing.goToTime': ['Mod+J'],
      'media.playPause': ['Space'],
      'edit.undo': ['Mod+Alt+ArrowLeft'],
    };
    const byId = new Map(flatten(buildMenuTemplate(state({ shortcuts }).menuState)).map((item) => [item.id, item]));
    expect(byId.get('timing.goToTime')?.accelerator).toBe('CmdOrCtrl+J');
    expect(byId.get('media.playPause')?.accelerator).toBeUndefined();
    expect(byId.get('edit.undo')?.accelerator).toBe('CmdOrCtrl+Alt+Left');
    expect(byId.get('file.save')?.accelerator).toBe('CmdOrCtrl+S');
    expect(byId.get('help.editShortcuts')?.accelerator).toBe('CmdOrCtrl+Alt+K');
  });

  it('never gives two items the same accelerator, on any platform', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const accelerators = flatten(buildMenuTemplate(state({ platform }).menuState))
        .map((item) => item.accelerator)
        .filter((accelerator): accelerator is string => typeof accelerator === 'string');
      expect(new Set(accelerators).size, platform).toBe(accelerators.length);
    }
  });

  it('gives every non-native shortcut a modifier, so typing in a text field is never stolen', () => {
    const accelerators = flatten(buildMenuTemplate(state().menuState)).map((item) => item.accelerator);
    for (const accelerator of accelerators) if (accelerator) expect(accelerator).toMatch(/(Cmd|Ctrl|Alt)/);
  });

  it('keeps cut, copy and paste native', () => {
    const roles = flatten(buildMenuTemplate(state().menuState)).map((item) => item.role);
    expect(roles).toEqual(expect.arrayContaining(['cut', 'copy', 'paste']));
  });

  it('lists recent files by name and opens the clicked one', () => {
    const { menuState, opened } = state({ recentFiles: ['/subs/a & b.srt', '/subs/c.srt'] });
    const recent = flatten(buildMenuTemplate(menuState)).find((item) => item.id === 'file.openRecent');
    const entries = ((recent?.submenu ?? []) as MenuItemConstructorOptions[]).filter(
      (item) => item.click && item.label !== 'Clear Recent',
    );
    expect(entries.map((item) => item.label)).toEqual(['a && b.srt  —  /subs', 'c.srt  —  /subs']);
    click(entries[1]!);
    expect(opened).toEqual(['/subs/c.srt']);
  });

  it('shows a disabled placeholder when there are no recent files, and Clear Recent clears', () => {
    const { menuState, cleared } = state();
    const recent = flatten(buildMenuTemplate(menuState)).find((item) => item.id === 'file.openRecent');
    const submenu = (recent?.submenu ?? []) as MenuItemConstructorOptions[];
    expect(submenu[0]).toMatchObject({ label: 'No Recent Files', enabled: false });
    click(submenu.find((item) => item.label === 'Clear Recent')!);
    expect(cleared()).toBe(1);
  });

  it('offers DevTools only in development builds', () => {
    const roles = (isDev: boolean) => flatten(buildMenuTemplate(state({ isDev }).menuState)).map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });
});
