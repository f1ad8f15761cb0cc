// Window policy: the title shows the file and an edited mark; closing with unsaved changes asks first.
import { describe, expect, it } from 'vitest';
import { decideClose, UNSAVED_BUTTONS, windowTitle } from '../../src-main/window';

describe('windowTitle', () => {
  it('shows the app name alone when no document is open', () => {
    expect(windowTitle(null, false)).toBe('Cuewave');
  });

  it('shows the file name, with an edited mark only while there are unsaved changes', () => {
    expect(windowTitle('interview.srt', false)).toBe('interview.srt — Cuewave');
    expect(windowTitle('interview.srt', true)).toBe('• interview.srt — Cuewave');
  });
});

describe('decideClose', () => {
  it('closes a clean window without asking', () => {
    expect(decideClose(false, null)).toBe('close');
  });

  it('asks when there are unsaved changes and no answer yet', () => {
    expect(decideClose(true, null)).toBe('ask');
  });

  it('follows the answer: Save saves first, Don’t Save closes, Cancel stays', () => {
    expect(decideClose(true, 'save')).toBe('save-then-close');
    expect(decideClose(true, 'discard')).toBe('close');
    expect(decideClose(true, 'cancel')).toBe('stay');
  });

  it('offers Save, Don’t Save and Cancel in that order', () => {
    expect(UNSAVED_BUTTONS.map((button) => [button.label, button.answer])).toEqual([
      ['Save', 'save'],
      ["Don't Save", 'discard'],
      ['Cancel', 'cancel'],
    ]);
  });
});
