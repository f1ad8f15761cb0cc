/**
 * ASS/SSA reading and writing by the conventions libass reads: the [Events] Format line names the fields, the last
 * one (Text) may hold commas, `H:MM:SS.cc` times, `\N` breaks, `{\...}` override tags, styles and `Comment:` lines.
 */
import { describe, expect, it } from 'vitest';
import { withFields } from '../../src-shared/document';
import { formatAssTime, parseAssTime, readAss, writeAss } from '../../src-shared/formats/ass';
import { readSubtitle, writeSubtitle } from '../../src-shared/formats/index';
import { problemText } from '../../src-shared/problems';

const HEADER = `[Script Info]
; made by hand
Title: Talk
ScriptType: v4.00+
PlayResX: 1920
PlayResY: 1080

[V4+ Styles]
Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding
Style: Default,Arial,60,&H00FFFFFF,&H000000FF,&H00000000,&H64000000,0,0,0,0,100,100,0,0,1,3,0,2,40,40,40,1
Style: Top,Arial,50,&H0000FFFF,&H000000FF,&H00000000,&H64000000,-1,0,0,0,100,100,0,0,1,3,0,8,40,40,40,1

[Events]
Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
`;

const FILE = `${HEADER}Dialogue: 0,0:00:01.00,0:00:03.50,Default,Ann,0,0,0,,Hello, world, with commas
Comment: 0,0:00:02.00,0:00:03.00,Default,,0,0,0,,translator note: check this
Dialogue: 1,0:00:04.25,0:00:06.00,Top,,0,0,0,,{\\an8}{\\i1}Top{\\i0} line\\Nsecond line
Dialogue: 0,0:00:07.00,0:00:09.00,Default,,0,0,0,,{\\k20}ka{\\k30}ra{\\k25}o{\\k40}ke
Dialogue: 0,0:00:10.00,0:00:11.00,Default,,0,0,0,,{\\c&H0000FF&}red{\\c} and {\\b1}bold{\\b0}

[Fonts]
fontname: x.ttf
`;

describe('ASS times', () => {
  it('reads H:MM:SS.cc and writes centiseconds', () => {
    expect(parseAssTime('0:00:04.25')).toBe(4250);
    expect(parseAssTime('1:02:03.04')).toBe(3_723_040);
    expect(parseAssTime('0:61:00.00')).toBeNull();
    expect(formatAssTime(4254)).toBe('0:00:04.25');
    expect(formatAssTime(4255)).toBe('0:00:04.26');
    expect(formatAssTime(36_000_000)).toBe('10:00:00.00');
  });
});

describe('reading ASS', () => {
  const { doc, problems, format } = readSubtitle(FILE);

  it('is told by its sections, and each Dialogue line is a cue; Comment lines are not', () => {
    expect(format).toBe('ass');
    expect(doc.cues.map((c) => [c.startMs, c.endMs])).toEqual([
      [1000, 3500],
      [4250, 6000],
      [7000, 9000],
      [10_000, 11_000],
    ]);
  });

  it('keeps the commas of the Text field and maps \\N, {\\i1}, colours and bold to the model', () => {
    expect(doc.cues.map((c) => c.text)).toEqual([
      'Hello, world, with commas',
      '{\\an8}<i>Top</i> line\nsecond line',
      '{\\k20}ka{\\k30}ra{\\k25}o{\\k40}ke',
      '<font color="#FF0000">red</font> and <b>bold</b>',
    ]);
  });

  it('keeps the other fields (layer, style, actor, margins, effect) with the cue', () => {
    expect(doc.cues[0]?.settings).toBe('0,Default,Ann,0,0,0,');
    expect(doc.cues[1]?.settings).toBe('1,Top,,0,0,0,');
  });

  it('reports what the cue model does not show: styles, comments, karaoke, extra sections', () => {
    expect(problems.every((p) => p.code === 'format-kept')).toBe(true);
    const said = problems.map((p) => problemText(p)).join('\n');
    expect(said).toContain('2 styles');
    expect(said).toContain('1 Comment line');
    expect(said).toContain('1 cue has karaoke');
    expect(said).toContain('[Fonts]');
  });

  it('reads fields in the order its own Format line gives (SSA v4 with Marked)', () => {
    const ssa =
      '[Script Info]\nScriptType: v4.00\n\n[Events]\nFormat: Marked, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\nDialogue: Marked=0,0:00:01.00,0:00:02.00,*Default,NTP,0000,0000,0000,!Effect,a, b\n';
    const read = readAss(ssa);
    expect(read.doc.cues.map((c) => [c.startMs, c.endMs, c.text, c.settings])).toEqual([
      [1000, 2000, 'a, b', 'Marked=0,*Default,NTP,0000,0000,0000,!Effect'],
    ]);
    expect(writeAss(read.doc)).toBe(ssa);
  });

  it('keeps a Dialogue line it cannot read, and says where', () => {
    const text = `${HEADER}Dialogue: 0,0:00:01.00,soon,Default,,0,0,0,,broken\nDialogue: 0,0:00:02.00,0:00:03.00,Default,,0,0,0,,fine\n`;
    const read = readAss(text);
    expect(read.doc.cues.map((c) => c.text)).toEqual(['fine']);
    expect(read.problems.find((p) => p.code === 'invalid-timestamp')).toMatchObject({ line: 15 });
    expect(writeAss(read.doc)).toBe(text);
  });
});

describe('writing ASS', () => {
  it('writes an unedited file back byte for byte', () => {
    expect(writeAss(readAss(FILE).doc)).toBe(FILE);
    const crlf = FILE.replaceAll('\n', '\r\n').trimEnd();
    expect(writeSubtitle(readSubtitle(crlf).doc)).toBe(crlf);
  });

  it('an edit rewrites only that Dialogue line, with its own fields and ASS tags', () => {
    const { doc } = readAss(FILE);
    doc.cues[1] = withFields(doc.cues[1]!, { startMs: 4000, text: '{\\an8}<i>Top</i> line\nedited' });
    expect(writeAss(doc)).toBe(
      FILE.replace(
        'Dialogue: 1,0:00:04.25,0:00:06.00,Top,,0,0,0,,{\\an8}{\\i1}Top{\\i0} line\\Nsecond line',
        'Dialogue: 1,0:00:04.00,0:00:06.00,Top,,0,0,0,,{\\an8}{\\i1}Top{\\i0} line\\Nedited',
      ),
    );
  });

  it('a cue added at the end goes before the [Fonts] section, not into it', () => {
    const { doc } = readAss(FILE);
    doc.cues.push(doc.createCue({ startMs: 12_000, endMs: 13_000, text: 'last, new' }));
    const written = writeAss(doc);
    expect(written).toContain(
      'and {\\b1}bold{\\b0}\nDialogue: 0,0:00:12.00,0:00:13.00,Default,,0,0,0,,last, new\n\n[Fonts]\n',
    );
    expect(readAss(written).doc.length).toBe(5);
  });
});
