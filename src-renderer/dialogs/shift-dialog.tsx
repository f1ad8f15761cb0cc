/** Shift times: all cues, the selection, or from the selected cue on; by a duration or so the cue starts at the playhead. */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatSrtTime, parseDuration } from '../../src-shared/time';
import { focusedCue, type ShiftScopeChoice, selectedIds, shift } from '../store/edit-actions';
import { useEditorStore } from '../store/use-store';
import { formatOffset } from '../sync/sync-format';
import { FormFooter } from './form-footer';
import { Modal } from './modal';

export function ShiftDialog() {
  const { t } = useTranslation();
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
      setError(mode === 'by' ? t('dialogs:shift.notDuration', { text: amount }) : t('dialogs:shift.selectFirst'));
      return;
    }
    if ((scope !== 'all' || mode === 'playhead') && !hasSelection) {
      setError(t('dialogs:shift.selectFirst'));
      return;
    }
    shift(store, scope, byMs);
    store.closeDialog();
  }

  return (
    <Modal title={t('dialogs:shift.title')} onClose={() => store.closeDialog()}>
      <form onSubmit={submit} className="dialog-form">
        <fieldset>
          <legend>{t('dialogs:scope.legend')}</legend>
          {(
            [
              ['all', t('dialogs:scope.all')],
              ['selection', t('dialogs:scope.selected')],
              ['from', t('dialogs:shift.from')],
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
          <legend>{t('dialogs:shift.amount')}</legend>
          <label className="choice">
            <input type="radio" name="shift-mode" checked={mode === 'by'} onChange={() => setMode('by')} />
            {t('dialogs:shift.byDuration')}
          </label>
          <label className="field">
            <span className="field-label">{t('dialogs:shift.shiftBy')}</span>
            <input
              type="text"
              aria-label={t('dialogs:shift.shiftBy')}
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
            {toPlayhead === null
              ? t('dialogs:shift.toPlayhead', { time: formatSrtTime(playhead) })
              : t('dialogs:shift.toPlayheadBy', { time: formatSrtTime(playhead), delta: formatOffset(toPlayhead) })}
          </label>
        </fieldset>
        <FormFooter error={error} submitLabel={t('dialogs:shift.submit')} onCancel={() => store.closeDialog()} />
      </form>
    </Modal>
  );
}
