/**
 * Every readable format works on the command line: check, shift, fix and sync read WebVTT, ASS/SSA, MicroDVD and
 * SBV by content and write the same format back (never a hybrid), and `convert` writes another one.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSubtitleFile } from '../../src-main/services/files';
import { readSubtitle, writeSubtitle } from '../../src-shared/formats/index';
import { type CheckReport, cli } from '../support/cli';
import { fixturePath, readFixtureText } from '../support/fixtures';

const tmp = mkdtempSync(path.join(tmpdir(), 'cuewave-formats-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ASS_HEAD =
  '[Script Info]\nScriptType: v4.00+\n\n[V4+ Styles]\nFormat: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\nStyle: Default,Arial,20,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,2,2,2,10,10,10,1\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n';

const FILES = {
  'talk.vtt':
    'WEBVTT\n\nNOTE from the web\n\nc1\n00:00:01.000 --> 00:00:02.000 line:0\nhello\n\n00:00:03.000 --> 00:00:04.000\nagain\n',
  'talk.ass': `${ASS_HEAD}Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,{\\an8}hello, world\nComment: 0,0:00:02.00,0:00:03.00,Default,,0,0,0,,note\nDialogue: 0,0:00:03.00,0:00:04.00,Default,,0,0,0,,again\n`,
  'talk.sub': '{1}{1}25.000\n{25}{50}hello|world\n{75}{100}again\n',
  'talk.sbv': '0:00:01.000,0:00:02.000\nhello\n\n0:00:03.000,0:00:04.000\nagain\n',
  // A WebVTT file under an .srt name: detection is by content, and it is written back as WebVTT.
  'disguised.srt': 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhello\n\n00:00:03.000 --> 00:00:04.000\nagain\n',
};

function put(name: string, text: string): string {
  const file = path.join(tmp, name);
  writeFileSync(file, text);
  return file;
}

describe('check, shift and fix on every format', () => {
  for (const [name, text] of Object.entries(FILES)) {
    const format = readSubtitle(text).format;

    it(`${name}: check reads its 2 cues`, async () => {
      const result = await cli('check', put(name, text), '--json');
      const report = JSON.parse(result.stdout) as CheckReport;
      expect(report.cues).toBe(2);
      expect(report.errors).toBe(0);
    });

    it(`${name}: shift writes the same format, only the times moved`, async () => {
      const out = path.join(tmp, `shifted-${name}`);
      const result = await cli('shift', put(name, text), '--by', '+1s', '-o', out);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('shifted 2 cues');
      const written = readFileSync(out, 'utf8');
      const read = readSubtitle(written);
      expect(read.format).toBe(format);
      expect(read.doc.cues.map((c) => [c.startMs, c.endMs])).toEqual([
        [2000, 3000],
        [4000, 5000],
      ]);
      expect(read.doc.cues.map((c) => c.text)).toEqual(readSubtitle(text).doc.cues.map((c) => c.text));
      expect(read.problems.filter((p) => p.code !== 'format-kept')).toEqual([]);
    });

    it(`${name}: fix writes the same format`, async () => {
      const out = path.join(tmp, `fixed-${name}`);
      expect((await cli('fix', put(name, text), '-o', out)).code).toBe(0);
      const read = readSubtitle(readFileSync(out, 'utf8'));
      expect(read.format).toBe(format);
      expect(read.doc.length).toBe(2);
    });
  }

  it('shift on .vtt keeps everything but the timing lines: header, NOTE, identifier, settings', async () => {
    const out = path.join(tmp, 'shifted.vtt');
    await cli('shift', put('keep.vtt', FILES['talk.vtt']), '--by', '-500ms', '-o', out);
    expect(readFileSync(out, 'utf8')).toBe(
      FILES['talk.vtt']
        .replace('00:00:01.000 --> 00:00:02.000', '00:00:00.500 --> 00:00:01.500')
        .replace('00:00:03.000 --> 00:00:04.000', '00:00:02.500 --> 00:00:03.500'),
    );
  });

  it('shift on .ass keeps script info, styles and Comment lines; only Dialogue times change', async () => {
    const out = path.join(tmp, 'shifted.ass');
    await cli('shift', put('keep.ass', FILES['talk.ass']), '--by', '+250ms', '-o', out);
    expect(readFileSync(out, 'utf8')).toBe(
      FILES['talk.ass']
        .replace('0:00:01.00,0:00:02.00,Default,,0,0,0,,{', '0:00:01.25,0:00:02.25,Default,,0,0,0,,{')
        .replace('0:00:03.00,0:00:04.00,Default,,0,0,0,,again', '0:00:03.25,0:00:04.25,Default,,0,0,0,,again'),
    );
  });

  it('check reports what the model does not show (ASS styles, a Comment line) as format-kept warnings', async () => {
    const report = JSON.parse((await cli('check', put('w.ass', FILES['talk.ass']), '--json')).stdout) as CheckReport;
    expect(report.issues.filter((i) => i.code === 'format-kept').map((i) => i.message)).toEqual([
      expect.stringContaining('1 style'),
      expect.stringContaining('1 Comment line'),
    ]);
  });

  it('sync reads a WebVTT file and a WebVTT reference, and writes WebVTT', async () => {
    const srt = readSubtitle(readFixtureText('interview-3min.srt'));
    const reference = put('reference.vtt', writeSubtitle(srt.doc, 'webvtt'));
    const offset = readSubtitle(readFixtureText('interview-3min-offset.srt'));
    const input = put('offset.vtt', writeSubtitle(offset.doc, 'webvtt'));
    const out = path.join(tmp, 'synced.vtt');
    const result = await cli('sync', input, '--reference', reference, '-o', out);
    expect(result.code, result.stderr).toBe(0);
    const synced = readSubtitle(readFileSync(out, 'utf8'));
    expect(synced.format).toBe('webvtt');
    expect(synced.doc.length).toBe(101);
    expect(Math.abs((synced.doc.cues[10]?.startMs ?? 0) - (srt.doc.cues[10]?.startMs ?? 0))).toBeLessThanOrEqual(20);
  });

  it('an unknown or binary file still gets a clear error naming it', async () => {
    const bin = path.join(tmp, 'clip.sub');
    writeFileSync(bin, Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10, 0x00, 0x00]));
    const result = await cli('shift', bin, '--by', '1s', '-o', path.join(tmp, 'never.sub'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('clip.sub: not a subtitle file');
    await expect(readSubtitleFile(bin)).rejects.toMatchObject({ code: 'binary' });
  });
});

describe('cuewave convert', () => {
  it('takes the format from the output name: SRT interview → .vtt, .ass, back to .srt', async () => {
    const vtt = path.join(tmp, 'interview.vtt');
    const ass = path.join(tmp, 'interview.ass');
    const srt = path.join(tmp, 'interview-again.srt');
    const first = await cli('convert', fixturePath('interview.srt'), '-o', vtt);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('converted 2324 cues from SubRip (SRT) to WebVTT');
    expect(readFileSync(vtt, 'utf8').startsWith('WEBVTT\n\n00:00:00.233 --> 00:00:02.100\n')).toBe(true);
    expect((await cli('convert', vtt, '-o', ass)).code).toBe(0);
    expect(readSubtitle(readFileSync(ass, 'utf8')).doc.length).toBe(2324);
    expect((await cli('convert', vtt, '-o', srt)).code).toBe(0);
    expect(readFileSync(srt, 'utf8')).toBe(readFixtureText('interview.srt'));
  });

  it('--to picks the format whatever the name, and says what the target leaves out', async () => {
    const out = path.join(tmp, 'talk-converted.txt');
    const result = await cli('convert', put('c.ass', FILES['talk.ass']), '--to', 'srt', '-o', out);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Comment line');
    expect(readFileSync(out, 'utf8')).toBe(
      '1\n00:00:01,000 --> 00:00:02,000\n{\\an8}hello, world\n\n2\n00:00:03,000 --> 00:00:04,000\nagain\n',
    );
  });

  it('refuses an output name it cannot tell the format of, and an unknown --to, writing nothing', async () => {
    const input = put('u.vtt', FILES['talk.vtt']);
    const noName = await cli('convert', input, '-o', path.join(tmp, 'out.xyz'));
    expect(noName.code).toBe(2);
    expect(noName.stderr).toContain('cannot tell the format from out.xyz');
    const badTo = await cli('convert', input, '--to', 'pdf', '-o', path.join(tmp, 'out.srt'));
    expect(badTo.code).toBe(2);
    expect(badTo.stderr).toContain('--to pdf: unknown format');
  });
});

describe('fix on WebVTT', () => {
  it('keeps the identifiers and settings of the cues it rewrites, and renumbers nothing', async () => {
    // "intro" is followed by a block with SRT commas (kept as read); fix writes "intro" anew, sorts "early" first
    // and trims the overlap of "second": each keeps its identifier line and its settings.
    const text =
      'WEBVTT\n\nintro\n00:01.000 --> 00:03.500 line:0 align:start\nhello\n\n00:00:03,000 --> 00:00:04,000\nsrt-style times\n\nsecond\n00:03.000 --> 00:04.000 position:10%\nagain\n\nearly\n00:00.200 --> 00:00.900 align:end\nfirst in time\n';
    const out = path.join(tmp, 'fixed-ids.vtt');
    const result = await cli('fix', put('ids.vtt', text), '-o', out);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('renumbered');
    expect(result.stdout).toContain('normalized cue 2 (line 4)');
    expect(result.stdout).toContain('fixed overlap: cue 2 now ends');
    const written = readFileSync(out, 'utf8');
    const read = readSubtitle(written);
    expect(read.format).toBe('webvtt');
    expect(read.doc.cues.map((c) => [c.source?.indexLine ?? null, c.settings, c.text])).toEqual([
      ['early\n', 'align:end', 'first in time'],
      ['intro\n', 'line:0 align:start', 'hello'],
      ['second\n', 'position:10%', 'again'],
    ]);
    expect(written).toContain('intro\n00:00:01.000 --> 00:00:03.000 line:0 align:start\nhello\n');
  });
});
