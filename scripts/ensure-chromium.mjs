// Makes sure a Chromium for the browser tests exists: CHROMIUM_PATH, /usr/bin/chromium, or (as root on
// Debian) installs Debian's package. Prints the path on success; exits 1 with one line saying what to do.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
const found = () => candidates.find((p) => existsSync(p));

if (!found()) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.error('Chromium not found: installing Debian package "chromium" for the browser tests...');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  }
}
const path = found();
if (!path) {
  console.error('Chromium not found: install it (Debian: sudo apt-get install -y chromium) or set CHROMIUM_PATH.');
  process.exit(1);
}
console.log(path);
