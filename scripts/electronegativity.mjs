// Runs @doyensec/electronegativity over the app sources and fails on any finding that is not in the allow-list
// table of docs/security.md (each row: check id, file, justification). Unparsable files fail too.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(path.join(root, 'package.json'));
const SOURCES = ['src-main', 'src-renderer', 'src-shared', 'package.json'];
const ALLOW_START = '<!-- electronegativity-allow-list:start -->';
const ALLOW_END = '<!-- electronegativity-allow-list:end -->';

/** Rows of the allow-list table: `| CHECK_ID | path/in/repo.ts | why it is acceptable |`. */
function readAllowList(markdown) {
  const start = markdown.indexOf(ALLOW_START);
  const end = markdown.indexOf(ALLOW_END);
  if (start < 0 || end < start) throw new Error(`docs/security.md has no ${ALLOW_START} ... ${ALLOW_END} section`);
  return markdown
    .slice(start + ALLOW_START.length, end)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim().replaceAll('`', '')),
    )
    .filter(([id]) => id !== 'Check')
    .map(([id, file, justification]) => ({ id, file, justification: justification ?? '' }));
}

/**
 * electronegativity parses TypeScript with @typescript-eslint/typescript-estree, which is hoisted next to the
 * project's TypeScript 7 (no JS API); point its `require('typescript')` at the TypeScript 4 that
 * electronegativity ships with.
 */
function preferBundledTypeScript() {
  const engDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const typescript = require.resolve('typescript', { paths: [engDir] });
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    return resolve.call(this, request === 'typescript' ? typescript : request, ...rest);
  };
}

async function scan() {
  // Scan a copy of just the app sources: tests, scripts and build output are not shipped code.
  const input = mkdtempSync(path.join(tmpdir(), 'cuewave-eng-'));
  try {
    for (const source of SOURCES) cpSync(path.join(root, source), path.join(input, source), { recursive: true });
    preferBundledTypeScript();
    const engModule = require('@doyensec/electronegativity');
    const run = engModule.default ?? engModule;
    return await run({ input, isRelative: true, verbose: false });
  } finally {
    rmSync(input, { recursive: true, force: true });
  }
}

const allowList = readAllowList(readFileSync(path.join(root, 'docs/security.md'), 'utf8'));
const unjustified = allowList.filter((row) => row.justification.length < 20);
const result = await scan();
const fatal = result.errors.filter((error) => !error.tolerable);
const unexpected = [];
const allowed = [];
for (const issue of result.issues) {
  const file = issue.file.split(path.sep).join('/');
  const row = allowList.find((entry) => entry.id === issue.id && entry.file === file);
  (row ? allowed : unexpected).push({ ...issue, file });
}
const stale = allowList.filter((row) => !allowed.some((issue) => issue.id === row.id && issue.file === row.file));

console.log(`\nelectronegativity: ${result.issues.length} findings, ${allowed.length} allowed by docs/security.md`);
for (const issue of unexpected) {
  console.log(`  NOT ALLOWED ${issue.id} ${issue.file}:${issue.location?.line ?? '?'} ${issue.description}`);
}
for (const error of fatal) console.log(`  UNPARSED ${error.file}: ${error.message}`);
for (const row of unjustified) console.log(`  UNJUSTIFIED allow-list row ${row.id} ${row.file}`);
for (const row of stale) console.log(`  note: allow-list row ${row.id} ${row.file} matched nothing (remove it?)`);
process.exit(unexpected.length || fatal.length || unjustified.length ? 1 : 0);
