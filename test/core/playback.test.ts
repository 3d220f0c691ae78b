import { expect } from '@open-wc/testing';
import type { EngineFactory, EngineListener, EngineOptions, MediaEngine } from '../../src/core/engine.js';
import { Playback, type PlaybackEventMap, type PlaybackEventName } from '../../src/core/playback.js';
import type { AudioSource, Track } from '../../src/core/track.js';

/** A media engine that does only what the test tells it to report. */
class FakeEngine implements MediaEngine {
  position_ = 0;
  calls: string[] = [];
  unloaded = false;
  constructor(
    readonly sources: readonly AudioSource[],
    readonly listener: EngineListener,
    readonly options: EngineOptions,
  ) {}
  play() {
    this.calls.push('play');
  }
  pause() {
    this.calls.push('pause');
  }
  seek(seconds: number) {
    this.calls.push(`seek ${seconds}`);
    this.position_ = seconds;
  }
  position() {
    return this.position_;
  }
  setRate(rate: number) {
    this.calls.push(`rate ${rate}`);
  }
  setVolume(volume: number) {
    this.calls.push(`volume ${volume}`);
  }
  setMuted(muted: boolean) {
    this.calls.push(`muted ${muted}`);
  }
  unload() {
    this.unloaded = true;
  }
}

function setUp(tracks: Track[]) {
  const engines: FakeEngine[] = [];
  const events: { type: PlaybackEventName; detail: unknown }[] = [];
  const factory: EngineFactory = (sources, listener, options) => {
    const engine = new FakeEngine(sources, listener, options);
    engines.push(engine);
    return engine;
  };
  const playback = new Playback({
    engine: factory,
    emit: <K extends PlaybackEventName>(type: K, detail: PlaybackEventMap[K]) => void events.push({ type, detail }),
  });
  playback.setTracks(tracks);
  return { playback, engines, events, last: () => engines.at(-1)! };
}

const track = (title: string, extra: Partial<Track> = {}): Track => ({ id: title, title, src: [{ src: `https://cdn.example/${title}.mp3` }], ...extra });

describe('Playback (with a fake engine)', () => {
  it('changes state only when the media reports, and emits play and pause', async () => {
    const { playback, last, events } = setUp([track('a', { duration: 60 })]);
    expect(playback.state).to.include({ status: 'idle', duration: 60, currentTime: 0 });
    const started = playback.play();
    expect(last().calls).to.deep.equal(['play']);
    expect(playback.state.status).to.equal('idle');
    last().listener.waiting();
    expect(playback.state.status).to.equal('loading');
    last().listener.ready(60);
    last().listener.play();
    await started;
    expect(playback.state.status).to.equal('playing');
    last().position_ = 12;
    playback.pause();
    last().listener.pause();
    expect(playback.state).to.include({ status: 'paused', currentTime: 12 });
    expect(events.map((e) => e.type)).to.deep.equal(['ready', 'play', 'pause']);
    playback.dispose();
  });

  it('plays a segment relative to its start and ends it there', () => {
    const { playback, last, events } = setUp([track('a', { start: 40, end: 76, duration: 166 })]);
    expect(last().calls).to.deep.equal(['seek 40']);
    expect(playback.state.duration).to.equal(36);
    playback.seek(10);
    expect(last().calls.at(-1)).to.equal('seek 50');
    expect(playback.state.currentTime).to.equal(10);
    playback.seek(500);
    expect(playback.state.currentTime).to.equal(36);
    last().listener.end();
    expect(playback.state.status).to.equal('ended');
    expect(events.map((e) => e.type)).to.deep.equal(['seeked', 'seeked', 'ended']);
    playback.dispose();
  });

  it('ignores reports from the media of a track it has left', () => {
    const { playback, engines } = setUp([track('a'), track('b')]);
    playback.select(1);
    expect(engines[0]!.unloaded).to.equal(true);
    engines[0]!.listener.play();
    engines[0]!.listener.fail('network', 'late failure');
    expect(playback.state).to.include({ status: 'idle', index: 1, error: null });
    playback.dispose();
  });

  it('goes on to the next track when one ends', () => {
    const { playback, engines, events } = setUp([track('a'), track('b')]);
    engines[0]!.listener.play();
    engines[0]!.listener.end();
    expect(playback.state.index).to.equal(1);
    expect(engines[1]!.calls).to.deep.equal(['play']);
    expect(events.map((e) => e.type)).to.deep.equal(['play', 'ended', 'trackchange']);
    playback.dispose();
  });

  it('turns a failure into a fatal error in state, and a refusal to start into a message that is not', async () => {
    const { playback, last } = setUp([track('a')]);
    const refused = playback.play();
    last().listener.blocked();
    await refused.then(
      () => expect.fail('play() should reject'),
      (error: Error) => expect(error.message).to.match(/Press Play/),
    );
    expect(playback.state.error).to.include({ code: 'autoplay-blocked', fatal: false });
    expect(playback.state.status).to.equal('idle');
    last().listener.fail('decode', 'The audio could not be played (a.mp3: damaged).');
    expect(playback.state.status).to.equal('error');
    expect(playback.state.error).to.include({ code: 'decode', fatal: true, index: 0 });
    playback.retry();
    expect(playback.state).to.include({ status: 'idle', error: null });
    expect(last().calls).to.deep.equal(['play']);
    playback.dispose();
  });

  it('clamps rate and volume, and stays silent for changes the page made itself', () => {
    const { playback, last, events } = setUp([track('a')]);
    playback.setRate(1000, { silent: true });
    playback.setVolume(-3, { silent: true });
    expect([playback.state.playbackRate, playback.state.volume]).to.deep.equal([4, 0]);
    expect(last().calls).to.deep.equal(['rate 4', 'volume 0', 'muted false']);
    expect(events).to.deep.equal([]);
    playback.setRate(NaN);
    expect(playback.state.playbackRate).to.equal(4);
    playback.dispose();
  });
});
