/**
 * Formatting between formats. The cue model holds text the SRT way: `<i> <b> <u> <s> <font color="#RRGGBB">`
 * tags, `{\an8}`-style position blocks and other ASS override blocks verbatim, lines joined with `\n`.
 * Each codec maps its own markup into that form when reading and back when writing an edited cue.
 */

const TAG_NAMES: Record<string, string> = { i: 'i', b: 'b', u: 'u', s: 's' };

/** `&HBBGGRR&` (ASS, alpha optional) as `#RRGGBB`, or null. */
function assColorToHex(value: string): string | null {
  const match = /^&?H?([0-9a-f]{1,8})&?$/i.exec(value.trim());
  if (!match) return null;
  const bgr = (match[1] as string).padStart(6, '0').slice(-6);
  return `#${bgr.slice(4, 6)}${bgr.slice(2, 4)}${bgr.slice(0, 2)}`.toUpperCase();
}

/** `#RRGGBB` / `#RGB` as ASS `&HBBGGRR&`, or null. */
function hexToAssColor(value: string): string | null {
  let hex = value.trim().replace(/^#/, '');
  if (/^[0-9a-f]{3}$/i.test(hex)) hex = hex.replace(/./g, (c) => c + c);
  if (!/^[0-9a-f]{6}$/i.test(hex)) return null;
  const upper = hex.toUpperCase();
  return `&H${upper.slice(4, 6)}${upper.slice(2, 4)}${upper.slice(0, 2)}&`;
}

/** One override block's content (`\i1\an8`) as SRT-style tags plus what stays an override block. */
function overrideToModel(content: string): string {
  const tags = content.split(/(?=\\)/).filter((t) => t !== '');
  const html: string[] = [];
  const kept: string[] = [];
  for (const tag of tags) {
    const toggle = /^\\([ibus])(\d*)$/.exec(tag);
    if (toggle) {
      const name = TAG_NAMES[toggle[1] as string] as string;
      const value = toggle[2] as string;
      html.push(value === '' || value === '0' ? `</${name}>` : `<${name}>`);
      continue;
    }
    const color = /^\\1?c(.*)$/.exec(tag);
    if (color) {
      const value = color[1] as string;
      if (value.trim() === '') {
        html.push('</font>');
        continue;
      }
      const hex = assColorToHex(value);
      if (hex) {
        html.push(`<font color="${hex}">`);
        continue;
      }
    }
    kept.push(tag);
  }
  return (kept.length > 0 ? `{${kept.join('')}}` : '') + html.join('');
}

/** ASS dialogue text as model text: `\N` line breaks, `{\i1}` as `<i>`, colours as `<font color>`; other blocks kept. */
export function assTextToModel(text: string): string {
  if (text.indexOf('\\') === -1) return text;
  return text.replace(/\{(\\[^}]*)\}/g, (_, content: string) => overrideToModel(content)).replace(/\\N/g, '\n');
}

/** Model text as ASS dialogue text: tags as override blocks, line breaks as `\N`; tags ASS would show are dropped. */
export function modelTextToAss(text: string): string {
  return text
    .replace(/<(\/?)([ibus])>/gi, (_, close: string, name: string) => `{\\${name.toLowerCase()}${close ? '0' : '1'}}`)
    .replace(/<font\b[^>]*>/gi, (tag) => {
      const color = /color\s*=\s*["']?([^"'\s>]+)/i.exec(tag);
      const ass = color ? hexToAssColor(color[1] as string) : null;
      return ass ? `{\\c${ass}}` : '';
    })
    .replace(/<\/font>/gi, '{\\c}')
    .replace(/<\/?(?:v|c|lang|ruby|rt)\b[^>]*>|<\d[\d:.]*>/gi, '')
    .replace(/\r\n|\r|\n/g, '\\N');
}

/** The `\anN` position (1-9, numpad layout) a model text starts with, or null. */
export function leadingAlignment(text: string): number | null {
  const match = /^\{[^}]*\\an([1-9])[^}]*\}/.exec(text);
  return match ? Number(match[1]) : null;
}

/** Model text without override blocks (`{\an8}`, `{\k20}`) nor MicroDVD control codes (`{y:i}`). */
export function withoutOverrides(text: string): string {
  return text.replace(/\{\\[^}]*\}/g, '').replace(/\{[a-zA-Z]:[^}]*\}/g, '');
}

/** WebVTT cue settings for an `\anN` position: top rows get `line:0`, middle `line:50%`, sides `align:start/end`. */
export function alignmentToVttSettings(an: number | null): string {
  if (an === null || an === 2) return '';
  const settings: string[] = [];
  if (an >= 7) settings.push('line:0');
  else if (an >= 4) settings.push('line:50%');
  const column = (an - 1) % 3;
  if (column === 0) settings.push('align:start');
  else if (column === 2) settings.push('align:end');
  return settings.join(' ');
}

/** The `\anN` position WebVTT cue settings describe, or null for the default (bottom centre). */
export function vttSettingsToAlignment(settings: string): number | null {
  let row = 0; // 0 bottom, 1 middle, 2 top
  let column = 1;
  for (const setting of settings.trim().split(/[ \t]+/)) {
    const [name, value = ''] = setting.split(':', 2) as [string, string?];
    if (name === 'line') {
      const percent = value.endsWith('%') ? Number.parseFloat(value) : Number.NaN;
      const lineNumber = Number.parseFloat(value.split(',')[0] ?? '');
      if (!Number.isNaN(percent)) row = percent < 34 ? 2 : percent < 67 ? 1 : 0;
      else if (!Number.isNaN(lineNumber)) row = lineNumber >= 0 ? 2 : 0;
    } else if (name === 'align') {
      if (value === 'start' || value === 'left') column = 0;
      else if (value === 'end' || value === 'right') column = 2;
    }
  }
  const an = row * 3 + column + 1;
  return an === 2 ? null : an;
}

/** Prefixes model text with `{\anN}` unless it already starts with a position. */
export function withAlignment(text: string, an: number | null): string {
  if (an === null || leadingAlignment(text) !== null) return text;
  return `{\\an${an}}${text}`;
}

const VTT_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  nbsp: '\u00a0',
  lrm: '\u200e',
  rlm: '\u200f',
};

/** WebVTT payload as model text: the common character references decoded, tags kept. */
export function vttTextToModel(text: string): string {
  if (text.indexOf('&') === -1) return text;
  return text.replace(/&(amp|lt|gt|nbsp|lrm|rlm);/g, (_, name: string) => VTT_ENTITIES[name] as string);
}

const VTT_TAG = /^<(?:\/?(?:i|b|u|c|v|lang|ruby|rt)(?:[.\s][^>]*)?|\d[\d:.]*)>/i;

/**
 * Model text as a WebVTT payload: override blocks and `<font>` dropped (WebVTT would show them), `&`, `<` and `>`
 * that are not markup escaped (so `-->` and `a < b` cannot break the cue), blank lines removed.
 */
export function modelTextToVtt(text: string): string {
  const plain = withoutOverrides(text).replace(/<\/?(?:font|s)\b[^>]*>/gi, '');
  let out = '';
  for (let i = 0; i < plain.length; i++) {
    const char = plain[i] as string;
    if (char === '<') {
      const tag = VTT_TAG.exec(plain.slice(i));
      if (tag) {
        out += tag[0];
        i += tag[0].length - 1;
      } else out += '&lt;';
    } else if (char === '&') out += '&amp;';
    else if (char === '>') out += '&gt;';
    else if (char === '\u00a0') out += '&nbsp;';
    else out += char;
  }
  return out;
}

/** Model text for a format without markup of its own beyond SRT's: WebVTT-only tags (`<v Bob>`, `<c.x>`, times) dropped. */
export function modelTextToSrt(text: string): string {
  return text.replace(/<\/?(?:v|c|lang|ruby|rt)\b[^>]*>|<\d[\d:.]*>/gi, '').replace(/\{[a-zA-Z]:[^}]*\}/g, '');
}
