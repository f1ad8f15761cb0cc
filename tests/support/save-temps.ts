/** Save temps (`.NAME.cuewave-PID-xxxx.tmp`) in a folder, for tests that check none is left behind. */
import { readdirSync } from 'node:fs';
import { isTempFileName } from '../../src-main/services/atomic-write';

/** Names of the save temps in `dir`. */
export function tempsIn(dir: string): string[] {
  return readdirSync(dir).filter(isTempFileName);
}
