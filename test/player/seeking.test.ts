/**
 * Seeking and skipping in Chromium, Firefox and WebKit, where each engine once went its own way: WebKitGTK
 * sat at readyState 2 after a paused seek and never played, Firefox did the same at the end of the file, and
 * WebKitGTK ended MP3s without a header at once (a duration of 0).
 */
import { expect } from '@open-wc/testing';
import type { EarshotPlayer } from '../../src/elements/earshot-player.js';
import { audibleMedia, click, clickPlay, control, engine, html, LONG, mount, mouseAway, moving, MP3, nextEvent, record, requests, sendKeys, unique, waitFor } from '../support/player.js';

async function pauseNow(player: EarshotPlayer): Promise<void> {
  const paused = nextEvent(player, 'earshot-pause');
  await click(player, 'Pause');
  await paused;
}

/** After Play, the sound goes on from `from` (give or take what an engine needs to start). */
async function playsFrom(player: EarshotPlayer, from: number): Promise<void> {
  await clickPlay(player);
  expect(player.currentTime, `plays on from ${from}`).to.be.within(from - 0.05, from + 2);
  expect(player.status).to.equal('playing');
  expect(audibleMedia()).to.have.length(1);
}

describe('<earshot-player> a seek while paused, then Play', () => {
  let player: EarshotPlayer;

  beforeEach(async () => {
    await mouseAway();
    player = await mount(html`<earshot-player src=${unique(LONG)} track-title="Six minutes" duration="360"></earshot-player>`);
    await clickPlay(player);
    await pauseNow(player);
  });
  afterEach(() => player.remove());

  it('plays from there when the page set currentTime', async () => {
    player.currentTime = 100;
    await playsFrom(player, 100);
  });

  it('plays from there when the listener moved the slider with its keys', async () => {
    player.currentTime = 100;
    control(player, 'Seek').focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    expect(player.currentTime).to.be.closeTo(110, 0.01);
    await waitFor(() => control(player, 'Seek').getAttribute('aria-valuetext') === '1 minute 50 seconds of 6 minutes', 'the slider to say where');
    await playsFrom(player, 110);
  });

  it('plays on, its clock running, after a seek to where it already was', async () => {
    player.currentTime = 100;
    await waitFor(() => !player.store.getState().seeking, 'the seek to land');
    // The media, already there, is not asked to move, and says nothing of it.
    player.currentTime = player.currentTime;
    await waitFor(() => !player.store.getState().seeking, 'the second seek to land');
    await playsFrom(player, 100);
  });

  it('plays from there after Skip back 15 seconds', async () => {
    player.currentTime = 100;
    await click(player, 'Skip back 15 seconds');
    expect(player.currentTime).to.be.closeTo(85, 0.01);
    await playsFrom(player, 85);
  });
});

describe('<earshot-player> Skip forward 30 past the end while paused', () => {
  it('starts the track again on Play', async () => {
    await mouseAway();
    const player = await mount(html`<earshot-player src=${unique(MP3)} track-title="Eight seconds"></earshot-player>`);
    await clickPlay(player);
    await pauseNow(player);
    await click(player, 'Skip forward 30 seconds');
    await waitFor(() => player.currentTime > 7.9, 'the end');
    const events = record(player, ['earshot-ended', 'earshot-play']);
    await clickPlay(player);
    expect(player.currentTime).to.be.below(2);
    expect(events.map((e) => e.type)).to.deep.equal(['earshot-play']);
    player.remove();
  });
});

describe('<earshot-player> seeking while it loads', () => {
  it('plays from where the listener seeked, not from the start', async () => {
    await mouseAway();
    const player = await mount(html`<earshot-player src=${unique('/fault/slow/1200/test/fixtures/long.mp3')} track-title="Slow" duration="360"></earshot-player>`);
    const playing = nextEvent(player, 'earshot-play', 10_000);
    await click(player, 'Play');
    expect(player.status).to.equal('loading');
    player.seek(200);
    expect(player.currentTime).to.equal(200);
    await playing;
    await moving(player);
    expect(player.currentTime).to.be.within(200, 202);
    player.remove();
  });
});

describe('<earshot-player> a six-minute file arriving slowly', () => {
  it('resumes after a far seek (Chromium asks for that part of the file; Firefox and WebKitGTK read on)', async () => {
    // 64 KB/s: the whole file takes six seconds to arrive, so 5:00 is not there yet when the listener seeks.
    await mouseAway();
    const src = unique('/fault/rate/64000/test/fixtures/long.mp3');
    const player = await mount(html`<earshot-player src=${src} track-title="Six minutes" duration="360"></earshot-player>`);
    await clickPlay(player);
    player.seek(300);
    // Firefox and WebKitGTK wait for the file to arrive that far (5.6 s at this rate): give them the time.
    await waitFor(() => player.status === 'playing' && player.currentTime > 300.2, 'playback past 5:00.2', 20_000);
    if (engine === 'chromium') {
      const ranges = (await requests(src.split('?t=')[1]!)).map((r) => r.range);
      // The seek asked for the part of the file near 5:00 (byte 300000 at 1000 bytes a second).
      const starts = ranges.map((range) => Number(/^bytes=(\d+)-/.exec(range ?? '')?.[1] ?? 0));
      expect(starts.some((start) => start > 250_000), `range requests: ${ranges.join(', ')}`).to.equal(true);
    }
    player.remove();
  });
});

describe('<earshot-player> an MP3 without a header (WebKitGTK first says its duration is 0)', () => {
  // long.mp3 has no Xing or ID3 header; the manifest's 360 s holds until the media knows better.
  for (let load = 1; load <= 3; load++) {
    it(`plays and never ends at once, on load ${load} of 3`, async () => {
      await mouseAway();
      const player = await mount(html`<earshot-player src=${unique(LONG)} track-title="No header" duration="360"></earshot-player>`);
      const durations = new Set<number>();
      const unsubscribe = player.store.subscribe((state) => durations.add(state.duration));
      const events = record(player, ['earshot-ended', 'earshot-ready']);
      await clickPlay(player);
      await waitFor(() => player.currentTime > 0.5, 'half a second of sound');
      unsubscribe();
      expect(events.map((e) => e.type)).to.deep.equal(['earshot-ready']);
      expect((events[0]!.detail as { duration: number }).duration).to.be.closeTo(360, 0.5);
      expect([...durations].every((d) => Math.abs(d - 360) < 0.5), `durations seen: ${[...durations].join(', ')}`).to.equal(true);
      expect(player.status).to.equal('playing');
      player.remove();
    });
  }
});
