/**
 * Notices for the user that are not cue edits: start-up notices from main (damaged settings set aside, stale temp
 * files removed...) and the open document's encoding guess. Each is shown until dismissed.
 */

/** The open document's uncertain encoding, as main reported it. */
export interface EncodingNotice {
  name: string;
  encoding: string;
  alternatives: string[];
  message: string;
}

export interface NoticesState {
  startup: readonly string[];
  encoding: EncodingNotice | null;
}

export class NoticesStore {
  private state: NoticesState = { startup: [], encoding: null };
  private readonly listeners = new Set<() => void>();

  getState = (): NoticesState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Adds start-up notices (each text once). */
  addStartup(notices: readonly string[]): void {
    const fresh = notices.filter((n) => !this.state.startup.includes(n));
    if (fresh.length > 0) this.set({ startup: [...this.state.startup, ...fresh] });
  }

  dismissStartup(notice: string): void {
    this.set({ startup: this.state.startup.filter((n) => n !== notice) });
  }

  /** The encoding notice of the document just shown (null: its encoding is certain). */
  setEncoding(notice: EncodingNotice | null): void {
    this.set({ encoding: notice });
  }

  private set(patch: Partial<NoticesState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}
