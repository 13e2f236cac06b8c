#!/usr/bin/env node
// Runs before `npm test`: the browser checks (offline HTML report, console) drive Debian's chromium through
// playwright-core, and browser downloads are not possible here. On a fresh Debian/Ubuntu machine where we are root,
// install it with apt-get; otherwise say exactly what to run. Never a silent skip.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
if (existsSync(CHROMIUM)) process.exit(0);

const hasApt = existsSync('/usr/bin/apt-get');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!hasApt || !isRoot) {
  console.error(
    `npm test needs Debian's chromium at ${CHROMIUM} for the browser checks.\n` +
      (hasApt ? 'Run: sudo apt-get install -y chromium   (then npm test again)' : 'Install a Debian/Ubuntu chromium package providing /usr/bin/chromium.'),
  );
  process.exit(1);
}
console.log(`Installing Debian's chromium (${CHROMIUM}) for the browser checks: apt-get install -y chromium ...`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: ['ignore', 'ignore', 'inherit'], env });
if (!existsSync(CHROMIUM)) {
  console.error(`apt-get finished but ${CHROMIUM} is still missing.`);
  process.exit(1);
}
