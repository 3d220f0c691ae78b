// `npm start`: builds dist/, then serves the demo as two sites on two origins:
//   the newsroom  http://localhost:5173/        the story page, with dist/ at /dist/
//   a blog        http://127.0.0.1:5174/        someone else's page with a pasted Earshot snippet
// PORT and BLOG_PORT change the ports; --no-build serves what dist/ already holds.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
const newsroomUrl = newsroom.url.replace('127.0.0.1', 'localhost');
// The blog carries a snippet exactly as the story page's Embed button hands it out (the gale segment).
const embed = new URL(`${newsroomUrl}/dist/embed.html`);
for (const [name, value] of [['src', `${newsroomUrl}/audio/interview.mp3`], ['title', 'The gale of 1962'], ['program', 'Coastlines'], ['date', '2026-03-24'], ['image', `${newsroomUrl}/images/lighthouse.svg`], ['download', `${newsroomUrl}/audio/interview.mp3`], ['duration', '166.17'], ['t', '40.12,76.45']]) {
  embed.searchParams.append(name, value);
}
const escape = (value) => value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const snippet = `<iframe src="${escape(embed.href)}" width="100%" height="290" frameborder="0" scrolling="no" title="Embedded audio player: The gale of 1962" allow="autoplay" loading="lazy"></iframe>`;
const blogDir = mkdtempSync(path.join(tmpdir(), 'earshot-blog-'));
writeFileSync(path.join(blogDir, 'index.html'), readFileSync(at('demo/blog/index.html'), 'utf8').replace('{{SNIPPET}}', snippet));
const blog = await serveSite({ port: Number(process.env.BLOG_PORT ?? 5174), mounts: [['/', blogDir]] });
console.log(`\nEarshot demo\n  story page   ${newsroomUrl}/\n  a blog       ${blog.url}/  (another origin, with a pasted snippet)\n\nCtrl+C to stop.`);
