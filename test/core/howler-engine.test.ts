/**
 * The howler adapter against a fake media element: each place where howler's HTML5 path goes wrong in some
 * engine, made to happen on purpose, and what the listener hears of it. The real engines play the real files
 * in test/player/ (Chromium, Firefox ESR, WebKitGTK).
 */
import { expect } from '@open-wc/testing';
import { Howler } from 'howler';
import { browserPlatform, HowlerEngine } from '../../src/core/howler-engine.js';
import type { EngineListener, EngineOptions } from '../../src/core/media-engine.js';
import type { AudioSource } from '../../src/core/track.js';
import { FakeMedia, settle } from '../support/fake-media.js';

type Report = string;

interface Watches {
  errorWatchMs?: number;
  stallWatchMs?: number;
  waitDeadlineMs?: number;
  seekQuietMs?: number;
}

function setUp({ sources = [{ src: 'https://cdn.example/a.mp3' }], options = {}, errorWatchMs = 30, stallWatchMs = 30, waitDeadlineMs = 60_000, seekQuietMs = 30 }: { sources?: AudioSource[]; options?: Partial<EngineOptions> } & Watches = {}) {
  const reports: Report[] = [];
  const media: FakeMedia[] = [];
  const listener: EngineListener = {
    ready: () => reports.push('ready'),
    duration: (seconds) => reports.push(`duration ${seconds}`),
    waiting: () => reports.push('waiting'),
    playing: () => reports.push('playing'),
    paused: () => reports.push('paused'),
    seeked: (seconds) => reports.push(`seeked ${seconds}`),
    seekRefused: (target, landed) => reports.push(`seek refused ${target} ${landed}`),
    ended: () => reports.push('ended'),
    blocked: () => reports.push('blocked'),
    fail: (code, message) => reports.push(`fail ${code}: ${message}`),
  };
  const engine = new HowlerEngine(sources, listener, { preload: 'none', rate: 1, volume: 1, muted: false, start: 0, ...options }, {
    createMedia: () => {
      const made = new FakeMedia();
      media.push(made);
      return made as unknown as HTMLMediaElement;
    },
    errorWatchMs,
    stallWatchMs,
    waitDeadlineMs,
    seekQuietMs,
  });
  return { engine, reports, media, last: () => media.at(-1)! };
}

/** Plays until the fake media says it plays. */
async function playing(setup: ReturnType<typeof setUp>, duration = 8): Promise<FakeMedia> {
  setup.engine.play();
  const media = setup.last();
  media.loadMetadata(duration);
  media.haveData(4);
  media.startPlaying();
  await settle();
  return media;
}

/** Played, paused, then seeked to 3 s, where the media sits at readyState 2 as WebKitGTK leaves it. */
async function pausedAfterSeek(setup: ReturnType<typeof setUp>): Promise<FakeMedia> {
  const media = await playing(setup);
  setup.engine.pause();
  setup.engine.seek(3);
  media.finishSeek(2);
  return media;
}

const plays = (media: FakeMedia) => media.calls.filter((call) => call === 'play').length;
const seeks = (media: FakeMedia) => media.calls.filter((call) => call.startsWith('currentTime'));

describe('HowlerEngine: howler on a media element, fixed where it goes wrong', () => {
  let setup: ReturnType<typeof setUp>;
  afterEach(() => setup.engine.unload());

  it('fetches nothing until asked, and only the header when the listener shows intent', () => {
    setup = setUp();
    expect(setup.media).to.have.length(0);
    setup.engine.prepare();
    expect(setup.media).to.have.length(1);
    expect(setup.last().preload).to.equal('metadata');
  });

  it('starts the media on the click itself, before any canplay (bare <audio> speed; Safari needs the gesture)', () => {
    setup = setUp();
    setup.engine.play();
    const media = setup.last();
    expect(media.readyState).to.equal(0);
    expect(plays(media)).to.equal(1);
    expect(media.paused).to.equal(false);
    expect(setup.reports).to.deep.equal(['waiting']);
  });

  it('keeps one sound: play() again and again, while starting, playing, and after the end, uses one media element', async () => {
    setup = setUp();
    for (let i = 0; i < 5; i++) setup.engine.play();
    const media = await playing(setup);
    for (let i = 0; i < 5; i++) setup.engine.play();
    expect(setup.media).to.have.length(1);
    expect(plays(media)).to.equal(1);
    media.end();
    setup.engine.play();
    setup.engine.play();
    expect(setup.media).to.have.length(1);
    expect(plays(media)).to.equal(2);
    expect((Howler as unknown as { _howls: unknown[] })._howls.filter((howl) => (howl as { _sounds: unknown[] })._sounds.length > 1)).to.deep.equal([]);
  });

  it('keeps one sound when Play, Pause and Play come in one go while the media is starting', () => {
    setup = setUp();
    setup.engine.prepare();
    const media = setup.last();
    media.loadMetadata(8);
    media.haveData(4);
    setup.engine.play();
    setup.engine.pause();
    setup.engine.play();
    expect(setup.media).to.have.length(1);
    expect(media.paused).to.equal(false);
  });

  it('WebKitGTK: a duration of 0 (an MP3 without a header) ends nothing, and the real one is reported when it comes', async () => {
    setup = setUp();
    setup.engine.prepare();
    const media = setup.last();
    media.loadMetadata(0);
    media.haveData(4);
    setup.engine.play();
    expect(media.paused, 'howler ended it before it started').to.equal(false);
    media.startPlaying();
    await settle();
    await settle();
    expect(setup.reports, 'no length yet: ready when it can play').to.deep.equal(['ready', 'waiting', 'playing']);
    media.duration = 7.99;
    media.fire('durationchange');
    expect(setup.reports.at(-1)).to.equal('duration 7.99');
    media.duration = NaN;
    media.fire('durationchange');
    expect(setup.reports.at(-1), 'NaN is no duration either').to.equal('duration 7.99');
  });

  it('WebKitGTK: after a paused seek the media sits at readyState 2 with no canplay, and Play still starts it', async () => {
    setup = setUp();
    const media = await pausedAfterSeek(setup);
    expect(setup.reports.slice(-2)).to.deep.equal(['paused', 'seeked 3']);
    setup.engine.play();
    expect(plays(media)).to.equal(2);
    expect(media.paused).to.equal(false);
    media.startPlaying();
    await settle();
    expect(setup.reports.slice(-2)).to.deep.equal(['waiting', 'playing']);
  });

  it('skips howler\'s seek to where the media already is on every start (in WebKitGTK it can stall the start)', async () => {
    setup = setUp();
    const media = await pausedAfterSeek(setup);
    const before = seeks(media).length;
    setup.engine.play();
    expect(seeks(media).slice(before)).to.deep.equal([]);
  });

  it('says that a seek to where the media already is has landed (the media, not asked to move, says nothing)', async () => {
    setup = setUp();
    const media = await pausedAfterSeek(setup);
    const before = setup.reports.length;
    setup.engine.seek(3);
    await settle();
    expect(setup.reports.slice(before)).to.deep.equal(['seeked 3']);
    // It is not left seeking: Play starts it, and a later seek is said once it lands.
    setup.engine.seek(4);
    media.finishSeek(2);
    expect(setup.reports.at(-1)).to.equal('seeked 4');
  });

  it('WebKitGTK: a start that sits still at readyState 2 gets a seek a hundredth of a second on, and nothing while it plays', async () => {
    setup = setUp();
    const media = await pausedAfterSeek(setup);
    setup.engine.play();
    // It never starts: no 'playing', the position stays at 3, readyState 2.
    const before = seeks(media).length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seeks(media).slice(before)).to.deep.equal(['currentTime 3.01']);
    // One that plays on is left alone.
    media.finishSeek(2);
    media.startPlaying();
    media.readyState = 2;
    const later = seeks(media).length;
    media.advance(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seeks(media).slice(later)).to.deep.equal([]);
  });

  it('WebKitGTK: a media that plays on from readyState 2 without saying \'playing\' is playing once its position moves', async () => {
    setup = setUp();
    const media = await pausedAfterSeek(setup);
    setup.engine.play();
    expect(setup.reports.at(-1)).to.equal('waiting');
    media.fire('timeupdate');
    expect(setup.reports.at(-1), 'a time update with no move is no start').to.equal('waiting');
    media.advance(0.25);
    expect(setup.reports.at(-1)).to.equal('playing');
  });

  it('Firefox: says nothing of the end after a seek there while paused', async () => {
    setup = setUp();
    const media = await playing(setup);
    setup.engine.pause();
    const before = setup.reports.length;
    media.end();
    await settle();
    expect(setup.reports.slice(before)).to.deep.equal([]);
  });

  it('Firefox: after Skip to the end while paused (readyState 2), Play starts the media', async () => {
    setup = setUp();
    const media = await playing(setup);
    setup.engine.pause();
    setup.engine.seek(8);
    media.finishSeek(2);
    setup.engine.play();
    expect(plays(media)).to.equal(2);
    expect(media.paused).to.equal(false);
  });

  it('pauses at once while play() is still pending: no sound starts after the listener paused', async () => {
    setup = setUp();
    setup.engine.play();
    const media = setup.last();
    setup.engine.pause();
    expect(media.paused).to.equal(true);
    expect(setup.reports).to.deep.equal(['waiting', 'paused']);
    media.loadMetadata(8);
    media.haveData(4);
    await settle();
    expect(media.paused).to.equal(true);
    expect(setup.reports, 'the aborted play() is no refusal').to.deep.equal(['waiting', 'paused', 'duration 8', 'ready']);
  });

  it('seeks the media at once while play() is pending, and reports it when the media got there', async () => {
    setup = setUp();
    setup.engine.play();
    const media = setup.last();
    media.loadMetadata(8);
    setup.engine.seek(5);
    expect(media.currentTime).to.equal(5);
    media.finishSeek(3);
    expect(setup.reports.at(-1)).to.equal('seeked 5');
    expect(setup.engine.position()).to.equal(5);
  });

  it('starts where it was asked to, also when the seek came before the media knew anything', async () => {
    setup = setUp({ options: { start: 40 } });
    setup.engine.seek(42);
    await settle();
    expect(setup.reports).to.deep.equal(['seeked 42']);
    setup.engine.play();
    const media = setup.last();
    expect(media.defaultStart).to.equal(42);
    media.loadMetadata(120);
    expect(media.currentTime).to.equal(42);
  });

  it('WebKitGTK: goes to its start though the media began at 0 and corrected its length of 0 without a durationchange', async () => {
    setup = setUp({ options: { start: 2 } });
    setup.engine.play();
    const media = setup.last();
    media.ignoreDefaultStart = true;
    media.loadMetadata(0);
    media.haveData(4);
    expect(setup.engine.position(), 'where it is to start, until it is there').to.equal(2);
    media.startPlaying();
    await settle();
    media.duration = 8; // no 'durationchange'
    const before = seeks(media).length;
    media.advance(0.05);
    expect(seeks(media).slice(before)).to.deep.equal(['currentTime 2']);
    expect(setup.reports).to.include('duration 8');
  });

  it('WebKitGTK: a start that sits still at readyState 4 after a seek of its own gets a seek on from where it is', async () => {
    setup = setUp();
    const media = await playing(setup);
    setup.engine.pause();
    setup.engine.play();
    media.startPlaying();
    const before = seeks(media).length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seeks(media).slice(before).length, 'nudged').to.be.at.least(1);
  });

  /** Played to 2 s, paused, and played again: it says it plays but sits still, holding `buffered` of the file. */
  async function stuckAt2(buffered: [number, number]): Promise<{ media: FakeMedia; since: () => string[] }> {
    setup = setUp();
    const media = await playing(setup);
    media.advance(2);
    setup.engine.pause();
    setup.engine.play();
    media.startPlaying();
    media.bufferedRanges = [buffered];
    const before = media.calls.length;
    return { media, since: () => media.calls.slice(before) };
  }
  const nudges = (calls: string[]) => calls.filter((call) => call.startsWith('currentTime')).length;

  it('WebKitGTK: a start that no seek gets going is loaded again where it sits, once, and plays from there', async () => {
    // It sits still with the whole file there: two nudges, then a load of the same file, to start where it was.
    const { media, since } = await stuckAt2([0, 8]);
    for (let waited = 0; waited < 500 && !since().includes('load'); waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(since(), 'loaded again').to.include('load');
    expect(nudges(since()), 'nudged first').to.be.at.least(2);
    expect(media.defaultStart).to.be.within(2, 2.1);
    expect(media.paused, 'asked to play again').to.equal(false);
    expect(setup.reports.at(-1)).to.equal('waiting');
    media.loadMetadata(8);
    media.haveData(4);
    media.startPlaying();
    await settle();
    expect(setup.reports.at(-1)).to.equal('playing');
    expect(setup.engine.position()).to.be.within(2, 2.1);
    // Stuck again (a second Play while it plays looks again): nudged, but no second load for the same press.
    const again = media.calls.length;
    setup.engine.play();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(nudges(media.calls.slice(again)), 'nudged').to.be.above(0);
    expect(media.calls.slice(again)).to.not.include('load');
  });

  it('WebKitGTK: a start that sat still before reaching where it was to start is loaded again to start there', async () => {
    // A length of 0 at first (an MP3 without a header): the media ignores its start and sits at 0.
    setup = setUp({ options: { start: 5 } });
    setup.engine.play();
    const media = setup.last();
    media.ignoreDefaultStart = true;
    media.loadMetadata(0);
    media.haveData(4);
    media.startPlaying();
    media.bufferedRanges = [[0, 8]];
    const since = () => media.calls.slice(before);
    const before = media.calls.length;
    for (let waited = 0; waited < 500 && !since().includes('load'); waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(since(), 'loaded again').to.include('load');
    expect(media.defaultStart).to.equal(5);
  });

  it('WebKitGTK: a start that sits still for want of data (a slow network) is nudged, never loaded again', async () => {
    const { since } = await stuckAt2([0, 2.5]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(nudges(since()), 'nudged').to.be.above(0);
    expect(since()).to.not.include('load');
  });

  it('reports a refused start (no user gesture) as blocked, once', async () => {
    setup = setUp();
    setup.engine.prepare();
    const media = setup.last();
    media.refuse = true;
    setup.engine.play();
    await settle();
    await settle();
    expect(setup.reports).to.deep.equal(['waiting', 'blocked']);
  });

  it('Firefox without an audio device: a media error while the position keeps moving is not fatal', async () => {
    setup = setUp();
    const media = await playing(setup);
    media.fail(3, 'OnMediaSinkAudioError');
    media.advance(0.5);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(setup.reports.filter((r) => r.startsWith('fail'))).to.deep.equal([]);
    setup.engine.pause();
    expect(media.paused).to.equal(true);
  });

  it('fails after a media error once the position stops, and tries the next source from where it was', async () => {
    setup = setUp({ sources: [{ src: new URL('/media/test/fixtures/corrupt.mp3', location.href).href }, { src: 'https://cdn.example/b.mp3' }] });
    const media = await playing(setup);
    media.advance(2);
    media.fail(3, 'decode');
    await new Promise((resolve) => setTimeout(resolve, 60));
    const deadline = performance.now() + 4000;
    while (setup.media.length < 2 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(setup.media).to.have.length(2);
    const next = setup.last();
    expect(next.src).to.equal('https://cdn.example/b.mp3');
    expect(plays(next), 'the listener wanted sound, so the next source plays').to.equal(1);
    expect(next.defaultStart).to.equal(2);
    expect(media.paused).to.equal(true);
  });

  it('no endless wait: a seek while playing that gets no data shows waiting, and ends as a lost connection at the deadline', async () => {
    // WebKitGTK waits on a dead connection forever, and a playing media says nothing while it seeks.
    setup = setUp({ sources: [{ src: 'http://127.0.0.1:9/a.mp3' }], waitDeadlineMs: 200, seekQuietMs: 20 });
    const media = await playing(setup, 360);
    setup.engine.seek(200);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(setup.reports.at(-1), 'the listener sees it wait').to.equal('waiting');
    // Data still arrives at 150 ms: a slow network, not a lost one, so no failure at 200 ms.
    await new Promise((resolve) => setTimeout(resolve, 90));
    media.fire('progress');
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(setup.reports.filter((r) => r.startsWith('fail'))).to.deep.equal([]);
    const deadline = performance.now() + 4000;
    while (!setup.reports.some((r) => r.startsWith('fail')) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(setup.reports.at(-1)).to.match(/^fail network: .*connection was lost/);
    expect(media.paused).to.equal(true);
  });

  it('a seek that lands elsewhere (a server without range requests) is reported, with where it landed', async () => {
    setup = setUp();
    const media = await playing(setup, 360);
    setup.engine.seek(120);
    media.finishSeek(4, 0);
    expect(setup.reports.slice(-2)).to.deep.equal(['seek refused 120 0', 'seeked 0']);
    // A seek that gets there says nothing more; nor does one to the very end.
    setup.engine.seek(30);
    media.finishSeek(4);
    setup.engine.seek(360);
    media.finishSeek(4, 359.5);
    expect(setup.reports.slice(-2)).to.deep.equal(['seeked 30', 'seeked 359.5']);
  });

  it('sets rate, volume and mute on the media at once, also before it has loaded', () => {
    setup = setUp();
    setup.engine.prepare();
    const media = setup.last();
    setup.engine.setRate(1.5);
    setup.engine.setVolume(0.4);
    setup.engine.setMuted(true);
    expect([media.playbackRate, media.volume, media.muted]).to.deep.equal([1.5, 0.4, true]);
    setup.engine.play();
    expect([media.playbackRate, media.volume, media.muted], 'howler sets them again on play: from the same values').to.deep.equal([1.5, 0.4, true]);
    setup.engine.setMuted(false);
    expect(media.muted).to.equal(false);
  });

  it('tells an outside pause (the OS, an interruption), and plays again on Play', async () => {
    setup = setUp();
    const media = await playing(setup);
    media.pause();
    await settle();
    expect(setup.reports.at(-1)).to.equal('paused');
    setup.engine.play();
    expect(plays(media)).to.equal(2);
  });

  it('reports the end once, and no seek or pause for howler\'s own rewind after it', async () => {
    setup = setUp();
    const media = await playing(setup);
    const before = setup.reports.length;
    media.end();
    await settle();
    expect(setup.reports.slice(before)).to.deep.equal(['ended']);
  });

  it('WebKitGTK: is ready when the real duration comes after a 0 at loadedmetadata', () => {
    setup = setUp({ options: { preload: 'metadata' } });
    const media = setup.last();
    media.loadMetadata(0);
    expect(setup.reports).to.deep.equal([]);
    media.duration = 360;
    media.fire('durationchange');
    expect(setup.reports).to.deep.equal(['duration 360', 'ready']);
  });

  it('WebKitGTK: is ready when it can play, though its length is still unknown', () => {
    setup = setUp({ options: { preload: 'metadata' } });
    const media = setup.last();
    media.loadMetadata(0);
    media.haveData(4);
    expect(setup.reports).to.deep.equal(['ready']);
  });

  it('makes no AudioContext, leaves howler\'s pool as it found it, and stops the sound when unloaded', async () => {
    setup = setUp();
    const pool = (Howler as unknown as { _html5AudioPool: unknown[] })._html5AudioPool;
    const size = pool.length;
    const media = await playing(setup);
    expect(Boolean((Howler as unknown as { ctx?: unknown }).ctx)).to.equal(false);
    setup.engine.unload();
    expect(media.paused).to.equal(true);
    expect(pool).to.have.length(size);
    expect(pool.includes(media)).to.equal(false);
    const reports = setup.reports.length;
    media.fire('ended');
    expect(setup.reports, 'nothing after unload').to.have.length(reports);
  });
});

describe('HowlerEngine: the browser\'s timings', () => {
  it('gives a connection that sends nothing 15 seconds, as the README says', () => {
    expect(browserPlatform.waitDeadlineMs).to.equal(15_000);
  });
});
