import type { TranslationOf } from '../catalog-types';
import type en from '../en/commands';

const zhHans: TranslationOf<typeof en> = {};
export default zhHans;
