/** The stored choices of the Problems panel and Fix common errors, applied to the store at startup. */
import type { AppSettings } from '../../src-shared/ipc-contract';
import { getProfile, type ProfileName } from '../../src-shared/profiles';
import { isFixRuleId } from '../../src-shared/text-fixes';
import type { EditorStore } from '../store/editor-store';

export function applyTextToolSettings(
  store: EditorStore,
  settings: Pick<AppSettings, 'profile' | 'fixRules' | 'profileByFile'>,
): void {
  if (getProfile(settings.profile)) store.setProfile(settings.profile as ProfileName);
  if (settings.fixRules) store.setFixRules(settings.fixRules.filter(isFixRuleId));
  if (settings.profileByFile) store.profileByFile = { ...settings.profileByFile };
}
