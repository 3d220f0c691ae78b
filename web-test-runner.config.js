// @web/test-runner config. Run it through `npm test` or `node scripts/test.js`, which find the browsers,
// start what Firefox and WebKit need (scripts/engines.js) and let you pick files.
//
// Groups, one browser at a time (audio timing needs both cores):
//   unit      test/core, test/embed, test/support: in Chromium, launched with
//             --autoplay-policy=no-user-gesture-required so that script-initiated play() works
//   chromium  test/player/**: the element as a listener meets it, no autoplay flag (play needs a real
//             click, sendMouse)
//   firefox   the suites that play audio (ENGINE_SUITES; or every player file named on the command line), in
//             Firefox ESR over WebDriver BiDi (puppeteer)
//   webkit    the same suites in WebKitGTK's MiniBrowser (Safari's engine) over WebKitWebDriver
//
// The dev server also runs test/support/media-server.js (/media, /fault/..., /__requests, /__repair) and
// test/support/howler-plugin.js (`import { Howl, Howler } from 'howler'`).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import fastGlob from 'fast-glob';
import * as puppeteer from 'puppeteer-core';
import { engines } from './scripts/engines.js';
import { autoplayFlag, chromeFlags } from './scripts/find-chrome.js';
import { howlerPlugin } from './test/support/howler-plugin.js';
import { mediaServer } from './test/support/media-server.js';
import { summaryReporter } from './test/support/summary-reporter.js';

const rootDir = path.dirname(fileURLToPath(import.meta.url));

/** The suites that play audio, run in every engine (the rest of test/player runs in Chromium). */
export const ENGINE_SUITES = ['playback', 'seeking', 'faults', 'keyboard', 'autoplay', 'one-sound', 'quotes', 'transcript', 'chapters', 'feed', 'page-audio'].map((name) => `test/player/${name}.test.ts`);

/**
 * The test files to run: all of test/**\/*.test.ts, or those EARSHOT_TEST_FILES names (newline-separated
 * files, directories or globs, set by scripts/test.js).
 */
export function selectTestFiles(patterns = process.env.EARSHOT_TEST_FILES) {
  const all = fastGlob.sync('test/**/*.test.ts', { cwd: rootDir }).sort();
  if (!patterns || !patterns.trim()) return all;
  const wanted = patterns
    .split('\n')
    .map((pattern) => pattern.trim())
    .filter(Boolean)
    .map((pattern) => path.relative(rootDir, path.resolve(pattern)).split(path.sep).join('/'))
    .map((pattern) => (fastGlob.isDynamicPattern(pattern) || pattern.endsWith('.ts') ? pattern : `${pattern.replace(/\/$/, '')}/**/*.test.ts`));
  const picked = new Set(fastGlob.sync(wanted, { cwd: rootDir }));
  return all.filter((file) => picked.has(file));
}

const chosen = engines();
if (chosen.error) {
  console.error(chosen.error);
  process.exit(1);
}
const found = chosen.found;

const chromium = (extraArgs) =>
  chromeLauncher({ launchOptions: { executablePath: found.chromium.browser, headless: true, args: [...chromeFlags, ...extraArgs] } });

// Firefox through puppeteer-core over WebDriver BiDi; it finds PulseAudio through XDG_RUNTIME_DIR.
const firefox = () =>
  chromeLauncher({
    puppeteer,
    launchOptions: {
      browser: 'firefox',
      executablePath: process.env.EARSHOT_FIREFOX ?? found.firefox.browser,
      headless: true,
      extraPrefsFirefox: { 'media.autoplay.default': 1, 'browser.shell.checkDefaultBrowser': false },
    },
  });

// WebKitGTK's MiniBrowser through the WebKitWebDriver that scripts/engines.js started.
const webkit = () =>
  webdriverLauncher({
    hostname: '127.0.0.1',
    port: Number(process.env.EARSHOT_WEBDRIVER_PORT ?? 4444),
    logLevel: 'warn',
    capabilities: {
      browserName: 'MiniBrowser',
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': { binary: process.env.EARSHOT_MINIBROWSER ?? found.webkit.browser, args: ['--automation'] },
    },
  });

const files = selectTestFiles();
if (process.env.EARSHOT_TEST_FILES && files.length === 0) {
  console.error(`No test file (test/**/*.test.ts) matches: ${process.env.EARSHOT_TEST_FILES.split('\n').join(' ')}`);
  process.exit(1);
}
const playerFiles = files.filter((file) => file.startsWith('test/player/'));
const unitFiles = files.filter((file) => !file.startsWith('test/player/'));
// Files named on the command line run in every engine asked for; otherwise Firefox and WebKit run ENGINE_SUITES.
const engineFiles = process.env.EARSHOT_TEST_FILES ? playerFiles : playerFiles.filter((file) => ENGINE_SUITES.includes(file));

// A group with no files makes wtr fail, so only groups that have some are defined.
const groups = [];
if (unitFiles.length) groups.push({ name: 'unit', files: unitFiles, browsers: [chromium([autoplayFlag])] });
if (playerFiles.length && chosen.names.includes('chromium')) groups.push({ name: 'chromium', files: playerFiles, browsers: [chromium([])] });
if (engineFiles.length && chosen.names.includes('firefox')) groups.push({ name: 'firefox', files: engineFiles, browsers: [firefox()] });
if (engineFiles.length && chosen.names.includes('webkit')) groups.push({ name: 'webkit', files: engineFiles, browsers: [webkit()] });

export default {
  rootDir,
  nodeResolve: true,
  // One test file at a time, one browser at a time: audio plays in real time, and the timing of a start or
  // a seek is part of what the player tests; two cores cannot run two of them at once and keep it honest.
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 240_000,
  groups,
  // the root config's own browser: used only if someone runs `--group default`
  browsers: [chromium([autoplayFlag])],
  testFramework: { config: { ui: 'bdd', timeout: 30_000 } },
  plugins: [
    howlerPlugin({ rootDir }),
    // The accessibility tree as Chromium gives it to a screen reader (test/player/access.test.ts).
    a11ySnapshotPlugin(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: path.join(rootDir, 'tsconfig.json') }),
  ],
  middleware: [mediaServer({ rootDir })],
  // Quiet when all is well: a file whose tests all passed shows no browser logs and no 404s (the fault tests
  // ask for 404s on purpose); a failing one shows everything. Piped into a file, no progress bars.
  reporters: [quietWhenPassing(defaultReporter({ reportTestProgress: Boolean(process.stdout.isTTY) })), summaryReporter()],
  staticLogging: !process.stdout.isTTY,
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
};

function quietWhenPassing(reporter) {
  return {
    ...reporter,
    reportTestFileResults(args) {
      const sessionsForTestFile = args.sessionsForTestFile.map((session) => (session.passed ? { ...session, logs: [], request404s: [] } : session));
      return reporter.reportTestFileResults({ ...args, sessionsForTestFile });
    },
  };
}
