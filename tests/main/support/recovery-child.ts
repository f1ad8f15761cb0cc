/** Child process for the recovery test: journals a burst of edits to two documents, reports `edited`, then idles until killed. */
import { createRecovery } from '../../../src-main/services/recovery';

const [dir, filePath] = process.argv.slice(2);
if (!dir || !filePath) {
  process.stderr.write('usage: recovery-child DIR FILE\n');
  process.exit(2);
}
const recovery = createRecovery({ dir }); // default timing: 1 s debounce, 2 s max wait

const EDITS = 20;
for (let i = 1; i <= EDITS; i++) {
  const editedAt = Date.now();
  recovery.scheduleJournal(filePath, {
    filePath,
    encoding: 'gb18030',
    bom: false,
    eol: '\r\n',
    text: `1\r\n00:00:01,000 --> 00:00:02,000\r\n第${i}次修改\r\n`,
    editedAt,
  });
  recovery.scheduleJournal('untitled-1', {
    filePath: null,
    encoding: 'utf-8',
    bom: false,
    text: `1\n00:00:01,000 --> 00:00:02,000\nUntitled edit ${i}\n`,
    editedAt,
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
}
process.stdout.write('edited\n');
setInterval(() => undefined, 1000); // stay alive until the parent kills us
