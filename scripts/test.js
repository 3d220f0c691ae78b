// Runs the browser tests: checks the engines are here (scripts/engines.js), starts what Firefox and WebKit
// need unless the caller already did (EARSHOT_SERVICES=1), then @web/test-runner with
// web-test-runner.config.js, and stops the services by PID. Exits with the test runner's exit code.
//
//   node scripts/test.js                                  every group (unit, chromium, firefox, webkit)
//   node scripts/test.js --group webkit                   one group
//   node scripts/test.js test/core/time.test.ts           some files (or directories, or globs); each runs in
//   node scripts/test.js 'test/player/**/*.test.ts'       the groups it belongs to
//   EARSHOT_ENGINES=chromium node scripts/test.js         fewer engines
//   node scripts/test.js --watch                          any other wtr option is passed through
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { parseArgs, stripVTControlCharacters } from 'node:util';
import { engines, startServices } from './engines.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { values, positionals, tokens } = parseArgs({
  allowPositionals: true,
  strict: false,
  tokens: true,
  options: { files: { type: 'string', multiple: true }, group: { type: 'string' } },
});
const files = [...(values.files ?? []).flatMap((list) => String(list).split(',')), ...positionals].filter(Boolean);
// Everything else goes to wtr as it came.
const passThrough = tokens
  .filter((token) => token.kind === 'option' && token.name !== 'files')
  .flatMap((token) => (token.value === undefined ? [token.rawName] : [token.rawName, token.value]));

const bin = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'wtr.cmd' : 'wtr');
if (!existsSync(bin)) {
  console.error('The test runner is not installed: run npm ci first.');
  process.exit(1);
}
const chosen = engines();
if (chosen.error) {
  console.error(chosen.error);
  process.exit(1);
}

const env = { ...process.env, CHROME_PATH: chosen.found.chromium.browser };
if (files.length) env.EARSHOT_TEST_FILES = files.join('\n');
else delete env.EARSHOT_TEST_FILES;
const services = process.env.EARSHOT_SERVICES ? null : await startServices(chosen.names, chosen.found);
Object.assign(env, services?.env ?? {});

const summaryDir = mkdtempSync(path.join(tmpdir(), 'earshot-wtr-'));
env.EARSHOT_SUMMARY_FILE = path.join(summaryDir, 'summary.txt');
let finished = false;
const finish = async (code) => {
  // A child that fails to start says so with 'error' and may still 'close': stop the services once.
  if (finished) return;
  finished = true;
  await services?.stop();
  try {
    // the summary comes after wtr's own last words, so that it is the closing line
    process.stdout.write(readFileSync(env.EARSHOT_SUMMARY_FILE, 'utf8'));
  } catch {
    // wtr stopped before reporting (bad config, no browser): its own output says why
  }
  rmSync(summaryDir, { recursive: true, force: true });
  process.exit(code);
};

// On a terminal wtr draws its progress bars; into a file or a CI log it writes lines, and the cursor codes it
// still sends now and then are taken out, line by line.
const terminal = Boolean(process.stdout.isTTY);
const child = spawn(bin, ['--config', path.join(root, 'web-test-runner.config.js'), ...passThrough], { cwd: root, env, stdio: terminal ? 'inherit' : ['inherit', 'pipe', 'pipe'] });
if (!terminal) {
  for (const [from, to] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
    createInterface({ input: from, crlfDelay: Infinity }).on('line', (line) => to.write(`${stripVTControlCharacters(line)}\n`));
  }
}
const forward = (signal) => () => child.kill(signal);
process.on('SIGINT', forward('SIGINT'));
process.on('SIGTERM', forward('SIGTERM'));
child.on('error', (error) => {
  console.error(`could not start the test runner: ${error.message}`);
  void finish(1);
});
// 'close': after its output has been written out too.
child.on('close', (code, signal) => void finish(code ?? (signal ? 1 : 0)));
