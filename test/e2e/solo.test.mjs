// One player at a time, across frames: two embeds of the same newsroom on one blog page; starting one
// pauses the other (BroadcastChannel), unless the second was embedded with independent=1.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blogHtml, clickPlayAndHear, newContext, useServersAndBrowser, watchPage } from './servers.mjs';

describe('One player at a time, across embedded frames', () => {
  let servers;
  let browser;
  useServersAndBrowser((started) => ({ servers, browser } = started));

  async function twoFrames(name, secondQuery = '') {
    const embed = (clip, title, extra = '') =>
      `${servers.newsroom}/dist/embed.html?src=${encodeURIComponent(`${servers.newsroom}/audio/${clip}.mp3`)}&title=${encodeURIComponent(title)}${extra}`;
    const frame = (src, title) => `<iframe src="${src.replace(/&/g, '&amp;')}" width="100%" height="290" style="border:0" title="Embedded audio player: ${title}" allow="autoplay"></iframe>`;
    const url = servers.blogPage(name, blogHtml(frame(embed('clip-1', 'Part 1'), 'Part 1') + frame(embed('clip-2', 'Part 2', secondQuery), 'Part 2')));
    const context = await newContext(browser);
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(url);
    const players = [0, 1].map((i) => page.frameLocator('iframe').nth(i).getByRole('group', { name: `Audio player: Part ${i + 1}` }));
    const status = (i) => page.frames()[i + 1].evaluate(() => document.querySelector('earshot-player').status);
    return { context, watch, players, status };
  }

  it('pauses the first embed when the listener starts the second', { timeout: 30_000 }, async () => {
    const { context, watch, players, status } = await twoFrames('two-embeds.html');
    await clickPlayAndHear(players[0], { wait: 600, atLeast: 0.3 });
    await clickPlayAndHear(players[1], { wait: 600, atLeast: 0.3 });
    await players[0].getByRole('button', { name: 'Play', exact: true }).waitFor();
    assert.equal(await status(0), 'paused');
    assert.equal(await status(1), 'playing');
    assert.deepEqual(watch.errors.map(String), []);
    await context.close();
  });

  it('lets an embed with independent=1 play alongside', { timeout: 30_000 }, async () => {
    const { context, watch, players, status } = await twoFrames('two-independent.html', '&independent=1');
    await clickPlayAndHear(players[0], { wait: 600, atLeast: 0.3 });
    await clickPlayAndHear(players[1], { wait: 600, atLeast: 0.3 });
    assert.deepEqual([await status(0), await status(1)], ['playing', 'playing']);
    assert.deepEqual(watch.errors.map(String), []);
    await context.close();
  });
});
