/**
 * Undo history: one per document. Every edit is a command built from a few reversible
 * primitives (replace cues in place, splice cues in or out, replace the array, set the
 * renumbering flag), so only the primitives know how to revert and a 232,400-cue document is
 * never copied per keystroke.
 */
import type { Cue, SubtitleDoc } from './document';

/** A reversible change to a document. `apply` and `revert` must be exact inverses. */
export interface Command {
  readonly label: string;
  apply(doc: SubtitleDoc): void;
  revert(doc: SubtitleDoc): void;
  /** When set, a following command with the same key may be folded into this one (typing). */
  readonly coalesceKey?: string;
  /** Cue references the command holds (its memory cost); History bounds the total. */
  readonly size?: number;
}

/** Replaces cues at given positions with new values (same count, same positions). */
export class ReplaceCues implements Command {
  readonly label: string;
  readonly coalesceKey?: string;
  /** Whether every replacement keeps the id at its position, so the document's id index stays valid. */
  private readonly keepsIds: boolean;
  constructor(
    label: string,
    readonly positions: ArrayLike<number>,
    readonly before: readonly Cue[],
    readonly after: readonly Cue[],
    coalesceKey?: string,
  ) {
    this.label = label;
    if (coalesceKey !== undefined) this.coalesceKey = coalesceKey;
    let keepsIds = true;
    for (let i = 0; i < after.length && keepsIds; i++) keepsIds = (after[i] as Cue).id === (before[i] as Cue).id;
    this.keepsIds = keepsIds;
  }

  get size(): number {
    return 1 + this.positions.length * 3;
  }

  /** Number of cues replaced. */
  get count(): number {
    return this.positions.length;
  }

  apply(doc: SubtitleDoc): void {
    const { positions, after } = this;
    for (let i = 0; i < positions.length; i++) doc.cues[positions[i] as number] = after[i] as Cue;
    doc.touch(!this.keepsIds);
  }

  revert(doc: SubtitleDoc): void {
    const { positions, before } = this;
    for (let i = 0; i < positions.length; i++) doc.cues[positions[i] as number] = before[i] as Cue;
    doc.touch(!this.keepsIds);
  }

  /** Folds a later replace of the same single cue into this one, keeping the first `before`. */
  absorb(next: ReplaceCues): ReplaceCues | null {
    if (this.positions.length !== 1 || next.positions.length !== 1) return null;
    if (this.positions[0] !== next.positions[0]) return null;
    return new ReplaceCues(this.label, this.positions, this.before, next.after, this.coalesceKey);
  }
}

/** A cue time mapped by t' = scale * t + offsetMs, rounded to integer ms and clamped at 0 (shift, sync, fps). */
export function retimeMs(ms: number, scale: number, offsetMs: number): number {
  return Math.max(Math.round(scale * ms + offsetMs), 0);
}

/**
 * A ReplaceCues whose every replacement is `withFields(before, { startMs, endMs })` with both times through
 * `retimeMs(t, scale, offsetMs)`: the recovery journal records it run forward as that rule and the positions, not as
 * the cues (a shift of 232,400 cues is then a few bytes, not 14 MB).
 */
export class RetimeCues extends ReplaceCues {
  constructor(
    label: string,
    positions: ArrayLike<number>,
    before: readonly Cue[],
    after: readonly Cue[],
    readonly scale: number,
    readonly offsetMs: number,
  ) {
    super(label, positions, before, after);
  }
}

/** Removes `removed` at `at` and inserts `inserted` there; also records the renumbering flag. */
export class SpliceCues implements Command {
  private wasRenumbered = false;
  constructor(
    readonly label: string,
    readonly at: number,
    readonly removed: readonly Cue[],
    readonly inserted: readonly Cue[],
  ) {}

  get size(): number {
    return 1 + this.removed.length + this.inserted.length;
  }

  apply(doc: SubtitleDoc): void {
    this.wasRenumbered = doc.renumbered;
    spliceInto(doc, this.at, this.removed.length, this.inserted);
    doc.renumbered = true;
    doc.touch();
  }

  revert(doc: SubtitleDoc): void {
    spliceInto(doc, this.at, this.inserted.length, this.removed);
    doc.renumbered = this.wasRenumbered;
    doc.touch();
  }
}

/** Replaces the whole cue array (sort, bulk deletes); keeps both arrays, which is O(n) once. */
export class ReplaceAll implements Command {
  private wasRenumbered = false;
  constructor(
    readonly label: string,
    readonly before: readonly Cue[],
    readonly after: readonly Cue[],
    private readonly renumbers: boolean,
  ) {}

  get size(): number {
    return 1 + this.before.length + this.after.length;
  }

  apply(doc: SubtitleDoc): void {
    this.wasRenumbered = doc.renumbered;
    // Copies: later ReplaceCues write into doc.cues in place and must not alter this command's arrays.
    doc.cues = this.after.slice();
    if (this.renumbers) doc.renumbered = true;
    doc.touch();
  }

  revert(doc: SubtitleDoc): void {
    doc.cues = this.before.slice();
    doc.renumbered = this.wasRenumbered;
    doc.touch();
  }
}

/** Sets the document's renumbering flag, so the writer numbers cues by position (Renumber). */
export class SetRenumbered implements Command {
  readonly size = 1;
  private wasRenumbered = false;
  constructor(
    readonly label: string,
    private readonly renumbered: boolean,
  ) {}

  apply(doc: SubtitleDoc): void {
    this.wasRenumbered = doc.renumbered;
    doc.renumbered = this.renumbered;
    doc.touch(false);
  }

  revert(doc: SubtitleDoc): void {
    doc.renumbered = this.wasRenumbered;
    doc.touch(false);
  }
}

/** Several commands applied as one undo step (e.g. delete of scattered cues). An empty one changes nothing. */
export class CompositeCommand implements Command {
  constructor(
    readonly label: string,
    readonly parts: readonly Command[],
  ) {}

  get size(): number {
    let total = 1;
    for (const part of this.parts) total += part.size ?? 1;
    return total;
  }

  /** True when the command has no parts (the edit found nothing to change). */
  get isEmpty(): boolean {
    return this.parts.length === 0;
  }

  apply(doc: SubtitleDoc): void {
    for (const part of this.parts) part.apply(doc);
  }

  revert(doc: SubtitleDoc): void {
    for (let i = this.parts.length - 1; i >= 0; i--) (this.parts[i] as Command).revert(doc);
  }
}

/** Splices in place; spreading more than ~100k arguments overflows the stack, so big inserts rebuild the array. */
function spliceInto(doc: SubtitleDoc, at: number, deleteCount: number, items: readonly Cue[]): void {
  if (items.length <= 10_000) {
    doc.cues.splice(at, deleteCount, ...items);
    return;
  }
  doc.cues = doc.cues.slice(0, at).concat(items as Cue[], doc.cues.slice(at + deleteCount));
}

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
}

/** Told of every change the history makes to its document, after it was made (the recovery journal listens). */
export type HistoryObserver = (command: Command, direction: 'apply' | 'revert', history: History) => void;

/** Default bound on the undo steps kept. */
export const DEFAULT_HISTORY_LIMIT = 10_000;
/**
 * Default bound on the cue references all kept steps hold together: about 40 whole-document
 * edits (before + after + positions) of a 232,400-cue document, a few hundred MB at worst.
 */
export const DEFAULT_HISTORY_BUDGET = 30_000_000;

/**
 * Linear undo/redo stack over one document. Commands with the same `coalesceKey` executed
 * back to back (consecutive typing in one cue) become one step, until `seal()` is called
 * (focus change, selection change, a pause) or a different command runs. The oldest steps are
 * dropped beyond `limit` steps or `budget` held cue references (the newest step is always kept).
 */
export class History {
  private undoStack: Command[] = [];
  private redoStack: Command[] = [];
  private sealed = true;
  /** Undo depth at the last save, or null when that state can no longer be reached by undo/redo. */
  private savedDepth: number | null = 0;
  /** Sum of `size` over both stacks. */
  private heldSize = 0;
  /** Called after each execute, undo and redo that changed the document (the command as run, not a merged step). */
  observer: HistoryObserver | null = null;
  /**
   * Given each command before it runs, returns the command to run and record in its place (translation mode: the
   * same edit with the original's times moved along, one undo step).
   */
  transform: ((command: Command) => Command) | null = null;

  constructor(
    readonly doc: SubtitleDoc,
    private readonly limit = DEFAULT_HISTORY_LIMIT,
    private readonly budget = DEFAULT_HISTORY_BUDGET,
  ) {}

  /** Applies a command and records it (folded into the previous step when it continues a typing run); empty commands are ignored. */
  execute(edit: Command): void {
    // An edit that found nothing to do is not an undo step and does not make the document dirty.
    if (edit instanceof CompositeCommand && edit.isEmpty) return;
    const command = this.transform?.(edit) ?? edit;
    command.apply(this.doc);
    this.dropRedo();
    const last = this.undoStack[this.undoStack.length - 1];
    if (
      !this.sealed &&
      last !== undefined &&
      command.coalesceKey !== undefined &&
      last.coalesceKey === command.coalesceKey &&
      last instanceof ReplaceCues &&
      command instanceof ReplaceCues
    ) {
      const merged = last.absorb(command);
      if (merged) {
        this.undoStack[this.undoStack.length - 1] = merged;
        this.heldSize += sizeOf(merged) - sizeOf(last);
        // The saved state was the one before `last` ended, which no longer exists as a step.
        if (this.savedDepth !== null && this.savedDepth >= this.undoStack.length) this.savedDepth = null;
        this.observer?.(command, 'apply', this);
        return;
      }
    }
    // A save at a depth we are branching away from (after undo) can no longer be reached.
    if (this.savedDepth !== null && this.savedDepth > this.undoStack.length) this.savedDepth = null;
    this.undoStack.push(command);
    this.heldSize += sizeOf(command);
    this.trim();
    this.sealed = command.coalesceKey === undefined;
    this.observer?.(command, 'apply', this);
  }

  /** Ends the current coalescing run so the next edit starts a new undo step. */
  seal(): void {
    this.sealed = true;
  }

  /** Reverts the latest step; returns it, or null when there is nothing to undo. */
  undo(): Command | null {
    const command = this.undoStack.pop();
    if (!command) return null;
    command.revert(this.doc);
    this.redoStack.push(command);
    this.sealed = true;
    this.observer?.(command, 'revert', this);
    return command;
  }

  /** Re-applies the latest undone step; returns it, or null when there is nothing to redo. */
  redo(): Command | null {
    const command = this.redoStack.pop();
    if (!command) return null;
    command.apply(this.doc);
    this.undoStack.push(command);
    this.sealed = true;
    this.observer?.(command, 'apply', this);
    return command;
  }

  /** Records that the document as it is now has been saved. */
  markSaved(): void {
    this.savedDepth = this.undoStack.length;
    this.sealed = true;
  }

  /** True when the document differs from the last save (or from the file as opened). */
  get isDirty(): boolean {
    return this.savedDepth !== this.undoStack.length;
  }

  /** Number of steps that can be undone. */
  get undoDepth(): number {
    return this.undoStack.length;
  }

  /** Number of steps that can be redone. */
  get redoDepth(): number {
    return this.redoStack.length;
  }

  get state(): HistoryState {
    const u = this.undoStack[this.undoStack.length - 1];
    const r = this.redoStack[this.redoStack.length - 1];
    return {
      canUndo: u !== undefined,
      canRedo: r !== undefined,
      undoLabel: u?.label ?? null,
      redoLabel: r?.label ?? null,
    };
  }

  private dropRedo(): void {
    for (const command of this.redoStack) this.heldSize -= sizeOf(command);
    this.redoStack = [];
  }

  /** Drops the oldest steps beyond the bounds; the saved state becomes unreachable if it was among them. */
  private trim(): void {
    let drop = 0;
    let size = this.heldSize;
    const count = this.undoStack.length;
    while (count - drop > 1 && (count - drop > this.limit || size > this.budget)) {
      size -= sizeOf(this.undoStack[drop] as Command);
      drop++;
    }
    if (drop === 0) return;
    this.undoStack.splice(0, drop);
    this.heldSize = size;
    if (this.savedDepth !== null) this.savedDepth = this.savedDepth >= drop ? this.savedDepth - drop : null;
  }
}

function sizeOf(command: Command): number {
  return command.size ?? 1;
}
