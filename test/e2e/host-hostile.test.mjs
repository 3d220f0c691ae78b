// Hostile messages from the parent itself (README, "Control an embedded player": "a malformed or foreign message is ignored without an
// error"): broken JSON, non-objects, __proto__-style method names, absurd values, megabytes. Nothing throws
// in the frame, nothing absurd is answered or obeyed, values are clamped, and the player keeps working.
// No origin= here: the player answers anyone's parent with target "*", and only with playback state.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blogHtml, newContext, useServersAndBrowser, watchPage } from './servers.mjs';
import { PROTOCOL_EVENTS, PROTOCOL_METHODS, SPEECH_SECONDS, VERSION, allErrors, embedUrl, frameStartingWith, playerState, recordErrors, sleep, until } from './host-support.mjs';

describe('Host control: hostile messages from the parent', () => {
  let servers;
  let browser;
  useServersAndBrowser((started) => ({ servers, browser } = started));

  it('ignores malformed, foreign and absurd messages, clamps values, throws nothing and keeps playing', { timeout: 60_000 }, async () => {
    const context = await newContext(browser);
    await context.addInitScript(recordErrors);
    const page = await context.newPage();
    const watch = watchPage(page);
    const host = servers.blogPage(
      'host-hostile.html',
      blogHtml(
        `<p><button id="start" type="button">Listen</button></p>
<iframe id="earshot" src="${embedUrl(servers, { duration: String(SPEECH_SECONDS) })}" width="100%" height="290" frameborder="0" allow="autoplay" title="Player"></iframe>
<script>
  window.fromPlayer = [];
  const frame = () => document.getElementById('earshot');
  addEventListener('message', (event) => {
    if (event.source === frame().contentWindow) fromPlayer.push({ origin: event.origin, data: JSON.parse(event.data) });
  });
  window.base = { context: 'player.js', version: '${VERSION}' };
  window.raw = (data) => frame().contentWindow.postMessage(data, '*');
  window.send = (message) => raw(JSON.stringify({ ...base, ...message }));
  let asked = 0;
  window.ask = (method) => {
    const listener = 'ask-' + ++asked;
    send({ method, listener });
    return new Promise((resolve) => {
      const look = () => {
        const answer = fromPlayer.find((m) => m.data.listener === listener);
        if (answer) resolve(answer.data.value);
        else setTimeout(look, 20);
      };
      look();
    });
  };
  document.getElementById('start').addEventListener('click', () => send({ method: 'play' }));
</script>`,
      ),
    );
    await page.goto(host);
    const player = await frameStartingWith(page, `${servers.newsroom}/dist/embed.html`);
    await page.waitForFunction(() => window.fromPlayer.some((m) => m.data.event === 'ready'));
    const ask = (method) => page.evaluate((m) => window.ask(m), method);
    const send = (message) => page.evaluate((m) => window.send(m), message);

    // A flood of garbage, as strings and as objects: none of it is a command the player takes.
    await page.evaluate(() => {
      const { base, raw, send } = window;
      const megabytes = 'x'.repeat(2 * 1024 * 1024);
      const strings = [
        'not json', '{', '{"context":"player.js","method":"play"', 'null', '42', '[]', '"play"', 'true', '',
        '{"context":"player.js"}', '{"method":"play"}', '{"method":"__proto__"}', '{"context":"player.js","method":"__proto__","listener":"x"}',
        '{"context":"player.js","__proto__":{"method":"play"}}',
        '{"context":"player.js","constructor":{"prototype":{"method":"play"}}}',
        megabytes,
        JSON.stringify({ ...base, method: 'play', listener: megabytes }),
        JSON.stringify({ ...base, method: 'play', value: megabytes }),
        `{"context":"player.js","method":"play"${' '.repeat(100_000)}}`,
      ];
      for (const data of strings) raw(data);
      for (const method of ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf', 'PLAY', 'play ', 'get', 'ready', 'emit', 'send']) {
        send({ method, listener: `bad-${method}` });
        raw({ ...base, method, listener: `bad-${method}` });
      }
      const objects = [
        null, undefined, 0, 42, true, [], [base], new Date(), new Map([['method', 'play']]), new ArrayBuffer(2 * 1024 * 1024),
        { context: 'other', method: 'play' }, { ...base, method: 'play', listener: 42 }, { ...base, method: 'play', listener: {} },
        { ...base, method: ['play'] }, { ...base, method: { toString: 'play' } }, { ...base, method: 'play', listener: megabytes },
        { ...base, method: megabytes },
      ];
      for (const data of objects) raw(data);
      for (const value of ['__proto__', 'constructor', 'toString', megabytes, 42, null, {}, ['play']]) {
        raw({ ...base, method: 'addEventListener', value, listener: 'bad-listener' });
        send({ method: 'removeEventListener', value, listener: 'bad-listener' });
      }
    });
    await sleep(500);
    const afterFlood = await playerState(player);
    assert.equal(afterFlood.paused, true, 'nothing played');
    assert.equal(afterFlood.status, 'idle');
    const answered = (await page.evaluate(() => window.fromPlayer)).filter((m) => m.data.event !== 'ready');
    assert.deepEqual(answered, [], 'nothing was answered');
    // A real getter whose JSON carries a "__proto__" key: answered, without the listener that key smuggles in.
    await page.evaluate(() => window.raw('{"context":"player.js","method":"getPaused","__proto__":{"listener":"polluted"}}'));
    const smuggled = await until(() => page.evaluate(() => window.fromPlayer.find((m) => m.data.event === 'getPaused')), 'getPaused is answered');
    assert.deepEqual(smuggled.data, { context: 'player.js', version: '0.0.11', event: 'getPaused', value: true });
    await page.evaluate(() => window.fromPlayer.splice(0));
    assert.equal(await page.evaluate(() => Object.prototype.listener ?? Object.prototype.method ?? null), null);
    assert.equal(await player.evaluate(() => Object.prototype.listener ?? Object.prototype.method ?? null), null, 'no pollution in the frame');

    // Absurd values: ignored when they are not numbers, clamped when they are.
    await send({ method: 'setCurrentTime', value: 3 });
    for (const value of ['abc', '5', null, true, {}, [4]]) await send({ method: 'setCurrentTime', value });
    await page.evaluate(() => window.raw({ ...window.base, method: 'setCurrentTime', value: NaN }));
    await page.evaluate(() => window.raw({ ...window.base, method: 'setCurrentTime', value: Infinity }));
    assert.equal(await ask('getCurrentTime'), 3, 'non-numbers and NaN leave the position alone');
    await send({ method: 'setCurrentTime', value: -5 });
    assert.equal(await ask('getCurrentTime'), 0, 'a negative time clamps to 0');
    await send({ method: 'setCurrentTime', value: 1e12 });
    const end = await ask('getCurrentTime');
    assert.ok(end <= SPEECH_SECONDS && end > SPEECH_SECONDS - 0.1, `a huge time clamps to the duration: ${end}`);

    await send({ method: 'setPlaybackRate', value: 1000 });
    assert.equal(await ask('getPlaybackRate'), 4, 'rate 1000 clamps to 4');
    await send({ method: 'setPlaybackRate', value: -3 });
    assert.equal(await ask('getPlaybackRate'), 0.25, 'a negative rate clamps to 0.25');
    await send({ method: 'setPlaybackRate', value: 'fast' });
    await page.evaluate(() => window.raw({ ...window.base, method: 'setPlaybackRate', value: NaN }));
    assert.equal(await ask('getPlaybackRate'), 0.25, 'a rate that is no number changes nothing');

    await send({ method: 'setVolume', value: -20 });
    assert.equal(await ask('getVolume'), 0, 'volume -20 clamps to 0');
    await send({ method: 'setVolume', value: 1e9 });
    assert.equal(await ask('getVolume'), 100, 'volume 1e9 clamps to 100');
    await send({ method: 'setVolume', value: '50' });
    assert.equal(await ask('getVolume'), 100, 'a string volume changes nothing');
    await send({ method: 'setLoop', value: 'yes' });
    assert.equal(await ask('getLoop'), false, 'setLoop takes a boolean only');
    const clamped = await playerState(player);
    assert.equal(clamped.playbackRate, 0.25);
    assert.equal(clamped.volume, 1);

    // Adding the same listener a thousand times, or a thousand listeners, posts each event a bounded number of times.
    await page.evaluate(() => {
      for (let i = 0; i < 1000; i++) window.send({ method: 'addEventListener', value: 'play', listener: 'same' });
      for (let i = 0; i < 1000; i++) window.send({ method: 'addEventListener', value: 'play', listener: `many-${i}` });
    });

    // And it still plays: a host click, at a sane rate, from a sane place.
    await send({ method: 'setPlaybackRate', value: 1 });
    await send({ method: 'setCurrentTime', value: 1 });
    await send({ method: 'addEventListener', value: 'timeupdate', listener: 'ticks' });
    await page.getByRole('button', { name: 'Listen' }).click();
    await until(async () => (await playerState(player)).status === 'playing', 'the player plays after all that');
    await until(
      async () => (await page.evaluate(() => window.fromPlayer.filter((m) => m.data.event === 'timeupdate').length)) >= 2,
      'timeupdate arrives',
    );
    const plays = await page.evaluate(() => window.fromPlayer.filter((m) => m.data.event === 'play').map((m) => m.data.listener));
    assert.ok(plays.includes('same') && plays.filter((l) => l === 'same').length === 1, 'one listener id is one listener');
    assert.ok(plays.length <= 40, `listeners per event are bounded: play was posted ${plays.length} times`);

    // Everything the player posted is playback state, to a player.js host: no other kind of message.
    const getters = new Set(PROTOCOL_METHODS.filter((m) => m.startsWith('get')));
    for (const { origin, data } of await page.evaluate(() => window.fromPlayer)) {
      assert.equal(origin, servers.newsroom);
      assert.deepEqual(Object.keys(data).sort().filter((k) => !['listener', 'value'].includes(k)), ['context', 'event', 'version']);
      assert.ok(PROTOCOL_EVENTS.includes(data.event) || getters.has(data.event), `a known event or getter: ${data.event}`);
    }
    assert.deepEqual(await allErrors(page, watch), [], 'no uncaught error in the host page or the frame');
    await context.close();
  });
});
