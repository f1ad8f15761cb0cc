import { describe, expect, it } from 'vitest';
import { resolveTheme } from '../../src-renderer/theme';

describe('theme setting', () => {
  it('follows the system preference for "system" and overrides it otherwise', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
    expect(resolveTheme('light', true)).toBe('light');
  });
});
