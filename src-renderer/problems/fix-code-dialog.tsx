/** "Fix all <code>…" from the Problems panel: every change listed (cue, before, after) before it is applied as one undo step. */
import { type FormEvent, useMemo } from 'react';
import { type FixableCode, fixNoun, planCodeFix } from '../../src-shared/problem-fixes';
import { getProfile } from '../../src-shared/profiles';
import { FormFooter } from '../dialogs/form-footer';
import { Modal } from '../dialogs/modal';
import { useEditorStore, useStore } from '../store/use-store';

const MAX_ROWS = 500;

export function FixCodeDialog({ code }: { code: FixableCode }) {
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
    store.setMessage(`Fixed ${fixNoun(code, plan.rows.length)}`);
    store.closeDialog();
  }

  return (
    <Modal
      title={`Fix all ${code}`}
      className="fix-code"
      description="These changes are applied together, as one undo step."
      onClose={() => store.closeDialog()}
    >
      <form onSubmit={submit} className="dialog-form">
        {plan === null ? (
          <p className="form-note">Nothing here can be fixed automatically.</p>
        ) : (
          <>
            <p className="form-note">{`${fixNoun(code, plan.rows.length)} to fix`}</p>
            <ul className="fix-review" aria-label="Changes">
              {plan.rows.slice(0, MAX_ROWS).map((row) => (
                <li key={row.id}>
                  <span className="fix-change">
                    <strong>Cue {row.cue}</strong>
                    <span className="fix-before" data-testid="before">
                      {row.before}
                    </span>
                    <span className="fix-arrow" aria-hidden="true">
                      →
                    </span>
                    <span className="visually-hidden">becomes</span>
                    <span className="fix-after" data-testid="after">
                      {row.after}
                    </span>
                  </span>
                </li>
              ))}
              {plan.rows.length > MAX_ROWS && <li className="muted">…and {plan.rows.length - MAX_ROWS} more</li>}
            </ul>
            {plan.left.length > 0 && <p className="form-note">{`Left for you: ${plan.left.slice(0, 3).join('; ')}`}</p>}
          </>
        )}
        <FormFooter submitLabel="Apply" submitDisabled={plan === null} onCancel={() => store.closeDialog()} />
      </form>
    </Modal>
  );
}
