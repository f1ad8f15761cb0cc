/**
 * Timing post-processor (after Aegisub's): lead-in / lead-out, chaining cues separated by a small gap, the
 * profile's minimum gap and minimum duration, each with a checkbox; a preview list of every change (before →
 * after, and why); Apply runs them all as one undo step.
 */
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Translate } from '../../src-shared/i18n/translator';
import { sayIn } from '../../src-shared/messages';
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

export type AmountStep = 'leadIn' | 'leadOut' | 'chain';

/** The steps with an amount, in the order the dialog lists them (their words: `dialogs:postProcess.<step>`). */
const AMOUNT_STEPS: readonly AmountStep[] = ['leadIn', 'leadOut', 'chain'];

/** What the dialog says when some amounts are not numbers: the steps named, in order, in one sentence. */
export function invalidAmountsText(steps: readonly AmountStep[], t: Translate): string {
  const fields = steps
    .map((step) => t(`dialogs:postProcess.${step}.name`))
    .reduce((first, second) => t('dialogs:postProcess.and', { first, second }));
  return t('dialogs:postProcess.invalid', { fields, max: MAX_MS });
}

/** A whole number of ms from 1 to MAX_MS typed in a field ("120", "120 ms"), or null. */
export function parseAmountMs(text: string): number | null {
  const trimmed = text.trim().replace(/\s*ms$/i, '');
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= 1 && value <= MAX_MS ? value : null;
}

export function PostProcessDialog() {
  const { t } = useTranslation();
  const store = useEditorStore();
  const docVersion = useStore((s) => s.docVersion);
  // Read on every render: the store's profile may change while the dialog is open.
  useStore((s) => s.profile);
  const profile = postProcessProfile(store);
  const [on, setOn] = useState<Record<AmountStep, boolean>>({ leadIn: false, leadOut: false, chain: true });
  const [amounts, setAmounts] = useState<Record<AmountStep, string>>({ leadIn: '100', leadOut: '100', chain: '300' });
  const [minGap, setMinGap] = useState(profile.minGapMs > 0);
  const [minDuration, setMinDuration] = useState(true);

  const invalid = AMOUNT_STEPS.filter((step) => on[step] && parseAmountMs(amounts[step]) === null);
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
      title={t('dialogs:postProcess.title')}
      className="post-process"
      description={t('dialogs:postProcess.description', { profile: profile.label })}
      onClose={() => store.closeDialog()}
    >
      <form onSubmit={submit} className="dialog-form">
        <fieldset>
          <legend>{t('dialogs:postProcess.steps')}</legend>
          {AMOUNT_STEPS.map((step) => (
            <div key={step} className="post-process-step">
              <label className="choice">
                <input
                  type="checkbox"
                  checked={on[step]}
                  onChange={(event) => setOn((current) => ({ ...current, [step]: event.target.checked }))}
                />
                {t(`dialogs:postProcess.${step}.label`)}
              </label>
              <input
                type="text"
                inputMode="numeric"
                className="post-process-amount"
                aria-label={t(`dialogs:postProcess.${step}.field`)}
                value={amounts[step]}
                disabled={!on[step]}
                onChange={(event) => setAmounts((current) => ({ ...current, [step]: event.target.value }))}
              />
              <span className="muted">{t('dialogs:postProcess.ms')}</span>
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
              ? t('dialogs:postProcess.minGap', { ms: profile.minGapMs })
              : t('dialogs:postProcess.minGapNone')}
          </label>
          <label className="choice">
            <input
              type="checkbox"
              checked={minDuration && profile.minDurationMs > 0}
              disabled={profile.minDurationMs === 0}
              onChange={(event) => setMinDuration(event.target.checked)}
            />
            {t('dialogs:postProcess.minDuration', { ms: profile.minDurationMs })}
          </label>
          {invalid.length > 0 && (
            <p role="alert" className="form-error">
              {invalidAmountsText(invalid, t)}
            </p>
          )}
        </fieldset>
        <p className="form-note" aria-live="polite">
          {plan === null
            ? t('dialogs:postProcess.waiting')
            : changes.length === 0
              ? t('dialogs:postProcess.nothing')
              : t('dialogs:review.cuesChange', { count: changes.length })}
        </p>
        {changes.length > 0 && (
          <ul className="snap-review post-process-review" aria-label={t('dialogs:review.changes')}>
            {changes.slice(0, MAX_ROWS).map((change) => (
              <li key={change.id}>
                <strong>{t('dialogs:cueNumber', { number: change.number })}</strong>
                {t('dialogs:postProcess.times', {
                  before: `${formatSrtTime(change.beforeStartMs)} --> ${formatSrtTime(change.beforeEndMs)}`,
                  after: `${formatSrtTime(change.afterStartMs)} --> ${formatSrtTime(change.afterEndMs)}`,
                })}{' '}
                <span className="muted">({sayIn(t, change.reason)})</span>
              </li>
            ))}
            {changes.length > MAX_ROWS && (
              <li className="muted">{t('dialogs:postProcess.moreApply', { count: changes.length - MAX_ROWS })}</li>
            )}
          </ul>
        )}
        <FormFooter
          submitLabel={t('common:apply')}
          submitDisabled={plan === null || changes.length === 0}
          onCancel={() => store.closeDialog()}
        />
      </form>
    </Modal>
  );
}
