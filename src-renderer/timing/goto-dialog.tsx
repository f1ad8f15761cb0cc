/** Go to time (Mod+G): a time as HH:MM:SS,mmm, MM:SS or seconds, or #N for cue N; Enter goes there. */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseGoTo } from '../../src-shared/goto-time';
import { formatSrtTime } from '../../src-shared/time';
import { FormFooter } from '../dialogs/form-footer';
import { Modal } from '../dialogs/modal';
import { useEditorStore } from '../store/use-store';
import { goTo } from './timing-actions';

export function GoToDialog({ seek }: { seek(ms: number): void }) {
  const { t } = useTranslation();
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
      title={t('dialogs:goTo.title')}
      className="goto"
      description={t('dialogs:goTo.description')}
      onClose={() => store.closeDialog()}
    >
      <form onSubmit={submit} className="dialog-form">
        <label className="field">
          <span className="field-label">{t('dialogs:goTo.field')}</span>
          <input
            type="text"
            aria-label={t('dialogs:goTo.name')}
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
        <FormFooter error={error} submitLabel={t('dialogs:goTo.submit')} onCancel={() => store.closeDialog()} />
      </form>
    </Modal>
  );
}
