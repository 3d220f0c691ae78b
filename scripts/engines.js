// The three engines the player is tested in, and the services two of them need on a machine with no screen
// and no sound card: a PulseAudio null sink (Firefox reports a media error on every play without an audio
// device), an X display (WebKitGTK's MiniBrowser has no headless mode) and WebKitWebDriver (it drives
// MiniBrowser). Each service is started here and stopped by its PID.
//
//   import { engines, startServices } from './engines.js';
//   node scripts/engines.js              -> which engines can run here, or what to install (exit 1)
//   node scripts/engines.js run -- CMD   -> starts the services, runs CMD with them, stops them by PID
//
// EARSHOT_ENGINES=chromium,firefox (any of chromium, firefox, webkit) runs fewer; the default is all three.
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { locateChrome } from './find-chrome.js';

export const ENGINE_NAMES = ['chromium', 'firefox', 'webkit'];

const INSTALL = 'sudo apt-get install chromium firefox-esr webkit2gtk-driver xvfb xauth pulseaudio (or run .ci/install-browsers.sh)';

const executable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const firstExecutable = (files) => files.find((file) => file && executable(file));

const onPath = (name) => firstExecutable((process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, name)));

/** MiniBrowser, WebKitGTK's own browser, where Debian puts it (multiarch). */
function miniBrowser() {
  if (process.env.MINIBROWSER_PATH) return firstExecutable([process.env.MINIBROWSER_PATH]);
  const candidates = ['x86_64-linux-gnu', 'aarch64-linux-gnu', 'arm-linux-gnueabihf', 'i386-linux-gnu'].map(
    (triplet) => `/usr/lib/${triplet}/webkit2gtk-4.1/MiniBrowser`,
  );
  return firstExecutable(candidates);
}

/** What each engine needs here, found or not. */
export function locate() {
  return {
    chromium: { browser: locateChrome() },
    firefox: { browser: firstExecutable([process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox']), pulseaudio: onPath('pulseaudio') },
    webkit: { browser: miniBrowser(), driver: onPath('WebKitWebDriver'), xvfb: onPath('Xvfb'), pulseaudio: onPath('pulseaudio') },
  };
}

/** The engines asked for (EARSHOT_ENGINES, default all), or an error naming what is missing. */
export function engines() {
  const asked = (process.env.EARSHOT_ENGINES ?? ENGINE_NAMES.join(','))
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const unknown = asked.filter((name) => !ENGINE_NAMES.includes(name));
  if (unknown.length) return { error: `EARSHOT_ENGINES names no engine called ${unknown.join(', ')} (use ${ENGINE_NAMES.join(', ')})` };
  const found = locate();
  const missing = [];
  for (const name of asked) for (const [part, file] of Object.entries(found[name])) if (!file) missing.push(`${name}'s ${part}`);
  if (missing.length) {
    return { error: `Missing ${missing.join(', ')}. Install: ${INSTALL}; or run fewer engines, e.g. EARSHOT_ENGINES=chromium npm test` };
  }
  return { names: asked, found };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitUntil(check, what, timeout = 15_000) {
  const until = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`${what} did not start within ${timeout / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Starts what the engines in `names` need. Resolves with the environment the browsers need and a stop()
 * that ends every process started here, by PID.
 */
export async function startServices(names, found = locate()) {
  const children = [];
  const env = {};
  const runtimeDir = mkdtempSync(path.join(tmpdir(), 'earshot-xdg-'));
  // EARSHOT_SERVICE_LOG=FILE keeps what the services (and the browsers under WebKitWebDriver) say, for a crash.
  const log = process.env.EARSHOT_SERVICE_LOG ? openSync(process.env.EARSHOT_SERVICE_LOG, 'a') : 'ignore';
  const start = (file, args, extraEnv = {}) => {
    const child = spawn(file, args, { env: { ...process.env, XDG_RUNTIME_DIR: runtimeDir, ...extraEnv }, stdio: ['ignore', log, log], detached: false });
    children.push(child);
    return child;
  };
  const stop = async () => {
    for (const child of children.reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      try {
        process.kill(child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await Promise.race([new Promise((resolve) => child.once('exit', resolve)), new Promise((resolve) => setTimeout(resolve, 3000))]);
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
    rmSync(runtimeDir, { recursive: true, force: true });
  };
  try {
    if (names.includes('firefox') || names.includes('webkit')) {
      // An audio sink that plays into nothing: both browsers find it through XDG_RUNTIME_DIR.
      env.XDG_RUNTIME_DIR = runtimeDir;
      const pulse = found.firefox.pulseaudio ?? found.webkit.pulseaudio;
      start(pulse, ['-n', '--exit-idle-time=-1', '--daemonize=no', '--disallow-exit', '-L', 'module-null-sink', '-L', 'module-native-protocol-unix', '-L', 'module-always-sink']);
      await waitUntil(() => existsSync(path.join(runtimeDir, 'pulse', 'native')), 'PulseAudio');
    }
    if (names.includes('webkit')) {
      let display = 99;
      while (existsSync(`/tmp/.X11-unix/X${display}`) || existsSync(`/tmp/.X${display}-lock`)) display++;
      start(found.webkit.xvfb, [`:${display}`, '-screen', '0', '1280x800x24', '-nolisten', 'tcp']);
      await waitUntil(() => existsSync(`/tmp/.X11-unix/X${display}`), 'Xvfb');
      env.DISPLAY = `:${display}`;
      const port = await freePort();
      start(found.webkit.driver, [`--port=${port}`, '--host=127.0.0.1'], { DISPLAY: env.DISPLAY });
      await waitUntil(async () => {
        try {
          const response = await fetch(`http://127.0.0.1:${port}/status`);
          return (await response.json())?.value?.ready === true;
        } catch {
          return false;
        }
      }, 'WebKitWebDriver');
      env.EARSHOT_WEBDRIVER_PORT = String(port);
      env.EARSHOT_MINIBROWSER = found.webkit.browser;
    }
    if (names.includes('firefox')) env.EARSHOT_FIREFOX = found.firefox.browser;
  } catch (error) {
    await stop();
    throw error;
  }
  return { env, stop };
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const chosen = engines();
  if (chosen.error) {
    console.error(chosen.error);
    process.exit(1);
  }
  if (command !== 'run') {
    for (const name of chosen.names) console.log(`${name}: ${Object.values(chosen.found[name]).join(', ')}`);
    return;
  }
  const argv = rest[0] === '--' ? rest.slice(1) : rest;
  if (argv.length === 0) {
    console.error('usage: node scripts/engines.js run -- COMMAND [ARGS...]');
    process.exit(2);
  }
  const services = await startServices(chosen.names, chosen.found);
  const child = spawn(argv[0], argv.slice(1), { stdio: 'inherit', env: { ...process.env, ...services.env, EARSHOT_SERVICES: '1' } });
  const forward = (signal) => () => child.kill(signal);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  child.on('exit', async (code, signal) => {
    await services.stop();
    process.exit(code ?? (signal ? 1 : 0));
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
