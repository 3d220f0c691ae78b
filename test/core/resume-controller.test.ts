/** Resume's controller against the core, with a stand-in engine: it arrives late (a slow network, a busy machine). */
import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ResumeController } from '../../src/controllers/resume-controller.js';
import type { EngineListener, MediaEngine } from '../../src/core/media-engine.js';
import { Playback } from '../../src/core/playback.js';
import { SavedPositions } from '../../src/core/saved-positions.js';

/**
 * A visit to a page with an hour-long track: the core with a stand-in engine, and Resume's controller (at
 * once, or when `connect()` is called: its code arriving late).
 */
async function visit(connectNow = true) {
  let listener!: EngineListener;
  let at = 0;
  const engine: MediaEngine = {
    play() {},
    pause() {},
    seek(seconds) {
      at = seconds;
    },
    position: () => at,
    setRate() {},
    setVolume() {},
    setMuted() {},
    prepare() {},
    unload() {},
  };
  const playback = new Playback({ emit: () => {}, engine: (_sources, given) => ((listener = given), engine) });
  await playback.load({ kind: 'tracks', data: [{ title: 'An hour', src: 'https://cdn.example/hour.mp3', duration: 3600 }] }, 'https://news.example/');
  const host = { addController: (controller: ReactiveController) => controller.hostConnected?.(), removeController() {}, requestUpdate() {}, updateComplete: Promise.resolve(true) };
  const connect = () => new ResumeController(host as unknown as ReactiveControllerHost, playback);
  return {
    resume: connectNow ? connect() : undefined,
    connect,
    state: () => playback.state,
    saved: () => new SavedPositions().get(playback.track!, 3600),
    play() {
      void playback.play().catch(() => {});
      listener.playing();
    },
    seek(seconds: number) {
      playback.seek(seconds);
      listener.seeked(seconds);
    },
    pause() {
      playback.pause();
      listener.paused();
    },
  };
}

describe('ResumeController', () => {
  const clear = () => Object.keys(localStorage).filter((key) => key.startsWith('earshot:position:')).forEach((key) => localStorage.removeItem(key));
  beforeEach(clear);
  afterEach(clear);

  it('remembers a pause the listener made before its code arrived', async () => {
    const page = await visit(false);
    page.play();
    page.seek(100);
    page.pause();
    expect(page.state().status).to.equal('paused');
    // Only now does Resume's chunk arrive.
    page.connect();
    expect(page.saved()).to.equal(100);
  });

  it('keeps the place from before when the next visit plays from the start and stops within five seconds', async () => {
    const first = await visit();
    first.play();
    first.seek(100);
    first.pause();
    expect(first.saved()).to.equal(100);
    const next = await visit();
    expect(next.resume!.offer).to.equal(100);
    next.play();
    next.seek(2);
    next.pause();
    expect(next.saved()).to.equal(100);
  });

  it('forgets the place when the listener goes back to the start after listening on, and stops there', async () => {
    const one = await visit();
    one.play();
    one.seek(100);
    one.pause();
    one.play();
    one.seek(1);
    one.pause();
    expect(one.saved()).to.equal(null);
  });
});
