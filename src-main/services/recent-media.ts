/**
 * Open Recent with its media: the media last open with a recent subtitle is remembered in the settings
 * (`recentMedia`), checked again when the subtitle is reopened, and reopened with it. Media that is gone is said in
 * words and the subtitle opens alone.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { english, type Translate } from './i18n';
import type { SettingsStore } from './settings';

/** What Open Recent hands to the renderer before path access: the subtitle, its media if still there, a message. */
export interface RecentOpen {
  subtitle: string;
  media: string | null;
  message?: string;
}

async function isFile(filePath: string): Promise<boolean> {
  return stat(filePath).then(
    (info) => info.isFile(),
    () => false,
  );
}

/** The request for reopening the recent subtitle `filePath`, with the media remembered for it if it still exists. */
export async function recentOpen(
  settings: SettingsStore,
  filePath: string,
  t: Translate = english,
): Promise<RecentOpen> {
  const subtitle = path.resolve(filePath);
  const { recentMedia } = settings.get();
  const media = recentMedia[subtitle] ?? null;
  if (media === null) return { subtitle, media: null };
  if (await isFile(media)) return { subtitle, media };
  return {
    subtitle,
    media: null,
    message: t('main:recent.mediaGone', { name: path.basename(subtitle), path: media }),
  };
}

/** Best effort: remembers the media open with a saved subtitle; a settings folder that cannot be written logs. */
export async function rememberRecentMedia(
  settings: SettingsStore,
  filePath: string,
  mediaPath: string,
  log: (line: string) => void,
): Promise<void> {
  try {
    await settings.rememberMedia(filePath, mediaPath);
  } catch (error) {
    log(`[settings] media of recent file not saved: ${error instanceof Error ? error.message : String(error)}`);
  }
}
