/**
 * One config, one output per mode (Vite cannot build library mode and HTML pages together):
 *   vite build --mode embed    dist/embed.html and its assets, relative URLs, for any static host
 *   vite build --mode bundle   dist/earshot-player.js, one self-contained ES module (lit and howler inside)
 *   vite build --mode npm      dist/lib/*.js, the npm entries, lit and howler left to the user's bundler
 *   vite build --mode host     dist/earshot-host.js, the host pages' classic script (no dependencies, minified)
 *   vite (serve)               the demo story page
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';
import { collapseTemplates } from './scripts/collapse-templates.js';
import { collapseHtml, minifyPublic } from './scripts/minify-public.js';
import { unwrapPreload } from './scripts/unwrap-preload.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The core of howler: the full entry adds a spatial-audio plugin that a story player never uses.
const howlerCore = { find: /^howler$/, replacement: here('node_modules/howler/dist/howler.core.min.js') };

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'bundle') {
    return {
      define: { __EARSHOT_EMBED_PAGE__: JSON.stringify('embed.html') },
      plugins: [collapseTemplates()],
      resolve: { alias: [howlerCore] },
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        target: 'es2022',
        lib: { entry: here('src/earshot-player.ts'), formats: ['es'], fileName: () => 'earshot-player.js' },
        // What a player needs only later (howler's engine, the panels, Media Session, Resume, downloads) loads
        // from assets/ beside the module, by URLs relative to it (README: "Hosting dist/"). 'allow-extension': the entry may
        // export more than its own API, so the code it shares with those parts stays in it (one request)
        // instead of being split into more chunks that it would load at once anyway.
        rollupOptions: { preserveEntrySignatures: 'allow-extension', output: { minify: true, chunkFileNames: 'assets/[name]-[hash].js' } },
        // What loads first and what later, for `npm run bench` (not published: see package.json files).
        manifest: '.vite/bundle-manifest.json',
      },
    };
  }
  if (mode === 'host') {
    return {
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        target: 'es2020',
        // A classic script (an IIFE): a plain <script src> from any origin, no CORS needed.
        lib: { entry: here('src/host/classic.ts'), formats: ['iife'], name: 'EarshotHostScript', fileName: () => 'earshot-host.js' },
        rollupOptions: { output: { minify: true } },
      },
    };
  }
  if (mode === 'npm') {
    return {
      // No default embed page: see src/define-entry.ts.
      define: { __EARSHOT_EMBED_PAGE__: 'null' },
      build: {
        outDir: 'dist/lib',
        emptyOutDir: true,
        target: 'es2022',
        minify: false,
        lib: {
          entry: { index: here('src/index.ts'), define: here('src/define-entry.ts'), oembed: here('src/core/oembed.ts'), host: here('src/host/earshot-host.ts') },
          formats: ['es'],
          fileName: (_format, name) => `${name}.js`,
        },
        rollupOptions: { external: [/^lit($|\/)/, /^@lit\//, /^howler($|\/)/] },
      },
    };
  }
  if (mode === 'embed') {
    return {
      // The embed page's player never has a page's own <audio> inside it: the code for one is left out.
      define: { __EARSHOT_EMBED_PAGE__: JSON.stringify('../embed.html'), __EARSHOT_PAGE_AUDIO__: 'false' },
      plugins: [collapseTemplates(), unwrapPreload(), minifyPublic(['embed-fallback.js']), collapseHtml()],
      root: here('src/embed'),
      base: './',
      resolve: { alias: [howlerCore] },
      build: {
        outDir: here('dist'),
        emptyOutDir: false,
        target: 'es2022',
        assetsDir: 'assets',
        // The lazy chunks load when needed, not before: no preload polyfill for them.
        modulePreload: false,
        manifest: '.vite/embed-manifest.json',
        sourcemap: process.env.EARSHOT_SOURCEMAP === '1',
        // The page's first chunk names every lazy one: a lazy chunk's name is its hash alone, and short (its
        // module is in .vite/embed-manifest.json), since each name is bytes that brotli cannot shrink.
        rollupOptions: { input: here('src/embed/embed.html'), output: { chunkFileNames: 'assets/[hash:8].js', entryFileNames: 'assets/[name]-[hash:6].js' } },
      },
    };
  }
  // The demo: `npm start`.
  return {
    root: here('demo'),
    resolve: { alias: [howlerCore] },
    server: { port: 5173, strictPort: false, fs: { allow: [here('.')] } },
    preview: { port: 4173 },
  };
});
