// Accessibility: axe-core finds no serious or critical violation on the editor with a subtitle and its video open,
// with each dialog open and with the help overlay, in the light and the dark theme, in English and in Simplified
// Chinese; and every control on the editor is reachable with Tab and shows a visible focus ring when it gets there.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AppCommandId } from '../../src-shared/ipc-contract';
import type { LaunchedApp } from '../support/app';
import { setupE2eSession } from '../support/e2e-session';

const session = setupE2eSession('accessibility');

/** Serious and critical violations as readable lines (rule, impact, the elements and what is wrong). */
async function violations(page: Page, context: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  // One line per rule: the first element, how many more, and what is wrong.
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const [first] = v.nodes;
      const more = v.nodes.length > 1 ? ` (+${v.nodes.length - 1} more)` : '';
      return `${context}: ${v.id} (${v.impact}) ${first?.target.join(' ')}${more}: ${first?.failureSummary ?? v.help}`;
    });
}

type Language = 'en' | 'zh-Hans';

async function launch(theme: 'light' | 'dark', files: string[], language: Language = 'en'): Promise<LaunchedApp> {
  const dataDir = path.join(session.work(), `data-${theme}-${language}-${Date.now()}`);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path.join(dataDir, 'settings.json'), `${JSON.stringify({ theme, language })}\n`);
  const app = await session.launch({ files, env: { CUEWAVE_DATA_DIR: dataDir } });
  await app.page.setViewportSize({ width: 1440, height: 900 });
  await app.page.locator('html[data-ready="true"]').waitFor({ timeout: 120_000 });
  expect(await app.page.locator('html').getAttribute('data-theme')).toBe(theme);
  expect(await app.page.locator('html').getAttribute('lang')).toBe(language);
  return app;
}

/** The dialogs of the command table, each with how it is opened and the name it is announced by (in English). */
const DIALOGS: { command: AppCommandId | { key: string }; name: string }[] = [
  { command: 'edit.find', name: 'Find' },
  { command: 'edit.replace', name: 'Find and replace' },
  { command: 'timing.shift', name: 'Shift times' },
  { command: { key: 'Control+Shift+Y' }, name: 'Two-point sync' },
  { command: 'timing.autoSync', name: 'Auto sync' },
  { command: 'timing.snapToSpeech', name: 'Snap to speech' },
  { command: 'timing.postProcess', name: 'Timing post-processor' },
  { command: 'timing.goToTime', name: 'Go to time' },
  { command: 'help.editShortcuts', name: 'Edit keyboard shortcuts' },
  { command: 'text.spellCheck', name: 'Spell check' },
  { command: 'text.breakLines', name: 'Break / balance lines' },
  { command: 'text.unbreakLines', name: 'Unbreak lines' },
  { command: { key: 'Control+Shift+F' }, name: 'Fix common errors' },
  { command: 'file.splitBilingual', name: 'Split bilingual file' },
  // The help overlay.
  { command: { key: 'F1' }, name: 'Keyboard shortcuts' },
];

async function openDialog(app: LaunchedApp, command: AppCommandId | { key: string }) {
  if (typeof command === 'string') await app.menu(command);
  else {
    await app.page.getByRole('grid').first().focus();
    await app.page.keyboard.press(command.key);
  }
}

const THEMES_AND_LANGUAGES = [
  ['light', 'en'],
  ['dark', 'en'],
  ['light', 'zh-Hans'],
  ['dark', 'zh-Hans'],
] as const;

describe.each(THEMES_AND_LANGUAGES)('accessibility in the %s theme, in %s', { timeout: 300_000 }, (theme, language) => {
  it('has no serious or critical axe violations on the editor, in each dialog and in the help overlay', async () => {
    const srt = session.copyFixture('interview-3min.srt');
    const mp4 = session.copyFixture('interview-3min.mp4');
    const app = await launch(theme, [srt, mp4], language);
    const { page } = app;
    await expect.poll(() => page.locator('.waveform[data-state]').first().getAttribute('data-state')).toBe('ready');
    const found: string[] = await violations(page, 'editor');
    for (const { command, name } of DIALOGS) {
      await openDialog(app, command);
      // Named in the language shown: in English by its English name, in Chinese whatever dialog opened.
      const dialog = language === 'en' ? page.getByRole('dialog', { name, exact: true }) : page.getByRole('dialog');
      await dialog.first().waitFor({ timeout: 10_000 });
      found.push(...(await violations(page, `dialog ${name}`)));
      // The docked sync panel has a Close button; the modal dialogs close on Escape.
      if (name === 'Two-point sync') await dialog.first().locator('button.dock-close').click();
      else await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count(), { message: `${name} closes` }).toBe(0);
    }
    // The More menu of the narrowest window (the window's minimum width): Chinese labels are shorter,
    // so at 1024 px the Chinese toolbar may not overflow at all.
    await page.setViewportSize({ width: 720, height: 640 });
    await page.locator('button.tool-more').click();
    found.push(...(await violations(page, 'More menu')));
    await page.keyboard.press('Escape');
    // Unsaved changes, asked before closing an edited file.
    await page.locator('.cue-editor textarea').first().fill('edited');
    await app.menu('file.close');
    await page.getByRole('dialog').first().waitFor();
    found.push(...(await violations(page, 'unsaved changes')));
    await page.keyboard.press('Escape');
    expect(found).toEqual([]);
  });

  it('has no serious or critical axe violations with the encoding notice and Reopen with Encoding', async () => {
    // Cue 1 in UTF-8, cue 2 in Windows-1251: no single encoding reads every line, so the encoding is a guess.
    const file = path.join(session.work(), `mixed-${theme}-${language}.srt`);
    const cue = (n: number, text: string) => `${n}\n00:00:0${n},000 --> 00:00:0${n},900\n${text}\n\n`;
    writeFileSync(
      file,
      Buffer.concat([Buffer.from(cue(1, 'Привет')), iconv.encode(cue(2, 'Это идея'), 'windows-1251')]),
    );
    const app = await launch(theme, [file], language);
    const { page } = app;
    const notice = page.getByTestId('encoding-guess');
    await notice.waitFor();
    const found = await violations(page, 'encoding notice');
    // The notice's first button is Reopen with Encoding (named in the language shown).
    if (language === 'en') await notice.getByRole('button', { name: /Reopen with Encoding/ }).click();
    else await notice.getByRole('button').first().click();
    await (language === 'en'
      ? page.getByRole('dialog', { name: 'Reopen with Encoding' })
      : page.getByRole('dialog')
    ).waitFor();
    found.push(...(await violations(page, 'reopen with encoding')));
    expect(found).toEqual([]);
  });
});

describe('keyboard', () => {
  it('reaches every control with Tab, each with a visible focus ring', async () => {
    const app = await launch('light', [
      session.copyFixture('interview-3min.srt'),
      session.copyFixture('interview-3min.mp4'),
    ]);
    const { page } = app;
    /** Controls that should be reachable: visible, enabled, not taken out of the tab order. */
    const expected = await page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLElement>(
          'button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"]), [role="slider"], [role="separator"][tabindex]',
        ),
      ]
        .filter((e) => e.offsetParent !== null && !(e as HTMLButtonElement).disabled && e.tabIndex >= 0)
        .filter((e) => !e.closest('[inert], [aria-hidden="true"]'))
        .map((e) => e.getAttribute('aria-label') ?? e.textContent?.trim() ?? e.tagName),
    );
    const reached: string[] = [];
    const withoutRing: string[] = [];
    await page.locator('body').focus();
    for (let i = 0; i < expected.length + 20; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const e = document.activeElement as HTMLElement | null;
        if (!e || e === document.body) return null;
        const style = getComputedStyle(e);
        const ring =
          (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 1) ||
          (style.boxShadow !== 'none' && style.boxShadow !== '');
        return { name: e.getAttribute('aria-label') ?? e.textContent?.trim() ?? e.tagName, ring };
      });
      if (!info) continue;
      if (reached.includes(info.name) && reached[0] === info.name) break;
      reached.push(info.name);
      if (!info.ring) withoutRing.push(info.name);
    }
    // The editor has far more than a handful of controls (toolbar, cue editor, timeline, list, Problems panel).
    expect(expected.length).toBeGreaterThan(30);
    expect(withoutRing).toEqual([]);
    expect(expected.filter((name) => !reached.includes(name))).toEqual([]);
  });
});
