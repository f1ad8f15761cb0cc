/** The time ruler above the waveform: DOM labels (readable by tests and screen readers), at most ~100 ticks. */
import { useStore } from '../store/use-store';
import { rulerTicks } from './ruler';

export function Ruler() {
  const view = useStore((s) => s.view);
  const ticks = rulerTicks(view.startMs, view.pxPerSec, view.widthPx);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled group of positioned labels, not a form fieldset
    <div className="ruler" role="group" aria-label="Time ruler">
      {ticks.map((tick) => (
        <div
          key={tick.ms}
          className={tick.label === null ? 'tick minor' : 'tick major'}
          style={{ transform: `translateX(${tick.x.toFixed(1)}px)` }}
        >
          {tick.label !== null && <span className="tick-label">{tick.label}</span>}
        </div>
      ))}
    </div>
  );
}
