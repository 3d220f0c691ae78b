// dist/earshot-host.js on a host page: it finds the Earshot frames, sizes them from their resize messages
// (resize=1) as the Playlist opens and closes, drives them with promises, and ignores forged resize
// messages from any other frame or window. It stays under 2 KiB brotli.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { at, blogHtml, newContext, useServersAndBrowser, watchPage } from './servers.mjs';
import { SPEECH_SECONDS, allErrors, embedUrl, frameStartingWith, recordErrors, sleep, startForeign, until } from './host-support.mjs';

describe('earshot-host.js', () => {
  let servers;
  let foreign;
  let browser;
  useServersAndBrowser((started) => ({ servers, browser, extra: foreign } = started), { also: startForeign });

  it('depends on nothing, and ships its type declarations (its weight: weight.test.mjs)', () => {
    const source = readFileSync(at('dist/earshot-host.js'));
    assert.doesNotMatch(source.toString(), /^\s*import\b|\bfrom\s*["'`]/m, 'no dependencies');
    assert.ok(existsSync(at('dist/earshot-host.d.ts')), 'dist/earshot-host.d.ts');
    const types = readFileSync(at('dist/earshot-host.d.ts'), 'utf8');
    for (const name of ['attach', 'players', 'EarshotFrame', 'EarshotHostEvents']) assert.match(types, new RegExp(`\\b${name}\\b`));
  });

  /** A blog page with earshot-host.js from the CDN, an Earshot frame, a foreign ad frame, a hand-attached frame. */
  function hostPage() {
    const ad = foreign.page(
      'ad.html',
      `<!doctype html><title>An ad</title><script>
        // Forged Earshot messages, with every listener id earshot-host.js might use.
        window.forge = () => {
          for (let id = 0; id < 20; id++) {
            const message = { context: 'player.js', version: '0.0.11', event: 'resize', value: { height: 5 + id }, listener: 'earshot-host-' + id };
            parent.postMessage(JSON.stringify(message), '*');
            parent.postMessage(JSON.stringify({ ...message, event: 'ready', value: { src: '${embedUrl(servers, { resize: '1' })}', events: [], methods: [] } }), '*');
          }
        };
      </script>`,
    );
    return servers.blogPage(
      'host-script.html',
      blogHtml(
        `<p><button id="start" type="button">Listen</button> <button id="stop" type="button">Stop</button></p>
<iframe id="story" src="${embedUrl(servers, { resize: '1' })}" width="100%" height="290" frameborder="0" scrolling="no" allow="autoplay" title="Embedded audio player"></iframe>
<iframe id="ad" src="${ad}" width="300" height="120" title="Ad"></iframe>
<iframe id="manual" src="${embedUrl(servers, { resize: '1' }, 'embed')}" width="100%" height="290" frameborder="0" scrolling="no" allow="autoplay" title="Embedded audio player, by hand"></iframe>
<script type="module">
  import { attach, players } from '${servers.cdn}/dist/earshot-host.js';
  window.heard = [];
  window.found = players().map((frame) => frame.iframe.id);
  const story = (window.story = attach(document.getElementById('story')));
  window.sameController = story === players()[0];
  window.onTick = (value) => heard.push({ event: 'timeupdate', value });
  story.on('timeupdate', window.onTick);
  for (const name of ['play', 'pause', 'seeked', 'ended']) story.on(name, (value) => heard.push({ event: name, value }));
  story.ready.then(() => (window.storyReady = true));
  document.getElementById('start').addEventListener('click', () => story.play());
  document.getElementById('stop').addEventListener('click', () => story.pause());
</script>`,
        { title: 'A blog with earshot-host.js' },
      ),
    );
  }

  it('finds the frames, sizes them to the player as the Playlist opens and closes, and ignores forged resizes', { timeout: 40_000 }, async () => {
    const context = await newContext(browser, { viewport: { width: 900, height: 1400 } });
    await context.addInitScript(recordErrors);
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(hostPage());
    await page.waitForFunction(() => window.storyReady === true);
    assert.deepEqual(await page.evaluate(() => window.found), ['story'], 'players() finds the iframe whose src names embed.html, only it');
    assert.equal(await page.evaluate(() => window.sameController), true, 'attach() gives the same controller again');
    assert.equal(await page.evaluate(() => typeof window.EarshotHost?.attach), 'function', 'window.EarshotHost for classic scripts');

    const frame = await frameStartingWith(page, `${servers.newsroom}/dist/embed.html`);
    const iframeHeight = (id) => page.evaluate((i) => document.getElementById(i).getBoundingClientRect().height, id);
    const playerHeight = (f) => f.evaluate(() => Math.ceil(document.querySelector('earshot-player').getBoundingClientRect().height));
    const fitsPlayer = async (f, id) => {
      const [outer, inner] = [await iframeHeight(id), await playerHeight(f)];
      return Math.abs(outer - inner) <= 1 && outer;
    };

    const closed = await until(() => fitsPlayer(frame, 'story'), 'the frame takes the player\'s height');
    assert.notEqual(closed, 290, 'the frame was resized from its snippet height');

    // The listener opens the Playlist inside the frame (a real click): the frame grows to show it whole.
    const player = frame.getByRole('group', { name: /^Audio player/ });
    await player.getByRole('button', { name: 'Playlist', exact: true }).click();
    await player.getByRole('button', { name: /^(Add to|Remove from) my playlist$/ }).waitFor();
    const open = await until(async () => {
      const height = await fitsPlayer(frame, 'story');
      return height > closed && height;
    }, 'the frame grows with the open Playlist');
    const overflow = await frame.evaluate(() => document.documentElement.scrollHeight - innerHeight);
    assert.ok(overflow <= 1, `nothing cut off inside the frame (${overflow} px overflow)`);
    console.log(`# resize=1: frame ${closed} px closed, ${open} px with the Playlist open`);

    await player.getByRole('button', { name: 'Playlist', exact: true }).click();
    await until(async () => (await fitsPlayer(frame, 'story')) === closed, 'the frame shrinks back when the Playlist closes');

    // Forged resize (and ready) messages: from a foreign frame, from the page itself. Nothing moves.
    const manualBefore = await iframeHeight('manual');
    assert.equal(manualBefore, 290, 'a frame that is not found and not attached keeps its height');
    const adBefore = await iframeHeight('ad');
    await page.frameLocator('#ad').locator('body').evaluate(() => window.forge());
    await page.evaluate(() => {
      for (let id = 0; id < 20; id++) {
        window.postMessage(JSON.stringify({ context: 'player.js', version: '0.0.11', event: 'resize', value: { height: 7 }, listener: `earshot-host-${id}` }), '*');
      }
    });
    await sleep(500);
    assert.equal(await iframeHeight('story'), closed, 'the Earshot frame is not resized by forgeries');
    assert.equal(await iframeHeight('ad'), adBefore, 'the forging frame is not resized');
    assert.equal(await page.evaluate(() => document.getElementById('ad').style.height), '');
    assert.equal(await iframeHeight('manual'), 290, 'nor is any other frame');

    // attach() by hand: a frame whose URL does not name embed.html is sized once attached.
    await page.evaluate(() => window.EarshotHost.attach(document.getElementById('manual')).ready);
    const manualFrame = await frameStartingWith(page, `${servers.newsroom}/dist/embed?`);
    await until(() => fitsPlayer(manualFrame, 'manual'), 'the attached frame takes its player\'s height');
    assert.deepEqual(await allErrors(page, watch), []);
    await context.close();
  });

  it('its controller plays, seeks, pauses and answers, and on(timeupdate) fires until off()', { timeout: 40_000 }, async () => {
    const context = await newContext(browser);
    await context.addInitScript(recordErrors);
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(hostPage());
    await page.waitForFunction(() => window.storyReady === true);
    const call = (code, arg) => page.evaluate(code, arg);
    const heard = (event) => page.evaluate((name) => window.heard.filter((h) => h.event === name), event);

    assert.equal(await call(() => window.story.getPaused()), true);
    assert.equal(await call(() => window.story.getCurrentTime()), 0);

    await page.getByRole('button', { name: 'Listen' }).click();
    await until(async () => (await heard('play')).length === 1, 'on(play) fires');
    await until(async () => (await heard('timeupdate')).length >= 2, 'on(timeupdate) fires');
    const tick = (await heard('timeupdate'))[0].value;
    assert.ok(Number.isFinite(tick.seconds) && Math.abs(tick.duration - SPEECH_SECONDS) < 0.1, JSON.stringify(tick));
    assert.equal(await call(() => window.story.getPaused()), false);
    assert.ok(Math.abs((await call(() => window.story.getDuration())) - SPEECH_SECONDS) < 0.1);

    await call(() => window.story.seek(5));
    await until(async () => (await heard('seeked')).length === 1, 'on(seeked) fires');
    const at = await call(() => window.story.getCurrentTime());
    assert.ok(at >= 5 && at < 6, `seek(5) moved it to ${at}`);
    assert.deepEqual(await call(() => window.story.call('getTrack')), { index: 0, title: 'The test recording' });

    await page.getByRole('button', { name: 'Stop' }).click();
    await until(async () => (await heard('pause')).length === 1, 'on(pause) fires');
    assert.equal(await call(() => window.story.getPaused()), true);

    // off(): no more timeupdate for that handler.
    await call(() => window.story.off('timeupdate', window.onTick));
    const ticks = (await heard('timeupdate')).length;
    await call(() => window.story.call('setVolume', 30));
    assert.equal(await call(() => window.story.call('getVolume')), 30);
    await page.getByRole('button', { name: 'Listen' }).click();
    await until(async () => (await heard('play')).length === 2, 'plays again');
    await sleep(1000);
    assert.equal((await heard('timeupdate')).length, ticks, 'off() stopped timeupdate');
    await page.getByRole('button', { name: 'Stop' }).click();
    assert.deepEqual(await allErrors(page, watch), []);
    await context.close();
  });
});
