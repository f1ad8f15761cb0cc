/** Child process for the crash test: saves TARGET over and over, alternating the bytes of files A and B, until killed. */
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../../../src-main/services/atomic-write';

const [target, fileA, fileB] = process.argv.slice(2);
if (!target || !fileA || !fileB) {
  process.stderr.write('usage: atomic-writer-child TARGET A B\n');
  process.exit(2);
}
const contents = [readFileSync(fileA), readFileSync(fileB)];

process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  await writeFileAtomic(target, contents[i % 2] as Buffer);
  process.stdout.write(`saved ${i}\n`);
}
