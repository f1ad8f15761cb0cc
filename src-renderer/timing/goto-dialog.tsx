/** Go to time (Mod+G): a time as HH:MM:SS,mmm, MM:SS or seconds, or #N for cue N; Enter goes there. */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { parseGoTo } from '../../src-shared/goto-time';
import { formatSrtTime } from '../../src-shared/time';
import { FormFooter } from '../dialogs/form-footer';
import { Modal } from '../dialogs/modal';
import { useEditorStore } from '../store/use-store';
import { goTo } from './timing-actions';

export function GoToDialog({ seek }: { seek(ms: number): void }) {
  const store = useEditorStore();
  const [text, setText] = useState(() => formatSrtTime(store.getState().playheadMs));
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // The current playhead is offered selected, so typing replaces it.
  useEffect(() => input.current?.select(), []);

  function submit(event: FormEvent): void {
    event.preventDefault();
    const parsed = parseGoTo(text, store.doc?.cues.length ?? 0);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    store.closeDialog();
    store.setMessage(goTo(store, parsed.target, seek));
  }

  return (
    <Modal
      title="Go to time"
      className="goto"
      description="HH:MM:SS,mmm, MM:SS, seconds, or #N for cue N. The cue under that time is selected."
      onClose={() => store.closeDialog()}
    >
      <form onSubmit={submit} className="dialog-form">
        <label className="field">
          <span className="field-label">Time or #cue</span>
          <input
            type="text"
            aria-label="Go to time"
            data-autofocus
            spellCheck={false}
            value={text}
            ref={input}
            onChange={(event) => {
              setText(event.target.value);
              setError(null);
            }}
          />
        </label>
        <FormFooter error={error} submitLabel="Go" onCancel={() => store.closeDialog()} />
      </form>
    </Modal>
  );
}
