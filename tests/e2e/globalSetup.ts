import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// Playwright's own browser download needs the internet, so e2e runs in
// Debian's Chromium; on a fresh machine (as root) this installs it.
export default function globalSetup(): void {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Chromium not found at ${path}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  console.log(`Chromium not found at ${path}: installing Debian's chromium package…`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (!existsSync(path)) throw new Error(`Installed chromium, but ${path} is still missing; set CHROMIUM_PATH.`);
}
