// dist/earshot-host.js on a host page, a classic script from another origin: it finds the Earshot frames,
// sizes them from their resize messages (resize=1) within the heights a player can need, drives them with
// promises (also through a redirect), ignores forged messages from any other frame or window, drives only
// the origins a page names, and keeps window.EarshotHost whatever the page names its elements. Its weight:
// weight.test.mjs.
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

  it('is a classic script with no dependencies; the npm module earshot-player/host has its types', () => {
    const source = readFileSync(at('dist/earshot-host.js'), 'utf8');
    assert.doesNotMatch(source, /^\s*import\b|\bfrom\s*["'`]|\bexport\b|import\(/m, 'no import, no export: a classic script');
    const pkg = JSON.parse(readFileSync(at('package.json'), 'utf8'));
    const { types, default: module } = pkg.exports['./host'];
    assert.ok(existsSync(at(module)) && existsSync(at(types)), `${module} and ${types}`);
    const declared = readFileSync(at(types), 'utf8');
    for (const name of ['attach', 'players', 'allowOrigins', 'EarshotFrame', 'EarshotHostEvents', 'EarshotHost']) assert.match(declared, new RegExp(`\\b${name}\\b`));
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
<p><a id="EarshotHost" href="#top">An element whose id is the script's global</a></p>
<form name="EarshotHost"></form>
<script id="host-script" src="${servers.newsroom}/dist/earshot-host.js" async></script>
<script>
  const script = document.getElementById('host-script');
  if (typeof window.EarshotHost?.attach === 'function') setUp();
  else script.addEventListener('load', setUp);
function setUp() {
  const { attach, players } = window.EarshotHost;
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
}
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
    assert.equal(await page.evaluate(() => typeof window.EarshotHost?.attach), 'function', 'window.EarshotHost, though elements are named EarshotHost');

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

  /** A blog page with the classic script (`attributes` on its tag) and these frames; `window.host` once it ran. */
  function pageWith(name, frames, attributes = '') {
    return servers.blogPage(
      name,
      blogHtml(
        `${frames}
<script id="host-script" src="${servers.newsroom}/dist/earshot-host.js" ${attributes}></script>
<script>window.host = window.EarshotHost;</script>`,
        { title: 'A blog with earshot-host.js' },
      ),
    );
  }
  const frameTag = (id, src) => `<iframe id="${id}" src="${src}" width="100%" height="290" frameborder="0" scrolling="no" allow="autoplay" title="Embedded audio player"></iframe>`;

  it('keeps a frame between the smallest and the tallest player; 500 tracks scroll inside the open Playlist', { timeout: 40_000 }, async () => {
    const context = await newContext(browser, { viewport: { width: 900, height: 1400 } });
    await context.addInitScript(recordErrors);
    // A manifest with 500 tracks, from the embed page's own origin.
    const manifest = `${servers.newsroom}/generated/five-hundred.json`;
    const tracks = Array.from({ length: 500 }, (_, i) => ({ src: `${servers.newsroom}/fixtures/speech.mp3`, title: `Answer ${i + 1}` }));
    await context.route(manifest, (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ title: 'Five hundred answers', tracks }) }));
    const page = await context.newPage();
    const watch = watchPage(page);
    const src = `${servers.newsroom}/dist/embed.html?${new URLSearchParams({ manifest, resize: '1' })}`;
    await page.goto(pageWith('many.html', frameTag('many', src)));
    const frame = await frameStartingWith(page, `${servers.newsroom}/dist/embed.html`);
    const height = () => page.evaluate(() => document.getElementById('many').getBoundingClientRect().height);
    const closed = await until(async () => {
      const h = await height();
      return h !== 290 && h;
    }, 'the frame is sized to its player');
    assert.ok(closed >= 120 && closed < 640, `closed: ${closed} px`);

    const player = frame.getByRole('group', { name: /^Audio player/ });
    await player.getByRole('button', { name: 'Playlist', exact: true }).click();
    const open = await until(async () => {
      const h = await height();
      return h > closed && h;
    }, 'the frame grows with the open Playlist');
    assert.ok(open <= 640, `with 500 tracks the frame stops at 640 px (${open})`);
    const overflow = await frame.evaluate(() => document.documentElement.scrollHeight - innerHeight);
    assert.ok(overflow <= 1, `the player fits its frame (${overflow} px overflow)`);
    // The last track is reachable: the list scrolls inside the panel, and a click on it plays it.
    const last = player.getByRole('button', { name: /^Answer 500\b/ });
    await last.scrollIntoViewIfNeeded();
    const box = await last.boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= open + 1, `Answer 500 in view inside the frame (${JSON.stringify(box)})`);
    await last.click();
    await until(() => frame.evaluate(() => document.querySelector('earshot-player').currentTrack?.title === 'Answer 500'), 'Answer 500 is chosen');

    // The frame itself says absurd heights (as a hostile embed page could): the host keeps it in bounds.
    const forge = (h) =>
      frame.evaluate((value) => {
        for (let id = 0; id < 5; id++) parent.postMessage(JSON.stringify({ context: 'player.js', version: '0.0.11', event: 'resize', value: { height: value }, listener: `earshot-host-${id}` }), '*');
      }, h);
    await forge(1e9);
    await until(async () => (await height()) === 640, 'a billion pixels: 640');
    await forge(-50);
    await until(async () => (await height()) === 120, 'minus fifty: 120');
    assert.deepEqual(await allErrors(page, watch), []);
    await context.close();
  });

  it('drives a frame whose src redirects to the player on another origin', { timeout: 30_000 }, async () => {
    const context = await newContext(browser);
    await context.addInitScript(recordErrors);
    const short = `${foreign.origin}/listen/embed.html`;
    await context.route(short, (route) => route.fulfill({ status: 302, headers: { location: embedUrl(servers, { resize: '1' }) } }));
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(pageWith('redirect.html', frameTag('short', short)));
    await frameStartingWith(page, `${servers.newsroom}/dist/embed.html`);
    const ready = await page.evaluate(() => Promise.race([window.host.players()[0].ready.then(() => 'ready'), new Promise((done) => setTimeout(() => done('never ready'), 8000))]));
    assert.equal(ready, 'ready');
    assert.equal(await page.evaluate(() => window.host.players()[0].getPaused()), true, 'it answers');
    await until(async () => (await page.evaluate(() => document.getElementById('short').getBoundingClientRect().height)) !== 290, 'and is sized');
    assert.deepEqual(await allErrors(page, watch), []);
    await context.close();
  });

  it('with data-origins, drives only frames from those origins', { timeout: 30_000 }, async () => {
    const context = await newContext(browser);
    await context.addInitScript(recordErrors);
    const page = await context.newPage();
    const watch = watchPage(page);
    const other = embedUrl(servers, { resize: '1' }).replace(servers.newsroom, servers.cdn);
    await page.goto(pageWith('allowed.html', frameTag('ours', embedUrl(servers, { resize: '1' })) + frameTag('theirs', other), `data-origins="${servers.newsroom}"`));
    await frameStartingWith(page, servers.cdn);
    await page.evaluate(() => window.host.players()[0].ready);
    assert.deepEqual(await page.evaluate(() => window.host.players().map((p) => p.iframe.id)), ['ours'], 'players() lists only the allowed origin');
    await until(async () => (await page.evaluate(() => document.getElementById('ours').getBoundingClientRect().height)) !== 290, 'the allowed frame is sized');
    await sleep(500);
    assert.equal(await page.evaluate(() => document.getElementById('theirs').getBoundingClientRect().height), 290, 'the other is left alone');
    const refused = await page.evaluate(() => {
      try {
        window.host.attach(document.getElementById('theirs'));
        return 'attached';
      } catch (error) {
        return error.message;
      }
    });
    assert.match(refused, /is not one of the origins given to allowOrigins/);
    const bad = await page.evaluate(() => ['*', 'null', 'https://a.example/', 'HTTPS://A.EXAMPLE'].map((o) => { try { window.host.allowOrigins([o]); return 'taken'; } catch (e) { return e.message; } }));
    for (const message of bad) assert.match(message, /is not an exact origin/);
    assert.deepEqual(await allErrors(page, watch), []);
    await context.close();
  });

  it('with a mistyped data-origins, fails closed and says why, and still offers window.EarshotHost', { timeout: 30_000 }, async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const logged = [];
    page.on('console', (message) => message.type() === 'error' && logged.push(message.text()));
    await page.goto(pageWith('mistyped.html', frameTag('ours', embedUrl(servers, { resize: '1' })), `data-origins="${servers.newsroom}/"`));
    await frameStartingWith(page, servers.newsroom);
    assert.equal(await page.evaluate(() => typeof window.host?.attach), 'function');
    await sleep(800);
    assert.deepEqual(await page.evaluate(() => window.host.players().length), 0, 'no frame driven');
    assert.equal(await page.evaluate(() => document.getElementById('ours').getBoundingClientRect().height), 290, 'nor sized');
    assert.equal(logged.length, 1, logged.join('\n'));
    assert.match(logged[0], /is not an exact origin.*data-origins; no frame will be driven/);
    await context.close();
  });

  it('drives a sandboxed embed (an opaque origin) and allows nothing with an empty data-origins', { timeout: 30_000 }, async () => {
    const context = await newContext(browser);
    await context.addInitScript(recordErrors);
    const page = await context.newPage();
    const watch = watchPage(page);
    // The CDN sends CORS, so the embed's scripts load in a frame without allow-same-origin.
    const sandboxed = `<iframe id="boxed" sandbox="allow-scripts" src="${embedUrl(servers, { resize: '1' }).replace(servers.newsroom, servers.cdn)}" width="100%" height="290" title="Embedded audio player"></iframe>`;
    await page.goto(pageWith('sandboxed.html', sandboxed));
    const answer = await page.evaluate(() => Promise.race([window.host.players()[0].getPaused(), new Promise((done) => setTimeout(() => done('no answer'), 8000))]));
    assert.equal(answer, true, 'the opaque-origin frame answers');
    await until(async () => (await page.evaluate(() => document.getElementById('boxed').getBoundingClientRect().height)) !== 290, 'and is sized');
    assert.deepEqual(await allErrors(page, watch), []);

    const empty = await context.newPage();
    await empty.goto(pageWith('empty-origins.html', frameTag('ours', embedUrl(servers, { resize: '1' })), 'data-origins=""'));
    await frameStartingWith(empty, servers.newsroom);
    await sleep(800);
    assert.equal(await empty.evaluate(() => window.host.players().length), 0, 'an empty list allows no frame');
    assert.equal(await empty.evaluate(() => document.getElementById('ours').getBoundingClientRect().height), 290);
    await context.close();
  });

  it('shares one host between the classic script and the npm module on one page', { timeout: 30_000 }, async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const url = servers.blogPage(
      'both.html',
      blogHtml(`${frameTag('story', embedUrl(servers, { resize: '1' }))}
<script src="${servers.newsroom}/dist/earshot-host.js"></script>
<script type="module">
  import { attach, EarshotHost } from '${servers.cdn}/dist/lib/host.js';
  const iframe = document.getElementById('story');
  window.same = EarshotHost === window.EarshotHost && attach(iframe) === window.EarshotHost.attach(iframe);
</script>`),
    );
    await page.goto(url);
    await page.waitForFunction(() => window.same !== undefined);
    assert.equal(await page.evaluate(() => window.same), true);
    await context.close();
  });
});
