// Bundles the command line (src-main/cli.ts and everything it imports from src-shared and the services) into
// out/cli/cuewave.mjs, the package's `cuewave` bin. npm packages stay external: they are installed beside it.
import { chmodSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { build } from 'rolldown';

const root = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
const dependencies = Object.keys(pkg.dependencies ?? {});
const isExternal = (id) =>
  id.startsWith('node:') ||
  builtinModules.includes(id) ||
  dependencies.some((name) => id === name || id.startsWith(`${name}/`));

const file = resolve(root, 'out/cli/cuewave.mjs');
await build({
  input: resolve(root, 'src-main/cli.ts'),
  platform: 'node',
  external: isExternal,
  output: { file, format: 'esm', banner: '#!/usr/bin/env node' },
});
chmodSync(file, 0o755);
console.log(`built ${file}`);
