// Browser tests drive Debian's Chromium (/usr/bin/chromium); playwright cannot download its own
// browser here. Install it when missing and we are allowed to (root with apt-get).
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const CHROMIUM = process.env.EXOCASCADE_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !existsSync('/usr/bin/apt-get')) {
    console.error(`Chromium not found at ${CHROMIUM}. Install it (Debian: sudo apt-get install -y chromium) or set EXOCASCADE_CHROMIUM.`);
    process.exit(1);
  }
  console.error('Installing Chromium from Debian packages for the browser tests…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
}
