/** Status bar: cue count, errors, warnings, playhead, encoding, line endings, waveform progress and messages. */
import { formatSrtTime } from '../../src-shared/time';
import { useStore } from '../store/use-store';

const EOL_NAMES: Record<string, string> = { '\n': 'LF', '\r\n': 'CRLF', '\r': 'CR' };

export function StatusBar() {
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
          <>
            <span data-testid="cue-count">{cueCount}</span> cues
          </>
        ) : (
          'No file'
        )}
      </span>
      <span className={`status-item ${counts.error > 0 ? 'error' : ''}`}>
        {counts.error} {counts.error === 1 ? 'error' : 'errors'}
      </span>
      <span className={`status-item ${counts.warning > 0 ? 'warning' : ''}`}>
        {counts.warning} {counts.warning === 1 ? 'warning' : 'warnings'}
      </span>
      <span className="status-item time">
        <span className="visually-hidden">Playhead </span>
        {formatSrtTime(playhead)}
      </span>
      {rate !== 1 && <span className="status-item">Speed {rate}×</span>}
      {looping && <span className="status-item">Loop on</span>}
      {peaks.status === 'loading' && <span className="status-item">Waveform {Math.round(peaks.progress * 100)}%</span>}
      {peaks.status === 'error' && <span className="status-item error">Waveform failed: {peaks.message}</span>}
      <span className="status-item message">{message}</span>
      <span className="status-spacer" />
      {file && (
        <>
          {dirty && <span className="status-item warning">Modified</span>}
          <span className="status-item">
            <span className="visually-hidden">Encoding </span>
            <span data-testid="encoding">{file.info.encoding}</span>
          </span>
          <span className="status-item">
            BOM <span data-testid="bom">{file.info.bom ? 'yes' : 'no'}</span>
          </span>
          <span className="status-item">
            <span className="visually-hidden">Line endings </span>
            {EOL_NAMES[file.doc.format.eol] ?? 'LF'}
          </span>
        </>
      )}
    </footer>
  );
}
