// `npm run examples` (a step of `npm test`, right after the type check): every project under examples/ is
// checked the way its user would check it, against this repository's own package.
//
//   node scripts/examples.js              every example
//   node scripts/examples.js react vue    some of them
//
// What each gets depends on what it is:
//   - a tsconfig.json: `tsc --noEmit` (`vue-tsc` when it has .vue files);
//   - a src/ folder: `vite build` into examples/NAME/dist/ (git-ignored), with relative asset URLs so that the
//     build works wherever it is served (test/e2e/examples.test.mjs serves it from the repository's root);
//   - a plain page (no src/): every local address in index.html (scripts, frames, audio, manifests, and the
//     `src`/`manifest` parameters of an embed URL) names a file of the repository, and every inline script
//     parses.
// First, the code blocks of README.md and docs/ that show an example must match its files
// (scripts/sync-examples.js).
//
// The examples import `earshot-player` by name, as users do. Nothing maps that name: TypeScript and Vite (like
// Node) resolve a package's own name from inside it through its package.json `exports` ("self-reference"), so
// the imports land on dist/ as an installed package's would. That is why the examples have no package.json of
// their own, and why dist/ must be built: when a file the examples need is missing, this script builds dist/
// first (node scripts/build.js).
//
// vue-tsc needs TypeScript's JavaScript API, which TypeScript 7 no longer has: it runs on
// @typescript/typescript6, the TypeScript 6 compiler published beside it for such tools.
//
// Prints one line per example; a failure gets a one-line reason and then the tool's own output. Exits 1 if
// anything failed.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { syncAll } from './sync-examples.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const examplesDir = path.join(root, 'examples');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const require = createRequire(import.meta.url);

/** What the examples load from dist/ (through package.json `exports`, or by URL). */
const DIST_FILES = [
  'dist/lib/index.js',
  'dist/lib/define.js',
  'dist/types/index.d.ts',
  'dist/types/define-entry.d.ts',
  'dist/earshot-player.js',
  'dist/earshot-host.js',
  'dist/embed.html',
];

/** The example folders, in order (every folder of examples/ that has an index.html). */
export function exampleNames() {
  return readdirSync(examplesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(examplesDir, entry.name, 'index.html')))
    .map((entry) => entry.name)
    .sort();
}

/** How an example is checked: {typecheck: 'tsc' | 'vue-tsc' | null, build: boolean}. */
export function kindOf(name) {
  const dir = path.join(examplesDir, name);
  const hasSrc = existsSync(path.join(dir, 'src'));
  const vue = hasSrc && readdirSync(path.join(dir, 'src'), { recursive: true }).some((file) => String(file).endsWith('.vue'));
  return {
    typecheck: existsSync(path.join(dir, 'tsconfig.json')) ? (vue ? 'vue-tsc' : 'tsc') : null,
    build: hasSrc,
  };
}

/** Runs a command; resolves with {code, output} (stdout and stderr together). */
function run(command, args, cwd) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ code: 1, output: `could not start ${command}: ${error.message}` }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** The type check of an example: tsc, or vue-tsc on TypeScript 6. */
function typecheck(name, tool) {
  const dir = path.join(examplesDir, name);
  if (tool === 'tsc') return run(bin('tsc'), ['--noEmit', '-p', dir], root);
  // vue-tsc's run() takes the tsc to drive; tsc reads its arguments from process.argv.slice(2), so "vue-tsc"
  // stands where a script's path would be.
  const tsc = require.resolve('@typescript/typescript6/lib/tsc');
  const code = `require('vue-tsc').run(${JSON.stringify(tsc)})`;
  return run(process.execPath, ['-e', code, '--', 'vue-tsc', '--noEmit', '-p', dir], root);
}

/** `vite build` of an example into `outDir` (default: examples/NAME/dist). */
export function buildExample(name, outDir = path.join(examplesDir, name, 'dist')) {
  return run(bin('vite'), ['build', '--base', './', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], path.join(examplesDir, name));
}

/** A plain page: its local addresses name files, its inline classic scripts parse. Returns a list of problems. */
export function checkPage(name) {
  const file = path.join(examplesDir, name, 'index.html');
  const html = readFileSync(file, 'utf8');
  const pageUrl = new URL(`/examples/${name}/index.html`, 'http://repository.invalid');
  const problems = [];
  const decode = (value) => value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const checkFile = (value, base, what) => {
    let url;
    try {
      url = new URL(value, base);
    } catch {
      problems.push(`${what} "${value}" is not a URL`);
      return;
    }
    if (url.origin !== pageUrl.origin) return;
    const target = path.join(root, decodeURIComponent(url.pathname));
    if (!existsSync(target) || !statSync(target).isFile()) problems.push(`${what} "${value}" names ${path.relative(root, target)}, which does not exist`);
    if (url.pathname.endsWith('/embed.html')) {
      for (const [param, address] of url.searchParams) {
        if (['src', 'manifest', 'image', 'download'].includes(param) && address !== '0') checkFile(address, url, `its ${param}=`);
      }
    }
  };
  let addresses = 0;
  for (const [, attribute, value] of html.matchAll(/\s(src|href|manifest|image|download|embed-base)="([^"]*)"/g)) {
    addresses++;
    checkFile(decode(value), pageUrl, attribute);
  }
  let scripts = 0;
  for (const [, attributes, code] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    // (Inline modules would need vm.SourceTextModule, behind a flag: the examples have none.)
    if (/\bsrc=/.test(attributes) || /type="module"/.test(attributes) || !code.trim()) continue;
    scripts++;
    try {
      new vm.Script(code, { filename: `${path.relative(root, file)} (inline script ${scripts})` });
    } catch (error) {
      problems.push(`inline script ${scripts}: ${error.message}`);
    }
  }
  return { problems, addresses, scripts };
}

/** The first line of a tool's output worth showing alone. */
function firstError(output) {
  const lines = output.split('\n').map((line) => line.trim()).filter(Boolean);
  return lines.find((line) => /error/i.test(line)) ?? lines[0] ?? 'failed with no output';
}

/** Builds dist/ when a file the examples need is missing. Returns the missing file, or null. */
function ensureDist() {
  const missing = DIST_FILES.find((file) => !existsSync(path.join(root, file)));
  if (missing) {
    console.log(`examples: ${missing} is missing: building dist/ first (node scripts/build.js)`);
    const t0 = Date.now();
    execFileSync(process.execPath, [path.join(root, 'scripts/build.js')], { cwd: root, stdio: 'inherit' });
    console.log(`examples: dist/ built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  return missing ?? null;
}

async function main() {
  const started = Date.now();
  const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const names = exampleNames();
  const unknown = wanted.filter((name) => !names.includes(name));
  if (unknown.length) {
    console.error(`examples: no example named ${unknown.join(', ')} (there are: ${names.join(', ')})`);
    process.exit(2);
  }
  ensureDist();
  const width = Math.max(...names.map((name) => name.length), 'samples'.length) + 2;
  let failures = 0;
  const report = (name, ok, what, seconds, details) => {
    console.log(`  ${name.padEnd(width)}${ok ? 'ok    ' : 'FAILED'}  ${what}${seconds === undefined ? '' : ` (${seconds.toFixed(1)} s)`}`);
    if (!ok) {
      failures++;
      const lines = (details ?? '').trim().split('\n').filter(Boolean);
      if (lines.length === 1 && what.includes(lines[0].trim())) return;
      for (const line of lines.slice(0, 40)) console.log(`      ${line}`);
      if (lines.length > 40) console.log(`      … ${lines.length - 40} more lines`);
    }
  };

  // The code samples of the documentation.
  const { files } = syncAll({ check: true });
  const blocks = files.flatMap(({ file, blocks: found }) => found.map((block) => ({ ...block, in: file })));
  const problems = files.flatMap(({ file, problems: found }) => found.map((problem) => `${file}:${problem.line}: ${problem.message}`));
  const stale = blocks.filter((block) => block.stale).map((block) => `${block.in}:${block.line}: the block differs from ${block.file}`);
  if (problems.length || stale.length) {
    report('samples', false, `${[...problems, ...stale][0]}${stale.length ? ' (run node scripts/sync-examples.js)' : ''}`, undefined, [...problems, ...stale].join('\n'));
  } else {
    report('samples', true, `${blocks.length} code blocks in ${files.filter((f) => f.blocks.length).length} Markdown files show their example files`);
  }

  const check = async (name) => {
    const t0 = Date.now();
    const { typecheck: tool, build } = kindOf(name);
    const steps = [];
    let failed = null;
    if (tool) {
      const result = await typecheck(name, tool);
      steps.push(tool);
      if (result.code !== 0) failed = { what: `${tool}: ${firstError(result.output)}`, output: result.output };
    }
    if (!failed && build) {
      const result = await buildExample(name);
      steps.push('vite build');
      if (result.code !== 0) failed = { what: `vite build: ${firstError(result.output)}`, output: result.output };
      else if (!existsSync(path.join(examplesDir, name, 'dist', 'index.html'))) failed = { what: 'vite build wrote no index.html', output: result.output };
    }
    if (!failed && !build) {
      const page = checkPage(name);
      const count = (n, word, plural) => `${n} ${n === 1 ? word : plural}`;
      steps.push(`page: checked ${count(page.addresses, 'address', 'addresses')} and ${count(page.scripts, 'inline script', 'inline scripts')}`);
      if (page.problems.length) failed = { what: `index.html: ${page.problems[0]}`, output: page.problems.join('\n') };
    }
    return { name, failed, steps, seconds: (Date.now() - t0) / 1000 };
  };
  // Two at a time (CI has two cores); the lines come out in order.
  let free = 2;
  const waiting = [];
  const pooled = async (task) => {
    if (free > 0) free--;
    else await new Promise((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free++;
    }
  };
  const results = (wanted.length ? wanted : names).map((name) => pooled(() => check(name)));
  for (const result of results) {
    const { name, failed, steps, seconds } = await result;
    if (failed) report(name, false, failed.what, seconds, failed.output);
    else report(name, true, steps.join(', '), seconds);
  }
  const total = ((Date.now() - started) / 1000).toFixed(1);
  console.log(failures ? `examples: FAILED (${failures}) in ${total} s` : `examples: all checked in ${total} s`);
  process.exit(failures ? 1 : 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
