/** Status bar: cue count, errors, warnings, playhead, encoding, line endings, waveform progress and messages. */
import { Trans, useTranslation } from 'react-i18next';
import { formatSrtTime } from '../../src-shared/time';
import { useStore } from '../store/use-store';

const EOL_NAMES: Record<string, string> = { '\n': 'LF', '\r\n': 'CRLF', '\r': 'CR' };

export function StatusBar() {
  const { t } = useTranslation();
  const file = useStore((s) => s.file);
  useStore((s) => s.docVersion);
  useStore((s) => s.validationVersion);
  const playhead = useStore((s) => Math.round(s.playheadMs));
  const peaks = useStore((s) => s.peaks);
  const message = useStore((s) => s.message);
  const dirty = useStore((s) => s.dirty);
  const rate = useStore((s) => s.playbackRate);
  const looping = useStore((s) => s.looping);
  const counts = file?.validation.counts ?? { error: 0, warning: 0 };
  const cueCount = file?.doc.cues.length ?? 0;
  return (
    <footer className="status-bar" role="status" aria-live="polite" data-testid="status">
      <span className="status-item">
        {file ? (
          <Trans
            i18nKey="ui:status.cues"
            count={cueCount}
            components={[<span key="count" data-testid="cue-count" />]}
          />
        ) : (
          t('ui:status.noFile')
        )}
      </span>
      <span className={`status-item ${counts.error > 0 ? 'error' : ''}`}>
        {t('ui:status.errors', { count: counts.error })}
      </span>
      <span className={`status-item ${counts.warning > 0 ? 'warning' : ''}`}>
        {t('ui:status.warnings', { count: counts.warning })}
      </span>
      <span className="status-item time">
        <span className="visually-hidden">{t('ui:status.playhead')} </span>
        <span translate="no">{formatSrtTime(playhead)}</span>
      </span>
      {rate !== 1 && <span className="status-item">{t('ui:status.speed', { rate })}</span>}
      {looping && <span className="status-item">{t('ui:status.loop')}</span>}
      {peaks.status === 'loading' && (
        <span className="status-item">{t('ui:status.waveform', { percent: Math.round(peaks.progress * 100) })}</span>
      )}
      {peaks.status === 'error' && (
        <span className="status-item error">{t('ui:status.waveformFailed', { message: peaks.message })}</span>
      )}
      <span className="status-item message">{message}</span>
      <span className="status-spacer" />
      {file && (
        <>
          {dirty && <span className="status-item warning">{t('ui:status.modified')}</span>}
          <span className="status-item">
            <span className="visually-hidden">{t('ui:status.encoding')} </span>
            <span data-testid="encoding" translate="no">
              {file.info.encoding}
            </span>
          </span>
          <span className="status-item">
            {t('ui:status.bom')}{' '}
            <span data-testid="bom">{file.info.bom ? t('ui:status.bomYes') : t('ui:status.bomNo')}</span>
          </span>
          <span className="status-item">
            <span className="visually-hidden">{t('ui:status.lineEndings')} </span>
            <span translate="no">{EOL_NAMES[file.doc.format.eol] ?? 'LF'}</span>
          </span>
        </>
      )}
    </footer>
  );
}
