/** Banners for start-up notices and an uncertain encoding, each in words with what to do. */
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoticesStore } from './notices-store';

interface NoticeBannersProps {
  notices: NoticesStore;
  /** Opens Reopen with Encoding… for the current document. */
  onReopen(): void;
}

export function NoticeBanners({ notices, onReopen }: NoticeBannersProps) {
  const { t } = useTranslation();
  const state = useSyncExternalStore(notices.subscribe, notices.getState);
  return (
    <>
      {state.encoding && (
        <p role="alert" className="banner warning" data-testid="encoding-guess">
          <span translate="no">{state.encoding.name}</span>: {state.encoding.message}{' '}
          <button type="button" onClick={onReopen}>
            {t('commands:file.reopenWithEncoding')}
          </button>{' '}
          <button type="button" onClick={() => notices.setEncoding(null)}>
            {t('ui:notices.keep', { encoding: state.encoding.encoding })}
          </button>
        </p>
      )}
      {state.startup.map((notice) => (
        <p key={notice} role="status" className="banner" data-testid="startup-notice">
          {notice}{' '}
          <button type="button" onClick={() => notices.dismissStartup(notice)}>
            {t('ui:notices.dismiss')}
          </button>
        </p>
      ))}
    </>
  );
}
