/** Shift times: all cues, the selection, or from the selected cue on; by a duration or so the cue starts at the playhead. */
import { type FormEvent, useState } from 'react';
import { formatDuration, formatSrtTime, parseDuration } from '../../src-shared/time';
import { focusedCue, type ShiftScopeChoice, selectedIds, shift } from '../store/edit-actions';
import { useEditorStore } from '../store/use-store';
import { FormFooter } from './form-footer';
import { Modal } from './modal';

export function ShiftDialog() {
  const store = useEditorStore();
  const hasSelection = selectedIds(store).length > 0;
  const [scope, setScope] = useState<ShiftScopeChoice>('all');
  const [mode, setMode] = useState<'by' | 'playhead'>('by');
  const [amount, setAmount] = useState('+00:00:00,000');
  const [error, setError] = useState<string | null>(null);
  const cue = focusedCue(store);
  const playhead = store.getState().playheadMs;
  const toPlayhead = cue ? Math.round(playhead - cue.startMs) : null;

  function submit(event: FormEvent): void {
    event.preventDefault();
    const byMs = mode === 'by' ? parseDuration(amount) : toPlayhead;
    if (byMs === null) {
      setError(
        mode === 'by' ? `"${amount}" is not a duration (try +2.5s, -350ms or -00:00:01,250)` : 'Select a cue first',
      );
      return;
    }
    if ((scope !== 'all' || mode === 'playhead') && !hasSelection) {
      setError('Select a cue first');
      return;
    }
    shift(store, scope, byMs);
    store.closeDialog();
  }

  return (
    <Modal title="Shift times" onClose={() => store.closeDialog()}>
      <form onSubmit={submit} className="dialog-form">
        <fieldset>
          <legend>Cues</legend>
          {(
            [
              ['all', 'All cues'],
              ['selection', 'Selected cues'],
              ['from', 'From the selected cue on'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="shift-scope"
                value={value}
                checked={scope === value}
                disabled={value !== 'all' && !hasSelection}
                onChange={() => setScope(value)}
              />
              {label}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Amount</legend>
          <label className="choice">
            <input type="radio" name="shift-mode" checked={mode === 'by'} onChange={() => setMode('by')} />
            By a duration
          </label>
          <label className="field">
            <span className="field-label">Shift by</span>
            <input
              type="text"
              aria-label="Shift by"
              data-autofocus
              value={amount}
              disabled={mode !== 'by'}
              onChange={(event) => {
                setAmount(event.target.value);
                setError(null);
              }}
            />
          </label>
          <label className="choice">
            <input
              type="radio"
              name="shift-mode"
              checked={mode === 'playhead'}
              disabled={toPlayhead === null}
              onChange={() => setMode('playhead')}
            />
            So the selected cue starts at the playhead ({formatSrtTime(playhead)}
            {toPlayhead !== null ? `, ${formatDuration(toPlayhead)}` : ''})
          </label>
        </fieldset>
        <FormFooter error={error} submitLabel="Shift" onCancel={() => store.closeDialog()} />
      </form>
    </Modal>
  );
}
