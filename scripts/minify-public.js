// A Vite plugin for the embed page's build: the classic scripts in public/ are copied as they are, comments
// and all, and the embed page loads embed-fallback.js before its player is usable. This minifies them in
// dist/ once the build is written (oxc's minifier, as Vite's own output), so that the source keeps its words.
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
