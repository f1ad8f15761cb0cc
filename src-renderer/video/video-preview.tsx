/**
 * The media element and, when the media has video, the preview with the current subtitle drawn over it.
 * Cue text is rendered as text (tags removed), never as HTML.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cue } from '../../src-shared/document';
import { visibleText } from '../../src-shared/text-metrics';
import { useEditorStore, useStore } from '../store/use-store';
import type { MediaController } from './media-controller';

export function VideoPreview({ media }: { media: MediaController }) {
  const { t } = useTranslation();
  const store = useEditorStore();
  const video = useRef<HTMLVideoElement>(null);
  const hasVideo = useStore((s) => s.media?.hasVideo ?? false);
  const mediaName = useStore((s) => s.media?.path.split(/[\\/]/).pop() ?? null);
  const file = useStore((s) => s.file);
  useStore((s) => s.docVersion);
  const position = useStore((s) => (s.file ? store.timeIndex().cueAt(s.file.doc.cues, s.playheadMs) : -1));

  useEffect(() => {
    media.attachElement(video.current);
    return () => media.attachElement(null);
  }, [media]);

  const cue = position >= 0 && file ? (file.doc.cues[position] as Cue) : null;
  const text = cue ? visibleText(cue.text) : '';
  return (
    <section
      className={mediaName === null ? 'video-preview hidden' : hasVideo ? 'video-preview' : 'video-preview audio-only'}
      aria-label={hasVideo ? t('ui:video.video') : t('ui:video.audio')}
    >
      {!hasVideo && mediaName !== null && (
        <p className="media-name" translate="no">
          {mediaName}
        </p>
      )}
      <div className="video-frame">
        {/* biome-ignore lint/a11y/useMediaCaption: the captions are what is being edited, drawn over it */}
        <video ref={video} playsInline preload="auto" controls={!hasVideo} data-testid="media-player" />
        {cue && hasVideo && (
          <div className="video-subtitle" aria-live="off" translate="no">
            <span className="video-subtitle-text">{text}</span>
          </div>
        )}
      </div>
    </section>
  );
}
