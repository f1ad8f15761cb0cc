/** Scripted native dialogs for hosts without a user: each dialog takes the next queued answer (empty queue = cancel). */

/** Kinds of dialog the services open. */
export type DialogKind = 'open' | 'save' | 'unsaved';

/** A dialog the services opened, for assertions. */
export interface AskedDialog {
  kind: DialogKind;
  /** Dialog title, or the document name for the unsaved-changes prompt. */
  subject: string;
}

/** What a test scripts; async because in Electron the queue lives in the main process. */
export interface DialogQueue {
  /** Paths the next open dialogs return (null = canceled). */
  queueOpen(...paths: (string | null)[]): Promise<void>;
  /** Paths the next save dialogs return (null = canceled). */
  queueSave(...paths: (string | null)[]): Promise<void>;
  /** Answers of the next unsaved-changes prompts. */
  queueUnsaved(...answers: ('save' | 'discard' | 'cancel')[]): Promise<void>;
}

/** The in-process stub the browser host gives the services. */
export interface DialogStub extends DialogQueue {
  /** Every dialog opened so far. */
  readonly asked: AskedDialog[];
  /** Takes the next answer for a dialog (used by the host). */
  next(kind: DialogKind, subject: string): string | null;
}

/** Creates an empty stub. */
export function createDialogStub(): DialogStub {
  const queues: Record<DialogKind, (string | null)[]> = { open: [], save: [], unsaved: [] };
  const asked: AskedDialog[] = [];
  return {
    queueOpen: async (...paths) => void queues.open.push(...paths),
    queueSave: async (...paths) => void queues.save.push(...paths),
    queueUnsaved: async (...answers) => void queues.unsaved.push(...answers),
    asked,
    next(kind, subject) {
      asked.push({ kind, subject });
      return queues[kind].length > 0 ? (queues[kind].shift() ?? null) : null;
    },
  };
}
