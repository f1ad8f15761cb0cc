/**
 * Plays the media and keeps the store's playhead in step with it. One <video> element (it plays audio-only files
 * too) is the clock; wavesurfer.js is attached to that element (its `media` option) with the precomputed peaks
 * and duration, so it never fetches or decodes the file, and draws the whole-file overview with playback progress.
 *
 * Why the zoomable waveform is not wavesurfer's: its zoom renders into a scroll container as wide as
 * duration x px/s (780,000 px for an hour at 200 px/s) and re-renders on every zoom step, and the cue blocks
 * need our own virtualized coordinate system anyway. timeline/waveform-draw.ts draws only the visible range
 * from the right peaks level (pickLevel) on one viewport-sized canvas, in well under a millisecond per frame.
 */
import WaveSurfer from 'wavesurfer.js';
import { t } from '../i18n';
import type { EditorStore } from '../store/editor-store';
import { overviewChannel } from './peaks-loader';

export class MediaController {
  private element: HTMLVideoElement | null = null;
  private overviewHost: HTMLElement | null = null;
  private wavesurfer: WaveSurfer | null = null;
  private overviewMount: HTMLElement | null = null;
  private frame = 0;
  private stopAtMs: number | null = null;
  private url: string | null = null;
  /** While looping: the range to repeat, asked again at each turn (so nudging the cue moves the loop). */
  private loopRange: (() => { fromMs: number; toMs: number } | null) | null = null;
  private rate = 1;
  private readonly offElement: (() => void)[] = [];

  constructor(private readonly store: EditorStore) {}

  /** The media element (from the video panel). */
  attachElement(element: HTMLVideoElement | null): void {
    if (element === this.element) return;
    for (const off of this.offElement.splice(0)) off();
    this.element = element;
    if (!element) return;
    const on = (name: string, handler: () => void) => {
      element.addEventListener(name, handler);
      this.offElement.push(() => element.removeEventListener(name, handler));
    };
    on('play', () => {
      this.store.setPlaying(true);
      this.tick();
    });
    on('pause', () => {
      // A pause event that arrives after playback was started again (a loop or a range right after a stop) is stale.
      if (!element.paused) return;
      this.store.setPlaying(false);
      this.stopAtMs = null;
      this.endLoop();
      this.publish();
    });
    on('loadedmetadata', () => this.applyRate());
    on('seeked', () => this.publish());
    on('timeupdate', () => {
      if (element.paused) this.publish();
    });
    // A file the engine cannot decode (or that vanished) would otherwise just never play: say so.
    on('error', () => {
      if (this.url === null || !element.error) return;
      const name = this.store.getState().media?.path.split(/[\\/]/).pop() ?? 'the media';
      this.store.setMessage(mediaErrorText(element.error, name));
    });
    if (this.url !== null && element.getAttribute('src') !== this.url) element.src = this.url;
    this.applyRate();
  }

  /** The element the overview waveform goes into. */
  attachOverview(host: HTMLElement | null): void {
    this.overviewHost = host;
    this.buildOverview();
  }

  /** Loads a media URL (null unloads). */
  load(url: string | null): void {
    this.destroyOverview();
    this.url = url;
    const element = this.element;
    if (!element) return;
    element.pause();
    this.endLoop();
    if (url === null) {
      element.removeAttribute('src');
      element.load();
    } else {
      element.preload = 'auto';
      element.src = url;
    }
  }

  /** Builds the overview once peaks are complete. */
  peaksReady(): void {
    this.buildOverview();
  }

  private buildOverview(): void {
    this.destroyOverview();
    const { peaks, status } = this.store.getState().peaks;
    const element = this.element;
    const host = this.overviewHost;
    if (!element || !host || !peaks || status !== 'ready' || this.url === null) return;
    // wavesurfer builds its shadow root inside a mount that is not in the document yet, so its inline <style> is
    // never connected (and never checked against the CSP); its rules move to a constructed sheet before the mount
    // goes in (see styleShadowRoots and docs/security.md).
    const mount = document.createElement('div');
    mount.className = 'overview-mount';
    this.overviewMount = mount;
    this.wavesurfer = WaveSurfer.create({
      container: mount,
      media: element,
      peaks: [overviewChannel(peaks)],
      duration: peaks.durationMs / 1000,
      height: Math.max(16, host.clientHeight || 32),
      ...overviewColors(host),
      cursorWidth: 1,
      interact: false,
      autoScroll: false,
      hideScrollbar: true,
      normalize: true,
    });
    styleShadowRoots(mount);
    host.append(mount);
  }

  /** The theme changed: the overview takes the new colours. */
  themeChanged(): void {
    if (this.wavesurfer && this.overviewHost) this.wavesurfer.setOptions(overviewColors(this.overviewHost));
  }

  private destroyOverview(): void {
    this.wavesurfer?.destroy();
    this.wavesurfer = null;
    this.overviewMount?.remove();
    this.overviewMount = null;
  }

  playPause(): void {
    const element = this.element;
    if (!element || this.url === null) return;
    this.stopAtMs = null;
    this.endLoop();
    if (element.paused) void element.play().catch((error: unknown) => this.store.setMessage(String(error)));
    else element.pause();
  }

  /** Plays [fromMs, toMs) and pauses at its end. */
  playRange(fromMs: number, toMs: number, keepLoop = false): void {
    const element = this.element;
    if (!element || this.url === null) return;
    if (!keepLoop) this.endLoop();
    element.currentTime = Math.max(0, fromMs) / 1000;
    this.store.setPlayhead(fromMs);
    this.stopAtMs = toMs;
    void element.play().catch((error: unknown) => this.store.setMessage(String(error)));
  }

  /** Stops playback (the playhead stays where it stopped) and any loop. */
  stop(): void {
    this.endLoop();
    this.stopAtMs = null;
    this.element?.pause();
  }

  /** Plays `range()` over and over until stopped; the range is asked again at every turn. */
  loop(range: () => { fromMs: number; toMs: number } | null): boolean {
    const first = range();
    if (!first || !this.element || this.url === null) return false;
    this.loopRange = range;
    this.store.setLooping(true);
    this.playRange(first.fromMs, first.toMs, true);
    return true;
  }

  /** Whether a loop is playing. */
  get looping(): boolean {
    return this.loopRange !== null;
  }

  private endLoop(): void {
    if (this.loopRange === null) return;
    this.loopRange = null;
    this.store.setLooping(false);
  }

  /** Playback speed (0.5 to 2), keeping the pitch. */
  setPlaybackRate(rate: number): void {
    this.rate = Math.min(2, Math.max(0.5, rate));
    this.store.setPlaybackRate(this.rate);
    this.applyRate();
  }

  private applyRate(): void {
    const element = this.element;
    if (!element) return;
    element.preservesPitch = true;
    element.playbackRate = this.rate;
    element.defaultPlaybackRate = this.rate;
  }

  seek(ms: number): void {
    const clamped = Math.round(Math.max(0, Math.min(ms, this.store.durationMs())));
    this.store.setPlayhead(clamped);
    const element = this.element;
    if (element && this.url !== null) element.currentTime = clamped / 1000;
  }

  private publish(): void {
    const element = this.element;
    if (element && this.url !== null) this.store.setPlayhead(element.currentTime * 1000);
  }

  /** Moves the playhead every frame while playing (timeupdate fires only ~4 times a second). */
  private tick = (): void => {
    cancelAnimationFrame(this.frame);
    const element = this.element;
    if (!element || element.paused) return;
    const ms = element.currentTime * 1000;
    if (this.stopAtMs !== null && ms >= this.stopAtMs) {
      const next = this.loopRange?.();
      if (next && next.toMs > next.fromMs) {
        element.currentTime = Math.max(0, next.fromMs) / 1000;
        this.stopAtMs = next.toMs;
        this.store.setPlayhead(next.fromMs);
        this.frame = requestAnimationFrame(this.tick);
        return;
      }
      this.endLoop();
      element.pause();
      element.currentTime = this.stopAtMs / 1000;
      this.store.setPlayhead(this.stopAtMs);
      this.stopAtMs = null;
      return;
    }
    this.store.setPlayhead(ms);
    this.frame = requestAnimationFrame(this.tick);
  };

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.destroyOverview();
    for (const off of this.offElement.splice(0)) off();
    this.element = null;
  }
}

/** What the status bar says when the media element fails. */
export function mediaErrorText(error: Pick<MediaError, 'code' | 'message'>, name: string): string {
  const reasons: Record<number, string> = { 1: 'aborted', 2: 'network', 3: 'decode', 4: 'unsupported' };
  const known = reasons[error.code];
  const reason = known ? t(`ui:video.reasons.${known}`) : t('ui:video.reasons.other', { code: error.code });
  return error.message
    ? t('ui:video.cannotPlayDetail', { name, reason, detail: error.message })
    : t('ui:video.cannotPlay', { name, reason });
}

/** The overview's colours, from the CSS of the theme shown. */
function overviewColors(host: HTMLElement): { waveColor: string; progressColor: string; cursorColor: string } {
  const css = getComputedStyle(host);
  const color = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    waveColor: color('--overview-wave', '#6b7280'),
    progressColor: color('--overview-progress', '#3b82f6'),
    cursorColor: color('--playhead', '#f59e0b'),
  };
}

/**
 * wavesurfer.js styles its shadow DOM with an inline <style> element, which the strict CSP (`style-src 'self'`)
 * blocks, with a violation report, as soon as the element is connected. Called while `mount` is still detached:
 * each shadow root's <style> is removed before it is ever connected and its text adopted as a constructed
 * stylesheet (CSSOM, which `style-src` does not govern). No nonce, no hash, no 'unsafe-inline'.
 */
export function styleShadowRoots(mount: HTMLElement): void {
  for (const child of mount.children) {
    const root = child.shadowRoot;
    if (!root) continue;
    for (const style of root.querySelectorAll('style')) {
      const rules = style.textContent ?? '';
      style.remove();
      try {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(rules);
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      } catch {
        // An engine without constructable stylesheets draws the overview unstyled rather than break the CSP.
      }
    }
  }
}
