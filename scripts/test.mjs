// `npm test`: every check the project has, in order, with one summary line at the end.
// Lint and types first (fast, catch most slips), then unit/service tests under Node, then the built
// renderer in Debian Chromium, then the Electron suite (skips itself with a reason where no binary exists),
// then electronegativity. Any failing step fails the run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const reportDir = mkdtempSync(join(tmpdir(), 'cuewave-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];

function run(name, command, args, env = {}) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  console.log(`=== ${name}: ${ok ? 'ok' : `FAILED (exit ${result.status ?? result.signal})`} in ${seconds} s`);
  if (!ok) failedSteps.push(name);
  return ok;
}

function vitest(name, config) {
  const out = join(reportDir, `${name}.json`);
  const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`];
  if (config) args.push('--config', config);
  const ok = run(name, 'npx', args);
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += report.numPassedTests ?? 0;
    totals.failed += report.numFailedTests ?? 0;
    totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  } else if (!ok) {
    totals.failed += 1;
  }
  return ok;
}

const toolsReady = run('test tools', 'node', ['scripts/ensure-test-tools.mjs']);
run('lint', 'npx', ['biome', 'check', '.']);
run('typecheck', 'npm', ['run', '-s', 'typecheck']);
vitest('unit');
if (toolsReady && run('build', 'npm', ['run', '-s', 'build'])) {
  if (existsSync('vitest.e2e.config.ts')) vitest('e2e', 'vitest.e2e.config.ts');
}
if (existsSync('vitest.electron.config.ts')) vitest('electron', 'vitest.electron.config.ts');
if (existsSync('scripts/electronegativity.mjs')) run('electronegativity', 'node', ['scripts/electronegativity.mjs']);

rmSync(reportDir, { recursive: true, force: true });
if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length || totals.failed ? 1 : 0);
