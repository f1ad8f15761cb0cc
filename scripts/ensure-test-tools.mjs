// Makes sure the programs the tests drive exist: Chromium for the browser tests (CHROMIUM_PATH,
// /usr/bin/chromium) and espeak-ng, which synthesises the realistic sync test set. As root on Debian it
// installs the missing packages itself; otherwise it exits 1 with one line per missing tool saying what to do.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromiumPaths = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
const tools = [
  {
    name: 'Chromium',
    debianPackage: 'chromium',
    found: () => chromiumPaths.find((p) => existsSync(p)),
    hint: 'or set CHROMIUM_PATH',
  },
  {
    name: 'espeak-ng',
    debianPackage: 'espeak-ng',
    found: () => onPath('espeak-ng'),
    hint: 'it voices the realistic sync tests',
  },
];

function onPath(command) {
  const dirs = (process.env.PATH ?? '').split(':').filter(Boolean);
  return dirs.map((dir) => `${dir}/${command}`).find((p) => existsSync(p));
}

const missing = () => tools.filter((tool) => !tool.found());
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (missing().length && isRoot && existsSync('/usr/bin/apt-get')) {
  const packages = missing().map((tool) => tool.debianPackage);
  console.error(`Installing Debian packages for the tests: ${packages.join(', ')}...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
}
for (const tool of missing()) {
  console.error(
    `${tool.name} not found: install it (Debian: sudo apt-get install -y ${tool.debianPackage}); ${tool.hint}.`,
  );
}
if (missing().length) process.exit(1);
console.log(tools.map((tool) => `${tool.name}: ${tool.found()}`).join('\n'));
