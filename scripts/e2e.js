// `npm run e2e` (and the last step of `npm test`): the end-to-end tests of test/e2e/ against the BUILT
// dist/, served by real static servers with range requests, in Debian's Chromium via playwright-core.
//
//   node scripts/e2e.js                          npm run build, then every test/e2e/*.test.mjs
//   node scripts/e2e.js --no-build               test what dist/ already holds
//   node scripts/e2e.js test/e2e/embed.test.mjs  some files only (other node --test options pass through,
//                                                e.g. --test-name-pattern=Download)
//
// It starts the three servers once (newsroom, its CORS host, and the blog on another origin: see
// test/e2e/servers.mjs) and hands their URLs to the tests in EARSHOT_E2E_SERVERS. Screenshots land in
// test-results/e2e/. Exits with the test run's exit code.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChrome } from './find-chrome.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();
const args = process.argv.slice(2);
const build = !args.includes('--no-build');
const files = args.filter((arg) => !arg.startsWith('-'));
const passThrough = args.filter((arg) => arg.startsWith('-') && arg !== '--no-build');

if (build) {
  execFileSync(process.execPath, [path.join(root, 'scripts/build.js')], { cwd: root, stdio: 'inherit' });
} else {
  for (const file of ['dist/embed.html', 'dist/earshot-player.js']) {
    if (!existsSync(path.join(root, file))) {
      console.error(`e2e: ${file} is missing: run npm run build (or drop --no-build)`);
      process.exit(1);
    }
  }
}

const chrome = findChrome();
// The tests run against a copy of this build: a rebuild meanwhile (npm start, a second terminal) empties
// dist/ first and would pull files from under them.
const snapshot = mkdtempSync(path.join(tmpdir(), 'earshot-e2e-dist-'));
cpSync(path.join(root, 'dist'), snapshot, { recursive: true });
if (!['embed.html', 'earshot-player.js'].every((file) => existsSync(path.join(snapshot, file)))) {
  console.error('e2e: dist/ lacks embed.html or earshot-player.js (was it being rebuilt meanwhile?): run again');
  rmSync(snapshot, { recursive: true, force: true });
  process.exit(1);
}
const { startServers, ensureResultsDir, browserOptions } = await import('../test/e2e/servers.mjs');
const servers = await startServers({ dist: snapshot });
ensureResultsDir();
// One Chromium for the whole run: every test file connects to it and makes its own contexts.
const { chromium } = await import('playwright-core');
// It plays into Chromium's own silent output, not the PulseAudio sink that `npm test` starts for Firefox and
// WebKit: Chromium's first stream into that sink may sit still for up to a second and a half after its first
// frames (the engine's stall watch then gets it going), longer than a test's window of listening.
const { XDG_RUNTIME_DIR, PULSE_SERVER, ...withoutPulse } = process.env;
const browserServer = await chromium.launchServer({ ...browserOptions(), executablePath: chrome, env: withoutPulse });

const env = {
  ...process.env,
  CHROME_PATH: chrome,
  EARSHOT_E2E_BROWSER: browserServer.wsEndpoint(),
  EARSHOT_E2E_SERVERS: JSON.stringify({ newsroom: servers.newsroom, cdn: servers.cdn, blog: servers.blog, blogDir: servers.blogDir }),
};
const reporter = passThrough.some((arg) => arg.startsWith('--test-reporter')) ? [] : ['--test-reporter=spec'];
const child = spawn(process.execPath, ['--test', ...reporter, ...passThrough, ...(files.length ? files : ['test/e2e/'])], { cwd: root, env, stdio: 'inherit' });
const forward = (signal) => () => child.kill(signal);
process.on('SIGINT', forward('SIGINT'));
process.on('SIGTERM', forward('SIGTERM'));
child.on('exit', async (code, signal) => {
  await browserServer.close();
  await servers.close();
  rmSync(snapshot, { recursive: true, force: true });
  console.log(`e2e: ${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s (screenshots in test-results/e2e/)`);
  process.exit(code ?? (signal ? 1 : 0));
});
