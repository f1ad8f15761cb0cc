/** "Fix all <code>…" from the Problems panel: every change listed (cue, before, after) before it is applied as one undo step. */
import { type FormEvent, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { sayIn } from '../../src-shared/messages';
import { type FixableCode, fixNounMessage, planCodeFix } from '../../src-shared/problem-fixes';
import { getProfile } from '../../src-shared/profiles';
import { FormFooter } from '../dialogs/form-footer';
import { Modal } from '../dialogs/modal';
import { useEditorStore, useStore } from '../store/use-store';

const MAX_ROWS = 500;

export function FixCodeDialog({ code }: { code: FixableCode }) {
  const { t } = useTranslation();
  const store = useEditorStore();
  const file = useStore((s) => s.file);
  const profileName = useStore((s) => s.profile);
  const version = useStore((s) => s.validationVersion);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version marks a change inside the mutable validation
  const plan = useMemo(() => {
    const profile = getProfile(profileName) ?? getProfile('default');
    return file && profile ? planCodeFix(file.doc, code, file.validation.problems, profile) : null;
  }, [file, code, profileName, version]);

  function submit(event: FormEvent): void {
    event.preventDefault();
    if (!plan) return;
    store.execute(plan.command, { timing: true });
    store.setMessage(t('dialogs:fixCode.fixed', { what: sayIn(t, fixNounMessage(code, plan.rows.length)) }));
    store.closeDialog();
  }

  return (
    <Modal
      title={t('dialogs:fixCode.title', { code })}
      className="fix-code"
      description={t('dialogs:fixCode.description')}
      onClose={() => store.closeDialog()}
    >
      <form onSubmit={submit} className="dialog-form">
        {plan === null ? (
          <p className="form-note">{t('dialogs:fixCode.nothing')}</p>
        ) : (
          <>
            <p className="form-note">
              {t('dialogs:fixCode.toFix', { what: sayIn(t, fixNounMessage(code, plan.rows.length)) })}
            </p>
            <ul className="fix-review" aria-label={t('dialogs:review.changes')}>
              {plan.rows.slice(0, MAX_ROWS).map((row) => (
                <li key={row.id}>
                  <span className="fix-change">
                    <strong>{t('dialogs:cueNumber', { number: row.cue })}</strong>
                    <span className="fix-before" data-testid="before">
                      {sayIn(t, row.before)}
                    </span>
                    <span className="fix-arrow" aria-hidden="true">
                      →
                    </span>
                    <span className="visually-hidden">{t('dialogs:review.becomes')}</span>
                    <span className="fix-after" data-testid="after">
                      {sayIn(t, row.after)}
                    </span>
                  </span>
                </li>
              ))}
              {plan.rows.length > MAX_ROWS && (
                <li className="muted">{t('dialogs:review.more', { count: plan.rows.length - MAX_ROWS })}</li>
              )}
            </ul>
            {plan.left.length > 0 && (
              <p className="form-note">
                {t('dialogs:fixCode.left', {
                  items: plan.left
                    .slice(0, 3)
                    .map((left) => sayIn(t, left))
                    .join(t('validation:list.semicolon')),
                })}
              </p>
            )}
          </>
        )}
        <FormFooter
          submitLabel={t('common:apply')}
          submitDisabled={plan === null}
          onCancel={() => store.closeDialog()}
        />
      </form>
    </Modal>
  );
}
