import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  changedPanels,
  createLayoutSaver,
  DEFAULT_LAYOUT,
  LAYOUT_SAVE_DELAY_MS,
  type Layout,
  LEGACY_LAYOUT_KEY,
  layoutFromSettings,
  panelSize,
  takeLegacyLayout,
} from '../../src-renderer/store/layout';
import { INVOKES, PANELS, validate } from '../../src-shared/ipc-contract';

describe('layout from the settings', () => {
  it('takes the known panels, clamped to their ranges and rounded', () => {
    expect(layoutFromSettings({ topPx: 300, timelinePx: 250.4, listPx: 900 })).toEqual({
      topPx: 300,
      timelinePx: 250,
      listPx: 900,
    });
    expect(layoutFromSettings({ topPx: 5, timelinePx: 99_999, listPx: 320 })).toEqual({
      topPx: PANELS.topPx.min,
      timelinePx: PANELS.timelinePx.max,
      listPx: 320,
    });
  });

  it('falls back to the defaults for missing or invalid sizes and ignores other panels', () => {
    expect(layoutFromSettings(undefined)).toEqual(DEFAULT_LAYOUT);
    expect(layoutFromSettings(null)).toEqual(DEFAULT_LAYOUT);
    expect(layoutFromSettings({})).toEqual(DEFAULT_LAYOUT);
    expect(
      layoutFromSettings({ topPx: 'tall', timelinePx: Number.NaN, listPx: null, waveformHeight: 180 } as never),
    ).toEqual(DEFAULT_LAYOUT);
    expect(layoutFromSettings({ listPx: 1000, inspectorWidth: 320 })).toEqual({ ...DEFAULT_LAYOUT, listPx: 1000 });
  });

  it('has defaults and splitter ranges the contract accepts', () => {
    for (const [name, { min, max, initial }] of Object.entries(PANELS)) {
      expect(DEFAULT_LAYOUT[name as keyof Layout]).toBe(initial);
      expect(min).toBeLessThanOrEqual(initial);
      expect(initial).toBeLessThanOrEqual(max);
      expect(panelSize(name as keyof Layout, Number.POSITIVE_INFINITY)).toBeNull();
    }
    expect(validate(INVOKES.updateSettings.request, { patch: { layout: DEFAULT_LAYOUT } })).toBeNull();
    expect(validate(INVOKES.updateSettings.request, { patch: { layout: layoutFromSettings({ topPx: 1e9 }) } })).toBe(
      null,
    );
  });

  it('lists the panels that changed', () => {
    expect(changedPanels(DEFAULT_LAYOUT, DEFAULT_LAYOUT)).toEqual({});
    expect(changedPanels(DEFAULT_LAYOUT, { ...DEFAULT_LAYOUT, listPx: 500 })).toEqual({ listPx: 500 });
  });
});

describe('the localStorage layout of older versions', () => {
  function storage(entries: Record<string, string> = {}) {
    const data = new Map(Object.entries(entries));
    return {
      data,
      getItem: (key: string) => data.get(key) ?? null,
      removeItem: (key: string) => void data.delete(key),
    };
  }

  it('is read once and removed', () => {
    const store = storage({ [LEGACY_LAYOUT_KEY]: '{"topPx":300,"timelinePx":250,"listPx":900}', other: 'x' });
    expect(takeLegacyLayout(store)).toEqual({ topPx: 300, timelinePx: 250, listPx: 900 });
    expect(store.data.has(LEGACY_LAYOUT_KEY)).toBe(false);
    expect(store.data.get('other')).toBe('x');
    expect(takeLegacyLayout(store)).toBeNull();
  });

  it('is nothing when absent, damaged or without a single size, and the damaged entry is removed too', () => {
    expect(takeLegacyLayout(storage())).toBeNull();
    expect(takeLegacyLayout(null)).toBeNull();
    for (const raw of ['{', '[1,2]', 'null', '{"topPx":"x"}', '{}']) {
      const store = storage({ [LEGACY_LAYOUT_KEY]: raw });
      expect(takeLegacyLayout(store)).toBeNull();
      expect(store.data.size).toBe(0);
    }
    expect(takeLegacyLayout(storage({ [LEGACY_LAYOUT_KEY]: '{"listPx":1200,"topPx":-5}' }))).toEqual({
      ...DEFAULT_LAYOUT,
      topPx: PANELS.topPx.min,
      listPx: 1200,
    });
  });

  it('never throws when storage does', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      removeItem: () => undefined,
    };
    expect(takeLegacyLayout(broken)).toBeNull();
  });
});

describe('saving the layout', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const at = (listPx: number): Layout => ({ ...DEFAULT_LAYOUT, listPx });

  it('saves once, the changed panels only, after a drag rests for the delay', () => {
    const save = vi.fn(async (_changed: Partial<Layout>) => undefined);
    const saver = createLayoutSaver(save);
    saver.stored(DEFAULT_LAYOUT);
    for (let px = 760; px <= 900; px += 20) {
      saver.changed(at(px));
      vi.advanceTimersByTime(16);
    }
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(LAYOUT_SAVE_DELAY_MS - 17);
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith({ listPx: 900 });
  });

  it('saves nothing for the stored layout or a drag back to it', () => {
    const save = vi.fn(async (_changed: Partial<Layout>) => undefined);
    const saver = createLayoutSaver(save);
    saver.stored(at(900));
    saver.changed(at(900));
    vi.advanceTimersByTime(LAYOUT_SAVE_DELAY_MS * 2);
    saver.changed(at(1000));
    saver.changed(at(900));
    vi.advanceTimersByTime(LAYOUT_SAVE_DELAY_MS * 2);
    expect(save).not.toHaveBeenCalled();
  });

  it('a stored layout (startup) replaces a pending change; flush saves at once; cancel drops', () => {
    const save = vi.fn(async (_changed: Partial<Layout>) => undefined);
    const saver = createLayoutSaver(save);
    saver.changed(at(1000));
    saver.stored(at(1200));
    vi.advanceTimersByTime(LAYOUT_SAVE_DELAY_MS * 2);
    expect(save).not.toHaveBeenCalled();
    saver.changed(at(1300));
    saver.flush();
    expect(save).toHaveBeenCalledWith({ listPx: 1300 });
    saver.changed(at(1400));
    saver.cancel();
    vi.advanceTimersByTime(LAYOUT_SAVE_DELAY_MS * 2);
    saver.flush();
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('after a failed save the same sizes are offered again', async () => {
    const save = vi.fn(async (_changed: Partial<Layout>) => undefined);
    save.mockRejectedValueOnce(new Error('disk full'));
    const saver = createLayoutSaver(save);
    saver.changed(at(1000));
    saver.flush();
    await vi.runAllTimersAsync();
    saver.changed(at(1000));
    saver.flush();
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith({ listPx: 1000 });
  });
});
