// `npm start`: builds dist/, then serves the demo as two sites on two origins:
//   the newsroom  http://localhost:5173/        the story page, with dist/ at /dist/
//   a blog        http://127.0.0.1:5174/        someone else's page with a pasted Earshot snippet
// PORT and BLOG_PORT change the ports; --no-build serves what dist/ already holds.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveSite } from './serve.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => path.join(root, ...parts);

if (!process.argv.includes('--no-build')) execFileSync(process.execPath, [at('scripts/build.js')], { stdio: 'inherit' });

const newsroom = await serveSite({
  port: Number(process.env.PORT ?? 5173),
  mounts: [
    ['/dist', at('dist')],
    ['/', at('demo')],
  ],
});
const blog = await serveSite({ port: Number(process.env.BLOG_PORT ?? 5174), mounts: [['/', at('demo/blog')]] });
const newsroomUrl = newsroom.url.replace('127.0.0.1', 'localhost');
console.log(`\nEarshot demo\n  story page   ${newsroomUrl}/\n  a blog       ${blog.url}/  (another origin, with a pasted snippet)\n\nCtrl+C to stop.`);
