import type { TranslationOf } from '../catalog-types';
import type en from '../en/common';

const zhHans: TranslationOf<typeof en> = {
  ok: '确定',
  cancel: '取消',
  close: '关闭',
  apply: '应用',
  yes: '是',
  no: '否',
  milliseconds: '{{value}} 毫秒',
  seconds: '{{value}} 秒',
  cue_other: '{{count}} 条字幕',
  language: '语言',
  languageSystem: '跟随系统',
};
export default zhHans;
