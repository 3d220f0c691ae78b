// @web/test-runner config. Run it through `npm test` or `node scripts/test.js` (which finds Chromium and
// lets you pick files); see scripts/test.js for the options.
//
// Test files: test/**/*.test.ts, in two groups, each in its own headless Chromium:
//   unit   every test file outside test/player/, launched with --autoplay-policy=no-user-gesture-required
//          so that script-initiated play() works
//   player test/player/**/*.test.ts: the element as a listener meets it, launched WITHOUT that flag, so
//          play needs a real click (sendMouse from @web/test-runner-commands)
//
// The dev server also runs test/support/media-server.js (/media, /fault/..., /__requests) and
// test/support/howler-plugin.js (`import { Howl, Howler } from 'howler'`).
import { readdirSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { findChrome, chromeFlags, autoplayFlag } from './scripts/find-chrome.js';
import { howlerPlugin } from './test/support/howler-plugin.js';
import { mediaServer } from './test/support/media-server.js';
import { summaryReporter } from './test/support/summary-reporter.js';

const rootDir = path.dirname(fileURLToPath(import.meta.url));
const TEST_DIR = 'test';
const PLAYER_DIR = 'test/player/';
const isTestFile = f => f.endsWith('.test.ts');

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

const toRel = full => path.relative(rootDir, full).split(path.sep).join('/');

/** A small glob matcher: `**`, `*`, `?`, `{a,b}`. Enough for picking test files. */
function globToRegExp(glob) {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) re += '\\{';
      else {
        re += `(?:${glob.slice(i + 1, close).split(',').map(s => s.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')).join('|')})`;
        i = close;
      }
    } else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/**
 * The test files to run: all of test/**\/*.test.ts, or, when EARSHOT_TEST_FILES (newline-separated
 * files, directories or globs, set by scripts/test.js from --files) is set, those.
 */
export function selectTestFiles(patterns = process.env.EARSHOT_TEST_FILES) {
  const all = walk(path.join(rootDir, TEST_DIR)).map(toRel).filter(isTestFile).sort();
  if (!patterns || !patterns.trim()) return all;
  const picked = new Set();
  for (let p of patterns.split('\n').map(s => s.trim()).filter(Boolean)) {
    const abs = path.resolve(process.cwd(), p);
    if (existsSync(abs) && statSync(abs).isFile()) {
      picked.add(toRel(abs));
      continue;
    }
    if (existsSync(abs) && statSync(abs).isDirectory()) {
      for (const f of walk(abs).map(toRel).filter(isTestFile)) picked.add(f);
      continue;
    }
    p = toRel(path.resolve(process.cwd(), p)); // make the glob repo-relative
    const re = globToRegExp(p);
    for (const f of all) if (re.test(f)) picked.add(f);
  }
  return [...picked].sort();
}

const executablePath = process.env.CHROME_PATH || findChrome();
const browser = extraArgs =>
  chromeLauncher({
    launchOptions: {
      executablePath,
      headless: true,
      args: [...chromeFlags, ...extraArgs],
    },
  });

const files = selectTestFiles();
if (process.env.EARSHOT_TEST_FILES && files.length === 0) {
  console.error(`No test file (test/**/*.test.ts) matches: ${process.env.EARSHOT_TEST_FILES.split('\n').join(' ')}`);
  process.exit(1);
}
const unitFiles = files.filter(f => !f.startsWith(PLAYER_DIR));
const playerFiles = files.filter(f => f.startsWith(PLAYER_DIR));

// A group with no files makes wtr fail, so only groups that have some are defined.
const groups = [];
if (unitFiles.length) groups.push({ name: 'unit', files: unitFiles, browsers: [browser([autoplayFlag])] });
if (playerFiles.length) groups.push({ name: 'player', files: playerFiles, browsers: [browser([])] });

export default {
  rootDir,
  nodeResolve: true,
  // two cores: one test file at a time per browser keeps audio timing honest
  concurrency: 1,
  // one browser (group) at a time: the player group's timing assertions get both cores to themselves
  concurrentBrowsers: 1,
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 180000,
  groups,
  // the root config's own browser: used only if someone runs `--group default`
  browsers: [browser([autoplayFlag])],
  testFramework: {
    config: {
      ui: 'bdd',
      timeout: 20000,
    },
  },
  plugins: [
    howlerPlugin({ rootDir }),
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      ...(existsSync(path.join(rootDir, 'tsconfig.json')) ? { tsconfig: path.join(rootDir, 'tsconfig.json') } : {}),
    }),
  ],
  middleware: [mediaServer({ rootDir })],
  reporters: [defaultReporter(), summaryReporter()],
};
