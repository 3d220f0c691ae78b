/** The player as a listener meets it, in Chromium, Firefox and WebKit: real files, real clicks. */
import { expect } from '@open-wc/testing';
import type { EarshotPlayer } from '../../src/elements/earshot-player.js';
import {
  alertText,
  audibleMedia,
  click,
  clickPlay,
  engine,
  control,
  hasControl,
  html,
  measureRate,
  mount,
  mouseAway,
  MP3,
  nextEvent,
  record,
  requests,
  sendKeys,
  sleep,
  unique,
  waitFor,
} from '../support/player.js';

interface HowlerGlobal {
  ctx?: AudioContext;
  _howls: unknown[];
}
const howler = () => (window as unknown as { Howler?: HowlerGlobal }).Howler;

describe('<earshot-player> playing a track', () => {
  let player: EarshotPlayer;
  let src: string;

  beforeEach(async () => {
    await mouseAway();
    src = unique(MP3);
    player = await mount(html`<earshot-player src=${src} track-title="Test recording" program="Test desk" date="2026-03-24" duration="8"></earshot-player>`);
  });

  afterEach(() => player.remove());

  it('passes axe with nothing serious', async () => {
    await expect(player).shadowDom.to.be.accessible();
  });

  it('shows the track and its declared duration before anything loads, and fetches nothing at page load', async () => {
    const text = player.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Test recording');
    expect(text).to.contain('Test desk · Mar 24, 2026');
    expect(text).to.contain('0:00 / 0:08');
    expect(player.status).to.equal('idle');
    expect(player.duration).to.equal(8);
    expect(control(player, 'Seek').getAttribute('aria-valuetext')).to.equal('0 seconds of 8 seconds');
    expect(hasControl(player, 'Next track')).to.equal(false);
    // Nothing asks for the file while the listener shows no interest; the server's log says what was asked.
    await sleep(300);
    expect(await requests(src.split('?t=')[1]!)).to.deep.equal([]);
  });

  it('fetches the file once the listener shows intent: a pointer over the player', async () => {
    const box = player.getBoundingClientRect();
    const { sendMouse } = await import('@web/test-runner-commands');
    const ready = nextEvent<{ duration: number }>(player, 'earshot-ready');
    await sendMouse({ type: 'move', position: [Math.round(box.x + 30), Math.round(box.y + 30)] });
    expect((await ready).detail.duration).to.be.closeTo(8, 0.1);
    expect((await requests(src.split('?t=')[1]!)).length).to.be.at.least(1);
    expect(player.status).to.equal('idle');
  });

  it('fetches the file once the listener shows intent: keyboard focus moving into the player', async () => {
    const before = document.createElement('button');
    before.textContent = 'Before the player';
    player.before(before);
    try {
      before.focus();
      await sleep(300);
      expect(await requests(src.split('?t=')[1]!)).to.deep.equal([]);
      const ready = nextEvent<{ duration: number }>(player, 'earshot-ready');
      await sendKeys({ press: 'Tab' });
      expect(player.shadowRoot!.activeElement?.getAttribute('aria-label')).to.equal('Seek');
      expect((await ready).detail.duration).to.be.closeTo(8, 0.1);
      expect(player.status).to.equal('idle');
    } finally {
      before.remove();
    }
  });

  it('plays on a real click at real speed, with one sound and no AudioContext', async () => {
    const events = record(player, ['earshot-ready', 'earshot-play', 'earshot-timeupdate']);
    await clickPlay(player);
    expect(player.status).to.equal('playing');
    expect(control(player, 'Pause')).to.exist;
    // Over 2.5 s: Firefox on a machine with a null audio sink may stall a quarter of a second as the sound
    // settles, which a shorter window reads as a slow rate.
    expect(await measureRate(player, 2500)).to.be.within(0.85, 1.15);
    expect(audibleMedia()).to.have.length(1);
    // (Never hand chai the AudioContext itself: formatting it for a failure message hangs the page.)
    expect(Boolean(howler()?.ctx), 'an AudioContext was made').to.equal(false);
    const ready = events.find((e) => e.type === 'earshot-ready')!.detail as { index: number; duration: number };
    expect(ready.index).to.equal(0);
    expect(ready.duration).to.be.closeTo(8, 0.1);
    expect(events.filter((e) => e.type === 'earshot-play')).to.have.length(1);
    // At most four time updates a second.
    const ticks = events.filter((e) => e.type === 'earshot-timeupdate');
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.at - ticks[i - 1]!.at).to.be.at.least(240);
  });

  it('holds its position while paused, with no time updates', async () => {
    await clickPlay(player);
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
    expect(audibleMedia()).to.deep.equal([]);
    expect(control(player, 'Play')).to.exist;
  });

  it('seeks while playing, says seeked when the media got there, and says where it is in words', async () => {
    await clickPlay(player);
    const seeked = nextEvent<{ currentTime: number }>(player, 'earshot-seeked');
    player.seek(5);
    expect(player.currentTime, 'the position is the target at once').to.be.closeTo(5, 0.01);
    expect((await seeked).detail.currentTime).to.be.closeTo(5, 0.3);
    await waitFor(() => player.currentTime > 5.2, 'playing on from 5 s');
    expect(player.currentTime).to.be.below(6.5);
    const paused = nextEvent(player, 'earshot-pause');
    player.pause();
    await paused;
    player.currentTime = 5;
    await player.updateComplete;
    expect(control(player, 'Seek').getAttribute('aria-valuetext')).to.equal('5 seconds of 8 seconds');
  });

  it('steps the speed 1 → 1.25 → 1.5 → 1.75 → 2 → 0.75 → 1, and plays at that speed', async () => {
    const seen: string[] = [];
    const changes = record(player, ['earshot-ratechange']);
    for (let i = 0; i < 6; i++) {
      await click(player, 'Playback speed');
      await player.updateComplete;
      // What shows is what is named.
      const speed = control(player, 'Playback speed');
      expect(speed.getAttribute('aria-label')).to.equal(`Playback speed ${speed.textContent!.trim()}`);
      seen.push(speed.textContent!.trim());
    }
    expect(seen).to.deep.equal(['1.25×', '1.5×', '1.75×', '2×', '0.75×', '1×']);
    expect(changes.map((c) => (c.detail as { playbackRate: number }).playbackRate)).to.deep.equal([1.25, 1.5, 1.75, 2, 0.75, 1]);
    for (let i = 0; i < 4; i++) await click(player, 'Playback speed');
    expect(player.playbackRate).to.equal(2);
    await clickPlay(player);
    expect(await measureRate(player, 1200)).to.be.within(1.6, 2.4);
  });

  it('mutes and unmutes', async () => {
    const changes = record(player, ['earshot-volumechange']);
    await click(player, 'Mute');
    await player.updateComplete;
    expect(player.muted).to.equal(true);
    expect(hasControl(player, 'Unmute')).to.equal(true);
    await click(player, 'Unmute');
    expect(player.muted).to.equal(false);
    expect(changes.map((c) => c.detail)).to.deep.equal([
      { volume: 1, muted: true },
      { volume: 1, muted: false },
    ]);
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
    await clickPlay(player);
    const before = howler()!._howls.length;
    const ticks = record(player, ['earshot-timeupdate']);
    player.remove();
    expect(howler()!._howls.length).to.equal(before - 1);
    expect(audibleMedia()).to.deep.equal([]);
    await sleep(600);
    expect(ticks).to.deep.equal([]);
  });

  it('runs no timer and no animation frame while paused', async () => {
    await clickPlay(player);
    const paused = nextEvent(player, 'earshot-pause');
    await click(player, 'Pause');
    await paused;
    await player.updateComplete;
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
  it('plays only [start, end), and ends once', async () => {
    await mouseAway();
    const player = await mount(html`<earshot-player src=${unique(MP3)} track-title="Segment" start="2" end="4"></earshot-player>`);
    expect(player.duration).to.equal(2);
    const events = record(player, ['earshot-play', 'earshot-ended', 'earshot-pause']);
    const ended = nextEvent(player, 'earshot-ended', 10_000);
    await clickPlay(player);
    expect((events[0]!.detail as { currentTime: number }).currentTime).to.be.below(0.3);
    await ended;
    expect(player.status).to.equal('ended');
    expect(player.currentTime).to.equal(2);
    expect(audibleMedia()).to.deep.equal([]);
    await sleep(500);
    expect(player.status).to.equal('ended');
    expect(events.map((e) => e.type)).to.deep.equal(['earshot-play', 'earshot-ended']);
    expect(player.shadowRoot!.textContent).to.contain('0:02 / 0:02');
    player.remove();
  });
});

describe('<earshot-player> tracks', () => {
  it('shows Previous and Next for several tracks, goes on by itself, and fires trackchange', async () => {
    await mouseAway();
    const player = await mount(html`<earshot-player></earshot-player>`);
    player.tracks = [
      { title: 'One', src: unique(MP3), start: 6 },
      { title: 'Two', src: unique(MP3), start: 5 },
    ];
    await player.updateComplete;
    expect(player.tracks.map((t) => t.title)).to.deep.equal(['One', 'Two']);
    expect(hasControl(player, 'Previous track')).to.equal(true);
    const events = record(player, ['earshot-play', 'earshot-ended', 'earshot-trackchange']);
    const secondPlays = new Promise<void>((resolve) =>
      player.addEventListener('earshot-play', (event) => (event as CustomEvent<{ index: number }>).detail.index === 1 && resolve()),
    );
    await clickPlay(player);
    await Promise.race([secondPlays, sleep(10_000)]);
    const seen = events.map((e) => `${e.type.slice(8)} ${(e.detail as { index: number }).index}`);
    expect(seen).to.deep.equal(['play 0', 'ended 0', 'trackchange 1', 'play 1']);
    expect(player.currentIndex).to.equal(1);
    expect(audibleMedia()).to.have.length(1);
    await click(player, 'Pause');
    await click(player, 'Previous track');
    expect(player.currentIndex).to.equal(0);
    player.remove();
  });

  it('is paused, not playing, while its manifest loads', async () => {
    await mouseAway();
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
    await mouseAway();
    const src = unique(MP3);
    const player = document.createElement('earshot-player');
    const ready = nextEvent<{ duration: number }>(player, 'earshot-ready');
    player.setAttribute('preload', 'metadata');
    player.setAttribute('src', src);
    player.setAttribute('track-title', 'Early');
    document.body.append(player);
    const { duration } = (await ready).detail;
    // WebKitGTK reads no length from the first bytes of an MP3 without a header (speech.mp3 has none).
    if (engine === 'webkit' && Number.isNaN(duration)) expect(player.duration).to.be.NaN;
    else expect(duration).to.be.closeTo(8, 0.1);
    expect(player.status).to.equal('idle');
    expect((await requests(src.split('?t=')[1]!)).length).to.be.at.least(1);
    await clickPlay(player);
    expect(player.status).to.equal('playing');
    player.remove();
  });
});
