// Browser tests need Debian's Chromium. Install it when we can (root on Debian/Ubuntu);
// otherwise stop with one line saying what to do. Never downloads a browser build of its own.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (!isRoot || !hasApt || process.env.CHROMIUM_PATH) {
  console.error(`Chromium not found at ${path}: install Debian's chromium (sudo apt-get install chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}
console.log('Installing Debian chromium for the browser tests (apt-get)…');
try {
  execSync('apt-get update -qq && apt-get -o DPkg::Lock::Timeout=600 install -y -qq chromium', {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
} catch {
  console.error('Installing chromium with apt-get failed: install it by hand (apt-get install chromium).');
  process.exit(1);
}
if (!existsSync(path)) {
  console.error(`apt-get finished but ${path} is still missing.`);
  process.exit(1);
}
