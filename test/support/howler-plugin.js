// A @web/test-runner (dev server) plugin that makes `import { Howl, Howler } from 'howler'` work.
//
// howler 2.2.4 ships CommonJS/UMD only, and the dev server serves files as they are, so the browser
// would see a module without exports ("does not provide an export named 'Howl'"). Vite handles this in
// the build; under wtr this plugin:
//   1. resolves every howler entry ('howler', 'howler/dist/howler.js', 'howler/dist/howler.core.min.js',
//      'howler/dist/howler.min.js', 'howler/src/howler.core.js') to ONE module, so that tests and source
//      share a single Howler (two copies would each have their own Howler.usingWebAudio, pool, ...);
//      that module is howler's readable core source (no spatial plugin: a story player needs none);
//   2. serves howler's files wrapped in a tiny CommonJS shim with ES exports.
//
// The wrapper declares no top-level `Howl`/`Howler` binding before howler's code runs (a `const Howl`
// there puts the name in its temporal dead zone: "Cannot access 'Howl' before initialization"); the
// exports are re-exported under their names from private bindings instead.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const HOWLER_ENTRIES = new Set([
  'howler',
  'howler/dist/howler.js',
  'howler/dist/howler.min.js',
  'howler/dist/howler.core.min.js',
  'howler/src/howler.core.js',
]);

/** Wraps CommonJS/UMD howler source so that it is an ES module exporting Howl, Howler (and default). */
export function wrapHowler(code) {
  return [
    'const module = { exports: {} };',
    'const exports = module.exports;',
    code,
    ';',
    'const __earshotHowler = module.exports;',
    'const __earshotHowl = __earshotHowler.Howl;',
    'const __earshotHowlerGlobal = __earshotHowler.Howler;',
    'export { __earshotHowl as Howl, __earshotHowlerGlobal as Howler };',
    'export default __earshotHowler;',
    '',
  ].join('\n');
}

/**
 * @param {{ rootDir?: string, entry?: string }} [options]
 *   entry: the howler file (relative to the howler package) every howler import resolves to.
 */
export function howlerPlugin(options = {}) {
  const rootDir = path.resolve(options.rootDir ?? process.cwd());
  const entry = options.entry ?? 'src/howler.core.js';
  const require = createRequire(path.join(rootDir, 'package.json'));
  const packageDir = path.dirname(require.resolve('howler/package.json'));
  const entryFile = path.join(packageDir, entry);
  readFileSync(entryFile); // fail early with a clear error if the file is missing
  const relative = path.relative(rootDir, entryFile).split(path.sep).join('/');
  if (relative.startsWith('..')) {
    throw new Error(`howler-plugin: howler (${packageDir}) must be inside the test runner's rootDir ${rootDir}`);
  }
  const entryUrl = `/${relative}`;
  const packageUrl = `/${path.relative(rootDir, packageDir).split(path.sep).join('/')}/`;

  return {
    name: 'earshot-howler-esm',

    resolveImport({ source }) {
      if (HOWLER_ENTRIES.has(source)) return entryUrl;
      return undefined;
    },

    transform(context) {
      if (!context.path.startsWith(packageUrl) || !context.path.endsWith('.js')) return undefined;
      if (typeof context.body !== 'string' || context.body.includes('__earshotHowler')) return undefined;
      return { body: wrapHowler(context.body), transformCache: true };
    },
  };
}

export default howlerPlugin;
