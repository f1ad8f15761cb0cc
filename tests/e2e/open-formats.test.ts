// WebVTT and ASS files in the editor: opened from the command line and from File > Open, edited, saved back in their
// own format with only the edited lines changed; Save As picks SRT, WebVTT or ASS by the name's extension.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readSubtitle } from '../../src-shared/formats/index';
import type { LaunchedApp } from '../support/app';
import { setupE2eSession } from '../support/e2e-session';

const { launch, work } = setupE2eSession('open-formats');

const VTT =
  'WEBVTT - interview\n\nNOTE kept as it is\n\nq1\n00:00:01.000 --> 00:00:02.500 line:0\nFirst question\n\nq2\n00:00:03.000 --> 00:00:04.000\nSecond &amp; last\n';

const ASS = `[Script Info]
Title: interview
ScriptType: v4.00+

[V4+ Styles]
Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding
Style: Default,Arial,20,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,2,2,2,10,10,10,1

[Events]
Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
Dialogue: 0,0:00:01.00,0:00:02.50,Default,Host,0,0,0,,{\\an8}First, with a comma
Comment: 0,0:00:02.00,0:00:03.00,Default,,0,0,0,,check the name
Dialogue: 0,0:00:03.00,0:00:04.00,Default,Guest,0,0,0,,{\\i1}Second{\\i0}\\Nline two
`;

function put(name: string, text: string): string {
  const file = path.join(work(), name);
  writeFileSync(file, text);
  return file;
}

async function ready(app: LaunchedApp): Promise<Page> {
  await app.page.setViewportSize({ width: 1440, height: 900 });
  await app.page.locator('html[data-ready="true"]').waitFor({ timeout: 60_000 });
  await app.page.getByTestId('cue-count').waitFor();
  return app.page;
}

const row = (page: Page, n: number) => page.getByRole('grid', { name: 'Cues' }).locator(`[aria-rowindex="${n + 1}"]`);
const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

async function save(page: Page): Promise<void> {
  await page.getByTestId('save').click();
  await expect.poll(() => page.getByTestId('status').textContent()).toContain('Saved');
}

describe('WebVTT in the editor', () => {
  it('opens a .vtt given on the command line, saves an edit back as WebVTT with only that timing line changed', async () => {
    const file = put('talk.vtt', VTT);
    const app = await launch({ files: [file] });
    const page = await ready(app);
    expect(await page.getByTestId('cue-count').textContent()).toBe('2');
    await row(page, 2).click();
    expect(await field(page, 'Text').inputValue()).toBe('Second & last');
    const end = field(page, 'End');
    await end.fill('00:00:04,250');
    await end.press('Enter');
    await save(page);
    expect(readFileSync(file, 'utf8')).toBe(
      VTT.replace('00:00:03.000 --> 00:00:04.000', '00:00:03.000 --> 00:00:04.250'),
    );
  });

  it('saves an unedited .vtt back byte for byte', async () => {
    const file = put('same.vtt', VTT.replaceAll('\n', '\r\n'));
    const app = await launch({ files: [file] });
    const page = await ready(app);
    await save(page);
    expect(readFileSync(file, 'utf8')).toBe(VTT.replaceAll('\n', '\r\n'));
  });
});

describe('ASS in the editor', () => {
  it('opens a .ass from File > Open, saves an edited text back as ASS with its styles and Comment line', async () => {
    const file = put('talk.ass', ASS);
    const app = await launch();
    await app.page.getByTestId('open').waitFor({ timeout: 60_000 });
    await app.dialogs.queueOpen(file);
    await app.page.getByTestId('open').click();
    const page = await ready(app);
    expect(await page.getByTestId('cue-count').textContent()).toBe('2');
    await row(page, 2).click();
    const text = field(page, 'Text');
    expect(await text.inputValue()).toBe('<i>Second</i>\nline two');
    await text.fill('<i>Second</i>\nline two, edited');
    await text.press('Tab');
    await save(page);
    expect(readFileSync(file, 'utf8')).toBe(
      ASS.replace('{\\i1}Second{\\i0}\\Nline two', '{\\i1}Second{\\i0}\\Nline two, edited'),
    );
  });

  it('opens a .ass from the command line and then a .vtt from File > Open; both save back byte for byte', async () => {
    const ass = put('cli.ass', ASS);
    const vtt = put('dialog.vtt', VTT);
    const app = await launch({ files: [ass] });
    const page = await ready(app);
    expect(await page.getByTestId('file-name').textContent()).toContain('cli.ass');
    expect(await page.getByTestId('cue-count').textContent()).toBe('2');
    await save(page);
    expect(readFileSync(ass, 'utf8')).toBe(ASS);
    await app.dialogs.queueOpen(vtt);
    await app.menu('file.open');
    await expect.poll(() => page.getByTestId('file-name').textContent()).toContain('dialog.vtt');
    await save(page);
    expect(readFileSync(vtt, 'utf8')).toBe(VTT);
  });

  it('Save As .vtt writes WebVTT ({\\an8} as line:0), and the next Save stays WebVTT', async () => {
    const file = put('export.ass', ASS);
    const app = await launch({ files: [file] });
    const page = await ready(app);
    const target = path.join(work(), 'export.vtt');
    await app.dialogs.queueSave(target);
    await app.menu('file.saveAs');
    await expect.poll(() => page.getByTestId('file-name').textContent()).toContain('export.vtt');
    const written = readFileSync(target, 'utf8');
    expect(written).toBe(
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.500 line:0\nFirst, with a comma\n\n00:00:03.000 --> 00:00:04.000\n<i>Second</i>\nline two\n',
    );
    await row(page, 1).click();
    const start = field(page, 'Start');
    await start.fill('00:00:00,900');
    await start.press('Enter');
    await save(page);
    const again = readSubtitle(readFileSync(target, 'utf8'));
    expect(again.format).toBe('webvtt');
    expect(again.doc.cues.map((c) => c.startMs)).toEqual([900, 3000]);
    expect(readFileSync(file, 'utf8')).toBe(ASS);
  });
});

describe('drag and drop from the desktop', () => {
  it('a .vtt dropped on the window opens; an edit saves back as WebVTT with only that timing line changed', async () => {
    const file = put('dropped.vtt', VTT);
    const app = await launch();
    await app.page.getByTestId('empty').waitFor({ timeout: 60_000 });
    await app.dropFiles([file], '[data-testid="empty"]');
    const page = await ready(app);
    await expect.poll(() => page.getByTestId('file-name').textContent()).toContain('dropped.vtt');
    expect(await page.getByTestId('cue-count').textContent()).toBe('2');
    await row(page, 1).click();
    expect(await field(page, 'Text').inputValue()).toBe('First question');
    const start = field(page, 'Start');
    await start.fill('00:00:00,750');
    await start.press('Enter');
    await save(page);
    expect(readFileSync(file, 'utf8')).toBe(
      VTT.replace('00:00:01.000 --> 00:00:02.500 line:0', '00:00:00.750 --> 00:00:02.500 line:0'),
    );
  });

  it('a .ass dropped over an open document replaces it; an edited text saves back as ASS, the rest byte for byte', async () => {
    const vtt = put('first.vtt', VTT);
    const ass = put('dropped.ass', ASS);
    const app = await launch({ files: [vtt] });
    const page = await ready(app);
    // Dropped on the cue list, not on the window's edge: the whole window takes drops.
    await app.dropFiles([ass], '[role="grid"]');
    await expect.poll(() => page.getByTestId('file-name').textContent()).toContain('dropped.ass');
    await row(page, 1).click();
    const text = field(page, 'Text');
    expect(await text.inputValue()).toBe('{\\an8}First, with a comma');
    await text.fill('{\\an8}First, with a comma, dropped');
    await text.press('Tab');
    await save(page);
    expect(readFileSync(ass, 'utf8')).toBe(ASS.replace('First, with a comma\n', 'First, with a comma, dropped\n'));
    expect(readFileSync(vtt, 'utf8')).toBe(VTT);
  });

  it('a dropped file that is not a subtitle or media opens nothing and says so', async () => {
    const notes = put('notes.txt', 'not subtitles\n');
    const app = await launch();
    await app.page.getByTestId('empty').waitFor({ timeout: 60_000 });
    await app.dropFiles([notes]);
    await expect
      .poll(() => app.page.getByTestId('status').textContent())
      .toContain('Nothing to open: drop a subtitle file (.srt, .vtt, .ass…) or an audio or video file');
    expect(await app.page.getByTestId('empty').count()).toBe(1);
  });
});
