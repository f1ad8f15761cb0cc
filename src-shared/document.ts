/** The cue model: immutable cues with stable ids inside one mutable, versioned document. */

import type { SubtitleFormat } from './formats/detect';

/**
 * What a format other than SRT needs besides the cues to write a document back as it was read
 * (see src-shared/formats). Empty for SRT.
 */
export interface FormatInfo {
  /** ASS/SSA: the `Format:` field names of the [Events] section, in order (`Layer`, `Start`, ... `Text`). */
  readonly assFields?: readonly string[];
  /** ASS/SSA: raw text after the last event line (a blank line, [Fonts], [Graphics]...), written after every cue. */
  readonly epilogue?: string;
  /** MicroDVD: frames per second used to turn frame numbers into times and back. */
  readonly fps?: number;
}

/** Exact text a cue was read from; present only while the cue is unedited, so it can be written back byte for byte. */
export interface CueSource {
  /** The index line with its line ending, or null when the block had no index line. */
  readonly indexLine: string | null;
  /** The index as read (null when missing or not a number). */
  readonly index: number | null;
  /** From the timing line through the last text line, each with its line ending as read. */
  readonly body: string;
}

/**
 * The index line a cue was read with, kept after its text or timing is edited: an edit rewrites the
 * cue's timing line and text, never its number (a file numbered 2, 4, 6 or without numbers stays so)
 * until the document is renumbered.
 */
export interface CueOrigin {
  /** The index line with its line ending, or null when the block had no index line. */
  readonly indexLine: string | null;
  /** The index as read (null when missing or not a number). */
  readonly index: number | null;
}

export interface Cue {
  /** Stable identity for the lifetime of the document; never reused, never a position. */
  readonly id: number;
  readonly startMs: number;
  readonly endMs: number;
  /** Text lines joined with `\n`; tags such as `<i>` and `{\an8}` are kept verbatim. */
  readonly text: string;
  /** Anything after the end time on the timing line (e.g. `X1:100 X2:200 Y1:.. Y2:..`), kept verbatim; '' when none. */
  readonly settings: string;
  /** Present while the cue is unchanged since it was read. */
  readonly source?: CueSource;
  /** Present once a cue read from a file was edited: the index line it is still written with. */
  readonly origin?: CueOrigin;
  /**
   * Raw text that followed the cue in the file up to the next cue: blank separators and any
   * orphan lines. Written back verbatim so nothing the reader could not place is lost.
   */
  readonly trailer: string;
  /** 1-based line of the timing line in the file as read (for messages); absent for new cues. */
  readonly line?: number;
}

export type LineEnding = '\n' | '\r\n' | '\r';

export interface DocumentFormat {
  /** Dominant line ending of the file; used for cues written in canonical form. */
  eol: LineEnding;
  /** Whether the file ended with a line break. */
  finalNewline: boolean;
}

/** Fields a caller may set when creating or changing a cue. */
export interface CueFields {
  startMs: number;
  endMs: number;
  text: string;
  settings?: string;
}

/**
 * A subtitle document. Cues are immutable values; the array is mutated only by history
 * commands (see history.ts), and every mutation bumps `version` so views can tell it changed.
 */
export class SubtitleDoc {
  cues: Cue[];
  format: DocumentFormat;
  /** Raw text before the first cue (blank lines, orphan text), written back verbatim. */
  leading: string;
  /**
   * Set once cues have been inserted, removed or reordered: from then on the writer numbers
   * cues by position even when their source index line differs. Unedited documents keep their
   * numbering byte for byte.
   */
  renumbered: boolean;
  /** The format the document was read from; Save writes this format back (see src-shared/formats). */
  sourceFormat: SubtitleFormat = 'srt';
  /** Facts of the source format the cues cannot hold (ASS field order, MicroDVD frame rate). */
  formatInfo: FormatInfo = {};
  version = 0;
  private nextId: number;
  private positionsById: Map<number, number> | null = null;
  private positionsVersion = -1;

  constructor(cues: Cue[] = [], format: Partial<DocumentFormat> = {}, leading = '') {
    this.cues = cues;
    this.format = { eol: format.eol ?? '\n', finalNewline: format.finalNewline ?? true };
    this.leading = leading;
    this.renumbered = false;
    let maxId = 0;
    for (const cue of cues) if (cue.id > maxId) maxId = cue.id;
    this.nextId = maxId + 1;
  }

  /** A fresh id that no cue of this document has used. */
  allocateId(): number {
    return this.nextId++;
  }

  /** Creates a new, unsourced cue with a fresh id. */
  createCue(fields: CueFields, trailer = ''): Cue {
    return {
      id: this.allocateId(),
      startMs: fields.startMs,
      endMs: fields.endMs,
      text: fields.text,
      settings: fields.settings ?? '',
      trailer,
    };
  }

  /** Position of the cue with this id, or -1. Amortised O(1): the index is rebuilt only after a change. */
  indexOf(id: number): number {
    if (this.positionsById === null || this.positionsVersion !== this.version) {
      const map = new Map<number, number>();
      for (let i = 0; i < this.cues.length; i++) map.set((this.cues[i] as Cue).id, i);
      this.positionsById = map;
      this.positionsVersion = this.version;
    }
    return this.positionsById.get(id) ?? -1;
  }

  get length(): number {
    return this.cues.length;
  }

  /**
   * Marks a change; called by history primitives only. Pass `positionsChanged = false` when every
   * position still holds a cue with the same id (values replaced in place), so the id index built
   * by `indexOf` stays valid: typing in a 232,400-cue document must not rebuild it per keystroke.
   */
  touch(positionsChanged = true): void {
    const indexWasCurrent = this.positionsVersion === this.version;
    this.version++;
    if (!positionsChanged && indexWasCurrent) this.positionsVersion = this.version;
  }
}

/** Returns a copy of `cue` with the given fields changed; the copy loses its source, so it is written canonically. */
export function withFields(cue: Cue, fields: Partial<CueFields>): Cue {
  const startMs = fields.startMs ?? cue.startMs;
  const endMs = fields.endMs ?? cue.endMs;
  const text = fields.text ?? cue.text;
  const settings = fields.settings ?? cue.settings;
  // Plain literals, not a conditional spread: shifting 232,400 cues copies them all, and a spread is
  // several times slower and gives the copies a different hidden class.
  if (cue.line === undefined) return { id: cue.id, startMs, endMs, text, settings, trailer: cue.trailer };
  const origin = cueOrigin(cue);
  if (origin === undefined) return { id: cue.id, startMs, endMs, text, settings, trailer: cue.trailer, line: cue.line };
  return { id: cue.id, startMs, endMs, text, settings, trailer: cue.trailer, line: cue.line, origin };
}

/**
 * A copy of `cue` written entirely in canonical form: number by position, a blank line around it. For repairs
 * (`fix`), which are asked to rewrite what the reader had to mend; plain edits use `withFields`. With
 * `keepIdentifier` (formats whose line before the timing is a name, not a number: a WebVTT cue identifier) that
 * line is kept as read; the cue's settings are always kept.
 */
export function canonicalCopy(cue: Cue, keepIdentifier = false): Cue {
  const { id, startMs, endMs, text, settings, trailer, line } = cue;
  if (keepIdentifier) {
    const origin = cueOrigin(cue);
    if (origin !== undefined && origin.indexLine !== null && line !== undefined)
      return { id, startMs, endMs, text, settings, trailer, line, origin };
  }
  if (line === undefined) return { id, startMs, endMs, text, settings, trailer };
  return { id, startMs, endMs, text, settings, trailer, line };
}

/** The index line a cue was read with, whether it is still unedited (its source) or was edited since (its origin). */
export function cueOrigin(cue: Cue): CueOrigin | undefined {
  const source = cue.source;
  if (source === undefined) return cue.origin;
  return { indexLine: source.indexLine, index: source.index };
}

/** Cue duration in ms (negative when the end is before the start). */
export function durationMs(cue: Pick<Cue, 'startMs' | 'endMs'>): number {
  return cue.endMs - cue.startMs;
}
