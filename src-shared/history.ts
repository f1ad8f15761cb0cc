/**
 * Undo history: one per document. Every edit is a command built from two reversible
 * primitives (replace cues in place, splice cues in or out), so only the primitives know how
 * to revert and a 232,400-cue document is never copied per keystroke.
 */
import type { Cue, SubtitleDoc } from './document';

/** A reversible change to a document. `apply` and `revert` must be exact inverses. */
export interface Command {
  readonly label: string;
  apply(doc: SubtitleDoc): void;
  revert(doc: SubtitleDoc): void;
  /** When set, a following command with the same key may be folded into this one (typing). */
  readonly coalesceKey?: string;
}

/** Replaces cues at given positions with new values (same count, same positions). */
export class ReplaceCues implements Command {
  readonly label: string;
  readonly coalesceKey?: string;
  constructor(
    label: string,
    private readonly positions: readonly number[],
    private readonly before: readonly Cue[],
    private readonly after: readonly Cue[],
    coalesceKey?: string,
  ) {
    this.label = label;
    if (coalesceKey !== undefined) this.coalesceKey = coalesceKey;
  }

  apply(doc: SubtitleDoc): void {
    const { positions, after } = this;
    for (let i = 0; i < positions.length; i++) doc.cues[positions[i] as number] = after[i] as Cue;
    doc.touch();
  }

  revert(doc: SubtitleDoc): void {
    const { positions, before } = this;
    for (let i = 0; i < positions.length; i++) doc.cues[positions[i] as number] = before[i] as Cue;
    doc.touch();
  }

  /** Folds a later replace of the same single cue into this one, keeping the first `before`. */
  absorb(next: ReplaceCues): ReplaceCues | null {
    if (this.positions.length !== 1 || next.positions.length !== 1) return null;
    if (this.positions[0] !== next.positions[0]) return null;
    return new ReplaceCues(this.label, this.positions, this.before, next.after, this.coalesceKey);
  }
}

/** Removes `removed` at `at` and inserts `inserted` there; also records the renumbering flag. */
export class SpliceCues implements Command {
  private wasRenumbered = false;
  constructor(
    readonly label: string,
    private readonly at: number,
    private readonly removed: readonly Cue[],
    private readonly inserted: readonly Cue[],
  ) {}

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

/** Replaces the whole cue array (sort, bulk reorders); keeps both arrays, which is O(n) once. */
export class ReplaceAll implements Command {
  private wasRenumbered = false;
  constructor(
    readonly label: string,
    private readonly before: readonly Cue[],
    private readonly after: readonly Cue[],
    private readonly renumbers: boolean,
  ) {}

  apply(doc: SubtitleDoc): void {
    this.wasRenumbered = doc.renumbered;
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

/** Several commands applied as one undo step (e.g. split = replace + insert). */
export class CompositeCommand implements Command {
  constructor(
    readonly label: string,
    private readonly parts: readonly Command[],
  ) {}

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

/**
 * Linear undo/redo stack over one document. Commands with the same `coalesceKey` executed
 * back to back (consecutive typing in one cue) become one step, until `seal()` is called
 * (focus change, selection change, a pause) or a different command runs.
 */
export class History {
  private undoStack: Command[] = [];
  private redoStack: Command[] = [];
  private sealed = true;
  /** Version of the document at the last save; compared to tell whether there are unsaved edits. */
  private savedDepth: number | null = 0;

  constructor(
    readonly doc: SubtitleDoc,
    private readonly limit = 10_000,
  ) {}

  /** Applies a command and records it. */
  execute(command: Command): void {
    command.apply(this.doc);
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
        this.redoStack = [];
        if (this.savedDepth !== null && this.savedDepth >= this.undoStack.length) this.savedDepth = null;
        return;
      }
    }
    this.undoStack.push(command);
    if (this.savedDepth !== null && this.savedDepth >= this.undoStack.length) this.savedDepth = null;
    this.redoStack = [];
    if (this.undoStack.length > this.limit) {
      this.undoStack.shift();
      if (this.savedDepth !== null) this.savedDepth = this.savedDepth > 0 ? this.savedDepth - 1 : null;
    }
    this.sealed = command.coalesceKey === undefined;
  }

  /** Ends the current coalescing run so the next edit starts a new undo step. */
  seal(): void {
    this.sealed = true;
  }

  undo(): Command | null {
    const command = this.undoStack.pop();
    if (!command) return null;
    command.revert(this.doc);
    this.redoStack.push(command);
    this.sealed = true;
    return command;
  }

  redo(): Command | null {
    const command = this.redoStack.pop();
    if (!command) return null;
    command.apply(this.doc);
    this.undoStack.push(command);
    this.sealed = true;
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
}
