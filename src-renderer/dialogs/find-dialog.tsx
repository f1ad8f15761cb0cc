/** Find and replace in cue text, plain or regular expression (linear-time RE2, never freezes); Replace all is one undo step. */
import { type FormEvent, useState } from 'react';
import type { SearchPattern } from '../../src-shared/find/search-pattern';
import { count as plural } from '../../src-shared/plural';
import { compilePattern, findNext, replaceAll, replaceInCue } from '../store/edit-actions';
import { useEditorStore } from '../store/use-store';
import { Modal } from './modal';

export function FindDialog({ replace }: { replace: boolean }) {
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
      setNote('No match');
      return -1;
    }
    const id = doc.cues[position]?.id as number;
    store.select(id, 'replace', true);
    setNote(`Cue ${position + 1}`);
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

  function all(): void {
    const compiled = pattern();
    if (!compiled) return;
    const count = replaceAll(store, compiled, replacement);
    setNote(count === 0 ? 'No match' : `Replaced in ${plural(count, 'cue')}`);
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    next();
  }

  return (
    <Modal title={replace ? 'Find and replace' : 'Find'} className="floating" onClose={() => store.closeDialog()}>
      <form className="dialog-form" onSubmit={submit}>
        <label className="field">
          <span className="field-label">Find</span>
          <input
            type="text"
            aria-label="Find"
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
            <span className="field-label">Replace with</span>
            <input
              type="text"
              aria-label="Replace with"
              value={replacement}
              onChange={(event) => setReplacement(event.target.value)}
            />
          </label>
        )}
        <div className="choices">
          <label className="choice">
            <input type="checkbox" checked={regex} onChange={(event) => setRegex(event.target.checked)} />
            Regular expression
          </label>
          <label className="choice">
            <input type="checkbox" checked={matchCase} onChange={(event) => setMatchCase(event.target.checked)} />
            Match case
          </label>
        </div>
        <p className="form-note" aria-live="polite">
          {note}
        </p>
        <div className="dialog-buttons">
          <button type="button" onClick={() => store.closeDialog()}>
            Close
          </button>
          {replace && (
            <>
              <button type="button" onClick={replaceOne}>
                Replace
              </button>
              <button type="button" onClick={all}>
                Replace all
              </button>
            </>
          )}
          <button type="submit" className="primary">
            Find next
          </button>
        </div>
      </form>
    </Modal>
  );
}
