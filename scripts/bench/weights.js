// What each output weighs in brotli (quality 11), and what a page loads first against what it loads later,
// read from the Vite build manifests (dist/.vite/*-manifest.json): an entry's first load is the entry and
// every chunk it imports statically; its dynamic imports, and theirs, load later.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';

export const brotli = (buffer) =>
  brotliCompressSync(buffer, {
    params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: buffer.length },
  }).length;

/** The files of `entry` in a Vite manifest: those it loads first, and those it may load later. */
export function entryFiles(dist, manifestName, entry) {
  const manifestFile = path.join(dist, '.vite', manifestName);
  if (!existsSync(manifestFile)) throw new Error(`dist/.vite/${manifestName} is missing: run npm run build`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  if (!manifest[entry]) throw new Error(`dist/.vite/${manifestName} has no entry ${entry}`);
  const first = new Set();
  const later = new Set();
  /** The module each chunk is named after in the manifest (a lazy chunk of the embed page has only a hash). */
  const modules = {};
  const visit = (key, into) => {
    const chunk = manifest[key];
    if (!chunk) return;
    modules[chunk.file] ??= chunk.src ?? chunk.name ?? key;
    const files = [chunk.file, ...(chunk.css ?? [])];
    if (files.every((file) => first.has(file) || into.has(file))) return;
    for (const file of files) into.add(file);
    for (const imported of chunk.imports ?? []) visit(imported, into);
    for (const dynamic of chunk.dynamicImports ?? []) visit(dynamic, later);
  };
  visit(entry, first);
  for (const file of first) later.delete(file);
  return { first: [...first], later: [...later], modules, manifest };
}

/**
 * The source modules matching `pattern` that an entry's first load holds: each, whether it is a chunk of its own
 * or was bundled into one, is named in the manifest with the file that holds it (the embed build's lazy chunks
 * are named by their hash alone, so file names say nothing).
 */
export function sourcesLoadedFirst(dist, manifestName, entry, pattern) {
  const { first, manifest } = entryFiles(dist, manifestName, entry);
  const sources = Object.keys(manifest).filter((key) => pattern.test(key));
  if (sources.length === 0) throw new Error(`dist/.vite/${manifestName} names no module like ${pattern}`);
  return sources.filter((key) => first.includes(manifest[key].file));
}

/** Sizes of each file, raw and brotli, and their sum. */
export function weigh(dist, files, modules = {}) {
  const sized = files.map((file) => {
    const buffer = readFileSync(path.join(dist, file));
    return { file, ...(modules[file] ? { module: modules[file] } : {}), raw: buffer.length, brotli: brotli(buffer) };
  });
  return { files: sized, brotli: sized.reduce((sum, file) => sum + file.brotli, 0) };
}

/** What the embed page, earshot-player.js and earshot-host.js load first, and what they may load later. */
export function firstLoads(dist) {
  const bundleFiles = entryFiles(dist, 'bundle-manifest.json', 'src/earshot-player.ts');
  const embedFiles = entryFiles(dist, 'embed-manifest.json', 'embed.html');
  // Classic scripts the page names itself (not in Vite's manifest): they load first too.
  const classic = [...readFileSync(path.join(dist, 'embed.html'), 'utf8').matchAll(/<script\s[^>]*src="\.\/([^"]+)"/g)]
    .map((match) => match[1])
    .filter((file) => !embedFiles.first.includes(file));
  return {
    embed: weigh(dist, ['embed.html', ...classic, ...embedFiles.first]),
    embedLater: weigh(dist, embedFiles.later, embedFiles.modules),
    bundle: weigh(dist, bundleFiles.first),
    bundleLater: weigh(dist, bundleFiles.later, bundleFiles.modules),
    host: weigh(dist, ['earshot-host.js']),
  };
}

/** The floor under Earshot: a minimal lit element (bundled with esbuild into `tmp`) and howler's core. */
export async function floor(root, tmp) {
  const { build } = await import('esbuild');
  const entry = path.join(tmp, 'lit-minimal.js');
  writeFileSync(
    entry,
    `import { LitElement, html, css } from 'lit';
class MinimalElement extends LitElement {
  static properties = { name: {} };
  static styles = css\`:host { display: block; }\`;
  constructor() { super(); this.name = 'World'; }
  render() { return html\`<p>Hello, \${this.name}</p>\`; }
}
customElements.define('minimal-element', MinimalElement);
`,
  );
  const outfile = path.join(tmp, 'lit-minimal.bundle.js');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    platform: 'browser',
    nodePaths: [path.join(root, 'node_modules')],
    logLevel: 'silent',
    legalComments: 'none',
  });
  const lit = brotli(readFileSync(outfile));
  const howler = brotli(readFileSync(path.join(root, 'node_modules', 'howler', 'dist', 'howler.core.min.js')));
  return { lit, howler, total: lit + howler };
}
