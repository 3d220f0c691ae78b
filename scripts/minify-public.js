// Vite plugins for the embed page's build, which weighs every byte it loads before its player is usable:
// - minifyPublic: the classic scripts in public/ are copied as they are, comments and all (the page loads
//   embed-fallback.js first). This minifies them in dist/ once the build is written (oxc's minifier, as
//   Vite's own output), so that the source keeps its words.
// - collapseHtml: the page's own HTML without the indentation between its tags (it has no text where
//   whitespace could matter: its body is an empty <main>).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { minifySync } from 'rolldown/experimental';

export function minifyPublic(files) {
  let outDir = 'dist';
  return {
    name: 'earshot-minify-public',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      for (const file of files) {
        const full = path.join(outDir, file);
        const { code, errors } = minifySync(file, readFileSync(full, 'utf8'), { compress: { target: 'es2015' }, mangle: true });
        if (errors.length > 0) throw new Error(`${file}: ${errors.map((error) => error.message).join('; ')}`);
        writeFileSync(full, code);
      }
    },
  };
}

export function collapseHtml() {
  return {
    name: 'earshot-collapse-html',
    apply: 'build',
    transformIndexHtml: { order: 'post', handler: (html) => html.replace(/>\s+</g, '><').trim() },
  };
}
