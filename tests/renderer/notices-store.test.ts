// Start-up notices and the encoding notice: each said once, each dismissible.
import { describe, expect, it } from 'vitest';
import { NoticesStore } from '../../src-renderer/notices/notices-store';

describe('NoticesStore', () => {
  it('keeps each start-up notice once until dismissed, and tells subscribers', () => {
    const store = new NoticesStore();
    let changes = 0;
    const off = store.subscribe(() => changes++);
    store.addStartup(['settings.json set aside', 'Removed a temporary file']);
    store.addStartup(['settings.json set aside']);
    expect(store.getState().startup).toEqual(['settings.json set aside', 'Removed a temporary file']);
    store.dismissStartup('settings.json set aside');
    expect(store.getState().startup).toEqual(['Removed a temporary file']);
    expect(changes).toBe(2);
    off();
    store.addStartup(['later']);
    expect(changes).toBe(2);
  });

  it('holds the encoding notice of the document shown last', () => {
    const store = new NoticesStore();
    const notice = { name: 'a.srt', encoding: 'windows-1251', alternatives: ['utf-8'], message: 'a guess' };
    store.setEncoding(notice);
    expect(store.getState().encoding).toEqual(notice);
    store.setEncoding(null);
    expect(store.getState().encoding).toBeNull();
  });
});
