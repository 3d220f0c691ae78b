// The npm package as it would be published, from the dist/ this run built: `npm pack` (without its prepack
// build), then publint on the packed files and Are the Types Wrong on the tarball. Every entry point of
// package.json's exports resolves, with its types, for Node's ESM and for bundlers (the package is ESM
// only; embed.html is a file to host, not a module to import). The README and docs/ travel with it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { at } from './servers.mjs';

const bin = (name) => at('node_modules', '.bin', name);
const run = (command, args, options = {}) => execFileSync(command, args, { cwd: at('.'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });

describe('The npm package', () => {
  let dir;
  let tarball;
  let files;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'earshot-pack-'));
    const [packed] = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir]));
    tarball = path.join(dir, packed.filename);
    files = packed.files.map((file) => file.path);
    run('tar', ['-xzf', tarball, '-C', dir]);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('holds every file its exports name, its docs, and nothing from the repository beyond them', () => {
    const pkg = JSON.parse(readFileSync(at('package.json'), 'utf8'));
    const targets = Object.values(pkg.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)));
    for (const target of targets) assert.ok(files.includes(target.replace(/^\.\//, '')), `${target} is in the package`);
    for (const file of ['README.md', 'LICENSE', 'docs/README.md', 'dist/earshot-host.js', 'dist/custom-elements.json']) assert.ok(files.includes(file), file);
    const strays = files.filter((file) => !/^(dist|docs)\//.test(file) && !['README.md', 'LICENSE', 'package.json'].includes(file));
    assert.deepEqual(strays, []);
    assert.equal(files.filter((file) => file.startsWith('dist/.vite/')).length, 0, 'no build manifests');
  });

  it('passes publint (strict)', () => {
    const out = run(bin('publint'), ['--strict', '--pack', 'false', path.join(dir, 'package')]);
    assert.match(out, /All good!/, out);
  });

  it('passes Are the Types Wrong for ESM and bundlers, every entry point typed', () => {
    // attw exits 1 when it finds a problem.
    try {
      run(bin('attw'), [tarball, '--profile', 'esm-only', '--exclude-entrypoints', './embed.html', '--format', 'ascii']);
    } catch (error) {
      assert.fail(`attw found problems:\n${error.stdout}${error.stderr}`);
    }
  });
});
