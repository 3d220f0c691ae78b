// `npm run build`: the three Vite outputs in sequence (one config, a mode each), then the type
// declarations. See vite.config.ts for what each mode writes.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: 'inherit' });

rmSync(path.join(root, 'dist'), { recursive: true, force: true });
for (const mode of ['embed', 'bundle', 'npm', 'host']) run(bin('vite'), ['build', '--mode', mode, '--logLevel', 'warn']);
run(bin('tsc'), ['-p', 'tsconfig.build.json']);
// dist/custom-elements.json from the element's JSDoc (see custom-elements-manifest.config.js).
run(bin('cem'), ['analyze', '--quiet']);
// dist/lib/oembed.js is for Node servers: its module graph imports no package (no lit, no howler), and it
// loads and runs where there is no DOM.
await checkNodeSafe(path.join(root, 'dist/lib/oembed.js'));
console.log('dist/ written: embed.html, earshot-player.js, earshot-host.js, lib/, types/');

async function checkNodeSafe(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    // `from "x"`, `import "x"` and `import("x")`
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/\b(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) {
      if (!specifier.startsWith('.')) throw new Error(`${path.relative(root, entry)} must stay dependency-free, but ${path.relative(root, file)} imports "${specifier}"`);
      visit(path.resolve(path.dirname(file), specifier));
    }
  };
  visit(entry);
  const { toOEmbed } = await import(pathToFileURL(entry).href);
  toOEmbed({ title: 'Check', src: 'https://example.com/a.mp3' }, { embedBase: 'https://example.com/embed.html' });
}
