// The open-documents session: opaque handles map to what main needs to save a document back.
import { describe, expect, it } from 'vitest';
import { createDocumentSession, displayName, UnknownHandleError } from '../../src-main/services/documents';

describe('document session', () => {
  it('hands out distinct opaque handles and remembers path, encoding, BOM and stamp', () => {
    const session = createDocumentSession<number>();
    const a = session.add({ path: '/x/a.srt', encoding: 'gb18030', bom: false, stamp: 7 });
    const b = session.add({ path: '/x/b.srt', encoding: 'utf-8', bom: true, stamp: 9 });
    expect(a.handle).not.toBe(b.handle);
    expect(a.handle).not.toContain('/x/');
    expect(session.get(a.handle)).toMatchObject({ path: '/x/a.srt', encoding: 'gb18030', bom: false, stamp: 7 });
    expect(session.get(b.handle)).toMatchObject({ encoding: 'utf-8', bom: true, dirty: false, backedUp: false });
  });

  it('keys recovery journals per run, so a new run never overwrites the journal a crashed run left', () => {
    const crashed = createDocumentSession<number>('run1');
    const next = createDocumentSession<number>('run2');
    const before = crashed.add({ path: '/x/a.srt', encoding: 'utf-8', bom: false, stamp: null }).recoveryKey;
    const after = next.add({ path: '/x/a.srt', encoding: 'utf-8', bom: false, stamp: null }).recoveryKey;
    expect(before).toContain('/x/a.srt');
    expect(after).not.toBe(before);
    const session = createDocumentSession<number>();
    const u1 = session.add({ path: null, encoding: 'utf-8', bom: false, stamp: null });
    const u2 = session.add({ path: null, encoding: 'utf-8', bom: false, stamp: null });
    expect(u1.recoveryKey).not.toBe(u2.recoveryKey);
    expect(session.add({ path: null, encoding: 'utf-8', bom: false, stamp: null, recoveryKey: 'k' }).recoveryKey).toBe(
      'k',
    );
  });

  it('throws UnknownHandleError for handles it never gave out or already removed', () => {
    const session = createDocumentSession<number>();
    const doc = session.add({ path: '/x/a.srt', encoding: 'utf-8', bom: false, stamp: null });
    session.remove(doc.handle);
    expect(() => session.get(doc.handle)).toThrow(UnknownHandleError);
    expect(() => session.get('doc-999')).toThrow(/doc-999/);
    expect(session.all()).toEqual([]);
  });

  it('names documents by their file name, or Untitled', () => {
    expect(displayName('/home/me/interview.srt')).toBe('interview.srt');
    expect(displayName('C:\\subs\\ep1.srt')).toBe('ep1.srt');
    expect(displayName(null)).toBe('Untitled');
  });
});
