/**
 * One sound, whatever arrives: a seeded run of a few hundred operations in bursts, from the page (play,
 * pause, toggle, select, next, previous, seek), the lock screen (Media Session actions) and a host page
 * (player.js commands over postMessage). After each burst every play() promise has settled, and exactly one
 * media element sounds while the player plays, none while it does not.
 */
import { expect } from '@open-wc/testing';
import { connectHost } from '../../src/embed/bridge.js';
import type { EarshotPlayer } from '../../src/elements/earshot-player.js';
import { audibleMedia, played, clickPlay, html, mount, mouseAway, MP3, sleep, unique, waitFor } from '../support/player.js';

/** mulberry32: small, seeded, and the same sequence in every engine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 20261129;
const BURSTS = 30;
const PER_BURST = 10;

describe('<earshot-player> one sound, whatever arrives', () => {
  let player: EarshotPlayer;
  let frame: HTMLIFrameElement;
  let disconnect: () => void;
  const handlers = new Map<string, MediaSessionActionHandler | null>();
  const session = 'mediaSession' in navigator ? navigator.mediaSession : null;
  const setActionHandler = session?.setActionHandler;

  before(async () => {
    // The lock screen's buttons: the handlers the player gives the Media Session, called as the OS would.
    if (session) session.setActionHandler = (action, handler) => void handlers.set(action, handler);
    await mouseAway();
    player = await mount(html`<earshot-player></earshot-player>`);
    player.tracks = [1, 2, 3].map((n) => ({ title: `Part ${n}`, src: unique(MP3) }));
    await player.updateComplete;
    // A host page drives the player over player.js: a same-origin frame stands in for the embed page's window.
    frame = document.createElement('iframe');
    document.body.append(frame);
    disconnect = connectHost(player, {}, frame.contentWindow!);
    // A real click first: the page has the user activation every later play() relies on.
    await clickPlay(player);
  });

  after(() => {
    disconnect?.();
    frame?.remove();
    player?.remove();
    if (session && setActionHandler) session.setActionHandler = setActionHandler;
  });

  it(`keeps one audible media element and settles every play() over ${BURSTS * PER_BURST} mixed operations (seed ${SEED})`, async function () {
    this.timeout(180_000);
    const next = random(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    // Posted from this page to the frame's window: its parent, as the bridge requires of a host.
    const host = (method: string, value?: unknown) => frame.contentWindow!.postMessage(JSON.stringify({ context: 'player.js', version: '0.0.11', method, value }), '*');
    const operations: [string, () => unknown][] = [
      ['play()', () => player.play()],
      ['pause()', () => player.pause()],
      ['toggle()', () => player.toggle()],
      ['select()', () => player.select(Math.floor(next() * 3))],
      ['next()', () => player.next()],
      ['previous()', () => player.previous()],
      ['seek()', () => player.seek(next() * 8)],
      ['skip()', () => player.skip(pick([-15, 30]))],
      ['session play', () => handlers.get('play')?.({ action: 'play' })],
      ['session pause', () => handlers.get('pause')?.({ action: 'pause' })],
      ['session next', () => handlers.get('nexttrack')?.({ action: 'nexttrack' })],
      ['host play', () => host('play')],
      ['host pause', () => host('pause')],
      ['host seek', () => host('setCurrentTime', next() * 8)],
      ['host next', () => host('next')],
    ];
    const done: string[] = [];
    for (let burst = 0; burst < BURSTS; burst++) {
      const promises: Promise<unknown>[] = [];
      for (let i = 0; i < PER_BURST; i++) {
        const [name, run] = pick(operations);
        done.push(name);
        const result = run();
        if (result instanceof Promise) promises.push(result.catch(() => 'rejected'));
      }
      const context = `after burst ${burst + 1}: ${done.slice(-PER_BURST).join(', ')}`;
      const settled = await Promise.race([Promise.all(promises).then(() => true), sleep(10_000).then(() => false)]);
      const { status, seeking, index } = player.store.getState();
      const media = played().map((m) => `${m.src.split('?')[0]!.split('/').pop()} paused=${m.paused} readyState=${m.readyState} networkState=${m.networkState} time=${m.currentTime.toFixed(2)}`);
      expect(settled, `every play() settled ${context}; player ${status} at ${index}${seeking ? ', seeking' : ''}; media: ${media.join('; ')}`).to.equal(true);
      // Let the media and the player agree: the player is no longer starting.
      await waitFor(() => player.status !== 'loading', `the player to settle ${context}`, 10_000);
      await sleep(50);
      const sounding = audibleMedia().length;
      // Playing: one. Stalled for data (a seek that needs the network): that one, or none. Otherwise: none.
      if (player.status === 'playing') expect(sounding, `audible elements while playing ${context}`).to.equal(1);
      else if (player.status === 'loading') expect(sounding, `audible elements while waiting for data ${context}`).to.be.at.most(1);
      else expect(sounding, `audible elements while ${player.status} ${context}`).to.equal(0);
    }
  });
});
