/**
 * Spell check (F7): every misspelt word of the file in order from the selected cue, one at a time, with Next, Ignore,
 * Ignore all, Add to dictionary and Replace with a suggestion (an undoable edit). The check runs in main's spell
 * worker; the selected cue follows the current word, so its underline shows in the Text box.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cue } from '../../src-shared/document';
import { call } from '../api';
import { Modal } from '../dialogs/modal';
import { useEditorStore } from '../store/use-store';
import { type Finding, replaceMisspelling } from './spell-actions';
import { spellClientOf } from './spell-client';

type Phase = { kind: 'checking' } | { kind: 'ready' } | { kind: 'failed'; message: string };

export function SpellDialog() {
  const { t } = useTranslation();
  const store = useEditorStore();
  const client = spellClientOf(store);
  const [phase, setPhase] = useState<Phase>({ kind: 'checking' });
  const [findings, setFindings] = useState<Finding[]>([]);
  const [index, setIndex] = useState(0);
  const [suggestions, setSuggestions] = useState<string[] | null>(null);
  const [replacement, setReplacement] = useState('');
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    const doc = store.doc;
    if (!doc) return;
    const cues = doc.cues.slice();
    let alive = true;
    client.checkAll(cues.map((c) => c.text)).then(
      (found) => {
        if (!alive) return;
        const list = found.map((m) => ({ ...m, id: (cues[m.text] as Cue).id }));
        // Start at the selected cue, wrapping round: where the person is working.
        const focus = store.getState().selection.focus;
        const from = focus === null ? 0 : Math.max(0, doc.indexOf(focus));
        const start = list.findIndex((f) => doc.indexOf(f.id) >= from);
        setFindings(start > 0 ? [...list.slice(start), ...list.slice(0, start)] : list);
        setPhase({ kind: 'ready' });
      },
      (error: unknown) =>
        alive && setPhase({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      alive = false;
    };
  }, [store, client]);

  const current = phase.kind === 'ready' ? (findings[index] ?? null) : null;

  // Select the cue of the current word and fetch its suggestions.
  useEffect(() => {
    if (!current) return;
    store.select(current.id, 'replace', true);
    let alive = true;
    setSuggestions(null);
    call('spellSuggest', { lang: 'en', word: current.word }).then(
      ({ suggestions: list }) => {
        if (!alive) return;
        setSuggestions(list);
        setReplacement(list[0] ?? current.word);
      },
      () => alive && setSuggestions([]),
    );
    return () => {
      alive = false;
    };
  }, [current, store]);

  const context = useMemo(() => {
    const doc = store.doc;
    if (!current || !doc) return null;
    const position = doc.indexOf(current.id);
    const cue = doc.cues[position];
    if (!cue) return null;
    const at = cue.text.slice(current.offset, current.offset + current.length) === current.word ? current.offset : -1;
    return { number: position + 1, text: cue.text, at };
  }, [current, store]);

  /** Moves on from the current word, skipping words ignored or added meanwhile. */
  function advance(list: Finding[], from: number): void {
    let next = from;
    while (next < list.length && client.isIgnored((list[next] as Finding).word)) next++;
    setIndex(next);
    setNote(next >= list.length ? t('dialogs:spell.complete') : null);
  }

  function replace(word: string): void {
    if (!current) return;
    const delta = replaceMisspelling(store, current, word);
    if (delta === null) {
      setNote(t('dialogs:spell.noLonger', { word: current.word, number: context?.number ?? '' }));
      advance(findings, index + 1);
      return;
    }
    // Later words of the same cue moved by the change in length.
    const list = findings.map((f, i) =>
      i > index && f.id === current.id && f.offset > current.offset ? { ...f, offset: f.offset + delta } : f,
    );
    setFindings(list);
    advance(list, index + 1);
  }

  async function addToDictionary(): Promise<void> {
    if (!current) return;
    try {
      await call('spellAddWord', { word: current.word });
      client.forget(current.word);
      advance(findings, index + 1);
    } catch (error) {
      setNote(error instanceof Error ? error.message : String(error));
    }
  }

  const done = phase.kind === 'ready' && current === null;
  return (
    <Modal title={t('dialogs:spell.title')} className="floating spell-dialog" onClose={() => store.closeDialog()}>
      <div className="dialog-form">
        {phase.kind === 'checking' && <p className="form-note">{t('dialogs:spell.checking')}</p>}
        {phase.kind === 'failed' && (
          <p role="alert" className="form-error">
            {phase.message}
          </p>
        )}
        {done && (
          <p className="form-note" aria-live="polite">
            {findings.length === 0 ? t('dialogs:spell.noneFound') : t('dialogs:spell.complete')}
          </p>
        )}
        {current && (
          <>
            <p className="spell-progress">
              {context
                ? t('dialogs:spell.progressCue', { index: index + 1, total: findings.length, number: context.number })
                : t('dialogs:spell.progress', { index: index + 1, total: findings.length })}
            </p>
            <p className="spell-context" translate="no">
              {context && context.at >= 0 ? (
                <>
                  {context.text.slice(0, context.at)}
                  <mark className="misspelt">{current.word}</mark>
                  {context.text.slice(context.at + current.length)}
                </>
              ) : (
                (context?.text ?? '')
              )}
            </p>
            <label className="field">
              <span className="field-label">{t('dialogs:spell.notInDictionary')}</span>
              <input type="text" aria-label={t('dialogs:spell.notInDictionary')} readOnly value={current.word} />
            </label>
            <label className="field">
              <span className="field-label">{t('dialogs:spell.replaceWith')}</span>
              <input
                type="text"
                aria-label={t('dialogs:spell.replaceWith')}
                value={replacement}
                onChange={(event) => setReplacement(event.target.value)}
              />
            </label>
            <ul className="spell-suggestions" aria-label={t('dialogs:spell.suggestions')}>
              {suggestions === null ? (
                <li className="muted">{t('dialogs:spell.looking')}</li>
              ) : suggestions.length === 0 ? (
                <li className="muted">{t('dialogs:spell.noSuggestions')}</li>
              ) : (
                suggestions.map((s) => (
                  <li key={s} translate="no">
                    <button
                      type="button"
                      className={s === replacement ? 'chosen' : undefined}
                      onClick={() => setReplacement(s)}
                      onDoubleClick={() => replace(s)}
                    >
                      {s}
                    </button>
                  </li>
                ))
              )}
            </ul>
          </>
        )}
        {note && !done && (
          <p className="form-note" aria-live="polite">
            {note}
          </p>
        )}
        <div className="dialog-buttons spell-buttons">
          <button type="button" disabled={!current} onClick={() => advance(findings, index + 1)}>
            {t('dialogs:spell.next')}
          </button>
          <button
            type="button"
            disabled={!current}
            onClick={() => {
              if (!current) return;
              setFindings(findings.filter((_, i) => i !== index));
              advance(
                findings.filter((_, i) => i !== index),
                index,
              );
            }}
          >
            {t('dialogs:spell.ignore')}
          </button>
          <button
            type="button"
            disabled={!current}
            onClick={() => {
              if (!current) return;
              client.ignore(current.word);
              advance(findings, index + 1);
            }}
          >
            {t('dialogs:spell.ignoreAll')}
          </button>
          <button type="button" disabled={!current} onClick={() => void addToDictionary()}>
            {t('dialogs:spell.addToDictionary')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={!current || replacement === '' || replacement === current.word}
            onClick={() => replace(replacement)}
          >
            {t('dialogs:spell.replace')}
          </button>
          <button type="button" onClick={() => store.closeDialog()}>
            {t('common:close')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
