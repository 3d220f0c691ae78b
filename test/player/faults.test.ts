import { expect } from '@open-wc/testing';
import type { EarshotPlayer } from '../../src/elements/earshot-player.js';
import { alertText, click, control, hasControl, html, mount, nextEvent, record, requests, sleep, unique, waitFor } from '../support/player.js';

interface ErrorDetail {
  code: string;
  message: string;
  fatal: boolean;
  index?: number;
}

const FILE = 'test/fixtures/speech.mp3';

async function playUntilError(src: unknown): Promise<{ player: EarshotPlayer; detail: ErrorDetail }> {
  const player = await mount(html`<earshot-player></earshot-player>`);
  const failed = nextEvent<ErrorDetail>(player, 'earshot-error', 15000);
  player.tracks = [{ title: 'Faulty', src }];
  await player.updateComplete;
  // A source the browser cannot play at all fails at once, before Play.
  if (player.status !== 'error') await click(player, 'Play');
  const { detail } = await failed;
  await player.updateComplete;
  return { player, detail };
}

function expectShownError(player: EarshotPlayer, code: string, words: RegExp): void {
  expect(player.status).to.equal('error');
  expect(player.error?.code).to.equal(code);
  expect(alertText(player)).to.match(words);
  expect(hasControl(player, 'Retry')).to.equal(true);
}

describe('<earshot-player> when the audio fails', () => {
  const cases: [string, string, string, RegExp][] = [
    ['a 404', `/fault/404/${FILE}`, 'network', /could not be loaded.*answered 404/],
    ['a 500', `/fault/500/${FILE}`, 'network', /could not be loaded.*answered 500/],
    ['a corrupt file', '/media/test/fixtures/corrupt.mp3', 'decode', /could not be played.*damaged or in a format/],
    ['a web page served as audio', `/fault/html/${FILE}`, 'decode', /could not be played.*text\/html/],
    ['an unreachable server', 'http://127.0.0.1:9/nothing.mp3', 'network', /could not be loaded.*could not be reached/],
  ];
  for (const [what, src, code, words] of cases) {
    it(`says so in words for ${what}, with code ${code} and a Retry button`, async () => {
      const { player, detail } = await playUntilError(unique(src));
      expect(detail.code).to.equal(code);
      expect(detail.fatal).to.equal(true);
      expect(detail.index).to.equal(0);
      expectShownError(player, code, words);
      player.remove();
    });
  }

  it('refuses a type the browser cannot play at once, without fetching it', async () => {
    const src = unique(`/media/${FILE}`);
    const { player, detail } = await playUntilError([{ src, type: 'audio/x-earshot-nothing' }]);
    expect(detail.code).to.equal('decode');
    expectShownError(player, 'decode', /cannot play audio\/x-earshot-nothing/);
    expect(await requests(src.split('?t=')[1]!)).to.deep.equal([]);
    player.remove();
  });

  it('falls through to the next source when one fails', async () => {
    const player = await mount(html`<earshot-player></earshot-player>`);
    player.tracks = [{ title: 'Second source', src: [unique(`/fault/404/${FILE}`), unique('/media/test/fixtures/corrupt.mp3'), unique('/media/test/fixtures/speech.ogg')] }];
    await player.updateComplete;
    const errors = record(player, ['earshot-error']);
    const playing = nextEvent(player, 'earshot-play', 15000);
    await click(player, 'Play');
    await playing;
    expect(player.status).to.equal('playing');
    expect(errors).to.deep.equal([]);
    expect(alertText(player)).to.equal('');
    player.remove();
  });

  it('ends a connection that dies mid-file in a network error', async () => {
    // The server sends the first 15% and then dies: the listener skips ahead, past what arrived.
    const player = await mount(html`<earshot-player></earshot-player>`);
    player.tracks = [{ title: 'Cut off', src: unique('/fault/cut/test/fixtures/long.mp3') }];
    await player.updateComplete;
    const playing = nextEvent(player, 'earshot-play');
    await click(player, 'Play');
    await playing;
    const failed = nextEvent<ErrorDetail>(player, 'earshot-error', 15000);
    player.seek(200);
    const { detail } = await failed;
    await player.updateComplete;
    expect(detail.code).to.equal('network');
    expectShownError(player, 'network', /could not be loaded.*connection was lost/);
    player.remove();
  });

  it('plays again after Retry once the fault is gone', async () => {
    const { player } = await playUntilError(unique(`/fault/404/${FILE}`));
    // The newsroom fixes the file: the same track now points at a working address.
    player.tracks = [{ title: 'Fixed', src: unique(`/media/${FILE}`) }];
    await player.updateComplete;
    expect(player.status).to.equal('idle');
    expect(alertText(player)).to.equal('');
    const playing = nextEvent(player, 'earshot-play');
    await click(player, 'Play');
    await playing;
    player.remove();
  });

  it('retries a failed load when the listener presses Retry', async () => {
    const { player } = await playUntilError(unique(`/fault/404/${FILE}`));
    const loads = record(player, ['earshot-error', 'earshot-play']);
    await click(player, 'Retry');
    const failedAgain = await nextEvent<ErrorDetail>(player, 'earshot-error', 15000);
    expect(failedAgain.detail.code).to.equal('network');
    expect(loads.length).to.equal(1);
    player.remove();
  });

  it('refuses javascript: and data: addresses with invalid-url, and runs nothing', async () => {
    (window as unknown as { pwned?: boolean }).pwned = false;
    const player = document.createElement('earshot-player');
    const errors = record(player, ['earshot-error']);
    player.setAttribute('src', 'javascript:window.pwned=true');
    player.setAttribute('track-title', '<img src=x onerror="window.pwned=true">');
    document.body.append(player);
    await player.updateComplete;
    await sleep(200);
    expect(errors.map((e) => (e.detail as ErrorDetail).code)).to.deep.equal(['invalid-url', 'invalid-url']);
    expect(player.status).to.equal('error');
    expect(alertText(player)).to.match(/address was refused/);
    expect((window as unknown as { pwned?: boolean }).pwned).to.equal(false);
    player.remove();

    const manifestPlayer = await mount(html`<earshot-player></earshot-player>`);
    const manifestErrors = record(manifestPlayer, ['earshot-error']);
    manifestPlayer.tracks = [
      { title: '<b>Bold?</b>', src: ['data:audio/mpeg;base64,AAAA', unique(`/media/${FILE}`)], image: 'javascript:alert(1)' },
    ];
    await manifestPlayer.updateComplete;
    expect(manifestErrors.map((e) => (e.detail as ErrorDetail).code)).to.deep.equal(['invalid-url', 'invalid-url']);
    expect(manifestPlayer.status).to.equal('idle');
    expect(manifestPlayer.shadowRoot!.querySelector('b')).to.equal(null);
    expect(manifestPlayer.shadowRoot!.textContent).to.contain('<b>Bold?</b>');
    expect(manifestPlayer.shadowRoot!.querySelector('img')).to.equal(null);
    manifestPlayer.remove();
  });

  it('ignores a load that finishes after the track changed', async () => {
    const player = await mount(html`<earshot-player></earshot-player>`);
    player.tracks = [
      { title: 'Slow', src: unique(`/fault/slow/1500/${FILE}`) },
      { title: 'Fast', src: unique(`/media/${FILE}`) },
    ];
    await player.updateComplete;
    const events = record(player, ['earshot-ready', 'earshot-play', 'earshot-error']);
    await click(player, 'Play');
    await sleep(200);
    expect(player.status).to.equal('loading');
    await click(player, 'Next track');
    expect(player.currentIndex).to.equal(1);
    await waitFor(() => player.status === 'playing', 'the second track to play');
    await sleep(2000);
    expect(player.currentIndex).to.equal(1);
    expect(events.every((e) => (e.detail as { index?: number }).index !== 0)).to.equal(true);
    expect(control(player, 'Pause')).to.exist;
    player.remove();
  });
});
