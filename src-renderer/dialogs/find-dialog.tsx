/** Find and replace in cue text, plain or regular expression (linear-time RE2, never freezes); Replace all is one undo step. */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchPattern } from '../../src-shared/find/search-pattern';
import { compilePattern, findNext, replaceAll, replaceInCue, selectAllMatches } from '../store/edit-actions';
import { useEditorStore } from '../store/use-store';
import { Modal } from './modal';

export function FindDialog({ replace }: { replace: boolean }) {
  const { t } = useTranslation();
  const store = useEditorStore();
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [regex, setRegex] = useState(false);
  const [matchCase, setMatchCase] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  function pattern(): SearchPattern | null {
    const compiled = compilePattern({ query, regex, matchCase });
    if (typeof compiled === 'string') {
      setNote(compiled);
      return null;
    }
    return compiled;
  }

  function next(): number {
    const doc = store.doc;
    const compiled = pattern();
    if (!doc || !compiled) return -1;
    const focus = store.getState().selection.focus;
    const from = focus === null ? -1 : doc.indexOf(focus);
    const position = findNext(doc.cues, compiled, from);
    if (position < 0) {
      setNote(t('dialogs:find.noMatch'));
      return -1;
    }
    const id = doc.cues[position]?.id as number;
    store.select(id, 'replace', true);
    setNote(t('dialogs:cueNumber', { number: position + 1 }));
    return position;
  }

  function replaceOne(): void {
    const doc = store.doc;
    const compiled = pattern();
    if (!doc || !compiled) return;
    const focus = store.getState().selection.focus;
    if (focus !== null) {
      const cue = doc.cues[doc.indexOf(focus)];
      if (cue && compiled.test(cue.text)) {
        replaceInCue(store, focus, compiled, replacement);
        next();
        return;
      }
    }
    next();
  }

  function findAll(): void {
    const compiled = pattern();
    if (!compiled) return;
    const count = selectAllMatches(store, compiled);
    setNote(count === 0 ? t('dialogs:find.noMatch') : t('dialogs:find.selected', { count }));
  }

  function all(): void {
    const compiled = pattern();
    if (!compiled) return;
    const count = replaceAll(store, compiled, replacement);
    setNote(count === 0 ? t('dialogs:find.noMatch') : t('dialogs:find.replaced', { count }));
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    next();
  }

  return (
    <Modal
      title={replace ? t('dialogs:find.titleReplace') : t('dialogs:find.title')}
      className="floating"
      onClose={() => store.closeDialog()}
    >
      <form className="dialog-form" onSubmit={submit}>
        <label className="field">
          <span className="field-label">{t('dialogs:find.find')}</span>
          <input
            type="text"
            aria-label={t('dialogs:find.find')}
            data-autofocus
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setNote(null);
            }}
          />
        </label>
        {replace && (
          <label className="field">
            <span className="field-label">{t('dialogs:find.replaceWith')}</span>
            <input
              type="text"
              aria-label={t('dialogs:find.replaceWith')}
              value={replacement}
              onChange={(event) => setReplacement(event.target.value)}
            />
          </label>
        )}
        <div className="choices">
          <label className="choice">
            <input type="checkbox" checked={regex} onChange={(event) => setRegex(event.target.checked)} />
            {t('dialogs:find.regex')}
          </label>
          <label className="choice">
            <input type="checkbox" checked={matchCase} onChange={(event) => setMatchCase(event.target.checked)} />
            {t('dialogs:find.matchCase')}
          </label>
        </div>
        <p className="form-note" aria-live="polite">
          {note}
        </p>
        <div className="dialog-buttons">
          <button type="button" onClick={() => store.closeDialog()}>
            {t('common:close')}
          </button>
          {replace && (
            <>
              <button type="button" onClick={replaceOne}>
                {t('dialogs:find.replace')}
              </button>
              <button type="button" onClick={all}>
                {t('dialogs:find.replaceAll')}
              </button>
            </>
          )}
          <button type="button" onClick={findAll}>
            {t('dialogs:find.findAll')}
          </button>
          <button type="submit" className="primary">
            {t('dialogs:find.findNext')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
