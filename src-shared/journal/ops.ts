/**
 * Journal operations: what one history step did to the document, as data. A step is recorded as the primitives it
 * ran (replace cues at positions, splice cues, replace the whole array), in the direction it ran, carrying only the
 * cues it put in place, never the document. Applying the operations of every record in order to the document they
 * started from gives the document as it was after the last record.
 */
import { type Cue, type CueOrigin, type CueSource, type SubtitleDoc, withFields } from '../document';
import {
  type Command,
  CompositeCommand,
  ReplaceAll,
  ReplaceCues,
  RetimeCues,
  retimeMs,
  SetRenumbered,
  SpliceCues,
} from '../history';

/** Cues `cues[i]` replace the cues at `positions[i]`. */
export interface ReplaceOp {
  readonly op: 'replace';
  readonly positions: readonly number[];
  readonly cues: readonly Cue[];
}

/** `deleteCount` cues at `at` are removed and `cues` inserted there. */
export interface SpliceOp {
  readonly op: 'splice';
  readonly at: number;
  readonly deleteCount: number;
  readonly cues: readonly Cue[];
}

/** The whole cue array becomes `cues` (sort, bulk delete). */
export interface AllOp {
  readonly op: 'all';
  readonly cues: readonly Cue[];
}

/**
 * Both times of the cues at the positions of `runs` (flat pairs: first position, count) mapped by
 * t' = scale * t + offsetMs (retimeMs), every other field kept as withFields keeps it: Shift all, sync, frame-rate
 * conversion run forward, as a rule instead of 232,400 cues.
 */
export interface RetimeOp {
  readonly op: 'retime';
  readonly runs: readonly number[];
  readonly scale: number;
  readonly offsetMs: number;
}

export type JournalOp = ReplaceOp | SpliceOp | AllOp | RetimeOp;

/** Positions as flat (first, count) pairs of consecutive runs. */
function runsOf(positions: ArrayLike<number>): number[] {
  const runs: number[] = [];
  for (let i = 0; i < positions.length; ) {
    const first = positions[i] as number;
    let count = 1;
    while (i + count < positions.length && positions[i + count] === first + count) count++;
    runs.push(first, count);
    i += count;
  }
  return runs;
}

/** One history step as journaled. */
export interface JournalRecordBody {
  /** The operations, in the order they ran. */
  readonly ops: readonly JournalOp[];
  /** The document's renumbering flag after the step. */
  readonly renumbered: boolean;
  /** Whether the document differs from the journal's base after the step (false: undone back to the saved state). */
  readonly dirty: boolean;
  /** When the step ran, ms since the epoch. */
  readonly atMs: number;
}

/** A record as stored: the body plus its sequence number (1, 2, ... per document, never reused). */
export interface JournalRecord extends JournalRecordBody {
  readonly seq: number;
}

/** The operations `command` performed when run in `direction` (apply: as executed or redone; revert: undone). */
export function opsOf(command: Command, direction: 'apply' | 'revert'): JournalOp[] {
  const out: JournalOp[] = [];
  collect(command, direction, out);
  return out;
}

function collect(command: Command, direction: 'apply' | 'revert', out: JournalOp[]): void {
  const forward = direction === 'apply';
  // Run backwards a retime restores the cues as they were (their source text too): those go as cues.
  if (command instanceof RetimeCues && forward) {
    if (command.count > 0)
      out.push({ op: 'retime', runs: runsOf(command.positions), scale: command.scale, offsetMs: command.offsetMs });
  } else if (command instanceof ReplaceCues) {
    if (command.count > 0)
      out.push({
        op: 'replace',
        positions: Array.from(command.positions),
        cues: forward ? command.after : command.before,
      });
  } else if (command instanceof SpliceCues) {
    out.push(
      forward
        ? { op: 'splice', at: command.at, deleteCount: command.removed.length, cues: command.inserted }
        : { op: 'splice', at: command.at, deleteCount: command.inserted.length, cues: command.removed },
    );
  } else if (command instanceof ReplaceAll) {
    out.push({ op: 'all', cues: forward ? command.after : command.before });
  } else if (command instanceof CompositeCommand) {
    const { parts } = command;
    if (forward) for (const part of parts) collect(part, direction, out);
    else for (let i = parts.length - 1; i >= 0; i--) collect(parts[i] as Command, direction, out);
  } else if (!(command instanceof SetRenumbered)) {
    // A command the journal cannot describe would make every later record replay onto the wrong document.
    throw new TypeError(`The recovery journal cannot record "${command.label}": not built from history primitives`);
  }
}

/** Thrown when a record does not fit the document it is replayed onto (a journal that is not this document's). */
export class ReplayError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReplayError';
  }
}

/** Applies one record's operations to `doc`; throws ReplayError (leaving `doc` partly changed) when they do not fit. */
export function applyRecord(doc: SubtitleDoc, record: JournalRecordBody): void {
  for (const op of record.ops) {
    const { cues } = doc;
    if (op.op === 'replace') {
      for (let i = 0; i < op.positions.length; i++) {
        const position = op.positions[i] as number;
        if (position < 0 || position >= cues.length)
          throw new ReplayError(`cue position ${position} is outside the document (${cues.length} cues)`);
        cues[position] = op.cues[i] as Cue;
      }
    } else if (op.op === 'splice') {
      if (op.at < 0 || op.at + op.deleteCount > cues.length)
        throw new ReplayError(
          `cues ${op.at}..${op.at + op.deleteCount} are outside the document (${cues.length} cues)`,
        );
      if (op.cues.length <= 10_000) cues.splice(op.at, op.deleteCount, ...op.cues);
      else doc.cues = cues.slice(0, op.at).concat(op.cues as Cue[], cues.slice(op.at + op.deleteCount));
    } else if (op.op === 'retime') {
      const { runs, scale, offsetMs } = op;
      for (let r = 0; r < runs.length; r += 2) {
        const first = runs[r] as number;
        const end = first + (runs[r + 1] as number);
        if (first < 0 || end > cues.length)
          throw new ReplayError(`cues ${first}..${end} are outside the document (${cues.length} cues)`);
        for (let p = first; p < end; p++) {
          const cue = cues[p] as Cue;
          cues[p] = withFields(cue, {
            startMs: retimeMs(cue.startMs, scale, offsetMs),
            endMs: retimeMs(cue.endMs, scale, offsetMs),
          });
        }
      }
    } else doc.cues = op.cues.slice();
  }
  doc.renumbered = record.renumbered;
  doc.touch();
}

// ----- validation of records from outside (the renderer, a file) ------------------------------------------------

const CUE_KEYS = new Set(['id', 'startMs', 'endMs', 'text', 'settings', 'source', 'origin', 'trailer', 'line']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isInt(value: unknown, min = 0): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
}

function checkOrigin(value: unknown): boolean {
  if (!isObject(value)) return false;
  const { indexLine, index } = value as Partial<CueOrigin>;
  return (indexLine === null || typeof indexLine === 'string') && (index === null || typeof index === 'number');
}

function checkSource(value: unknown): boolean {
  return checkOrigin(value) && typeof (value as Partial<CueSource>).body === 'string';
}

/** Null when `value` is a cue as the document holds them, else what is wrong. */
export function checkCue(value: unknown, at: string): string | null {
  if (!isObject(value)) return `${at} must be a cue object`;
  for (const key of Object.keys(value)) if (!CUE_KEYS.has(key)) return `${at} has an unknown field ${key}`;
  if (!isInt(value.id, 1)) return `${at}.id must be a positive integer`;
  if (!Number.isSafeInteger(value.startMs) || !Number.isSafeInteger(value.endMs))
    return `${at} times must be integer ms`;
  if (typeof value.text !== 'string' || typeof value.settings !== 'string' || typeof value.trailer !== 'string')
    return `${at} text, settings and trailer must be strings`;
  if (value.line !== undefined && !isInt(value.line, 1)) return `${at}.line must be a positive integer`;
  if (value.source !== undefined && !checkSource(value.source)) return `${at}.source is not a cue source`;
  if (value.origin !== undefined && !checkOrigin(value.origin)) return `${at}.origin is not a cue origin`;
  return null;
}

function checkCues(value: unknown, at: string): string | null {
  if (!Array.isArray(value)) return `${at} must be an array of cues`;
  for (let i = 0; i < value.length; i++) {
    const problem = checkCue(value[i], `${at}[${i}]`);
    if (problem) return problem;
  }
  return null;
}

/** Null when `value` is a well-formed journal operation, else what is wrong. */
export function checkOp(value: unknown, at: string): string | null {
  if (!isObject(value)) return `${at} must be an operation object`;
  if (value.op === 'replace') {
    const { positions, cues } = value;
    if (!Array.isArray(positions) || !positions.every((p) => isInt(p))) return `${at}.positions must be cue positions`;
    if (!Array.isArray(cues) || cues.length !== positions.length)
      return `${at}.cues must match its positions in number`;
    return checkCues(cues, `${at}.cues`);
  }
  if (value.op === 'splice') {
    if (!isInt(value.at) || !isInt(value.deleteCount)) return `${at}.at and .deleteCount must be counts`;
    return checkCues(value.cues, `${at}.cues`);
  }
  if (value.op === 'all') return checkCues(value.cues, `${at}.cues`);
  if (value.op === 'retime') {
    const { runs, scale, offsetMs } = value;
    if (!Array.isArray(runs) || runs.length % 2 !== 0 || !runs.every((n, i) => isInt(n, i % 2)))
      return `${at}.runs must be pairs of a cue position and a count`;
    if (
      typeof scale !== 'number' ||
      !Number.isFinite(scale) ||
      typeof offsetMs !== 'number' ||
      !Number.isFinite(offsetMs)
    )
      return `${at}.scale and .offsetMs must be finite numbers`;
    return null;
  }
  return `${at}.op must be replace, splice, all or retime`;
}

/** Null when `value` is a well-formed record body, else what is wrong. */
export function checkRecordBody(value: unknown, at: string): string | null {
  if (!isObject(value)) return `${at} must be a journal record`;
  if (typeof value.renumbered !== 'boolean' || typeof value.dirty !== 'boolean')
    return `${at}.renumbered and .dirty must be booleans`;
  if (!isInt(value.atMs)) return `${at}.atMs must be a time in ms`;
  if (!Array.isArray(value.ops)) return `${at}.ops must be an array`;
  for (let i = 0; i < value.ops.length; i++) {
    const problem = checkOp(value.ops[i], `${at}.ops[${i}]`);
    if (problem) return problem;
  }
  return null;
}
