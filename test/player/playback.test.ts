import { expect } from '@open-wc/testing';
import type { EarshotPlayer } from '../../src/elements/earshot-player.js';
import { alertText, click, control, hasControl, html, MP3, mount, nextEvent, record, requests, sleep, unique, waitFor } from '../support/player.js';

interface HowlerGlobal {
  ctx?: AudioContext;
  _howls: { playing(): boolean }[];
}
const howler = () => (window as unknown as { Howler: HowlerGlobal }).Howler;

describe('<earshot-player> playing a track', () => {
  let player: EarshotPlayer;
  let src: string;

  beforeEach(async () => {
    src = unique(MP3);
    player = await mount(html`<earshot-player src=${src} track-title="Test recording" program="Test desk" date="2026-03-24" duration="8"></earshot-player>`);
  });

  afterEach(() => player.remove());

  it('passes axe with nothing serious', async () => {
    await expect(player).shadowDom.to.be.accessible();
  });

  it('shows the track and its declared duration before anything loads, and fetches nothing', async () => {
    const text = player.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Test recording');
    expect(text).to.contain('Test desk · Mar 24, 2026');
    expect(text).to.contain('0:00 / 0:08');
    expect(player.status).to.equal('idle');
    expect(player.duration).to.equal(8);
    expect(control(player, 'Seek').getAttribute('aria-valuetext')).to.equal('0 seconds of 8 seconds');
    expect(hasControl(player, 'Next track')).to.equal(false);
    await sleep(500);
    expect(await requests(src.split('?t=')[1]!)).to.deep.equal([]);
  });

  it('plays on a real click, the position advancing at real speed, and makes no AudioContext', async () => {
    const events = record(player, ['earshot-ready', 'earshot-play', 'earshot-timeupdate']);
    const playing = nextEvent(player, 'earshot-play');
    await click(player, 'Play');
    await playing;
    expect(player.status).to.equal('playing');
    expect(control(player, 'Pause')).to.exist;
    const from = player.currentTime;
    const started = performance.now();
    await sleep(1500);
    const advanced = player.currentTime - from;
    const elapsed = (performance.now() - started) / 1000;
    expect(advanced).to.be.within(elapsed - 0.4, elapsed + 0.3);
    // (Never hand chai the AudioContext itself: formatting it for a failure message hangs the page.)
    expect(Boolean(howler().ctx), 'an AudioContext was made').to.equal(false);
    const ready = events.find((e) => e.type === 'earshot-ready')!.detail as { index: number; duration: number };
    expect(ready.index).to.equal(0);
    expect(ready.duration).to.be.closeTo(8, 0.1);
    // At most four time updates a second.
    const ticks = events.filter((e) => e.type === 'earshot-timeupdate');
    expect(ticks.length).to.be.within(3, 7);
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.at - ticks[i - 1]!.at).to.be.at.least(240);
  });

  it('holds its position while paused, with no time updates', async () => {
    const playing = nextEvent(player, 'earshot-play');
    await click(player, 'Play');
    await playing;
    await sleep(600);
    const paused = nextEvent<{ currentTime: number }>(player, 'earshot-pause');
    await click(player, 'Pause');
    const { detail } = await paused;
    expect(player.paused).to.equal(true);
    expect(player.status).to.equal('paused');
    const held = player.currentTime;
    expect(detail.currentTime).to.be.closeTo(held, 0.05);
    const ticks = record(player, ['earshot-timeupdate']);
    await sleep(800);
    expect(player.currentTime).to.equal(held);
    expect(ticks).to.deep.equal([]);
    expect(control(player, 'Play')).to.exist;
  });

  it('seeks, and says where it is in words', async () => {
    const playing = nextEvent(player, 'earshot-play');
    await click(player, 'Play');
    await playing;
    const seeked = nextEvent<{ currentTime: number }>(player, 'earshot-seeked');
    player.seek(5);
    expect((await seeked).detail.currentTime).to.equal(5);
    await sleep(400);
    expect(player.currentTime).to.be.within(5, 5.8);
    player.pause();
    await player.updateComplete;
    expect(control(player, 'Seek').getAttribute('aria-valuetext')).to.match(/^5 seconds of 8 seconds$/);
  });

  it('steps the speed 1 → 1.25 → 1.5 → 1.75 → 2 → 0.75 → 1, and plays at that speed', async () => {
    const seen: string[] = [];
    const changes = record(player, ['earshot-ratechange']);
    for (let i = 0; i < 6; i++) {
      await click(player, 'Playback speed');
      await player.updateComplete;
      seen.push(control(player, 'Playback speed').dataset.rate!);
    }
    expect(seen).to.deep.equal(['1.25×', '1.5×', '1.75×', '2×', '0.75×', '1×']);
    expect(changes.map((c) => (c.detail as { playbackRate: number }).playbackRate)).to.deep.equal([1.25, 1.5, 1.75, 2, 0.75, 1]);
    for (let i = 0; i < 4; i++) await click(player, 'Playback speed');
    expect(player.playbackRate).to.equal(2);
    const playing = nextEvent(player, 'earshot-play');
    await click(player, 'Play');
    await playing;
    const from = player.currentTime;
    const started = performance.now();
    await sleep(1500);
    const rate = (player.currentTime - from) / ((performance.now() - started) / 1000);
    expect(rate).to.be.within(1.7, 2.2);
  });

  it('mutes and unmutes', async () => {
    const changes = record(player, ['earshot-volumechange']);
    await click(player, 'Mute');
    await player.updateComplete;
    expect(player.muted).to.equal(true);
    expect(hasControl(player, 'Unmute')).to.equal(true);
    await click(player, 'Unmute');
    expect(player.muted).to.equal(false);
    expect(changes.map((c) => c.detail)).to.deep.equal([{ volume: 1, muted: true }, { volume: 1, muted: false }]);
  });

  it('does not echo properties the page sets', async () => {
    const events = record(player, ['earshot-volumechange', 'earshot-ratechange', 'earshot-seeked', 'earshot-trackchange']);
    player.volume = 0.5;
    player.muted = true;
    player.playbackRate = 1.5;
    player.currentTime = 2;
    await sleep(50);
    expect(events).to.deep.equal([]);
    expect([player.volume, player.muted, player.playbackRate, player.currentTime]).to.deep.equal([0.5, true, 1.5, 2]);
  });

  it('stops the sound, unloads and stops every timer when removed', async () => {
    const playing = nextEvent(player, 'earshot-play');
    await click(player, 'Play');
    await playing;
    const before = howler()._howls.length;
    const ticks = record(player, ['earshot-timeupdate']);
    player.remove();
    expect(howler()._howls.length).to.equal(before - 1);
    expect(howler()._howls.some((howl) => howl.playing())).to.equal(false);
    await sleep(700);
    expect(ticks).to.deep.equal([]);
  });

  it('runs no timer and no animation frame while paused', async () => {
    const playing = nextEvent(player, 'earshot-play');
    await click(player, 'Play');
    await playing;
    const paused = nextEvent(player, 'earshot-pause');
    await click(player, 'Pause');
    await paused;
    await sleep(300);
    const calls: string[] = [];
    const originals = { setTimeout: window.setTimeout, setInterval: window.setInterval, requestAnimationFrame: window.requestAnimationFrame };
    for (const name of Object.keys(originals) as (keyof typeof originals)[]) {
      (window as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
        calls.push(name);
        return (originals[name] as (...a: unknown[]) => number).apply(window, args);
      };
    }
    try {
      await new Promise((resolve) => originals.setTimeout.call(window, resolve, 1000));
    } finally {
      Object.assign(window, originals);
    }
    expect(calls).to.deep.equal([]);
  });
});

describe('<earshot-player> segments', () => {
  it('plays only [start, end) and stops within 0.25 s of its end', async () => {
    const player = await mount(html`<earshot-player src=${unique(MP3)} track-title="Segment" start="2" end="4"></earshot-player>`);
    expect(player.duration).to.equal(2);
    await click(player, 'Play');
    const { detail } = await nextEvent<{ currentTime: number }>(player, 'earshot-play');
    expect(detail.currentTime).to.be.below(0.3);
    const started = performance.now();
    await nextEvent(player, 'earshot-ended', 5000);
    const took = (performance.now() - started) / 1000;
    expect(took).to.be.within(1.75, 2.25);
    expect(player.status).to.equal('ended');
    expect(player.currentTime).to.equal(2);
    await sleep(500);
    expect(player.status).to.equal('ended');
    expect(player.shadowRoot!.textContent).to.contain('0:02 / 0:02');
    player.remove();
  });
});

describe('<earshot-player> tracks', () => {
  it('shows Previous and Next for several tracks, goes on by itself, and fires trackchange', async () => {
    const player = await mount(html`<earshot-player></earshot-player>`);
    player.tracks = [
      { title: 'One', src: unique(MP3), start: 6.5 },
      { title: 'Two', src: unique(MP3), start: 7 },
    ];
    await player.updateComplete;
    expect(player.tracks.map((t) => t.title)).to.deep.equal(['One', 'Two']);
    expect(hasControl(player, 'Previous track')).to.equal(true);
    const changes = record(player, ['earshot-trackchange', 'earshot-ended']);
    const playing = nextEvent(player, 'earshot-play');
    await click(player, 'Play');
    await playing;
    await waitFor(() => player.currentIndex === 1 && player.status === 'playing', 'the second track to play', 6000);
    expect(changes.map((c) => c.type)).to.deep.equal(['earshot-ended', 'earshot-trackchange']);
    expect((changes[1]!.detail as { index: number }).index).to.equal(1);
    await click(player, 'Pause');
    await click(player, 'Previous track');
    expect(player.currentIndex).to.equal(0);
    player.remove();
  });

  it('is paused, not playing, while its manifest loads', async () => {
    const player = await mount(html`<earshot-player manifest=${unique('/fault/slow/800/demo/story.json')}></earshot-player>`);
    expect(player.status).to.equal('loading');
    expect(player.paused).to.equal(true);
    expect((control(player, 'Play') as HTMLButtonElement).disabled).to.equal(true);
    await waitFor(() => player.tracks.length === 3, 'the manifest');
    expect(player.status).to.equal('idle');
    expect((control(player, 'Play') as HTMLButtonElement).disabled).to.equal(false);
    expect(player.tracks[0]!.src[0]!.src).to.match(/\/fault\/slow\/800\/demo\/audio\/clip-1\.ogg$/);
    player.remove();
  });

  it('loads a manifest and says in words when it is broken', async () => {
    const player = await mount(html`<earshot-player manifest="/media/package.json"></earshot-player>`);
    const { detail } = await nextEvent<{ code: string; fatal: boolean }>(player, 'earshot-error');
    expect(detail.code).to.equal('manifest');
    expect(detail.fatal).to.equal(true);
    await player.updateComplete;
    expect(player.status).to.equal('error');
    expect(alertText(player)).to.match(/manifest/i);
    expect(hasControl(player, 'Retry')).to.equal(true);
    player.remove();
  });
});

describe('<earshot-player preload="metadata">', () => {
  it('reads the duration before Play, then plays on a click', async () => {
    const src = unique(MP3);
    const player = document.createElement('earshot-player');
    const ready = nextEvent<{ duration: number }>(player, 'earshot-ready');
    player.setAttribute('preload', 'metadata');
    player.setAttribute('src', src);
    player.setAttribute('track-title', 'Early');
    document.body.append(player);
    expect((await ready).detail.duration).to.be.closeTo(8, 0.1);
    expect(player.status).to.equal('idle');
    expect((await requests(src.split('?t=')[1]!)).length).to.be.at.least(1);
    const playing = nextEvent(player, 'earshot-play');
    await click(player, 'Play');
    await playing;
    await sleep(500);
    expect(player.currentTime).to.be.above(0.2);
    player.remove();
  });
});

describe('<earshot-player> seeking while it loads', () => {
  it('plays from where the listener seeked, not from the start', async () => {
    const player = await mount(html`<earshot-player src=${unique('/fault/slow/1200/test/fixtures/long.mp3')} track-title="Slow" duration="360"></earshot-player>`);
    await click(player, 'Play');
    await sleep(200);
    expect(player.status).to.equal('loading');
    player.seek(200);
    expect(player.currentTime).to.equal(200);
    await nextEvent(player, 'earshot-play', 8000);
    await sleep(600);
    expect(player.currentTime).to.be.within(200, 202);
    player.remove();
  });
});

describe('<earshot-player> streaming a six-minute file', () => {
  it('starts within a second of Play, and resumes within two after a far seek, fetching by range', async () => {
    // 64 KB/s: the whole file takes six seconds to arrive, so 5:00 is not there yet when the listener
    // seeks (Chromium reads the first 32 KB before it knows the file, as it does for a bare <audio>).
    const src = unique('/fault/rate/64000/test/fixtures/long.mp3');
    const player = await mount(html`<earshot-player src=${src} track-title="Six minutes" duration="360"></earshot-player>`);
    const playing = nextEvent(player, 'earshot-play');
    const clicked = performance.now();
    await click(player, 'Play');
    await playing;
    expect(performance.now() - clicked, 'ms from click to play').to.be.below(1000);
    await sleep(300);
    const seeked = performance.now();
    player.seek(300);
    await waitFor(() => player.status === 'playing' && player.currentTime > 300.2, 'playback past 5:00.2', 2000);
    expect(performance.now() - seeked, 'ms from seek to sound').to.be.below(2000);
    const ranges = (await requests(src.split('?t=')[1]!)).map((r) => r.range);
    // The seek asked for the part of the file near 5:00 (byte 300000 at 1000 bytes a second).
    const starts = ranges.map((range) => Number(/^bytes=(\d+)-/.exec(range ?? '')?.[1] ?? 0));
    expect(starts.some((start) => start > 250_000), `range requests: ${ranges.join(', ')}`).to.equal(true);
    player.remove();
  });
});
