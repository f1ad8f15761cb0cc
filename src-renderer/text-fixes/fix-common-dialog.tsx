/**
 * Fix common errors: each rule on or off (remembered in the settings), a preview of every change with its
 * before and after and a checkbox each, applied together as one undo step. Planning runs in slices, so a huge
 * file shows progress instead of freezing the window.
 */
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sayIn } from '../../src-shared/messages';
import {
  FIX_RULES,
  ruleDescription,
  ruleLabel,
  type TextFixChange,
  type TextRuleId,
} from '../../src-shared/text-fixes';
import { FormFooter } from '../dialogs/form-footer';
import { Modal } from '../dialogs/modal';
import { useEditorStore, useStore } from '../store/use-store';
import { applyTextFixes, planInSlices, saveFixRules } from './fix-common-actions';

/** Preview rows in the DOM at most; the rest follow Accept all / Accept none. */
const MAX_ROWS = 500;

/** A text as one visible line: line breaks shown as ⏎. */
function shown(text: string): string {
  return text.replace(/\n/g, ' ⏎ ');
}

export function FixCommonDialog() {
  const { t } = useTranslation();
  const store = useEditorStore();
  const file = useStore((s) => s.file);
  const docVersion = useStore((s) => s.docVersion);
  const rules = useStore((s) => s.fixRules);
  const [changes, setChanges] = useState<TextFixChange[] | null>(null);
  const [progress, setProgress] = useState(0);
  const [excluded, setExcluded] = useState<ReadonlySet<number>>(new Set());
  const on = useMemo(() => new Set(rules), [rules]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: docVersion marks a change inside the mutable document
  useEffect(() => {
    if (!file) return;
    setChanges(null);
    setProgress(0);
    setExcluded(new Set());
    const handle = planInSlices(file.doc, rules, setProgress);
    void handle.done.then((planned) => {
      if (planned) setChanges(planned);
    });
    return () => handle.cancel();
  }, [file, rules, docVersion]);

  const accepted = changes?.filter((change) => !excluded.has(change.id)) ?? [];

  function toggleRule(id: TextRuleId, checked: boolean): void {
    const next = FIX_RULES.map((r) => r.id).filter((r) => (r === id ? checked : on.has(r)));
    saveFixRules(store, next);
  }

  function toggle(id: number, checked: boolean): void {
    const next = new Set(excluded);
    if (checked) next.delete(id);
    else next.add(id);
    setExcluded(next);
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    if (accepted.length === 0) return;
    applyTextFixes(store, accepted);
    store.closeDialog();
  }

  return (
    <Modal
      title={t('dialogs:fixCommon.title')}
      className="fix-common"
      description={t('dialogs:fixCommon.description')}
      onClose={() => store.closeDialog()}
    >
      <form onSubmit={submit} className="dialog-form">
        <fieldset className="fix-rules">
          <legend>{t('dialogs:fixCommon.rules')}</legend>
          {FIX_RULES.map((rule) => (
            <label key={rule.id} className="choice" title={sayIn(t, ruleDescription(rule.id))}>
              <input
                type="checkbox"
                checked={on.has(rule.id)}
                onChange={(e) => toggleRule(rule.id, e.target.checked)}
              />
              <span>
                {sayIn(t, ruleLabel(rule.id))}
                {!rule.defaultOn && <span className="muted"> {t('dialogs:fixCommon.optional')}</span>}
              </span>
            </label>
          ))}
        </fieldset>
        {changes === null ? (
          <p className="form-note" aria-live="polite">
            {t('dialogs:fixCommon.looking', { percent: Math.round(progress * 100) })}
          </p>
        ) : (
          <>
            <div className="review-head">
              <p className="form-note" aria-live="polite">
                {changes.length === 0
                  ? t('dialogs:fixCommon.nothing')
                  : t('dialogs:fixCommon.accepted', { accepted: accepted.length, count: changes.length })}
              </p>
              <button type="button" disabled={changes.length === 0} onClick={() => setExcluded(new Set())}>
                {t('dialogs:review.acceptAll')}
              </button>
              <button
                type="button"
                disabled={changes.length === 0}
                onClick={() => setExcluded(new Set(changes.map((change) => change.id)))}
              >
                {t('dialogs:review.acceptNone')}
              </button>
            </div>
            {changes.length > 0 && (
              <ul className="fix-review" aria-label={t('dialogs:review.proposed')}>
                {changes.slice(0, MAX_ROWS).map((change) => (
                  <li key={change.id}>
                    <label className="choice">
                      <input
                        type="checkbox"
                        aria-label={t('dialogs:cueNumber', { number: change.position + 1 })}
                        checked={!excluded.has(change.id)}
                        onChange={(event) => toggle(change.id, event.target.checked)}
                      />
                      <span className="fix-change">
                        <strong>{t('dialogs:cueNumber', { number: change.position + 1 })}</strong>
                        <span className="fix-rule-names">
                          {change.rules.map((id) => sayIn(t, ruleLabel(id))).join(t('validation:list.comma'))}
                        </span>
                        <span className="fix-before" data-testid="before" translate="no">
                          {shown(change.before)}
                        </span>
                        <span className="fix-arrow" aria-hidden="true">
                          →
                        </span>
                        <span className="visually-hidden">{t('dialogs:review.becomes')}</span>
                        {change.after === null ? (
                          <span className="fix-after removed" data-testid="after">
                            {t('dialogs:fixCommon.deleted')}
                          </span>
                        ) : (
                          <span className="fix-after" data-testid="after" translate="no">
                            {shown(change.after)}
                          </span>
                        )}
                      </span>
                    </label>
                  </li>
                ))}
                {changes.length > MAX_ROWS && (
                  <li className="muted">{t('dialogs:review.moreFollow', { count: changes.length - MAX_ROWS })}</li>
                )}
              </ul>
            )}
          </>
        )}
        <FormFooter
          submitLabel={t('common:apply')}
          submitDisabled={accepted.length === 0}
          onCancel={() => store.closeDialog()}
        />
      </form>
    </Modal>
  );
}
