/**
 * Timing post-processor (after Aegisub's): lead-in / lead-out, chaining cues separated by a small gap, the
 * profile's minimum gap and minimum duration, each with a checkbox; a preview list of every change (before →
 * after, and why); Apply runs them all as one undo step.
 */
import { type FormEvent, useMemo, useState } from 'react';
import { formatSrtTime } from '../../src-shared/time';
import type { PostProcessOptions } from '../../src-shared/timing/post-process';
import { FormFooter } from '../dialogs/form-footer';
import { Modal } from '../dialogs/modal';
import { useEditorStore, useStore } from '../store/use-store';
import { applyPostProcess, postProcessPlan, postProcessProfile } from './post-process-actions';

/** Rows the preview lists; the rest are counted below it (Apply still changes them). */
const MAX_ROWS = 5000;
/** The largest amount a field takes, in ms. */
const MAX_MS = 60_000;

type AmountStep = 'leadIn' | 'leadOut' | 'chain';

const AMOUNT_STEPS: ReadonlyArray<{ step: AmountStep; label: string; field: string }> = [
  { step: 'leadIn', label: 'Add lead-in', field: 'Lead-in (ms)' },
  { step: 'leadOut', label: 'Add lead-out', field: 'Lead-out (ms)' },
  { step: 'chain', label: 'Chain cues whose gap is under', field: 'Chain threshold (ms)' },
];

/** A whole number of ms from 1 to MAX_MS typed in a field ("120", "120 ms"), or null. */
export function parseAmountMs(text: string): number | null {
  const trimmed = text.trim().replace(/\s*ms$/i, '');
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= 1 && value <= MAX_MS ? value : null;
}

export function PostProcessDialog() {
  const store = useEditorStore();
  const docVersion = useStore((s) => s.docVersion);
  // Read on every render: the store's profile may change while the dialog is open.
  useStore((s) => s.profile);
  const profile = postProcessProfile(store);
  const [on, setOn] = useState<Record<AmountStep, boolean>>({ leadIn: false, leadOut: false, chain: true });
  const [amounts, setAmounts] = useState<Record<AmountStep, string>>({ leadIn: '100', leadOut: '100', chain: '300' });
  const [minGap, setMinGap] = useState(profile.minGapMs > 0);
  const [minDuration, setMinDuration] = useState(true);

  const invalid = AMOUNT_STEPS.filter(({ step }) => on[step] && parseAmountMs(amounts[step]) === null);
  const amount = (step: AmountStep) => (on[step] ? (parseAmountMs(amounts[step]) ?? 0) : 0);
  const options: PostProcessOptions = {
    leadInMs: amount('leadIn'),
    leadOutMs: amount('leadOut'),
    chainGapUnderMs: amount('chain'),
    enforceMinGap: minGap && profile.minGapMs > 0,
    enforceMinDuration: minDuration && profile.minDurationMs > 0,
  };
  const key = JSON.stringify(options);
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-planned when the options (key) or the document change
  const plan = useMemo(
    () => (invalid.length > 0 ? null : postProcessPlan(store, options)),
    [store, key, invalid.length, docVersion, profile],
  );
  const changes = plan?.changes ?? [];

  function submit(event: FormEvent): void {
    event.preventDefault();
    if (invalid.length > 0 || changes.length === 0) return;
    applyPostProcess(store, options);
    store.closeDialog();
  }

  return (
    <Modal
      title="Timing post-processor"
      className="post-process"
      description={`Adjusts the timing of every cue in steps, each optional, against the ${profile.label} profile. No step makes cues overlap; touching cues stay touching. Review the changes before applying.`}
      onClose={() => store.closeDialog()}
    >
      <form onSubmit={submit} className="dialog-form">
        <fieldset>
          <legend>Steps</legend>
          {AMOUNT_STEPS.map(({ step, label, field }) => (
            <div key={step} className="post-process-step">
              <label className="choice">
                <input
                  type="checkbox"
                  checked={on[step]}
                  onChange={(event) => setOn((current) => ({ ...current, [step]: event.target.checked }))}
                />
                {label}
              </label>
              <input
                type="text"
                inputMode="numeric"
                className="post-process-amount"
                aria-label={field}
                value={amounts[step]}
                disabled={!on[step]}
                onChange={(event) => setAmounts((current) => ({ ...current, [step]: event.target.value }))}
              />
              <span className="muted">ms</span>
            </div>
          ))}
          <label className="choice">
            <input
              type="checkbox"
              checked={minGap && profile.minGapMs > 0}
              disabled={profile.minGapMs === 0}
              onChange={(event) => setMinGap(event.target.checked)}
            />
            {profile.minGapMs > 0
              ? `Enforce the minimum gap (${profile.minGapMs} ms)`
              : 'Enforce the minimum gap (the profile has none)'}
          </label>
          <label className="choice">
            <input
              type="checkbox"
              checked={minDuration && profile.minDurationMs > 0}
              disabled={profile.minDurationMs === 0}
              onChange={(event) => setMinDuration(event.target.checked)}
            />
            {`Enforce the minimum duration (${profile.minDurationMs} ms)`}
          </label>
          {invalid.length > 0 && (
            <p role="alert" className="form-error">
              Type {invalid.map(({ field }) => field.replace(' (ms)', '').toLowerCase()).join(' and ')} as a whole
              number of milliseconds (1 to {MAX_MS})
            </p>
          )}
        </fieldset>
        <p className="form-note" aria-live="polite">
          {plan === null
            ? 'Nothing to preview until every amount is a number.'
            : changes.length === 0
              ? 'Nothing to change with these steps.'
              : `${changes.length} ${changes.length === 1 ? 'cue changes' : 'cues change'}`}
        </p>
        {changes.length > 0 && (
          <ul className="snap-review post-process-review" aria-label="Changes">
            {changes.slice(0, MAX_ROWS).map((change) => (
              <li key={change.id}>
                <strong>Cue {change.number}</strong>: {formatSrtTime(change.beforeStartMs)} -{'->'}{' '}
                {formatSrtTime(change.beforeEndMs)} → {formatSrtTime(change.afterStartMs)} -{'->'}{' '}
                {formatSrtTime(change.afterEndMs)} <span className="muted">({change.reason})</span>
              </li>
            ))}
            {changes.length > MAX_ROWS && (
              <li className="muted">…and {changes.length - MAX_ROWS} more (Apply changes them too)</li>
            )}
          </ul>
        )}
        <FormFooter
          submitLabel="Apply"
          submitDisabled={plan === null || changes.length === 0}
          onCancel={() => store.closeDialog()}
        />
      </form>
    </Modal>
  );
}
