// The allow-list: only paths the user chose may be read or written; every refusal is logged.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccessDeniedError, createPathAccess } from '../../src-main/services/path-access';

function setup() {
  const logs: string[] = [];
  const access = createPathAccess({ log: (line) => logs.push(line), caseInsensitive: false });
  return { access, logs };
}

describe('path access', () => {
  it('allows a chosen path for reading and writing', () => {
    const { access, logs } = setup();
    access.allow('/home/me/interview.srt', 'open-dialog');
    expect(access.assertAllowed('/home/me/interview.srt', 'read')).toBe('/home/me/interview.srt');
    expect(access.assertAllowed('/home/me/interview.srt', 'write')).toBe('/home/me/interview.srt');
    expect(logs).toEqual([]);
  });

  it('refuses a path never chosen, logs the refusal and throws a forbidden error', () => {
    const { access, logs } = setup();
    access.allow('/home/me/interview.srt', 'command-line');
    expect(() => access.assertAllowed('/etc/passwd', 'read')).toThrow(AccessDeniedError);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toContain('refused read of "/etc/passwd"');
    expect(() => access.assertAllowed('/etc/shadow', 'write')).toThrow(
      expect.objectContaining({ code: 'forbidden', operation: 'write' }),
    );
    expect(logs[1]).toContain('refused write of "/etc/shadow"');
  });

  it('sees through `..` segments to the file that would really be opened', () => {
    const { access } = setup();
    access.allow('/home/me/interview.srt', 'drop');
    expect(access.assertAllowed('/home/me/sub/../interview.srt', 'read')).toBe('/home/me/interview.srt');
    expect(() => access.assertAllowed('/home/me/../../etc/passwd', 'read')).toThrow(AccessDeniedError);
  });

  it('refuses relative paths, whose meaning depends on main’s working directory', () => {
    const { access, logs } = setup();
    access.allow(path.resolve('interview.srt'), 'recent');
    expect(() => access.assertAllowed('interview.srt', 'read')).toThrow(AccessDeniedError);
    expect(logs).toHaveLength(1);
  });

  it('allows a folder’s file only, not its siblings or the folder', () => {
    const { access } = setup();
    access.allow('/media/show/ep1.srt', 'open-dialog');
    expect(access.isAllowed('/media/show/ep2.srt')).toBe(false);
    expect(access.isAllowed('/media/show')).toBe(false);
  });

  it('compares without case where the file system ignores it', () => {
    const access = createPathAccess({ log: () => {}, caseInsensitive: true });
    access.allow('/Users/Me/Interview.srt', 'open-dialog');
    expect(access.isAllowed('/users/me/interview.SRT')).toBe(true);
  });
});
