// `npm start`: builds dist/, then serves the demo as two sites on two origins:
//   the newsroom  http://localhost:5173/        the story page, with dist/ at /dist/
//   a blog        http://127.0.0.1:5174/        someone else's page with a pasted Earshot snippet
// PORT and BLOG_PORT change the ports; --no-build serves what dist/ already holds.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => path.join(root, ...parts);
const stop = (message) => {
  console.error(`npm start: ${message}`);
  process.exit(1);
};

// Before `npm ci` nothing below can load: say so in one line, not with a stack trace.
if (!existsSync(at('node_modules', 'vite')) || !existsSync(at('node_modules', 'sirv'))) stop('the dependencies are not installed: run `npm ci` first.');
const { serveSite } = await import('./serve.js');

if (!process.argv.includes('--no-build')) {
  try {
    execFileSync(process.execPath, [at('scripts/build.js')], { stdio: 'inherit' });
  } catch {
    stop('the build failed (its messages are above).');
  }
}

const newsroom = await serveSite({
  port: Number(process.env.PORT ?? 5173),
  mounts: [
    ['/dist', at('dist')],
    ['/', at('demo')],
  ],
});
const newsroomUrl = newsroom.url.replace('127.0.0.1', 'localhost');
// The blog carries a clip exactly as the story page's Embed panel hands it out: the interview, with Clip start
// and Clip end set to Margaret Hale's answer about the gale (as "Embed this part" sets them from her words in
// the transcript).
const embed = new URL(`${newsroomUrl}/dist/embed.html`);
for (const [name, value] of [['manifest', `${newsroomUrl}/interview.json`], ['t', '47.6,68.1']]) embed.searchParams.append(name, value);
const escape = (value) => value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const snippet = `<iframe src="${escape(embed.href)}" width="100%" height="290" frameborder="0" scrolling="no" title="Embedded audio player: The Lighthouse Keepers of Harrow Point (0:48–1:08)" allow="autoplay; clipboard-write" loading="lazy"></iframe>`;
const blogDir = mkdtempSync(path.join(tmpdir(), 'earshot-blog-'));
// {{NEWSROOM}}: the newsroom's address, for the blog's icon and its links to the story and the gallery.
const blogPage = readFileSync(at('demo/blog/index.html'), 'utf8').replace('{{SNIPPET}}', snippet).replaceAll('{{NEWSROOM}}', newsroomUrl);
writeFileSync(path.join(blogDir, 'index.html'), blogPage);
const blog = await serveSite({ port: Number(process.env.BLOG_PORT ?? 5174), mounts: [['/', blogDir]] });
console.log(
  `\nEarshot demo\n  story page   ${newsroomUrl}/\n  gallery      ${newsroomUrl}/gallery.html  (every option beside its markup)\n  a blog       ${blog.url}/  (another origin, with a pasted snippet)\n\nCtrl+C to stop.`,
);
