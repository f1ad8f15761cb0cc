/**
 * Every string of the interface, by language and namespace. One module per namespace and language, so each part of
 * the app (commands, dialogs, validation, main, CLI) keeps its strings apart.
 */
import type { Strings } from './catalog-types';
import enCli from './en/cli';
import enCommands from './en/commands';
import enCommon from './en/common';
import enDialogs from './en/dialogs';
import enMain from './en/main';
import enUi from './en/ui';
import enValidation from './en/validation';
import type { Language } from './languages';
import zhCli from './zh-Hans/cli';
import zhCommands from './zh-Hans/commands';
import zhCommon from './zh-Hans/common';
import zhDialogs from './zh-Hans/dialogs';
import zhMain from './zh-Hans/main';
import zhUi from './zh-Hans/ui';
import zhValidation from './zh-Hans/validation';

export const NAMESPACES = ['common', 'commands', 'ui', 'dialogs', 'validation', 'cli', 'main'] as const;
export type Namespace = (typeof NAMESPACES)[number];

export const CATALOG: Readonly<Record<Language, Readonly<Record<Namespace, Strings>>>> = Object.freeze({
  en: {
    common: enCommon,
    commands: enCommands,
    ui: enUi,
    dialogs: enDialogs,
    validation: enValidation,
    cli: enCli,
    main: enMain,
  },
  'zh-Hans': {
    common: zhCommon,
    commands: zhCommands,
    ui: zhUi,
    dialogs: zhDialogs,
    validation: zhValidation,
    cli: zhCli,
    main: zhMain,
  },
});
