// Host control with the real player.js client (README: "Control an embedded player"): a page on the blog's origin drives the player in
// an iframe from the newsroom's origin. A real click on the host's button starts it (allow="autoplay", no
// autoplay flag), getters answer, events arrive, and a host that starts listening late hears `ready` again.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blogHtml, newContext, useServersAndBrowser, watchPage } from './servers.mjs';
import { PROTOCOL_EVENTS, PROTOCOL_METHODS, SPEECH_SECONDS, TITLE, allErrors, embedUrl, frameStartingWith, playerState, recordErrors, servePlayerJs, until } from './host-support.mjs';

describe('Host control: the real player.js client on another origin', () => {
  let servers;
  let browser;
  useServersAndBrowser((started) => ({ servers, browser } = started));

  function hostPage(embed) {
    return servers.blogPage(
      'host-playerjs.html',
      blogHtml(
        `<p><button id="start" type="button">Listen to the interview</button> <button id="stop" type="button">Stop</button></p>
<iframe id="earshot" src="${embed}" width="100%" height="290" frameborder="0" scrolling="no" allow="autoplay" title="Embedded audio player: ${TITLE}"></iframe>
<script>
  window.heard = [];
  window.readies = [];
  // Every ready the page receives, as sent.
  addEventListener('message', (event) => {
    try {
      const data = JSON.parse(event.data);
      if (data.event === 'ready') readies.push({ origin: event.origin, data });
    } catch {}
  });
  window.player = new playerjs.Player('earshot');
  player.on('ready', () => {
    heard.push({ event: 'ready' });
    for (const name of ['play', 'pause', 'timeupdate', 'ended', 'seeked', 'progress', 'error']) {
      player.on(name, (value) => heard.push({ event: name, value, at: performance.now() }));
    }
  });
  document.getElementById('start').addEventListener('click', () => player.play());
  document.getElementById('stop').addEventListener('click', () => player.pause());
  // A getter through the client (its own methods, or send() for the extensions), or a command.
  window.ask = (method, value) =>
    new Promise((resolve) => {
      if (!method.startsWith('get')) {
        if (typeof player[method] === 'function') value === undefined ? player[method]() : player[method](value);
        else player.send({ method, value });
        resolve(undefined);
      } else if (typeof player[method] === 'function') player[method](resolve);
      else player.send({ method }, resolve);
    });
</script>`,
        { head: `<script src="${servePlayerJs(servers)}"></script>`, title: 'A host page with player.js' },
      ),
    );
  }

  it('a host button plays the frame; getters answer; play, pause, timeupdate, seeked, ended arrive; ready again for a late listener', { timeout: 60_000 }, async () => {
    const context = await newContext(browser);
    await context.addInitScript(recordErrors);
    const page = await context.newPage();
    const watch = watchPage(page);
    const embed = embedUrl(servers, { origin: servers.blog });
    await page.goto(hostPage(embed));
    const frame = await frameStartingWith(page, `${servers.newsroom}/dist/embed.html`);
    const ask = (method, value) => page.evaluate(([m, v]) => window.ask(m, v), [method, value]);
    const heard = (event) => page.evaluate((name) => window.heard.filter((h) => h.event === name), event);

    await page.waitForFunction(() => window.heard.some((h) => h.event === 'ready'));
    const readies = await page.evaluate(() => window.readies);
    assert.equal(readies.length, 1, 'one ready, before anyone asked');
    const [{ origin, data }] = readies;
    assert.equal(origin, servers.newsroom);
    assert.equal(data.context, 'player.js');
    assert.equal(data.version, '0.0.11');
    assert.equal(data.value.src, await page.evaluate(() => document.getElementById('earshot').src), 'src is the iframe\'s own src');
    assert.deepEqual([...data.value.methods].sort(), [...PROTOCOL_METHODS].sort(), 'every method of the protocol');
    assert.deepEqual([...data.value.events].sort(), [...PROTOCOL_EVENTS].sort(), 'every event of the protocol (no resize without resize=1)');

    // Before anything plays.
    assert.equal(await ask('getPaused'), true);
    assert.equal(await ask('getCurrentTime'), 0);
    assert.equal(await ask('getMuted'), false);
    assert.equal(await ask('getVolume'), 100);
    assert.equal(await ask('getLoop'), false);
    assert.equal(await ask('getPlaybackRate'), 1);
    assert.deepEqual(await ask('getTrack'), { index: 0, title: TITLE });

    // A real click on the host page's own button: the frame plays (nothing was clicked inside it).
    await page.getByRole('button', { name: 'Listen to the interview' }).click();
    await until(async () => (await heard('play')).length === 1, 'the host hears play');
    await until(async () => (await heard('timeupdate')).length >= 3, 'the host hears timeupdate while it plays');
    const ticks = (await heard('timeupdate')).map((h) => h.value);
    for (const tick of ticks) {
      assert.ok(Number.isFinite(tick.seconds) && tick.seconds >= 0, `timeupdate seconds: ${JSON.stringify(tick)}`);
      assert.ok(Math.abs(tick.duration - SPEECH_SECONDS) < 0.1, `timeupdate duration: ${JSON.stringify(tick)}`);
    }
    assert.ok(ticks.at(-1).seconds > ticks[0].seconds, 'the position advances');
    assert.equal(await ask('getPaused'), false);
    assert.ok(Math.abs((await ask('getDuration')) - SPEECH_SECONDS) < 0.1);
    assert.ok((await ask('getCurrentTime')) > 0);
    assert.equal((await playerState(frame)).status, 'playing', 'the player itself plays');

    // Setters change the player itself, and getters read it back.
    await ask('setVolume', 40);
    assert.equal(await ask('getVolume'), 40);
    assert.equal((await playerState(frame)).volume, 0.4);
    await ask('setPlaybackRate', 1.5);
    assert.equal(await ask('getPlaybackRate'), 1.5);
    assert.equal((await playerState(frame)).playbackRate, 1.5);
    await ask('mute');
    assert.equal(await ask('getMuted'), true);
    await ask('unmute');
    assert.equal(await ask('getMuted'), false);

    await page.getByRole('button', { name: 'Stop' }).click();
    await until(async () => (await heard('pause')).length === 1, 'the host hears pause');
    assert.equal(await ask('getPaused'), true);
    assert.equal((await playerState(frame)).paused, true);
    const ticksWhenPaused = (await heard('timeupdate')).length;

    // Seek near the end and play on: seeked, then ended.
    await ask('setCurrentTime', 6.5);
    await until(async () => (await heard('seeked')).length === 1, 'the host hears seeked');
    assert.ok(Math.abs((await heard('seeked'))[0].value.seconds - 6.5) < 0.01);
    assert.ok(Math.abs((await ask('getCurrentTime')) - 6.5) < 0.05);
    assert.equal((await heard('timeupdate')).length, ticksWhenPaused, 'no timeupdate while paused');
    await page.getByRole('button', { name: 'Listen to the interview' }).click();
    await until(async () => (await heard('ended')).length === 1, 'the host hears ended', 8000);
    assert.equal(await ask('getPaused'), true, 'paused at the end');

    // setLoop: at the end it starts over by itself.
    await ask('setLoop', true);
    assert.equal(await ask('getLoop'), true);
    await ask('setCurrentTime', 7);
    await page.getByRole('button', { name: 'Listen to the interview' }).click();
    await until(async () => (await heard('ended')).length === 2, 'the looping track reaches its end');
    await until(async () => (await heard('play')).length >= 4 && !(await ask('getPaused')), 'and plays again from the start');
    const endedAt = (await heard('ended'))[1].at;
    assert.ok((await heard('play')).some((h) => h.at > endedAt), 'a play after the ended');
    await until(async () => (await ask('getCurrentTime')) < 3, 'from the start');
    await ask('setLoop', false);
    await page.getByRole('button', { name: 'Stop' }).click();
    await until(async () => ask('getPaused'), 'paused again');

    // A second client made now, long after ready: it asks for ready and gets it, to its own listener.
    await page.evaluate(() => {
      const late = new playerjs.Player(document.getElementById('earshot'));
      late.on('ready', () => (window.lateReady = true));
    });
    await page.waitForFunction(() => window.lateReady === true);
    const again = (await page.evaluate(() => window.readies)).slice(1);
    assert.ok(again.length >= 1, 'ready was posted again');
    assert.ok(again.every((r) => typeof r.data.listener === 'string' && r.data.value.src === data.value.src), 'to the late listener, with the same src');

    assert.deepEqual((await heard('error')).map((h) => h.value), [], 'no error event');
    assert.deepEqual(await allErrors(page, watch), [], 'no uncaught error in the host page or the frame');
    await context.close();
  });

  it('next and previous move between tracks of a manifest, and getTrack follows', { timeout: 30_000 }, async () => {
    const context = await newContext(browser);
    await context.addInitScript(recordErrors);
    const page = await context.newPage();
    const watch = watchPage(page);
    const embed = `${servers.newsroom}/dist/embed.html?manifest=${encodeURIComponent(`${servers.newsroom}/story.json`)}&origin=${encodeURIComponent(servers.blog)}`;
    await page.goto(hostPage(embed));
    await page.waitForFunction(() => window.heard.some((h) => h.event === 'ready'));
    const ask = (method, value) => page.evaluate(([m, v]) => window.ask(m, v), [method, value]);
    const first = await ask('getTrack');
    assert.equal(first.index, 0);
    assert.equal(typeof first.title, 'string');
    await ask('next');
    const second = await until(async () => {
      const track = await ask('getTrack');
      return track.index === 1 && track;
    }, 'next selects the second track');
    assert.notEqual(second.title, first.title);
    await ask('previous');
    await until(async () => (await ask('getTrack')).index === 0, 'previous goes back to the first');
    assert.deepEqual(await allErrors(page, watch), []);
    await context.close();
  });
});
