/**
 * The CLI against damaged files it has never seen: the interview-broken.md defects planted at other cues,
 * saved in other encodings, with other BOMs and line endings. `check --json` must report each defect at its
 * cue and line, `fix` must keep encoding/BOM/line endings and every text, `shift` +d then -d must restore the bytes.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeSubtitleBytes } from '../../src-main/services/encoding';
import type { LineEnding } from '../../src-shared/document';
import { readSrt } from '../../src-shared/srt';
import { type CheckReport, checkJson, cli } from '../support/cli';
import {
  BROKEN_MD_DEFECTS,
  blockText,
  type Damaged,
  type DefectName,
  PLANTERS,
  parseSeed,
  plantDefects,
  type SeedCue,
} from '../support/damage';
import { fixturePath, readFixtureText } from '../support/fixtures';

const tmp = mkdtempSync(path.join(tmpdir(), 'cuewave-cli-damage-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SEED = parseSeed(readFixtureText('interview.srt'));

let fileCount = 0;
function save(bytes: Uint8Array, name = 'file'): string {
  const file = path.join(tmp, `${fileCount++}-${name}.srt`);
  writeFileSync(file, bytes);
  return file;
}

interface Encoding {
  name: string;
  encoding: string;
  bom: boolean;
}

function encode(text: string, { encoding, bom }: Encoding): Buffer {
  const body = iconv.encode(text, encoding, { addBOM: false });
  if (!bom) return body;
  const boms: Record<string, number[]> = {
    'utf-8': [0xef, 0xbb, 0xbf],
    'utf-16le': [0xff, 0xfe],
    'utf-16be': [0xfe, 0xff],
  };
  return Buffer.concat([Buffer.from(boms[encoding] ?? []), body]);
}

function decode(bytes: Buffer, { encoding, bom }: Encoding): string {
  const text = iconv.decode(bytes, encoding, { stripBOM: false });
  if (bom) {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    return text.slice(1);
  }
  expect(text.charCodeAt(0)).not.toBe(0xfeff);
  return text;
}

function eolName(eol: LineEnding | 'mixed'): string {
  return eol === '\r\n' ? 'crlf' : eol === '\r' ? 'cr' : 'lf';
}

/** check --json reports every planted defect with its code, cue position and line. */
function expectReported(d: Damaged, report: CheckReport): void {
  expect(report.cues).toBe(d.blocks.length);
  for (const e of d.expectations) {
    if (e.code === null) continue;
    const cue = e.noCue ? null : d.position(e.orig);
    const line = d.line(e.orig, e.cliKey);
    const found = report.issues.find((i) => i.code === e.code && i.cue === cue && i.line === line);
    expect(found, `${e.title}: ${e.code} at cue ${cue}, line ${line}`).toBeDefined();
  }
  // Nothing that is an error was left unplanted.
  const planted = new Set(
    d.expectations.flatMap((e) => (e.code ? [`${e.code}@${e.noCue ? null : d.position(e.orig)}`] : [])),
  );
  const stray = report.issues.filter((i) => i.severity === 'error' && !planted.has(`${i.code}@${i.cue}`));
  expect(stray).toEqual([]);
}

/**
 * fix -o keeps encoding, BOM, line endings and every cue's text, and leaves nothing the reader complains about but
 * what no rewrite can repair: a negative time (held as 0) is kept as written and listed for a person.
 */
async function expectFixKeepsFormat(file: string, d: Damaged, enc: Encoding, eol: string): Promise<string> {
  const out = `${file}.fixed.srt`;
  const result = await cli('fix', file, '-o', out);
  expect(result.code).toBe(0);
  const bytes = readFileSync(out);
  const text = decode(bytes, enc);
  const detected = decodeSubtitleBytes(bytes);
  expect([detected.encoding, detected.bom]).toEqual([enc.encoding, enc.bom]);
  if (eol !== 'mixed') {
    const other = eol === '\r\n' ? /\r(?!\n)|(?<!\r)\n/ : eol === '\r' ? /\n/ : /\r/;
    expect(text).not.toMatch(other);
  }
  const { doc, problems } = readSrt(text);
  const keptAsWritten = problems.filter((p) => p.timeLostByRewrite);
  expect(problems.filter((p) => p.code !== 'orphan-text' && !p.timeLostByRewrite)).toEqual([]);
  if (keptAsWritten.length > 0) expect(result.stderr).toMatch(/has a negative time .*kept as written/);
  expect(doc.cues.map((c) => c.text).sort()).toEqual(d.blocks.map(blockText).sort());
  const again = await checkJson(out);
  const left = new Set(again.report.issues.filter((i) => i.severity === 'error').map((i) => i.code));
  const leftForAPerson = ['negative-duration', 'zero-duration', 'orphan-text'];
  if (keptAsWritten.length > 0) leftForAPerson.push('invalid-timestamp', 'out-of-order');
  for (const code of left) expect(leftForAPerson).toContain(code);
  return text;
}

const UNICODE: Encoding[] = [
  { name: 'UTF-8', encoding: 'utf-8', bom: false },
  { name: 'UTF-8 with BOM', encoding: 'utf-8', bom: true },
  { name: 'GB18030', encoding: 'gb18030', bom: false },
  { name: 'UTF-16LE with BOM', encoding: 'utf-16le', bom: true },
  { name: 'UTF-16BE with BOM', encoding: 'utf-16be', bom: true },
  { name: 'UTF-16LE without BOM', encoding: 'utf-16le', bom: false },
];

describe('check and fix: the 19 interview-broken.md defects at other cues, in other encodings', () => {
  const variants: [Encoding, LineEnding | 'mixed', number][] = [
    [UNICODE[0] as Encoding, '\n', 21],
    [UNICODE[1] as Encoding, '\r\n', 22],
    [UNICODE[2] as Encoding, '\n', 23],
    [UNICODE[2] as Encoding, '\r\n', 24],
    [UNICODE[3] as Encoding, '\r\n', 25],
    [UNICODE[4] as Encoding, '\n', 26],
    [UNICODE[5] as Encoding, '\r\n', 27],
    [UNICODE[0] as Encoding, '\r', 28],
    [UNICODE[1] as Encoding, 'mixed', 29],
  ];
  it.each(variants)('%o, %j, seed %i', async (enc, eol, seed) => {
    const d = plantDefects(SEED, BROKEN_MD_DEFECTS, { seed, eol });
    const file = save(encode(d.text, enc), enc.encoding);
    const { code, report } = await checkJson(file);
    expect(code).toBe(1);
    expect(report).toMatchObject({ encoding: enc.encoding, bom: enc.bom, cues: 2324 });
    if (eol !== 'mixed') expect(report.eol).toBe(eolName(eol));
    expectReported(d, report);
    const fixed = await expectFixKeepsFormat(file, d, enc, eol);
    expect(fixed.endsWith(d.blocks.at(-1)?.text.at(-1) ?? '?')).toBe(true); // no final newline kept
  });
});

describe('check and fix: every defect, alone, through the CLI', () => {
  const names = Object.keys(PLANTERS) as DefectName[];
  it.each(names)('%s', async (name) => {
    const d = plantDefects(SEED, [name], { seed: 31 });
    const enc = UNICODE[0] as Encoding;
    const file = save(Buffer.from(d.text, 'utf8'), name);
    const { code, report } = await checkJson(file);
    const errors = d.expectations.some(
      (e) => e.code && report.issues.some((i) => i.code === e.code && i.severity === 'error'),
    );
    expect(code).toBe(errors ? 1 : 0);
    expectReported(d, report);
    await expectFixKeepsFormat(file, d, enc, '\n');
  });
});

/** The interview's structure with its text replaced by lines in another language (to test other code pages). */
function translated(lines: readonly string[]): SeedCue[] {
  return SEED.map((c, i) => ({ ...c, lines: c.lines.map((_, j) => lines[(i + j) % lines.length] as string) }));
}

function serializeSeed(cues: readonly SeedCue[], eol = '\n'): string {
  return cues
    .map((c) => [String(c.n), `${fmtTime(c.startMs)} --> ${fmtTime(c.endMs)}`, ...c.lines, ''].join(eol))
    .join(eol);
}

function fmtTime(ms: number): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(Math.floor(ms / 3_600_000))}:${p(Math.floor(ms / 60_000) % 60)}:${p(Math.floor(ms / 1000) % 60)},${p(ms % 1000, 3)}`;
}

const TRADITIONAL = [
  '你好，最近怎麼樣？',
  '我不知道該說什麼。',
  '明天我們去看電影吧。',
  '這個問題其實很複雜',
  '他們已經離開了嗎？',
  '對，我們下個星期見面',
  '謝謝你的幫忙',
];
const JAPANESE = [
  'こんにちは、元気ですか？',
  '何を言えばいいのか分かりません。',
  '明日、映画を見に行きましょう。',
  'ちょっと待ってください',
  'それは本当ですか？',
  '私はそう思いません',
];
const FRENCH = [
  'Où est la gare ? C’était déjà fermé.',
  'Ça m’étonne beaucoup, à vrai dire.',
  'Le cœur a ses raisons.',
  'Größe ist nicht alles.',
  'Schöne Grüße aus München!',
  'Je ne sais pas quoi dire.',
  'On se voit demain à midi.',
];
const RUSSIAN = [
  'Привет, как дела?',
  'Я не знаю, что сказать.',
  'Мы пойдём в кино завтра вечером.',
  'Спасибо за помощь.',
];

describe('legacy code pages: damaged files are detected, checked and fixed in their own encoding', () => {
  const cases: [string, string, readonly string[], LineEnding][] = [
    ['Big5', 'big5', TRADITIONAL, '\r\n'],
    ['Shift_JIS', 'shift_jis', JAPANESE, '\r\n'],
    ['windows-1252', 'windows-1252', FRENCH, '\n'],
    ['windows-1251', 'windows-1251', RUSSIAN, '\r\n'],
    ['GBK (GB18030)', 'gb18030', TRADITIONAL.map((l) => l.replace('麼', '么')), '\n'],
  ];
  it.each(cases)('%s', async (_name, encoding, lines, eol) => {
    const seed = translated(lines);
    const d = plantDefects(seed, BROKEN_MD_DEFECTS, { seed: 41, eol });
    const enc: Encoding = { name: encoding, encoding, bom: false };
    const bytes = encode(d.text, enc);
    expect(iconv.decode(bytes, encoding)).toBe(d.text); // representable
    const file = save(bytes, encoding);
    const { code, report } = await checkJson(file);
    expect(code).toBe(1);
    expect(report).toMatchObject({ encoding, bom: false, eol: eolName(eol), cues: 2324 });
    expectReported(d, report);
    await expectFixKeepsFormat(file, d, enc, eol);

    // A well-formed file in the same encoding: shift +d then -d restores the bytes.
    const clean = encode(serializeSeed(seed, eol), enc);
    const cleanFile = save(clean, `${encoding}-clean`);
    expect((await checkJson(cleanFile)).code).toBe(0);
    const there = `${cleanFile}.there.srt`;
    const back = `${cleanFile}.back.srt`;
    expect((await cli('shift', cleanFile, '--by', '+1:02:03.456', '-o', there)).code).toBe(0);
    expect((await cli('shift', there, '--by', '-01:02:03,456', '-o', back)).code).toBe(0);
    expect(readFileSync(back).equals(clean)).toBe(true);
  });
});

describe('shift +d then -d restores a well-formed file byte for byte, in every encoding', () => {
  const clean = readFixtureText('interview.srt');
  const cases: [Encoding, LineEnding, boolean][] = [
    [UNICODE[0] as Encoding, '\n', true],
    [UNICODE[1] as Encoding, '\r\n', true],
    [UNICODE[2] as Encoding, '\n', false],
    [UNICODE[3] as Encoding, '\r\n', true],
    [UNICODE[4] as Encoding, '\r\n', false],
    [UNICODE[5] as Encoding, '\n', true],
    [UNICODE[0] as Encoding, '\r', false],
  ];
  it.each(cases)('%o, %j, final newline %s', async (enc, eol, finalNewline) => {
    let text = clean.replace(/\n/g, eol);
    if (!finalNewline) text = text.slice(0, -eol.length);
    const bytes = encode(text, enc);
    const file = save(bytes, 'clean');
    for (const [by, undo] of [
      ['+2.35s', '-2350ms'],
      ['-233ms', '+233ms'], // the first cue starts at 00:00:00,233: exactly to zero, no clamping
      ['+100h', '-100h'], // past 99 hours and back
      ['+00:00:00,001', '-1'],
    ] as const) {
      const there = `${file}.${by}.srt`;
      const back = `${file}.${by}.back.srt`;
      const a = await cli('shift', file, '--by', by, '-o', there);
      expect(a.code, a.stderr).toBe(0);
      expect(a.stderr).toBe('');
      expect((await cli('shift', there, '--by', undo, '-o', back)).code).toBe(0);
      expect(readFileSync(back).equals(bytes), `${by} then ${undo}`).toBe(true);
    }
    // --from shifts only later cues, and its inverse from the shifted start restores the bytes.
    const there = `${file}.from.srt`;
    const back = `${file}.from.back.srt`;
    expect((await cli('shift', file, '--by', '+5s', '--from', '00:59:59,999', '-o', there)).code).toBe(0);
    expect((await cli('shift', there, '--by', '-5s', '--from', '01:00:04,999', '-o', back)).code).toBe(0);
    expect(readFileSync(back).equals(bytes)).toBe(true);
  });

  it('past 99 hours the times are written with three-digit hours and read back', async () => {
    const file = save(Buffer.from(clean), 'clean-100h');
    const out = `${file}.out.srt`;
    expect((await cli('shift', file, '--by', '+99h', '-o', out)).code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('\n99:00:00,233 --> 99:00:02,100\n');
    expect(text).toContain(' --> 100:04:54,466');
    const { code, report } = await checkJson(out);
    expect(code).toBe(0);
    expect(report.cues).toBe(2324);
  });

  it('a shift too large to read back is refused (exit 2), not written', async () => {
    const file = save(Buffer.from(readFixtureText('interview-3min.srt')), 'huge');
    const result = await cli('shift', file, '--by', '99999999999999999999h', '-o', `${file}.out`);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/would move cues past 999999999:59:59,999/);
    const ok = await cli('shift', file, '--by', '+999999h', '-o', `${file}.ok`);
    expect(ok.code).toBe(0);
    expect((await checkJson(`${file}.ok`)).report.cues).toBe(101);
  });

  it('shifting a damaged file moves its cues and keeps its damage readable', async () => {
    const d = plantDefects(SEED, BROKEN_MD_DEFECTS, { seed: 51 });
    const file = save(Buffer.from(d.text), 'broken');
    const out = `${file}.shifted.srt`;
    expect((await cli('shift', file, '--by', '+1s', '-o', out)).code).toBe(0);
    const { doc } = readSrt(readFileSync(out, 'utf8'));
    expect(doc.cues).toHaveLength(2324);
    doc.cues.forEach((cue, i) => {
      const b = d.blocks[i];
      expect([cue.startMs, cue.endMs, cue.text]).toEqual([
        (b?.startMs ?? 0) + 1000,
        (b?.endMs ?? 0) + 1000,
        b && blockText(b),
      ]);
    });
  });
});

describe('exit codes and messages', () => {
  it('0 for a clean file in any encoding, 1 for errors, 2 when unreadable', async () => {
    for (const enc of UNICODE) {
      const file = save(encode(readFixtureText('interview.srt').replace(/\n/g, '\r\n'), enc), 'clean');
      const { code, report } = await checkJson(file);
      expect(code, enc.name).toBe(0);
      expect(report).toMatchObject({ encoding: enc.encoding, bom: enc.bom, eol: 'crlf', cues: 2324, errors: 0 });
    }
  });

  it.each([
    ['an empty file', '', 0, 0],
    ['whitespace only', ' \n\n\t\n', 0, 0],
    ['one cue, no newline', '1\n00:00:01,000 --> 00:00:03,000\nHello', 0, 1],
    ['stray text only', 'hello world\n', 1, 0],
  ])('%s', async (_name, text, exit, cues) => {
    const { code, report } = await checkJson(save(Buffer.from(text), 'edge'));
    expect(code).toBe(exit);
    expect(report.cues).toBe(cues);
  });

  it('text mode names the file and line of every problem', async () => {
    const d = plantDefects(SEED, BROKEN_MD_DEFECTS, { seed: 61 });
    const file = save(Buffer.from(d.text), 'text-mode');
    const { code, stdout } = await cli('check', file);
    expect(code).toBe(1);
    for (const e of d.expectations) {
      if (!e.code) continue;
      expect(stdout).toContain(`${file}:${d.line(e.orig, e.cliKey)}: `);
    }
  });

  it('a video renamed .srt is refused with exit 2 and a message naming the file', async () => {
    const file = path.join(tmp, 'movie.srt');
    writeFileSync(file, readFileSync(fixturePath('interview-3min.mp4')));
    for (const command of [
      ['check', file],
      ['fix', file, '-o', `${file}.out`],
      ['shift', file, '--by', '1s', '-o', `${file}.out`],
    ]) {
      const result = await cli(...command);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/movie\.srt: not a subtitle file/);
      expect(result.stdout).toBe('');
    }
  });

  it.each(['interview.mp3', 'interview.ogg', 'interview-3min.wav', 'interview.m4a'])(
    '%s renamed .srt is refused',
    async (name) => {
      const file = save(readFileSync(fixturePath(name)).subarray(0, 256 * 1024), name);
      const result = await cli('check', file);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(path.basename(file));
      expect(result.stderr).toMatch(/not a subtitle file/);
    },
  );

  it('a missing file, a folder, and bad arguments exit 2 with a message', async () => {
    const cases: [string[], RegExp][] = [
      [['check', path.join(tmp, 'nope.srt')], /nope\.srt: file not found/],
      [['check', tmp], /is a folder/],
      [['shift', fixturePath('interview.srt'), '--by', 'later', '-o', path.join(tmp, 'o.srt')], /not a duration/],
      [
        ['shift', fixturePath('interview.srt'), '--by', '1s', '--from', 'dawn', '-o', path.join(tmp, 'o.srt')],
        /not a time/,
      ],
      [['shift', fixturePath('interview.srt'), '-o', path.join(tmp, 'o.srt')], /missing --by/],
      [['fix', fixturePath('interview.srt')], /no output given/],
      [
        ['fix', fixturePath('interview.srt'), '-o', path.join(tmp, 'o.srt'), '--in-place'],
        /either -o OUT or --in-place/,
      ],
      [['check', fixturePath('interview.srt'), 'second.srt'], /unexpected argument/],
      [['check', fixturePath('interview.srt'), '--profile'], /needs a value/],
    ];
    for (const [argv, message] of cases) {
      const result = await cli(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
    }
  });

  it('invalid UTF-8 bytes are reported on stderr before check, fix and shift (never lost silently)', async () => {
    const bytes = Buffer.from(readFixtureText('interview-3min.srt'), 'utf8');
    bytes[bytes.indexOf(Buffer.from('\n\n2\n')) - 1] = 0xff;
    const file = save(bytes, 'bad-utf8');
    const check = await cli('check', file, '--json');
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout).encoding).toBe('utf-8');
    expect(check.stderr).toMatch(/bad-utf8\.srt: warning: .*U\+FFFD/);
    for (const argv of [
      ['fix', file, '-o', `${file}.fixed`],
      ['shift', file, '--by', '1s', '-o', `${file}.shifted`],
    ]) {
      const result = await cli(...argv);
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(/U\+FFFD/);
    }
  });

  it.each([
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('a Big5 file with a broken character (%s): check warns, shift refuses naming the line', async (_name, eol) => {
    const lines = [
      '1',
      '00:00:01,000 --> 00:00:02,000',
      '你好，最近怎麼樣？',
      '',
      '2',
      '00:00:03,000 --> 00:00:04,000',
    ];
    lines.push('我不知道該說什麼。', '', '3', '00:00:05,000 --> 00:00:06,000', '明天我們去看電影吧。', '');
    const bytes = iconv.encode(lines.join(eol), 'big5');
    bytes[bytes.indexOf(iconv.encode('我', 'big5')) + 1] = 0x20; // a lead byte with no valid trail byte
    const file = save(bytes, `bad-big5-${_name}`);
    const check = await cli('check', file);
    expect(check.code).toBe(0);
    expect(check.stderr).toMatch(/warning: 1 invalid byte sequence in big5/);
    const shift = await cli('shift', file, '--by', '1s', '-o', `${file}.out`);
    expect(shift.code).toBe(2);
    expect(shift.stderr).toMatch(/\(U\+FFFD\) at line 7, column 1 cannot be saved as big5/);
  });

  it('a short windows-1252 file stays windows-1252 after a shift', async () => {
    const file = save(iconv.encode('1\n00:00:01,000 --> 00:00:02,000\nCafé\n', 'windows-1252'), 'cp1252');
    const out = `${file}.out.srt`;
    const result = await cli('shift', file, '--by', '1s', '-o', out);
    expect(result.code).toBe(0);
    expect(iconv.decode(readFileSync(out), 'windows-1252')).toBe('1\n00:00:02,000 --> 00:00:03,000\nCafé\n');
  });
});
