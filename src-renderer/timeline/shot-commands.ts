/**
 * Timing with shot changes: move the playhead to the previous or next cut, so "Set start/end at playhead" (and G)
 * put a cue edge exactly on it. Part of the one command table (commands.ts adds them).
 */
import { adjacentShot } from '../../src-shared/shots';
import type { AppActions, CommandSpec } from '../commands';
import { t } from '../i18n';
import type { EditorState, EditorStore } from '../store/editor-store';

export const SHOT_COMMAND_IDS = ['media.previousShot', 'media.nextShot'] as const;
export type ShotCommandId = (typeof SHOT_COMMAND_IDS)[number];

type Spec = Omit<CommandSpec, 'id' | 'defaultKeys' | 'label'> & { id: ShotCommandId };

const hasShots = (s: EditorState) => s.media !== null && s.mediaLayers.shots.shotsMs.length > 0;

export function shotCommands(store: EditorStore, app: Pick<AppActions, 'seek'>): Spec[] {
  const go = (direction: 1 | -1) => () => {
    const s = store.getState();
    const target = adjacentShot(s.mediaLayers.shots.shotsMs, s.playheadMs, direction);
    if (target === null) store.setMessage(t(direction > 0 ? 'ui:timeline.noShotAfter' : 'ui:timeline.noShotBefore'));
    else app.seek(target);
  };
  return [
    {
      id: 'media.previousShot',
      keys: ['Mod+Alt+['],
      group: 'Media',
      enabled: hasShots,
      run: go(-1),
    },
    {
      id: 'media.nextShot',
      keys: ['Mod+Alt+]'],
      group: 'Media',
      enabled: hasShots,
      run: go(1),
    },
  ];
}
