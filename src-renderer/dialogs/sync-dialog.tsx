/**
 * Two-point sync: two reference cues and the start times they should have; every cue in scope (all, or from a cue
 * on) follows the same linear map. The panel docks beside the timeline, so cues can be picked in the list or the
 * timeline, the playhead moved and the shortcuts used while it is open: "Use selected cue" and "Use playhead" take
 * them over.
 */
import { type FormEvent, useState } from 'react';
import type { Cue } from '../../src-shared/document';
import type { CueScope } from '../../src-shared/edits';
import { formatSrtTime, parseTime } from '../../src-shared/time';
import { focusedCue, selectedIds, sync } from '../store/edit-actions';
import { useEditorStore, useStore } from '../store/use-store';
import { DockPanel } from './dock-panel';
import { FormFooter } from './form-footer';

type SyncScopeChoice = 'all' | 'from';

export function SyncDialog() {
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
      setError(`Cue numbers go from 1 to ${cues.length}`);
      return;
    }
    const ta = parseTime(firstTime);
    const tb = parseTime(secondTime);
    if (ta === null || tb === null) {
      setError('Type the new start times as HH:MM:SS,mmm');
      return;
    }
    let syncScope: CueScope = 'all';
    if (scope === 'from') {
      const from = cueOf(fromCue);
      if (!from) {
        setError(`"From cue" must be a cue number from 1 to ${cues.length}`);
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
    label: string,
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
      if (label === 'First' && scope === 'all') setFromCue(value);
      setError(null);
    };
    return (
      <fieldset>
        <legend>{label} point</legend>
        <div className="sync-point">
          <label className="field">
            <span className="field-label">{label} cue</span>
            <input
              type="number"
              min={1}
              max={cues.length}
              aria-label={`${label} cue`}
              value={number}
              onChange={(event) => pick(event.target.value)}
            />
          </label>
          <button
            type="button"
            aria-label={`Use selected cue as the ${label.toLowerCase()} cue`}
            disabled={pickedNumber === null}
            onClick={() => pickedNumber !== null && pick(String(pickedNumber))}
          >
            Use selected cue
          </button>
        </div>
        <p className="muted">
          {cue ? `now starts ${formatSrtTime(cue.startMs)}: ${cue.text.split('\n')[0] ?? ''}` : 'no such cue'}
        </p>
        <div className="sync-point">
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
          <button
            type="button"
            aria-label={`Use playhead as the ${label.toLowerCase()} new start`}
            onClick={() => {
              setTime(formatSrtTime(store.getState().playheadMs));
              setError(null);
            }}
          >
            Use playhead
          </button>
        </div>
      </fieldset>
    );
  };

  return (
    <DockPanel
      title="Two-point sync"
      className="sync"
      description="Set where two cues far apart should start; the cues are stretched and moved to match (fixes offset and drift). You can pick cues and move the playhead while this is open."
      onClose={() => store.closeDialog()}
    >
      <form onSubmit={submit} className="dialog-form">
        <p className="form-note" data-testid="sync-playhead">
          Playhead {formatSrtTime(playheadMs)}
          {pickedNumber !== null ? ` · selected cue ${pickedNumber}` : ''}
        </p>
        {referenceRow('First', first, setFirst, firstTime, setFirstTime)}
        {referenceRow('Second', second, setSecond, secondTime, setSecondTime)}
        <fieldset>
          <legend>Cues to move</legend>
          <label className="choice">
            <input type="radio" name="sync-scope" checked={scope === 'all'} onChange={() => setScope('all')} />
            All cues
          </label>
          <div className="sync-point">
            <label className="choice">
              <input type="radio" name="sync-scope" checked={scope === 'from'} onChange={() => setScope('from')} />
              From a cue on (partial sync)
            </label>
            <label className="field">
              <span className="field-label">From cue</span>
              <input
                type="number"
                min={1}
                max={cues.length}
                aria-label="From cue"
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
        <FormFooter error={error} submitLabel="Sync" onCancel={() => store.closeDialog()} />
      </form>
    </DockPanel>
  );
}
