/**
 * The stand-in engine: a Play before howler has arrived starts a media element on the click itself (a bare
 * <audio>'s speed, and Safari's gesture), and howler takes that element over without loading it again.
 */
import { expect } from '@open-wc/testing';
import { DeferredEngine } from '../../src/core/deferred-engine.js';
import * as howlerEngine from '../../src/core/howler-engine.js';
import type { EngineListener } from '../../src/core/media-engine.js';
import { FakeMedia, settle } from '../support/fake-media.js';

/** A stand-in engine on fake media; with `loaded`, howler's module is here already. */
function setUp({ loaded = false, page }: { loaded?: boolean; page?: FakeMedia } = {}) {
  const reports: string[] = [];
  const media: FakeMedia[] = [];
  let arrive!: () => void;
  const arrived = new Promise<typeof howlerEngine>((resolve) => (arrive = () => resolve(howlerEngine)));
  let requests = 0;
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
  const engine = new DeferredEngine([{ src: 'https://cdn.example/a.mp3' }], listener, { preload: 'none', rate: 1, volume: 1, muted: false, start: 0, ...(page ? { media: page as unknown as HTMLMediaElement } : {}) }, {
    load: () => {
      requests += 1;
      return arrived;
    },
    loaded: () => (loaded ? howlerEngine : undefined),
    createMedia: () => {
      const made = new FakeMedia();
      media.push(made);
      return made as unknown as HTMLMediaElement;
    },
  });
  return { engine, reports, media, arrive, settle, requests: () => requests };
}

/** Play, and the element sounds (8 s of it) before howler has arrived. */
async function playUntilSounding() {
  const setup = setUp();
  setup.engine.play();
  const media = setup.media[0]!;
  media.loadMetadata(8);
  media.haveData(4);
  media.startPlaying();
  await settle();
  return { setup, media };
}

describe('DeferredEngine: Play before howler has arrived', () => {
  it('makes its element once the player is drawn, as a page\'s <audio preload="none">: it fetches nothing until Play', async () => {
    const setup = setUp();
    expect(setup.media, 'not while the player is drawn').to.have.length(0);
    await settle();
    expect(setup.media).to.have.length(1);
    const [media] = setup.media;
    expect(media!.src).to.equal('https://cdn.example/a.mp3');
    expect(media!.preload).to.equal('none');
    expect(media!.calls.filter((call) => call === 'play' || call === 'load')).to.deep.equal([]);
    expect(setup.reports).to.deep.equal([]);
    expect(setup.requests()).to.equal(0);
    setup.engine.unload();
  });

  it('starts that element on the click itself, leaves it the network and the main thread until the position moves, then howler takes it over without loading it again', async () => {
    const setup = setUp();
    setup.engine.play();
    expect(setup.media).to.have.length(1);
    const [media] = setup.media;
    expect(media!.calls.filter((call) => call === 'play')).to.have.length(1);
    expect(media!.paused).to.equal(false);
    expect(setup.reports).to.deep.equal(['waiting']);
    expect(setup.requests(), 'no engine fetched while the file is on its way').to.equal(0);
    media!.loadMetadata(8);
    media!.haveData(4);
    media!.startPlaying();
    await settle();
    expect(setup.reports, 'the length shows while it starts').to.deep.equal(['waiting', 'duration 8', 'playing']);
    expect(setup.requests(), 'not yet: the position has not moved').to.equal(0);
    media!.advance(0.25);
    expect(setup.reports, 'playing said once').to.deep.equal(['waiting', 'duration 8', 'playing']);
    expect(setup.requests()).to.equal(1);
    const before = media!.calls.length;
    setup.arrive();
    await settle();
    expect(setup.media, 'no second element').to.have.length(1);
    expect(media!.calls.slice(before).filter((call) => call.startsWith('src') || call === 'load'), 'not loaded again').to.deep.equal([]);
    expect(setup.reports, 'howler tells the rest').to.deep.equal(['waiting', 'duration 8', 'playing', 'duration 8', 'ready']);
    setup.engine.pause();
    expect(media!.paused).to.equal(true);
    expect(setup.reports.at(-1)).to.equal('paused');
    setup.engine.unload();
  });

  it('a sign of intent (prepare) while the clicked element is still on its way fetches no engine beside it', async () => {
    const setup = setUp();
    setup.engine.play();
    setup.engine.prepare();
    await settle();
    expect(setup.requests(), 'the file has the network to itself').to.equal(0);
    setup.media[0]!.loadMetadata(8);
    setup.media[0]!.haveData(4);
    setup.media[0]!.startPlaying();
    setup.media[0]!.advance(0.25);
    await settle();
    expect(setup.requests(), 'howler comes once it sounds').to.equal(1);
    setup.engine.unload();
  });

  it('a pointer pressed on Play fetches no engine: the click comes next, and its element is ready', async () => {
    const setup = setUp();
    setup.engine.prepare(true);
    expect(setup.media, 'the element made at the press').to.have.length(1);
    await settle();
    expect(setup.requests()).to.equal(0);
    expect(setup.media, 'not another').to.have.length(1);
    setup.engine.play();
    expect(setup.media[0]!.calls.filter((call) => call === 'play')).to.have.length(1);
    // Intent without a press (a pointer resting on the player) still fetches howler, to start fast.
    const resting = setUp();
    resting.engine.prepare();
    await settle();
    expect(resting.requests()).to.equal(1);
    setup.engine.unload();
    resting.engine.unload();
  });

  it('WebKitGTK: takes the position moving for the start it did not announce', async () => {
    const setup = setUp();
    setup.engine.play();
    const [media] = setup.media;
    media!.loadMetadata(8);
    media!.haveData(2);
    media!.fire('timeupdate');
    expect(setup.reports, 'no move, no start').to.deep.equal(['waiting', 'duration 8']);
    media!.advance(0.2);
    expect(setup.reports).to.deep.equal(['waiting', 'duration 8', 'playing']);
    expect(setup.requests()).to.equal(1);
    setup.engine.unload();
  });

  it('hands a failing file to howler, which says why', async () => {
    const setup = setUp();
    setup.engine.play();
    const [media] = setup.media;
    media!.fail(4);
    expect(setup.requests()).to.equal(1);
    // howler's engine comes to an element that has failed already: it moves on, and nothing throws.
    const thrown: unknown[] = [];
    const onRejection = (event: PromiseRejectionEvent) => {
      thrown.push(event.reason);
      event.preventDefault();
    };
    window.addEventListener('unhandledrejection', onRejection);
    try {
      setup.arrive();
      await settle();
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      window.removeEventListener('unhandledrejection', onRejection);
    }
    expect(thrown.map(String)).to.deep.equal([]);
    expect(setup.reports[0]).to.equal('waiting');
    setup.engine.unload();
  });

  it('says playing when the sound comes before howler does, and howler goes on from there', async () => {
    const { setup, media } = await playUntilSounding();
    expect(setup.reports).to.deep.equal(['waiting', 'duration 8', 'playing']);
    media!.advance(0.25);
    setup.arrive();
    await settle();
    expect(setup.reports.filter((r) => r === 'playing'), 'playing once').to.have.length(1);
    media!.end();
    expect(setup.reports.at(-1)).to.equal('ended');
    setup.engine.unload();
  });

  it('pauses the started element at once, and plays it again', async () => {
    const setup = setUp();
    setup.engine.play();
    const [media] = setup.media;
    setup.engine.pause();
    expect(media!.paused).to.equal(true);
    setup.engine.play();
    expect(media!.paused).to.equal(false);
    expect(setup.media).to.have.length(1);
    expect(setup.reports).to.deep.equal(['waiting', 'paused', 'waiting']);
    setup.engine.unload();
  });

  it('a seek back made after a pause, before howler has opened the paused element, is where the sound goes on', async () => {
    const { setup, media } = await playUntilSounding();
    media!.advance(4);
    setup.engine.pause();
    setup.arrive();
    await settle();
    setup.engine.seek(1);
    setup.engine.play();
    expect(media!.currentTime, 'moved back to 1 s, not on from 4 s').to.be.closeTo(1, 0.01);
    setup.engine.unload();
  });

  it('WebKitGTK: an element that starts at 0 when asked to start at 60 gets howler at once, to put it right', async () => {
    const setup = setUp();
    setup.engine.seek(60);
    setup.engine.play();
    const [media] = setup.media;
    media!.ignoreDefaultStart = true;
    media!.loadMetadata(120);
    media!.haveData(4);
    media!.startPlaying();
    await settle();
    expect(setup.requests()).to.equal(1);
    setup.engine.unload();
  });

  it('says a start refused for want of a gesture is blocked', async () => {
    const setup = setUp();
    const original = FakeMedia.prototype.play;
    FakeMedia.prototype.play = function (this: FakeMedia) {
      this.refuse = true;
      return original.call(this);
    };
    try {
      setup.engine.play();
      await settle();
      expect(setup.reports).to.deep.equal(['waiting', 'blocked']);
    } finally {
      FakeMedia.prototype.play = original;
      setup.engine.unload();
    }
  });

  it('makes the real engine at once when howler is already here: no element of its own', () => {
    const setup = setUp({ loaded: true });
    setup.engine.play();
    expect(setup.media).to.have.length(1);
    expect(setup.media[0]!.calls).to.include('play');
    expect(setup.reports).to.deep.equal(['waiting']);
    expect(setup.requests(), 'nothing to fetch').to.equal(0);
    setup.engine.unload();
  });

  it('confirms a seek made just before Play when howler is already here, and only the newest of two', async () => {
    // seek() then play() in one go (a quote in the article, a host page): the real engine starts from there.
    const setup = setUp({ loaded: true });
    setup.engine.seek(5);
    setup.engine.play();
    await settle();
    expect(setup.reports).to.deep.equal(['waiting', 'seeked 5']);
    expect(setup.media[0]!.defaultStart).to.equal(5);
    setup.engine.unload();

    const again = setUp({ loaded: true });
    again.engine.seek(5);
    again.engine.play();
    again.engine.seek(9);
    await settle();
    expect(again.reports.filter((r) => r.startsWith('seeked')), 'the seek of 5 was overtaken: only the engine\'s own 9').to.deep.equal(['seeked 9']);
    again.engine.unload();
  });

  it('lets go of the started element when it is unloaded before howler arrives', async () => {
    const setup = setUp();
    setup.engine.play();
    const [media] = setup.media;
    setup.engine.unload();
    expect(media!.paused).to.equal(true);
    setup.arrive();
    await settle();
    expect(setup.reports).to.deep.equal(['waiting']);
  });
});

describe('DeferredEngine: a pause before howler has arrived', () => {
  it('leaves the element where it paused: howler, coming then, does not put it back at the start', async () => {
    const { setup, media } = await playUntilSounding();
    media.advance(1.5);
    setup.engine.pause();
    expect(setup.requests()).to.equal(1);
    setup.arrive();
    await settle();
    await settle();
    expect(media.currentTime).to.equal(1.5);
    expect(media.calls.filter((call) => call.startsWith('currentTime')), 'not moved').to.deep.equal([]);
    expect(setup.engine.position()).to.equal(1.5);
    setup.engine.unload();
  });
});

describe("DeferredEngine: the page's own <audio> (a publisher's fallback inside the player)", () => {
  /** The page's element, with the track's file (or `src`). */
  const pageMedia = (src = 'https://cdn.example/a.mp3') => {
    const media = new FakeMedia();
    media.src = src;
    media.preload = 'none';
    return media;
  };

  it('plays through it when it has the track\'s file: no element of its own, and Play starts it in the click', async () => {
    const page = pageMedia();
    const setup = setUp({ page });
    await settle();
    expect(setup.media, 'no element made').to.have.length(0);
    setup.engine.play();
    expect(page.calls.filter((call) => call === 'play')).to.have.length(1);
    expect(page.calls.filter((call) => call.startsWith('src')), 'its file is not set again: only the page set it').to.have.length(1);
    expect(setup.reports).to.deep.equal(['waiting']);
    setup.engine.unload();
  });

  /** The page's element, played (by the listener, before the player was drawn) to `seconds` into 8 s. */
  const playedTo = (seconds: number, src?: string) => {
    const media = pageMedia(src);
    void media.play();
    media.loadMetadata(8);
    media.haveData(4);
    if (seconds > 0) media.advance(seconds);
    return media;
  };

  it('goes on with a sound it already makes: says it plays, where it is, and gets howler once it moves on', async () => {
    const page = playedTo(2);
    const setup = setUp({ page });
    await settle();
    expect(setup.reports).to.deep.equal(['duration 8', 'seeked 2', 'waiting', 'playing']);
    expect(setup.engine.position()).to.equal(2);
    expect(page.calls.filter((call) => call === 'play' || call === 'pause' || call.startsWith('currentTime')), 'neither restarted nor moved').to.deep.equal(['play']);
    expect(setup.requests()).to.equal(0);
    page.advance(0.25);
    expect(setup.requests(), 'howler, once the position moves on').to.equal(1);
    setup.engine.unload();
  });

  it('says where a paused one was left', async () => {
    const page = playedTo(3);
    page.pause();
    const setup = setUp({ page });
    await settle();
    expect(setup.reports).to.deep.equal(['duration 8', 'seeked 3', 'paused']);
    expect(setup.engine.position()).to.equal(3);
    setup.engine.unload();
  });

  it('says it waits for one on its way, and plays once it sounds', async () => {
    const page = pageMedia();
    void page.play();
    const setup = setUp({ page });
    await settle();
    expect(setup.reports).to.deep.equal(['seeked 0', 'waiting']);
    page.loadMetadata(8);
    page.haveData(4);
    page.startPlaying();
    await settle();
    expect(setup.reports.slice(2)).to.deep.equal(['duration 8', 'playing']);
    setup.engine.unload();
  });

  it('pauses one that plays another file, and makes its own element: one sound', async () => {
    const page = playedTo(0, 'https://cdn.example/other.mp3');
    const setup = setUp({ page });
    expect(page.paused).to.equal(true);
    await settle();
    expect(setup.media).to.have.length(1);
    expect(setup.reports).to.deep.equal([]);
    setup.engine.unload();
  });
});
