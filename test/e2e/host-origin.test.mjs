// Who may command the embedded player (README: "Control an embedded player"): only its parent window, and with origin= only from that
// exact origin. A sibling frame of another origin, a third-origin page that frames the host page, and the
// right parent on the wrong origin all get nowhere, even with a real click behind them (so that the
// browser would have let the audio start), while the host page's own click plays it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blogHtml, newContext, useServersAndBrowser, watchPage } from './servers.mjs';
import { VERSION, allErrors, embedUrl, frameStartingWith, playerState, recordErrors, sleep, startForeign, until } from './host-support.mjs';

/** Everything a page could try: commands as JSON and as objects, listeners, getters. */
const ATTACK = `
  const base = { context: 'player.js', version: '${VERSION}' };
  const commands = [
    { method: 'play' },
    { method: 'setVolume', value: 5 },
    { method: 'setCurrentTime', value: 3 },
    { method: 'setPlaybackRate', value: 2 },
    { method: 'mute' },
    { method: 'setLoop', value: true },
    { method: 'addEventListener', value: 'timeupdate', listener: 'spy' },
    { method: 'addEventListener', value: 'ready', listener: 'spy' },
    { method: 'getPaused', listener: 'spy' },
    { method: 'getTrack', listener: 'spy' },
  ];
  function attack(target) {
    for (const command of commands) {
      target.postMessage(JSON.stringify({ ...base, ...command }), '*');
      target.postMessage({ ...base, ...command }, '*');
    }
  }
  window.got = [];
  addEventListener('message', (event) => got.push(String(event.data).slice(0, 300)));
`;

/** A host page that records what the player posts and can post to it (`send`). */
function recorder(playerOrigin) {
  return `<script>
  window.fromPlayer = [];
  const frame = () => document.getElementById('earshot');
  addEventListener('message', (event) => {
    if (event.source === frame().contentWindow) fromPlayer.push({ origin: event.origin, data: JSON.parse(event.data) });
  });
  window.send = (message) => frame().contentWindow.postMessage(JSON.stringify({ context: 'player.js', version: '${VERSION}', ...message }), '${playerOrigin}');
  document.getElementById('start').addEventListener('click', () => send({ method: 'play' }));
</script>`;
}

/**
 * A host page on the blog origin: a Listen button, the player frame embedded with `origin=`, anything
 * `more`, and the recorder of what the player posts.
 */
function hostPage(servers, name, origin, more = '') {
  return servers.blogPage(
    name,
    blogHtml(
      `<p><button id="start" type="button">Listen</button></p>
<iframe id="earshot" src="${embedUrl(servers, { origin })}" width="100%" height="290" frameborder="0" allow="autoplay" title="Player"></iframe>
${more ? `${more}\n` : ''}${recorder(servers.newsroom)}`,
    ),
  );
}

describe('Host control: only the parent, only from origin=', () => {
  let servers;
  let foreign;
  let browser;
  useServersAndBrowser((started) => ({ servers, browser, extra: foreign } = started), { also: startForeign });

  async function open(url) {
    const context = await newContext(browser);
    await context.addInitScript(recordErrors);
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(url);
    return { context, page, watch };
  }

  const untouched = (state, why) => {
    assert.equal(state.paused, true, `${why}: still paused`);
    assert.equal(state.status, 'idle', `${why}: never started`);
    assert.equal(state.currentTime, 0, `${why}: not moved`);
    assert.equal(state.volume, 1, `${why}: volume unchanged`);
    assert.equal(state.muted, false, `${why}: not muted`);
    assert.equal(state.playbackRate, 1, `${why}: rate unchanged`);
  };

  it('a malformed origin= fails closed: the player takes no commands, posts nothing, and says why', { timeout: 40_000 }, async () => {
    // A publisher's likely mistakes with the right host: a trailing slash, a path, capitals, a wildcard.
    for (const [name, origin] of [
      ['slash', `${servers.blog}/`],
      ['path', `${servers.blog}/story`],
      ['capitals', servers.blog.toUpperCase()],
      ['star', '*'],
    ]) {
      const { context, page, watch } = await open(hostPage(servers, `host-closed-${name}.html`, origin));
      const player = await frameStartingWith(page, `${servers.newsroom}/dist/embed.html`);
      await player.getByRole('button', { name: 'Play', exact: true }).waitFor();
      await until(async () => watch.messages.some((m) => m.type === 'error' && /origin=.*not an exact origin/.test(m.text)), `a console.error about origin=${origin}`);
      // The host asks for events and state, then its own button (a real click) asks for play.
      await page.evaluate(() => {
        window.send({ method: 'addEventListener', value: 'ready', listener: 'host' });
        window.send({ method: 'getPaused', listener: 'host' });
      });
      await page.getByRole('button', { name: 'Listen' }).click();
      await sleep(1500);
      untouched(await playerState(player), `origin=${origin}`);
      assert.deepEqual(await page.evaluate(() => window.fromPlayer), [], `origin=${origin}: the player told the page nothing`);
      assert.deepEqual(await allErrors(page, watch), []);
      await context.close();
    }
  });

  it('a sibling frame of another origin cannot command the player, and hears nothing from it', { timeout: 30_000 }, async () => {
    const sibling = foreign.page(
      'sibling.html',
      `<!doctype html><title>An ad</title><button id="go">Win a prize</button><script>${ATTACK}
        document.getElementById('go').addEventListener('click', () => attack(parent.frames[0]));</script>`,
    );
    const host = hostPage(servers, 'host-sibling.html', servers.blog, `<iframe id="ad" src="${sibling}" width="300" height="100" allow="autoplay" title="Ad"></iframe>`);
    const { context, page, watch } = await open(host);
    const player = await frameStartingWith(page, `${servers.newsroom}/dist/embed.html`);
    const ad = await frameStartingWith(page, foreign.origin);
    await page.waitForFunction(() => window.fromPlayer.some((m) => m.data.event === 'ready'));

    // A real click in the sibling: it has a user gesture, and it fires everything at the player.
    await ad.getByRole('button', { name: 'Win a prize' }).click();
    await sleep(1500);
    untouched(await playerState(player), 'after the sibling frame commanded it');
    assert.equal(await player.evaluate(() => document.querySelector('earshot-player').shadowRoot.querySelector('[part~="play-button"]').getAttribute('aria-label')), 'Play');
    assert.deepEqual((await ad.evaluate(() => window.got)).filter((m) => m.includes('player.js')), [], 'the sibling heard nothing');
    assert.deepEqual((await page.evaluate(() => window.fromPlayer)).map((m) => m.data.event), ['ready'], 'no answer went to the host either');

    // The parent, from the right origin, is obeyed: a getter answers, and its own button plays.
    await page.evaluate(() => window.send({ method: 'getPaused', listener: 'host' }));
    await page.waitForFunction(() => window.fromPlayer.some((m) => m.data.event === 'getPaused' && m.data.listener === 'host'));
    await page.getByRole('button', { name: 'Listen' }).click();
    await until(async () => (await playerState(player)).status === 'playing', 'the host page plays it');
    for (const message of await page.evaluate(() => window.fromPlayer)) assert.equal(message.origin, servers.newsroom);
    assert.deepEqual(await allErrors(page, watch), []);
    await context.close();
  });

  it('a third-origin page that frames the host page cannot command the player in it', { timeout: 30_000 }, async () => {
    const host = hostPage(servers, 'host-framed.html', servers.blog);
    const top = foreign.page(
      'top.html',
      `<!doctype html><title>A page that frames the host</title><button id="go">Continue</button>
      <iframe src="${host}" width="800" height="500" allow="autoplay"></iframe>
      <script>${ATTACK}
        document.getElementById('go').addEventListener('click', () => {
          attack(frames[0].frames[0]);
          attack(frames[0]);
        });</script>`,
    );
    const { context, page, watch } = await open(top);
    const hostFrame = await frameStartingWith(page, servers.blog);
    const player = await frameStartingWith(page, `${servers.newsroom}/dist/embed.html`);
    await hostFrame.waitForFunction(() => window.fromPlayer.some((m) => m.data.event === 'ready'));

    await page.getByRole('button', { name: 'Continue' }).click();
    await sleep(1500);
    untouched(await playerState(player), 'after the top page commanded it');
    assert.deepEqual((await page.evaluate(() => window.got)).filter((m) => m.includes('player.js')), [], 'the top page heard nothing');

    // Its real parent still commands it.
    await hostFrame.getByRole('button', { name: 'Listen' }).click();
    await until(async () => (await playerState(player)).status === 'playing', 'the host page plays it');
    assert.deepEqual(await allErrors(page, watch), []);
    await context.close();
  });

  it('with origin= naming another origin, the parent itself is ignored and hears nothing', { timeout: 30_000 }, async () => {
    const host = hostPage(servers, 'host-wrong-origin.html', servers.cdn);
    const { context, page, watch } = await open(host);
    const player = await frameStartingWith(page, `${servers.newsroom}/dist/embed.html`);
    await player.locator('earshot-player').waitFor();
    await page.evaluate(() => {
      window.send({ method: 'addEventListener', value: 'ready', listener: 'host' });
      window.send({ method: 'addEventListener', value: 'play', listener: 'host' });
      window.send({ method: 'getPaused', listener: 'host' });
      window.send({ method: 'setVolume', value: 5 });
    });
    await page.getByRole('button', { name: 'Listen' }).click();
    await sleep(1500);
    untouched(await playerState(player), 'commanded from an origin that origin= does not name');
    assert.deepEqual(await page.evaluate(() => window.fromPlayer), [], 'not even ready reached this parent');
    // The player works: a click inside it plays.
    await player.getByRole('button', { name: 'Play', exact: true }).click();
    await until(async () => (await playerState(player)).status === 'playing', 'the listener can still play it');
    assert.deepEqual(await page.evaluate(() => window.fromPlayer), [], 'and its events go nowhere near this parent');
    assert.deepEqual(await allErrors(page, watch), []);
    await context.close();
  });
});
