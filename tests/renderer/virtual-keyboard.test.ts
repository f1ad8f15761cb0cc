import { describe, expect, it } from 'vitest';
import { centreRow, revealRow, visibleRows } from '../../src-renderer/cue-list/virtual';
import { displayShortcut, hasModifier, shortcutOf } from '../../src-renderer/keyboard';

describe('list virtualization', () => {
  it('renders only the rows in view plus overscan', () => {
    expect(visibleRows(0, 260, 26, 232_400, 0)).toEqual({ first: 0, last: 10 });
    expect(visibleRows(26 * 100_000 + 13, 260, 26, 232_400, 2)).toEqual({ first: 99_998, last: 100_013 });
    expect(visibleRows(26 * 232_395, 260, 26, 232_400, 0)).toEqual({ first: 232_395, last: 232_400 });
    expect(visibleRows(0, 260, 26, 0)).toEqual({ first: 0, last: 0 });
  });

  it('scrolls as little as needed to reveal a row, or centres it', () => {
    expect(revealRow(0, 260, 26, 5)).toBe(0);
    expect(revealRow(0, 260, 26, 10)).toBe(26);
    expect(revealRow(2600, 260, 26, 50)).toBe(1300);
    expect(centreRow(260, 26, 1000, 232_400)).toBe(26_000 - 117);
    expect(centreRow(260, 26, 0, 232_400)).toBe(0);
  });
});

describe('keyboard shortcuts', () => {
  const key = (k: string, extra: Partial<Parameters<typeof shortcutOf>[0]> = {}) =>
    shortcutOf({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...extra }, false);

  it('normalises events', () => {
    expect(key('k', { code: 'KeyK', ctrlKey: true, shiftKey: true })).toBe('Mod+Shift+K');
    expect(key('?', { shiftKey: true })).toBe('?');
    expect(key('+', { ctrlKey: true, shiftKey: true })).toBe('Mod++');
    expect(key(' ')).toBe('Space');
    expect(key('∆', { code: 'KeyJ', altKey: true })).toBe('Alt+J');
    expect(key('F1')).toBe('F1');
    expect(
      shortcutOf({ key: 's', code: 'KeyS', ctrlKey: false, metaKey: true, altKey: false, shiftKey: false }, true),
    ).toBe('Mod+S');
  });

  it('shows shortcuts for people and tells bare keys from modified ones', () => {
    expect(displayShortcut('Mod+Shift+K', false)).toBe('Ctrl+Shift+K');
    expect(displayShortcut('Mod++', false)).toBe('Ctrl++');
    expect(displayShortcut('Mod+Shift+K', true)).toBe('⌘⇧K');
    expect(hasModifier('Space')).toBe(false);
    expect(hasModifier('F1')).toBe(true);
    expect(hasModifier('Alt+ArrowUp')).toBe(true);
  });
});
