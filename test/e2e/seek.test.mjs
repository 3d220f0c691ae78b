// Seeking before the sound starts: where the listener puts the Seek slider while the track is still
// loading (after Play, on a slow network) is where it plays from.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newContext, readTime, useServersAndBrowser, watchPage } from './servers.mjs';

describe('Seek while the track loads', () => {
  let servers;
  let browser;
  useServersAndBrowser((started) => ({ servers, browser } = started));

  it('plays from where the listener dragged the slider while loading, not from 0', { timeout: 20_000 }, async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`${servers.newsroom}/dist/embed.html?src=${encodeURIComponent(`${servers.newsroom}/audio/clip-1.mp3`)}&title=Part+1&duration=20.85`);
    const player = page.getByRole('group', { name: 'Audio player: Part 1' });
    const slider = player.getByRole('slider', { name: 'Seek' });
    await player.getByRole('button', { name: 'Play', exact: true }).waitFor();

    // A slow network: every request takes a second to answer, so loading lasts long enough to seek in.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 1000, downloadThroughput: -1, uploadThroughput: -1 });

    await player.getByRole('button', { name: 'Play', exact: true }).click();
    await player.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    assert.equal(await page.evaluate(() => document.querySelector('earshot-player').status), 'loading', 'still loading when the listener seeks');
    await slider.fill('15');
    assert.equal((await readTime(player)).text, '0:15 / 0:21', 'the player shows the position picked');

    // Wait for the sound to start, then for a little playing.
    await page.waitForFunction(() => document.querySelector('earshot-player').status === 'playing' && window.__media[0] && !window.__media[0].paused, null, { timeout: 10_000 });
    await page.waitForTimeout(600);
    const media = await page.evaluate(() => window.__media[0].currentTime);
    const shown = await readTime(player);
    const events = await page.evaluate(() => window.__earshot.map((e) => `${e.type} ${JSON.stringify(e.detail.currentTime ?? '')}`));
    assert.ok(
      media >= 15 && Number(await slider.inputValue()) >= 15,
      `a seek made while the track loads was lost: the listener dragged Seek to 0:15 (earshot-seeked said 15), ` +
        `but the audio plays from ${media.toFixed(2)} s and the player now shows ${shown.text}. Events: ${events.join(' | ')}`,
    );
    assert.deepEqual(watch.errors.map(String), []);
    await cdp.detach();
    await context.close();
  });
});
