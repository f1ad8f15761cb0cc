/** Translation mode and bilingual files in the one command table (commands.ts adds them). */
import type { CommandSpec } from '../commands';
import type { EditorState, EditorStore } from '../store/editor-store';
import {
  addMissingTranslations,
  closeOriginal,
  nextUntranslated,
  openOriginal,
  saveOriginalAs,
  showJoinPreview,
  showSplitPreview,
} from './translation-actions';

export const TRANSLATION_COMMAND_IDS = ['translation.addMissing', 'translation.nextUntranslated'] as const;
export type TranslationCommandId = (typeof TRANSLATION_COMMAND_IDS)[number];

type Def = Omit<CommandSpec, 'defaultKeys' | 'label'>;

const hasFile = (s: EditorState) => s.file !== null;
const hasOriginal = (s: EditorState) => s.file !== null && s.original !== null;

export function translationCommands(store: EditorStore): Def[] {
  return [
    {
      id: 'file.openOriginal',
      keys: [],
      group: 'File',
      enabled: hasFile,
      run: () => openOriginal(store),
    },
    {
      id: 'file.closeOriginal',
      keys: [],
      group: 'File',
      enabled: hasOriginal,
      run: () => closeOriginal(store),
    },
    {
      id: 'file.saveOriginalAs',
      keys: [],
      group: 'File',
      enabled: hasOriginal,
      run: () => saveOriginalAs(store),
    },
    {
      id: 'file.splitBilingual',
      keys: [],
      group: 'File',
      enabled: (s) => s.file !== null && s.file.doc.cues.length > 0,
      run: () => showSplitPreview(store),
    },
    {
      id: 'file.joinBilingual',
      keys: [],
      group: 'File',
      enabled: hasFile,
      run: () => showJoinPreview(store),
    },
    {
      id: 'translation.addMissing',
      keys: ['Mod+Alt+M'],
      group: 'Edit',
      enabled: hasOriginal,
      run: () => addMissingTranslations(store),
    },
    {
      id: 'translation.nextUntranslated',
      keys: ['Mod+Alt+N'],
      group: 'Edit',
      enabled: hasOriginal,
      run: () => nextUntranslated(store),
    },
  ];
}
