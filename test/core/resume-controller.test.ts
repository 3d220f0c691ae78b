/** Resume's controller against the core, with a stand-in engine: it arrives late (a slow network, a busy machine). */
import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ResumeController } from '../../src/controllers/resume-controller.js';
import type { EngineListener, MediaEngine } from '../../src/core/media-engine.js';
import { Playback } from '../../src/core/playback.js';
import { SavedPositions } from '../../src/core/saved-positions.js';

describe('ResumeController', () => {
  const clear = () => Object.keys(localStorage).filter((key) => key.startsWith('earshot:position:')).forEach((key) => localStorage.removeItem(key));
  beforeEach(clear);
  afterEach(clear);

  it('remembers a pause the listener made before its code arrived', async () => {
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
    void playback.play().catch(() => {});
    listener.playing();
    playback.seek(100);
    listener.seeked(100);
    playback.pause();
    listener.paused();
    expect(playback.state.status).to.equal('paused');
    // Only now does Resume's chunk arrive.
    const host = { addController: (controller: ReactiveController) => controller.hostConnected?.(), removeController() {}, requestUpdate() {}, updateComplete: Promise.resolve(true) };
    new ResumeController(host as unknown as ReactiveControllerHost, playback);
    expect(new SavedPositions().get(playback.track!, 3600)).to.equal(100);
  });
});
