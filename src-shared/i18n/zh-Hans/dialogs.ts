import type { TranslationOf } from '../catalog-types';
import type en from '../en/dialogs';

const zhHans: TranslationOf<typeof en> = {};
export default zhHans;
