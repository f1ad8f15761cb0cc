import { describe, expect, it } from 'vitest';
import { shortcutOf } from '../../src-renderer/keyboard';
import { keyTargetOf, shortcutApplies } from '../../src-renderer/shortcuts/dispatch';
import {
  type BindableCommand,
  holderOf,
  isModifierOnly,
  isShortcut,
  keysOf,
  rebind,
  resetBinding,
  sanitizeBindings,
  unbindableReason,
} from '../../src-renderer/shortcuts/keymap';

const table = (bindings: Record<string, readonly string[]> = {}): BindableCommand[] =>
  [
    { id: 'media.playPause', label: 'Play / pause', defaultKeys: ['Space', 'Mod+P'] },
    { id: 'timing.goToTime', label: 'Go to time or cue…', defaultKeys: ['Mod+G'] },
    { id: 'timing.setEndAndNext', label: 'Set end at playhead and select the next cue', defaultKeys: ['G'] },
    { id: 'edit.undo', label: 'Undo', defaultKeys: ['Mod+Z'] },
  ].map((c) => ({ ...c, keys: keysOf(c.id, c.defaultKeys, bindings) }));

describe('shortcut strings', () => {
  it('accepts what keyboard.ts produces and nothing else', () => {
    for (const ok of [
      'Mod+Shift+K',
      'Alt+ArrowLeft',
      'Mod+Alt+Shift+ArrowRight',
      'F5',
      '?',
      'Mod++',
      'Space',
      'G',
      ',',
    ])
      expect(isShortcut(ok)).toBe(true);
    for (const bad of ['', 'Shift+Mod+K', 'Ctrl+K', 'Mod+k', 'Mod+Mod+K', 'Shift+?', 'F99', 'Hello', 'Mod+'])
      expect(isShortcut(bad)).toBe(false);
  });

  it('waits for the real key while only modifiers are down, and refuses Tab', () => {
    const press = (key: string, extra = {}) =>
      shortcutOf({ key, code: '', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...extra }, false);
    expect(isModifierOnly(press('Control', { ctrlKey: true }))).toBe(true);
    expect(isModifierOnly(press('Shift', { shiftKey: true }))).toBe(true);
    expect(isModifierOnly('Mod+K')).toBe(false);
    expect(unbindableReason('Tab')).toMatch(/Tab moves the focus/);
    expect(unbindableReason('Mod+K')).toBeNull();
  });

  it('reads Alt+punctuation by the physical key (a Mac types ≤ for Alt+,)', () => {
    const alt = { ctrlKey: false, metaKey: false, altKey: true, shiftKey: false };
    expect(shortcutOf({ key: '≤', code: 'Comma', ...alt }, true)).toBe('Alt+,');
    expect(shortcutOf({ key: '.', code: 'Period', ...alt }, false)).toBe('Alt+.');
    expect(shortcutOf({ key: 'ArrowLeft', code: 'ArrowLeft', ...alt, shiftKey: true }, false)).toBe(
      'Alt+Shift+ArrowLeft',
    );
  });
});

describe('rebinding', () => {
  it('gives a command one new key and takes its old ones away', () => {
    const result = rebind(table(), {}, 'timing.goToTime', 'Mod+J');
    expect(result).toEqual({ ok: true, bindings: { 'timing.goToTime': ['Mod+J'] } });
    if (!result.ok) return;
    const after = table(result.bindings);
    expect(holderOf(after, 'Mod+J')?.id).toBe('timing.goToTime');
    expect(holderOf(after, 'Mod+G')).toBeNull();
  });

  it('refuses a key another command holds, naming that command', () => {
    expect(rebind(table(), {}, 'timing.goToTime', 'G')).toEqual({
      ok: false,
      error: 'G is already the key of "Set end at playhead and select the next cue"',
    });
    const shown = rebind(table(), {}, 'edit.undo', 'Space', (s) => `<${s}>`);
    expect(shown.ok === false && shown.error).toBe('<Space> is already the key of "Play / pause"');
  });

  it('lets a freed key be taken, and a command keep its own key', () => {
    const moved = rebind(table(), {}, 'timing.setEndAndNext', 'H');
    expect(moved.ok).toBe(true);
    if (!moved.ok) return;
    expect(rebind(table(moved.bindings), moved.bindings, 'timing.goToTime', 'G').ok).toBe(true);
    // Binding the default key again is no override at all.
    expect(rebind(table(), {}, 'timing.goToTime', 'Mod+G')).toEqual({ ok: true, bindings: {} });
  });

  it('resets to the defaults unless another command took one of them meanwhile', () => {
    const first = rebind(table(), {}, 'timing.setEndAndNext', 'H');
    if (!first.ok) throw new Error(first.error);
    const second = rebind(table(first.bindings), first.bindings, 'timing.goToTime', 'G');
    if (!second.ok) throw new Error(second.error);
    expect(resetBinding(table(second.bindings), second.bindings, 'timing.setEndAndNext')).toEqual({
      ok: false,
      error: 'G is now the key of "Go to time or cue…"; change that first',
    });
    expect(resetBinding(table(second.bindings), second.bindings, 'timing.goToTime')).toEqual({
      ok: true,
      bindings: { 'timing.setEndAndNext': ['H'] },
    });
  });
});

describe('stored bindings', () => {
  const commands = table().map(({ id, label, defaultKeys }) => ({ id, label, defaultKeys }));

  it('applies valid overrides and keeps unknown commands for newer versions', () => {
    const { bindings, problems } = sanitizeBindings(commands, {
      'timing.goToTime': ['Mod+J'],
      'future.command': ['Mod+Alt+X'],
    });
    expect(bindings).toEqual({ 'timing.goToTime': ['Mod+J'], 'future.command': ['Mod+Alt+X'] });
    expect(problems).toEqual([]);
  });

  it('drops invalid keys, saying of which command; a key freed by another override may be taken', () => {
    const { bindings, problems } = sanitizeBindings(commands, {
      'edit.undo': ['Mod+G'],
      'timing.goToTime': ['ctrl+g', 'Mod+J'],
    });
    expect(bindings).toEqual({ 'edit.undo': ['Mod+G'], 'timing.goToTime': ['Mod+J'] });
    expect(problems).toEqual(['Shortcut of "Go to time or cue…": invalid keys dropped']);
  });

  it('keeps the defaults of a command whose stored key another command has', () => {
    const { bindings, problems } = sanitizeBindings(commands, { 'edit.undo': ['Space'] });
    expect(bindings).toEqual({});
    expect(problems).toEqual(['Shortcut Space of "Undo" is the key of "Play / pause"; kept the defaults']);
  });
});

describe('which keys run a command where', () => {
  const text = { typing: true, button: false, choice: false, arrows: false };
  const button = { typing: false, button: true, choice: false, arrows: false };
  const grid = { typing: false, button: false, choice: false, arrows: false };
  const radio = { typing: false, button: false, choice: true, arrows: false };

  it('never fires bare keys in a text field; modified ones do', () => {
    for (const key of ['Space', 'S', 'G', 'Q', 'Escape', 'ArrowLeft', ','])
      expect(shortcutApplies(key, text, false)).toBe(false);
    expect(shortcutApplies('Mod+G', text, false)).toBe(true);
    expect(shortcutApplies('Alt+ArrowLeft', text, false)).toBe(true);
    expect(shortcutApplies('Mod+A', text, false)).toBe(false);
    // A Mac moves the caret by words with Alt+Left/Right.
    expect(shortcutApplies('Alt+ArrowLeft', text, true)).toBe(false);
    expect(shortcutApplies('Alt+Shift+ArrowRight', text, true)).toBe(false);
  });

  it('plays on Space from a focused button, block, problem or the grid; Enter still presses the button', () => {
    expect(shortcutApplies('Space', button, false)).toBe(true);
    expect(shortcutApplies('Space', grid, false)).toBe(true);
    expect(shortcutApplies('Enter', button, false)).toBe(false);
    expect(shortcutApplies('G', button, false)).toBe(true);
  });

  it('leaves Space and the arrows to checkboxes and radio buttons', () => {
    expect(shortcutApplies('Space', radio, false)).toBe(false);
    expect(shortcutApplies('ArrowLeft', radio, false)).toBe(false);
    expect(shortcutApplies('Alt+ArrowLeft', radio, false)).toBe(true);
  });

  it('classifies nothing as a plain target outside a DOM', () => {
    expect(keyTargetOf(null)).toEqual({ typing: false, button: false, choice: false, arrows: false });
  });
});
