/**
 * Two-point sync: two reference cues and the start times they should have; every cue in scope (all, or from a cue
 * on) follows the same linear map. The panel docks beside the timeline, so cues can be picked in the list or the
 * timeline, the playhead moved and the shortcuts used while it is open: "Use selected cue" and "Use playhead" take
 * them over.
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cue } from '../../src-shared/document';
import type { CueScope } from '../../src-shared/edits';
import { formatSrtTime, parseTime } from '../../src-shared/time';
import { focusedCue, selectedIds, sync } from '../store/edit-actions';
import { useEditorStore, useStore } from '../store/use-store';
import { DockPanel } from './dock-panel';
import { FormFooter } from './form-footer';

type SyncScopeChoice = 'all' | 'from';

export function SyncDialog() {
  const { t } = useTranslation();
  const store = useEditorStore();
  const doc = store.doc;
  // Re-render on edits (cue numbers and their times are shown) and on playhead and selection changes.
  useStore((s) => s.docVersion);
  useStore((s) => s.selection);
  const playheadMs = useStore((s) => s.playheadMs);
  const cues = doc?.cues ?? [];
  const [defaults] = useState(() => {
    const ids = selectedIds(store);
    // Default references: the first and last selected cues, else the first and last cue.
    const first = ids.length >= 2 && doc ? doc.indexOf(ids[0] as number) + 1 : 1;
    const second = ids.length >= 2 && doc ? doc.indexOf(ids[ids.length - 1] as number) + 1 : cues.length;
    return { first, second };
  });
  const cueOf = (text: string): Cue | undefined => cues[Number(text) - 1];
  const [first, setFirst] = useState(String(defaults.first));
  const [second, setSecond] = useState(String(defaults.second));
  const [firstTime, setFirstTime] = useState(formatSrtTime(cueOf(String(defaults.first))?.startMs ?? 0));
  const [secondTime, setSecondTime] = useState(formatSrtTime(cueOf(String(defaults.second))?.startMs ?? 0));
  const [scope, setScope] = useState<SyncScopeChoice>('all');
  const [fromCue, setFromCue] = useState(String(defaults.first));
  const [error, setError] = useState<string | null>(null);
  const picked = focusedCue(store);
  const pickedNumber = picked && doc ? doc.indexOf(picked.id) + 1 : null;

  function submit(event: FormEvent): void {
    event.preventDefault();
    const a = cueOf(first);
    const b = cueOf(second);
    if (!a || !b) {
      setError(t('dialogs:twoPoint.cueRange', { max: cues.length }));
      return;
    }
    const ta = parseTime(firstTime);
    const tb = parseTime(secondTime);
    if (ta === null || tb === null) {
      setError(t('dialogs:twoPoint.timeFormat'));
      return;
    }
    let syncScope: CueScope = 'all';
    if (scope === 'from') {
      const from = cueOf(fromCue);
      if (!from) {
        setError(t('dialogs:twoPoint.fromRange', { max: cues.length }));
        return;
      }
      syncScope = { fromId: from.id };
    }
    const failure = sync(store, { id: a.id, newStartMs: ta }, { id: b.id, newStartMs: tb }, syncScope);
    if (failure) {
      setError(failure);
      return;
    }
    store.closeDialog();
  }

  const referenceRow = (
    which: 'first' | 'second',
    number: string,
    setNumber: (value: string) => void,
    time: string,
    setTime: (value: string) => void,
  ) => {
    const cue = cueOf(number);
    const pick = (value: string) => {
      setNumber(value);
      const next = cueOf(value);
      if (next) setTime(formatSrtTime(next.startMs));
      if (which === 'first' && scope === 'all') setFromCue(value);
      setError(null);
    };
    return (
      <fieldset>
        <legend>{t(`dialogs:twoPoint.${which}.legend`)}</legend>
        <div className="sync-point">
          <label className="field">
            <span className="field-label">{t(`dialogs:twoPoint.${which}.cue`)}</span>
            <input
              type="number"
              min={1}
              max={cues.length}
              aria-label={t(`dialogs:twoPoint.${which}.cue`)}
              value={number}
              onChange={(event) => pick(event.target.value)}
            />
          </label>
          <button
            type="button"
            aria-label={t(`dialogs:twoPoint.${which}.useSelected`)}
            disabled={pickedNumber === null}
            onClick={() => pickedNumber !== null && pick(String(pickedNumber))}
          >
            {t('dialogs:twoPoint.useSelected')}
          </button>
        </div>
        <p className="muted">
          {cue
            ? t('dialogs:twoPoint.nowStarts', { time: formatSrtTime(cue.startMs), text: cue.text.split('\n')[0] ?? '' })
            : t('dialogs:twoPoint.noSuchCue')}
        </p>
        <div className="sync-point">
          <label className="field">
            <span className="field-label">{t(`dialogs:twoPoint.${which}.newStart`)}</span>
            <input
              type="text"
              aria-label={t(`dialogs:twoPoint.${which}.newStart`)}
              value={time}
              onChange={(event) => {
                setTime(event.target.value);
                setError(null);
              }}
            />
          </label>
          <button
            type="button"
            aria-label={t(`dialogs:twoPoint.${which}.usePlayhead`)}
            onClick={() => {
              setTime(formatSrtTime(store.getState().playheadMs));
              setError(null);
            }}
          >
            {t('dialogs:twoPoint.usePlayhead')}
          </button>
        </div>
      </fieldset>
    );
  };

  return (
    <DockPanel
      title={t('dialogs:twoPoint.title')}
      className="sync"
      description={t('dialogs:twoPoint.description')}
      onClose={() => store.closeDialog()}
    >
      <form onSubmit={submit} className="dialog-form">
        <p className="form-note" data-testid="sync-playhead">
          {pickedNumber === null
            ? t('dialogs:twoPoint.playhead', { time: formatSrtTime(playheadMs) })
            : t('dialogs:twoPoint.playheadSelected', { time: formatSrtTime(playheadMs), number: pickedNumber })}
        </p>
        {referenceRow('first', first, setFirst, firstTime, setFirstTime)}
        {referenceRow('second', second, setSecond, secondTime, setSecondTime)}
        <fieldset>
          <legend>{t('dialogs:twoPoint.cuesToMove')}</legend>
          <label className="choice">
            <input type="radio" name="sync-scope" checked={scope === 'all'} onChange={() => setScope('all')} />
            {t('dialogs:scope.all')}
          </label>
          <div className="sync-point">
            <label className="choice">
              <input type="radio" name="sync-scope" checked={scope === 'from'} onChange={() => setScope('from')} />
              {t('dialogs:twoPoint.fromOn')}
            </label>
            <label className="field">
              <span className="field-label">{t('dialogs:twoPoint.fromCue')}</span>
              <input
                type="number"
                min={1}
                max={cues.length}
                aria-label={t('dialogs:twoPoint.fromCue')}
                value={fromCue}
                disabled={scope !== 'from'}
                onChange={(event) => {
                  setFromCue(event.target.value);
                  setError(null);
                }}
              />
            </label>
          </div>
        </fieldset>
        <FormFooter error={error} submitLabel={t('dialogs:twoPoint.submit')} onCancel={() => store.closeDialog()} />
      </form>
    </DockPanel>
  );
}
