/**
 * Shot changes of the video as thin vertical lines over the timeline (visible range only, at most one per
 * pixel). Cue edges snap to them while dragging, and Snap to speech uses them as extra edges.
 */
import { useTranslation } from 'react-i18next';
import { timesInRange } from '../../src-shared/shots';
import { formatSrtTime } from '../../src-shared/time';
import { useStore } from '../store/use-store';
import { msToPx, spanMs } from './viewport';

export function ShotLinesLayer() {
  const { t } = useTranslation();
  const view = useStore((s) => s.view);
  const shots = useStore((s) => s.mediaLayers.shots);
  if (shots.shotsMs.length === 0) return null;
  const lines: { ms: number; x: number }[] = [];
  let lastPx = Number.NEGATIVE_INFINITY;
  for (const ms of timesInRange(shots.shotsMs, view.startMs, view.startMs + spanMs(view))) {
    const x = msToPx(view, ms);
    if (x - lastPx < 1) continue;
    lastPx = x;
    lines.push({ ms, x });
  }
  return (
    <div
      className="shot-lines"
      role="img"
      aria-label={t('ui:timeline.shotChanges', { n: shots.shotsMs.length })}
      data-count={shots.shotsMs.length}
    >
      {lines.map(({ ms, x }) => (
        <div
          key={ms}
          className="shot-line"
          data-ms={ms}
          title={t('ui:timeline.shotChangeAt', { time: formatSrtTime(ms) })}
          style={{ transform: `translateX(${x.toFixed(1)}px)` }}
        />
      ))}
    </div>
  );
}
