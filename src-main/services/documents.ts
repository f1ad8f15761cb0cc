/** The open-documents session: handle -> path, encoding, BOM and disk stamp, so the renderer never holds paths it could forge. */

/** Encoding facts remembered so a save writes the file back the way it was read. */
export interface EncodingFacts {
  encoding: string;
  bom: boolean;
}

/** One open document as main knows it. `Stamp` is whatever the file service uses to tell a file changed. */
export interface OpenDocument<Stamp = unknown> extends EncodingFacts {
  readonly handle: string;
  /** Null until the first Save As. */
  path: string | null;
  /** Disk stamp at the last read or write; null while the document has no file. */
  stamp: Stamp | null;
  /** Whether this session already kept a FILE.bak for the current path (only the first save keeps one). */
  backedUp: boolean;
  /** Dirty state last reported by the renderer. */
  dirty: boolean;
  /** Key of this document's recovery journal. */
  recoveryKey: string;
}

/** Thrown for a handle this session never gave out (or already closed). */
export class UnknownHandleError extends Error {
  readonly code = 'unknown-handle' as const;
  constructor(readonly handle: string) {
    super(`No open document has handle ${JSON.stringify(handle)}`);
    this.name = 'UnknownHandleError';
  }
}

/** Fields given when a document is opened or created. */
export interface NewDocument<Stamp> extends EncodingFacts {
  path: string | null;
  stamp: Stamp | null;
  /** Reuse an existing recovery key (a restored journal); otherwise one is made. */
  recoveryKey?: string;
}

/** The session of open documents. */
export interface DocumentSession<Stamp> {
  add(fields: NewDocument<Stamp>): OpenDocument<Stamp>;
  /** The document for a handle; throws UnknownHandleError. */
  get(handle: string): OpenDocument<Stamp>;
  remove(handle: string): void;
  all(): OpenDocument<Stamp>[];
}

/** File name of a path ('Untitled' when none), for titles and dialogs. */
export function displayName(filePath: string | null): string {
  if (filePath === null) return 'Untitled';
  return filePath.slice(Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\')) + 1);
}

/**
 * Creates an empty session; handles are opaque counters, never reused. `sessionId` makes recovery keys unique to
 * this run, so opening a file again after a crash never overwrites (or, on save, deletes) the journal the crashed
 * run left for it: that journal stays on offer until the user restores or discards it.
 */
export function createDocumentSession<Stamp>(sessionId = `${Date.now().toString(36)}`): DocumentSession<Stamp> {
  const docs = new Map<string, OpenDocument<Stamp>>();
  let next = 1;
  return {
    add(fields) {
      const handle = `doc-${next++}`;
      // A restored journal keeps its key, so its later edits and its discard on save address the same journal.
      const recoveryKey = fields.recoveryKey ?? `${fields.path ?? 'untitled'}#${sessionId}-${handle}`;
      const doc: OpenDocument<Stamp> = {
        handle,
        path: fields.path,
        encoding: fields.encoding,
        bom: fields.bom,
        stamp: fields.stamp,
        backedUp: false,
        dirty: false,
        recoveryKey,
      };
      docs.set(handle, doc);
      return doc;
    },
    get(handle) {
      const doc = docs.get(handle);
      if (!doc) throw new UnknownHandleError(handle);
      return doc;
    },
    remove(handle) {
      docs.delete(handle);
    },
    all() {
      return [...docs.values()];
    },
  };
}
