/** Two-point sync: two reference cues and the start times they should have; every cue follows the same linear map. */
import { type FormEvent, useState } from 'react';
import type { Cue } from '../../src-shared/document';
import { formatSrtTime, parseTime } from '../../src-shared/time';
import { selectedIds, sync } from '../store/edit-actions';
import { useEditorStore } from '../store/use-store';
import { Modal } from './modal';

export function SyncDialog() {
  const store = useEditorStore();
  const doc = store.doc;
  const cues = doc?.cues ?? [];
  const ids = selectedIds(store);
  // Default references: the first and last selected cues, else the first and last cue.
  const firstDefault = ids.length >= 2 && doc ? doc.indexOf(ids[0] as number) + 1 : 1;
  const secondDefault = ids.length >= 2 && doc ? doc.indexOf(ids[ids.length - 1] as number) + 1 : cues.length;
  const [first, setFirst] = useState(String(firstDefault));
  const [second, setSecond] = useState(String(secondDefault));
  const cueOf = (text: string): Cue | undefined => cues[Number(text) - 1];
  const [firstTime, setFirstTime] = useState(formatSrtTime(cueOf(String(firstDefault))?.startMs ?? 0));
  const [secondTime, setSecondTime] = useState(formatSrtTime(cueOf(String(secondDefault))?.startMs ?? 0));
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent): void {
    event.preventDefault();
    const a = cueOf(first);
    const b = cueOf(second);
    if (!a || !b) {
      setError(`Cue numbers go from 1 to ${cues.length}`);
      return;
    }
    const ta = parseTime(firstTime);
    const tb = parseTime(secondTime);
    if (ta === null || tb === null) {
      setError('Type the new start times as HH:MM:SS,mmm');
      return;
    }
    const failure = sync(store, { id: a.id, newStartMs: ta }, { id: b.id, newStartMs: tb });
    if (failure) {
      setError(failure);
      return;
    }
    store.closeDialog();
  }

  const referenceRow = (
    label: string,
    number: string,
    setNumber: (value: string) => void,
    time: string,
    setTime: (value: string) => void,
  ) => {
    const cue = cueOf(number);
    return (
      <fieldset>
        <legend>{label}</legend>
        <label className="field">
          <span className="field-label">{label} cue</span>
          <input
            type="number"
            min={1}
            max={cues.length}
            aria-label={`${label} cue`}
            value={number}
            onChange={(event) => {
              setNumber(event.target.value);
              const next = cueOf(event.target.value);
              if (next) setTime(formatSrtTime(next.startMs));
              setError(null);
            }}
          />
        </label>
        <p className="muted">
          {cue ? `now starts ${formatSrtTime(cue.startMs)}: ${cue.text.split('\n')[0] ?? ''}` : 'no such cue'}
        </p>
        <label className="field">
          <span className="field-label">{label} new start</span>
          <input
            type="text"
            aria-label={`${label} new start`}
            value={time}
            onChange={(event) => {
              setTime(event.target.value);
              setError(null);
            }}
          />
        </label>
        <button type="button" onClick={() => setTime(formatSrtTime(store.getState().playheadMs))}>
          Use playhead
        </button>
      </fieldset>
    );
  };

  return (
    <Modal
      title="Two-point sync"
      description="Set where two cues far apart should start; all cues are stretched and moved to match (fixes offset and drift)."
      onClose={() => store.closeDialog()}
    >
      <form onSubmit={submit} className="dialog-form">
        {referenceRow('First', first, setFirst, firstTime, setFirstTime)}
        {referenceRow('Second', second, setSecond, secondTime, setSecondTime)}
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={() => store.closeDialog()}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Sync
          </button>
        </div>
      </form>
    </Modal>
  );
}
