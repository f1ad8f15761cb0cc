/** Renders the open dialog, if any. */
import { useTranslation } from 'react-i18next';
import type { CommandId, CommandSpec } from '../commands';
import { LineDialog } from '../line-breaking/line-dialog';
import { FixCodeDialog } from '../problems/fix-code-dialog';
import { ShortcutEditor } from '../shortcuts/shortcut-editor';
import { SpellDialog } from '../spell/spell-dialog';
import { useStore } from '../store/use-store';
import { FixCommonDialog } from '../text-fixes/fix-common-dialog';
import { GoToDialog } from '../timing/goto-dialog';
import { PostProcessDialog } from '../timing/post-process-dialog';
import { BilingualDialog } from '../translation/bilingual-dialog';
import { AutoSyncDialog } from './auto-sync-dialog';
import { FindDialog } from './find-dialog';
import { HelpOverlay } from './help-overlay';
import { Modal } from './modal';
import { ReopenEncodingDialog } from './reopen-encoding-dialog';
import { ShiftDialog } from './shift-dialog';
import { SnapDialog } from './snap-dialog';
import { SyncDialog } from './sync-dialog';

interface DialogHostProps {
  commands: Map<CommandId, CommandSpec>;
  /** Moves the playhead (Go to time). */
  seek(ms: number): void;
}

/** The docked panel beside the timeline, if one is open (see isDockedDialog). */
export function DockHost() {
  const kind = useStore((s) => s.dialog?.kind ?? null);
  return kind === 'sync' ? <SyncDialog /> : null;
}

export function DialogHost({ commands, seek }: DialogHostProps) {
  const { t } = useTranslation();
  const dialog = useStore((s) => s.dialog);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'shift':
      return <ShiftDialog />;
    case 'sync':
      // Docked beside the timeline (DockHost), not over it.
      return null;
    case 'goToTime':
      return <GoToDialog seek={seek} />;
    case 'shortcuts':
      return <ShortcutEditor commands={commands} />;
    case 'autoSync':
      return <AutoSyncDialog />;
    case 'snap':
      return <SnapDialog />;
    case 'postProcess':
      return <PostProcessDialog />;
    case 'find':
      return <FindDialog replace={dialog.replace} />;
    case 'help':
      return <HelpOverlay commands={commands} />;
    case 'fixCommon':
      return <FixCommonDialog />;
    case 'fixCode':
      return <FixCodeDialog code={dialog.code} />;
    case 'reopenEncoding':
      return <ReopenEncodingDialog dialog={dialog} />;
    case 'spell':
      return <SpellDialog />;
    case 'lines':
      return <LineDialog mode={dialog.mode} />;
    case 'bilingual':
      return <BilingualDialog preview={dialog.preview} />;
    case 'unsaved':
      return (
        <Modal
          title={t('dialogs:unsaved.title')}
          description={t('dialogs:unsaved.description', { name: dialog.name })}
          onClose={() => dialog.answer('cancel')}
        >
          <div className="dialog-buttons">
            <button type="button" onClick={() => dialog.answer('cancel')}>
              {t('common:cancel')}
            </button>
            <button type="button" onClick={() => dialog.answer('discard')}>
              {t('dialogs:unsaved.dontSave')}
            </button>
            <button type="button" className="primary" data-autofocus onClick={() => dialog.answer('save')}>
              {t('dialogs:unsaved.save')}
            </button>
          </div>
        </Modal>
      );
  }
}
