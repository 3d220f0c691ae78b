// The example projects of examples/ run, and the documentation shows them as they are.
//
// Each example is served from the repository's root, as its root-relative addresses (/dist/…, /demo/…)
// expect: dist/ from a copy taken at the start, the Vite examples freshly built (scripts/examples.js's own
// build, into a temp folder). In Chromium each shows its player with a Play button and logs no error; the
// bundled ones play on a real click and their typed listeners hear it; the host pages (player.js,
// earshot-host.js) get `ready` and drive the embedded player. Then: every code block of README.md and docs/
// that names an example file with `<!-- example: PATH -->` shows exactly that file (scripts/sync-examples.js).
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { serveSite } from '../../scripts/serve.js';
import { buildExample, exampleNames, kindOf } from '../../scripts/examples.js';
import { syncAll, syncText } from '../../scripts/sync-examples.js';
import { allErrors, playerState, recordErrors, until } from './host-support.mjs';
import { at, launchBrowser, newContext, watchPage } from './servers.mjs';

const PLAYER = 'Audio player: The Lighthouse Keepers of Harrow Point';
/** What each bundled example logs from its own earshot-play listener. */
const PLAY_LOG = {
  'vite-ts': /^\d+(\.\d+)? 0$/,
  react: /^playing from \d/,
  vue: /^playing from \d/,
};

describe('The examples run', () => {
  let site;
  let browser;
  let temp;
  const built = new Set();

  before(async () => {
    temp = mkdtempSync(path.join(tmpdir(), 'earshot-e2e-examples-'));
    cpSync(at('dist'), path.join(temp, 'dist'), { recursive: true });
    const mounts = [['/dist', path.join(temp, 'dist')]];
    const bundled = exampleNames().filter((name) => kindOf(name).build);
    const results = await Promise.all(bundled.map((name) => buildExample(name, path.join(temp, name))));
    results.forEach((result, i) => {
      if (result.code !== 0) throw new Error(`vite build of examples/${bundled[i]} failed:\n${result.output}`);
      built.add(bundled[i]);
      mounts.push([`/examples/${bundled[i]}/dist`, path.join(temp, bundled[i])]);
    });
    mounts.push(['/', at('.')]);
    site = await serveSite({ mounts });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  /** Opens an example; returns {page, watch, player (a locator), frame (for framed players), errors()}. */
  async function open(name) {
    const context = await newContext(browser);
    await context.addInitScript(recordErrors);
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`${site.url}/examples/${name}/${built.has(name) ? 'dist/' : ''}index.html`);
    const framed = (await page.locator('earshot-player').count()) === 0 && (await page.locator('iframe').count()) > 0;
    const scope = framed ? page.frameLocator('iframe') : page;
    const player = scope.getByRole('group', { name: PLAYER });
    await player.waitFor();
    await player.getByRole('button', { name: 'Play', exact: true }).waitFor();
    const frame = framed ? await until(() => page.frames().find((f) => f.url().includes('/dist/embed.html')), 'the embed frame') : null;
    const errors = async () => [
      ...(await allErrors(page, watch)),
      // The browser asks every page for /favicon.ico, which the repository has not.
      ...watch.messages.filter((m) => m.type === 'error' && !m.url?.endsWith('/favicon.ico')).map((m) => `console.error: ${m.text} (${m.url})`),
    ];
    return { context, page, watch, player, frame, errors };
  }

  const logged = (watch, pattern) => watch.messages.find((m) => m.type === 'log' && pattern.test(m.text));

  it('every example is tested here', () => {
    assert.deepEqual(exampleNames(), ['host-script', 'html', 'iframe', 'playerjs', 'react', 'vite-ts', 'vue']);
  });

  for (const name of ['html', 'iframe']) {
    it(`${name}: shows the player with its Play button, and no error`, { timeout: 30_000 }, async () => {
      const { context, errors } = await open(name);
      assert.deepEqual(await errors(), []);
      await context.close();
    });
  }

  for (const name of ['vite-ts', 'react', 'vue']) {
    it(`${name}: shows the player; a click on Play plays, and the example's own listener hears earshot-play`, { timeout: 30_000 }, async () => {
      const { context, page, watch, player, errors } = await open(name);
      await player.getByRole('button', { name: 'Play', exact: true }).click();
      await player.getByRole('button', { name: 'Pause', exact: true }).waitFor();
      await until(() => logged(watch, PLAY_LOG[name]), `examples/${name} logs ${PLAY_LOG[name]} (it logged: ${JSON.stringify(watch.messages.map((m) => m.text))})`);
      if (name === 'react') {
        // The ref reaches the element: "Jump to the gale" seeks it.
        await page.getByRole('button', { name: 'Jump to the gale' }).click();
        await until(async () => (await page.evaluate(() => document.querySelector('earshot-player').currentTime)) >= 40, 'the player is at 0:40 or later');
      }
      assert.deepEqual(await errors(), []);
      await context.close();
    });
  }

  it('playerjs: the host page hears ready, its commands reach the frame, and Listen plays it', { timeout: 30_000 }, async () => {
    const { context, page, watch, frame, errors } = await open('playerjs');
    await until(() => logged(watch, /^lasts 166\.17$/), `getDuration answered (logged: ${JSON.stringify(watch.messages.map((m) => m.text))})`);
    await until(async () => (await playerState(frame)).playbackRate === 1.5, 'setPlaybackRate 1.5 reached the player');
    await page.getByRole('button', { name: 'Listen' }).click();
    await until(async () => (await playerState(frame)).status === 'playing', 'Listen started the player');
    assert.deepEqual(await errors(), []);
    await context.close();
  });

  it('host-script: EarshotHost gets ready, seeks, answers, sets the volume, and Listen plays the frame', { timeout: 30_000 }, async () => {
    const { context, page, watch, frame, errors } = await open('host-script');
    const answer = await until(() => logged(watch, /^[\d.]+ 166\.17 true$/), `getCurrentTime, getDuration, getPaused answered (logged: ${JSON.stringify(watch.messages.map((m) => m.text))})`);
    assert.equal(Number(answer.text.split(' ')[0]), 90, `seek(90) came first: ${answer.text}`);
    await until(async () => (await playerState(frame)).volume === 0.5, "call('setVolume', 50) reached the player");
    await page.getByRole('button', { name: 'Listen' }).click();
    await until(async () => (await playerState(frame)).status === 'playing', 'Listen started the player');
    assert.deepEqual(await errors(), []);
    await context.close();
  });
});

describe('The documentation shows the examples as they are', () => {
  it('every <!-- example: PATH --> block of README.md and docs/ equals its file', () => {
    const { files } = syncAll({ check: true });
    const wrong = files.flatMap(({ file, blocks, problems }) => [
      ...problems.map((problem) => `${file}:${problem.line}: ${problem.message}`),
      ...blocks.filter((block) => block.stale).map((block) => `${file}:${block.line}: differs from ${block.file}`),
    ]);
    assert.deepEqual(wrong, [], 'run node scripts/sync-examples.js');
    const shown = new Set(files.flatMap(({ blocks }) => blocks.map((block) => block.file)));
    assert.ok(shown.has('examples/react/src/App.tsx') && shown.has('examples/vue/src/App.vue'), `README.md shows the examples: ${[...shown]}`);
  });

  it('the sync fills a block, leaves it alone once filled, and reports a stale block or a missing file', () => {
    const files = { 'examples/a.ts': "console.log('a');\n", 'examples/b.html': '<p>b</p>\n' };
    const read = (file) => files[file];
    const empty = ['# Title', '', '<!-- example: examples/a.ts -->', '```ts', '```', '', '<!-- example: examples/b.html -->', '```', '```', ''].join('\n');
    const filled = syncText(empty, read);
    assert.deepEqual(filled.problems, []);
    assert.equal(filled.text, ['# Title', '', '<!-- example: examples/a.ts -->', '```ts', "console.log('a');", '```', '', '<!-- example: examples/b.html -->', '```html', '<p>b</p>', '```', ''].join('\n'));
    assert.deepEqual(filled.blocks.map((b) => b.stale), [true, true]);
    const again = syncText(filled.text, read);
    assert.equal(again.text, filled.text);
    assert.deepEqual(again.blocks.map((b) => b.stale), [false, false]);

    const stale = syncText(filled.text.replace("console.log('a');", "console.log('old');"), read);
    assert.deepEqual(stale.blocks.map((b) => ({ line: b.line, stale: b.stale })), [{ line: 3, stale: true }, { line: 8, stale: false }]);

    const missing = syncText(filled.text.replace('examples/b.html', 'examples/gone.html'), read);
    assert.deepEqual(missing.problems.map((p) => p.message), ['examples/gone.html does not exist']);
    const outside = syncText('<!-- example: ../secret.txt -->\n```\n```\n', read);
    assert.match(outside.problems[0].message, /not a path inside the repository/);
    const noBlock = syncText('<!-- example: examples/a.ts -->\nText.\n', read);
    assert.match(noBlock.problems[0].message, /not followed by a fenced code block/);

    // A file with a fence of its own gets a longer one; a marker quoted inside another block is left alone.
    const withFence = syncText('<!-- example: examples/c.md -->\n```md\n```\n', () => 'A\n```js\nx\n```\n');
    assert.equal(withFence.text, '<!-- example: examples/c.md -->\n````md\nA\n```js\nx\n```\n````\n');
    const quoted = '````md\n<!-- example: examples/gone.html -->\n```\n```\n````\n';
    assert.deepEqual(syncText(quoted, read), { text: quoted, blocks: [], problems: [] });
  });
});
