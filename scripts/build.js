// `npm run build`: the three Vite outputs in sequence (one config, a mode each), then the type
// declarations. See vite.config.ts for what each mode writes.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: 'inherit' });

rmSync(path.join(root, 'dist'), { recursive: true, force: true });
for (const mode of ['embed', 'bundle', 'npm']) run(bin('vite'), ['build', '--mode', mode, '--logLevel', 'warn']);
run(bin('tsc'), ['-p', 'tsconfig.build.json']);
console.log('dist/ written: embed.html, earshot-player.js, lib/, types/');
