// Runs the browser tests: finds Chromium (scripts/find-chrome.js), then @web/test-runner with
// web-test-runner.config.js. Exits with the test runner's exit code.
//
//   node scripts/test.js                                  all groups (unit, player)
//   node scripts/test.js --group unit                     one group: unit, or player (alias e2e-ish)
//   node scripts/test.js --files test/core/time.test.ts   one file (or several, a directory, or a glob:
//   node scripts/test.js test/core                        positional arguments are files too)
//   npm test -- --files 'test/player/**/*.test.ts'        the same after the typecheck
//   node scripts/test.js --watch                          any other wtr option is passed through
//
// Files are handed to the config through EARSHOT_TEST_FILES (not wtr's own --files, which would add a
// third "default" group) and each lands in the group its path belongs to.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChrome } from './find-chrome.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// wtr options that take a value (the rest are booleans); everything else that is not an option is a file.
const WITH_VALUE = new Set([
  '--root-dir', '--concurrent-browsers', '--concurrency', '--config', '--port', '--groups', '--group',
  '--esbuild-target', '--browsers',
]);

// other names people use for the groups
const GROUP_ALIASES = { 'e2e-ish': 'player', e2e: 'player', element: 'player', core: 'unit' };

export function splitArgs(argv) {
  const files = [];
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--files') {
      while (i + 1 < argv.length && !argv[i + 1].startsWith('-')) files.push(argv[++i]);
    } else if (arg.startsWith('--files=')) {
      files.push(...arg.slice('--files='.length).split(',').filter(Boolean));
    } else if (arg === '--group' || arg.startsWith('--group=')) {
      const name = arg === '--group' ? argv[++i] : arg.slice('--group='.length);
      rest.push('--group', GROUP_ALIASES[name] ?? name);
    } else if (WITH_VALUE.has(arg)) {
      rest.push(arg);
      if (i + 1 < argv.length) rest.push(argv[++i]);
    } else if (arg.startsWith('-')) {
      rest.push(arg);
    } else {
      files.push(arg);
    }
  }
  return { files, rest };
}

function main() {
  const chrome = findChrome();
  const { files, rest } = splitArgs(process.argv.slice(2));
  const env = { ...process.env, CHROME_PATH: chrome };
  if (files.length) env.EARSHOT_TEST_FILES = files.join('\n');
  else delete env.EARSHOT_TEST_FILES;

  const bin = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'wtr.cmd' : 'wtr');
  if (!existsSync(bin)) {
    console.error('web-test-runner is not installed: run npm ci first');
    process.exit(1);
  }
  const args = rest.some(a => a === '--config' || a.startsWith('--config='))
    ? rest
    : ['--config', path.join(root, 'web-test-runner.config.js'), ...rest];
  const summaryDir = mkdtempSync(path.join(tmpdir(), 'earshot-wtr-'));
  env.EARSHOT_SUMMARY_FILE = path.join(summaryDir, 'summary.txt');
  const printSummary = () => {
    try {
      process.stdout.write(readFileSync(env.EARSHOT_SUMMARY_FILE, 'utf8'));
    } catch {
      // wtr stopped before reporting (bad config, no browser): its own output says why
    }
    rmSync(summaryDir, { recursive: true, force: true });
  };
  const child = spawn(bin, args, { cwd: root, env, stdio: 'inherit' });
  const forward = signal => () => child.kill(signal);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  child.on('error', error => {
    rmSync(summaryDir, { recursive: true, force: true });
    console.error(`could not start web-test-runner: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    printSummary();
    process.exit(code ?? (signal ? 1 : 0));
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
