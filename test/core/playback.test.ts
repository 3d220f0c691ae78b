import { expect } from '@open-wc/testing';
import type { PlayerEventMap, PlayerEventName } from '../../src/core/events.js';
import type { EngineFactory, EngineListener, EngineOptions, MediaEngine } from '../../src/core/media-engine.js';
import { Playback } from '../../src/core/playback.js';
import type { AudioSource, Track } from '../../src/core/track.js';

/** A media engine that does only what the test tells it to report. */
class FakeEngine implements MediaEngine {
  position_: number;
  calls: string[] = [];
  unloaded = false;
  constructor(
    readonly sources: readonly AudioSource[],
    readonly listener: EngineListener,
    readonly options: EngineOptions,
  ) {
    this.position_ = options.start;
  }
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
  prepare() {
    this.calls.push('prepare');
  }
  unload() {
    this.unloaded = true;
  }
}

function setUp(tracks: Track[]) {
  const engines: FakeEngine[] = [];
  const events: { type: PlayerEventName; detail: unknown }[] = [];
  const factory: EngineFactory = (sources, listener, options) => {
    const engine = new FakeEngine(sources, listener, options);
    engines.push(engine);
    return engine;
  };
  const playback = new Playback({
    engine: factory,
    emit: <K extends PlayerEventName>(type: K, detail: PlayerEventMap[K]) => void events.push({ type, detail }),
  });
  void playback.load({ kind: 'tracks', data: tracks }, 'https://news.example/story/');
  return { playback, engines, events, last: () => engines.at(-1)!, types: () => events.map((e) => e.type) };
}

/** The tracks are taken in a microtask or two after load(). */
async function waitForTracks(playback: Playback): Promise<void> {
  for (let i = 0; i < 20 && playback.state.tracks.length === 0; i++) await Promise.resolve();
}

const track = (title: string, extra: Partial<Track> = {}): Track => ({ id: title, title, src: [{ src: `https://cdn.example/${title}.mp3` }], ...extra });

describe('Playback (with a fake engine)', () => {
  it('commits playing and paused when the media reports them, and emits play and pause once each', async () => {
    const { playback, last, types } = setUp([track('a', { duration: 60 })]);
    expect(playback.state).to.include({ status: 'idle', duration: 60, currentTime: 0 });
    const started = playback.play();
    expect(last().calls).to.deep.equal(['play']);
    expect(playback.state.status, 'before the media says anything').to.equal('idle');
    last().listener.waiting();
    expect(playback.state.status).to.equal('loading');
    expect(playback.paused).to.equal(false);
    last().listener.ready();
    last().listener.playing();
    await started;
    expect(playback.state.status).to.equal('playing');
    last().position_ = 12;
    playback.pause();
    expect(playback.state.status, 'a pause asked for is not yet a pause').to.equal('playing');
    last().listener.paused();
    expect(playback.state).to.include({ status: 'paused', currentTime: 12 });
    expect(types()).to.deep.equal(['ready', 'play', 'pause']);
    playback.dispose();
  });

  it('says ready before play, once, also when the media played before it said it was ready', () => {
    const { playback, last, types } = setUp([track('a')]);
    void playback.play();
    last().listener.waiting();
    last().listener.playing();
    last().listener.ready();
    expect(types()).to.deep.equal(['ready', 'play']);
    playback.dispose();
  });

  it('answers play() while starting or playing with the same promise, and asks the media once', async () => {
    const { playback, last } = setUp([track('a')]);
    const first = playback.play();
    const second = playback.play();
    expect(second).to.equal(first);
    last().listener.waiting();
    expect(playback.play()).to.equal(first);
    expect(last().calls).to.deep.equal(['play']);
    last().listener.playing();
    await first;
    await playback.play();
    expect(last().calls).to.deep.equal(['play']);
    playback.dispose();
  });

  it('rejects the pending play() when the listener pauses before the sound starts, and emits no pause for it', async () => {
    const { playback, last, types } = setUp([track('a')]);
    const started = playback.play();
    last().listener.waiting();
    playback.pause();
    last().listener.paused();
    const error = await started.then(() => null, (e: Error) => e);
    expect(error?.name).to.equal('AbortError');
    expect(playback.state.status).to.equal('idle');
    expect(types()).to.deep.equal([]);
    playback.dispose();
  });

  it('keeps the manifest\'s duration until the media reports one', () => {
    const { playback, last } = setUp([track('a', { duration: 8 })]);
    last().listener.ready();
    expect(playback.state.duration).to.equal(8);
    last().listener.duration(7.99);
    expect(playback.state.duration).to.equal(7.99);
    playback.dispose();
  });

  it('moves the position at once on a seek, and says seeked when the media got there', () => {
    const { playback, last, types } = setUp([track('a', { duration: 60 })]);
    playback.seek(20);
    expect(playback.state).to.include({ currentTime: 20, seeking: true });
    expect(last().calls).to.deep.equal(['seek 20']);
    expect(types()).to.deep.equal([]);
    last().listener.seeked(20);
    expect(playback.state).to.include({ currentTime: 20, seeking: false });
    expect(types()).to.deep.equal(['seeked']);
    playback.seek(30, { silent: true });
    last().listener.seeked(30);
    expect(types(), 'a seek the page made as a property is no news to it').to.deep.equal(['seeked']);
    playback.dispose();
  });

  it('plays a segment relative to its start and ends it there', () => {
    const { playback, last, types } = setUp([track('a', { start: 40, end: 76, duration: 166 })]);
    expect(last().options.start).to.equal(40);
    expect(playback.state.duration).to.equal(36);
    playback.seek(10);
    expect(last().calls.at(-1)).to.equal('seek 50');
    last().listener.seeked(50);
    expect(playback.state.currentTime).to.equal(10);
    playback.seek(500);
    expect(playback.state.currentTime).to.equal(36);
    last().listener.ended();
    expect(playback.state.status).to.equal('ended');
    expect(types()).to.deep.equal(['seeked', 'ended']);
    playback.dispose();
  });

  it('starts again from the top when Play comes at the end: ended, or skipped past it while paused', () => {
    const { playback, last } = setUp([track('a', { duration: 60 })]);
    playback.skip(90);
    last().listener.seeked(60);
    expect(playback.state.currentTime).to.equal(60);
    void playback.play().catch(() => {});
    expect(last().calls).to.deep.equal(['seek 60', 'seek 0', 'play']);
    expect(playback.state.currentTime).to.equal(0);
    playback.dispose();
  });

  it('settles a pending play() when the track ends before it was heard to start, so the next one starts again', async () => {
    const { playback, last } = setUp([track('a', { duration: 60 })]);
    const first = playback.play();
    last().listener.waiting();
    last().listener.ended();
    expect((await first.then(() => null, (e: Error) => e))?.name).to.equal('AbortError');
    expect(playback.state.status).to.equal('ended');
    const second = playback.play();
    expect(second).to.not.equal(first);
    expect(last().calls.filter((call) => call === 'play')).to.have.length(2);
    playback.dispose();
  });

  it('ignores reports from the media of a track it has left', () => {
    const { playback, engines } = setUp([track('a'), track('b')]);
    playback.select(1);
    expect(engines[0]!.unloaded).to.equal(true);
    engines[0]!.listener.playing();
    engines[0]!.listener.fail('network', 'late failure');
    expect(playback.state).to.include({ status: 'idle', index: 1, error: null });
    playback.dispose();
  });

  it('goes on to the next track when one ends', () => {
    const { playback, engines, types } = setUp([track('a'), track('b')]);
    engines[0]!.listener.playing();
    engines[0]!.listener.ended();
    expect(playback.state.index).to.equal(1);
    expect(engines[1]!.calls).to.deep.equal(['play']);
    expect(types()).to.deep.equal(['ready', 'play', 'ended', 'trackchange']);
    playback.dispose();
  });

  it('plays the listener\'s saved playlist as its own list, and the own tracks again after', () => {
    const { playback, last, types } = setUp([track('a'), track('b')]);
    const saved = [track('x'), track('y'), track('z')];
    playback.playFrom('saved', 1, saved);
    expect(playback.state).to.include({ list: 'saved', index: 1 });
    expect(playback.state.queue.map((t) => t.title)).to.deep.equal(['x', 'y', 'z']);
    expect(playback.state.tracks.map((t) => t.title), 'the own tracks stay as they are').to.deep.equal(['a', 'b']);
    expect(playback.track?.title).to.equal('y');
    expect(last().calls).to.deep.equal(['play']);
    playback.playFrom('own', 0);
    expect(playback.state).to.include({ list: 'own', index: 0 });
    expect(playback.track?.title).to.equal('a');
    expect(types()).to.deep.equal(['trackchange', 'trackchange']);
    playback.dispose();
  });

  it('says a manifest is loading while it is, with no tracks and nothing to play', async () => {
    const events: string[] = [];
    const playback = new Playback({ emit: (type) => void events.push(type), engine: (s, l, o) => new FakeEngine(s, l, o) });
    const original = window.fetch;
    let answer!: (response: Response) => void;
    window.fetch = () => new Promise<Response>((resolve) => (answer = resolve));
    try {
      const loaded = playback.load({ kind: 'manifest', url: 'https://news.example/story.json' }, 'https://news.example/');
      expect(playback.state).to.include({ loadingTracks: true, status: 'loading' });
      expect(playback.paused).to.equal(true);
      answer(new Response(JSON.stringify({ title: 'Story', tracks: [{ title: 'One', src: 'one.mp3' }] }), { headers: { 'content-type': 'application/json' } }));
      expect(await loaded).to.equal(true);
      expect(playback.state).to.include({ loadingTracks: false, title: 'Story' });
      expect(playback.state.tracks[0]?.src[0]?.src).to.equal('https://news.example/one.mp3');
    } finally {
      window.fetch = original;
      playback.dispose();
    }
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

  it('tells the page what the listener did elsewhere, and shows a feature\'s problem only where asked', () => {
    const { playback, events } = setUp([track('a')]);
    playback.announce('download', { index: 0, url: 'https://cdn.example/a.mp3', filename: 'a.mp3' });
    playback.warn({ code: 'storage', message: 'Not kept.' }, { alert: false });
    expect(playback.state.error).to.equal(null);
    playback.warn({ code: 'download', message: 'The download failed.' });
    expect(playback.state.error).to.include({ code: 'download', fatal: false });
    expect(events.map((e) => e.type)).to.deep.equal(['download', 'error', 'error']);
    playback.dispose();
  });

  it('counts many invalid tracks in one error, not an event for each problem', async () => {
    const junk = Array.from({ length: 499 }, (_, n) => ({ title: `Bad ${n}`, src: 'javascript:alert(1)', image: 'data:x' }));
    const { playback, events } = setUp([...(junk as unknown as Track[]), track('good')]);
    await waitForTracks(playback);
    const errors = events.filter((e) => e.type === 'error').map((e) => e.detail as { message: string; fatal: boolean });
    expect(errors.map((e) => e.message.slice(0, 120))).to.have.length(1);
    expect(errors[0]!.fatal).to.equal(false);
    expect(errors[0]!.message).to.match(/^\d+ problems in 499 tracks were left out\. The first: Track 1\b/);
    expect(playback.state.tracks.map((t) => t.title)).to.deep.equal(['good']);
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

  it('hands out its state read-only', () => {
    const { playback } = setUp([track('a')]);
    expect(Object.isFrozen(playback.state)).to.equal(true);
    expect('update' in playback.store).to.equal(false);
    playback.dispose();
  });
});
