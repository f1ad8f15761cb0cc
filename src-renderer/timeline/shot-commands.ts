/**
 * Timing with shot changes: move the playhead to the previous or next cut, so "Set start/end at playhead" (and G)
 * put a cue edge exactly on it. Part of the one command table (commands.ts adds them).
 */
import { adjacentShot } from '../../src-shared/shots';
import type { AppActions, CommandSpec } from '../commands';
import type { EditorState, EditorStore } from '../store/editor-store';

export const SHOT_COMMAND_IDS = ['media.previousShot', 'media.nextShot'] as const;
export type ShotCommandId = (typeof SHOT_COMMAND_IDS)[number];

type Spec = Omit<CommandSpec, 'id' | 'defaultKeys'> & { id: ShotCommandId };

const hasShots = (s: EditorState) => s.media !== null && s.mediaLayers.shots.shotsMs.length > 0;

export function shotCommands(store: EditorStore, app: Pick<AppActions, 'seek'>): Spec[] {
  const go = (direction: 1 | -1) => () => {
    const s = store.getState();
    const target = adjacentShot(s.mediaLayers.shots.shotsMs, s.playheadMs, direction);
    if (target === null)
      store.setMessage(direction > 0 ? 'No shot change after the playhead' : 'No shot change before the playhead');
    else app.seek(target);
  };
  return [
    {
      id: 'media.previousShot',
      label: 'Playhead to the previous shot change',
      keys: ['Mod+Alt+['],
      group: 'Media',
      enabled: hasShots,
      run: go(-1),
    },
    {
      id: 'media.nextShot',
      label: 'Playhead to the next shot change',
      keys: ['Mod+Alt+]'],
      group: 'Media',
      enabled: hasShots,
      run: go(1),
    },
  ];
}
