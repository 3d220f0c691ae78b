// Finds a Chromium or Chrome for the test runner, and knows how to launch it on this kind of machine.
//
//   import { findChrome, chromeFlags } from './find-chrome.js';
//   node scripts/find-chrome.js      -> prints the path, or one line saying how to get one (exit 1)
//
// Order: $CHROME_PATH, then the usual install paths. It installs nothing: .ci/install-browsers.sh does.
import { accessSync, constants } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Flags for a headless Chromium run as root in a container (what works on this machine and in CI). */
export const chromeFlags = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/** Lets script-initiated play() start without a user gesture (unit tests only). */
export const autoplayFlag = '--autoplay-policy=no-user-gesture-required';

const HOW_TO =
  'No Chromium found: install it (Debian: sudo apt-get install chromium, or .ci/install-browsers.sh for every engine) or set CHROME_PATH=/path/to/chrome';

export function candidatePaths() {
  const paths = [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome-beta',
    '/usr/bin/google-chrome-unstable',
    '/snap/bin/chromium',
    '/usr/local/bin/chromium',
    '/usr/local/bin/chrome',
    '/opt/google/chrome/chrome',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary',
    join(homedir(), 'Applications/Google Chrome.app/Contents/MacOS/Google Chrome'),
  ];
  if (process.platform === 'win32') {
    for (const base of [process.env.PROGRAMFILES, process.env['PROGRAMFILES(X86)'], process.env.LOCALAPPDATA]) {
      if (base) {
        paths.push(join(base, 'Google/Chrome/Application/chrome.exe'));
        paths.push(join(base, 'Chromium/Application/chrome.exe'));
      }
    }
  }
  return paths;
}

function isExecutable(path) {
  try {
    accessSync(path, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first Chromium found, or undefined. Does not install anything. */
export function locateChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return isExecutable(fromEnv) ? fromEnv : undefined;
  return candidatePaths().find(isExecutable);
}

/** Path of a Chromium/Chrome; otherwise prints one line saying how to get one and exits 1. */
export function findChrome() {
  const found = locateChrome();
  if (found) return found;
  console.error(process.env.CHROME_PATH ? `CHROME_PATH=${process.env.CHROME_PATH} is not an executable file. ${HOW_TO}` : HOW_TO);
  process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const path = findChrome();
  console.log(path);
  if (process.argv.includes('--version')) {
    spawnSync(path, ['--version'], { stdio: 'inherit' });
  }
}
