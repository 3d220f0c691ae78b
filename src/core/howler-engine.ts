/**
 * The only file that imports howler. howler plays each source in HTML5 mode (it streams with range requests
 * and starts at once) on a media element this adapter makes. Where howler's HTML5 path goes wrong in one
 * engine or another, the fix is here, with a comment naming the engine and the behaviour, and a test in
 * test/core/howler-engine.test.ts that drives it against a fake media element.
 *
 * The media element is the truth: what is reported comes from its events and attributes, and howler's own
 * bookkeeping is brought in line with it before each call into howler.
 */
import { Howl, Howler } from 'howler';
import { canPlay, formatOf } from './formats.js';
import type { EngineListener, EngineOptions, FailureCode, MediaEngine } from './media-engine.js';
import type { AudioSource } from './track.js';

/** howler's private fields this adapter reads or keeps in line (howler 2.2.4, pinned in package.json). */
interface SoundInternals {
  _id: number;
  _node?: HTMLMediaElement;
  _seek: number;
  _paused: boolean;
  _ended: boolean;
  _rate: number;
  _volume: number;
  _muted: boolean;
}
interface HowlInternals {
  _sounds: SoundInternals[];
  _playLock: boolean;
}
interface HowlerInternals {
  _html5AudioPool?: HTMLMediaElement[];
  _canPlayEvent?: string;
  ctx?: unknown;
}

/** How the adapter meets the platform; tests replace it. */
export interface MediaPlatform {
  /** Makes the media element for one source: `new Audio()`, or a test's fake. */
  createMedia: () => HTMLMediaElement;
  /** After a media error while playing, how long to watch whether the sound goes on anyway (ms). */
  errorWatchMs: number;
  /** After Play, how long a media may sit still at readyState 2 before it is nudged (ms). */
  stallWatchMs: number;
  /**
   * How long the listener may wait for data with not a byte arriving before the connection counts as lost
   * (ms). WebKitGTK waits on a dead connection forever; Chromium retries for about 30 s.
   */
  waitDeadlineMs: number;
  /** How long a seek while playing may take before the listener sees the waiting state (ms). */
  seekQuietMs: number;
}

/** A media element the stand-in engine already started on the listener's click, before howler arrived. */
export interface StartedMedia {
  media: HTMLMediaElement;
  /** What the stand-in last told the listener: 'waiting', or 'playing' if the sound came first. */
  reported: 'waiting' | 'playing' | 'paused';
}

/** The browser's media and the engine's timings. (The player's fault tests shorten waitDeadlineMs, to wait less.) */
export const browserPlatform: MediaPlatform = { createMedia: () => new Audio(), errorWatchMs: 1000, stallWatchMs: 1500, waitDeadlineMs: 15_000, seekQuietMs: 300 };

const NETWORK_EMPTY = 0;
const HAVE_NOTHING = 0;
const HAVE_METADATA = 1;
const NETWORK_IDLE = 1;

/** `seconds` lies in one of `ranges` (a media's seekable or buffered; absent on a fake: none). */
function within(ranges: TimeRanges | undefined, seconds: number): boolean {
  for (let i = 0; i < (ranges?.length ?? 0); i++) if (seconds >= ranges!.start(i) && seconds <= ranges!.end(i)) return true;
  return false;
}

/** The media has stopped loading with data where it stands: whatever holds it, it is not the network. */
const holds = (media: HTMLMediaElement) => media.networkState === NETWORK_IDLE && within(media.buffered, media.currentTime + 0.5);
const MEDIA_ERR_NETWORK = 2;
/** How far the position must move after a media error while playing for the error to be no failure. */
const STILL_PLAYING = 0.25;

/** What the listener was last told about playing, so that each change is said once. */
type Reported = 'idle' | 'waiting' | 'playing' | 'paused' | 'ended';

/** Makes an HTML5-mode Howl that plays on `media`. */
function createHowl(media: HTMLMediaElement, options: ConstructorParameters<typeof Howl>[0]): Howl {
  const howler = Howler as unknown as HowlerInternals;
  // howler makes an AudioContext on its first Howl (about 40 ms) unless this is off. A page that already
  // made one for its own Web Audio Howls keeps it.
  if (!howler.ctx) Howler.usingWebAudio = false;
  // howler takes its media element from a pool, and warns "HTML5 Audio pool exhausted" into the page's
  // console when the pool is empty: hand it ours, last, so that it takes this one.
  const pool = howler._html5AudioPool;
  pool?.push(media);
  const howl = new Howl(options);
  const left = pool?.indexOf(media) ?? -1;
  if (left >= 0) pool!.splice(left, 1);
  return howl;
}

/**
 * Plays one track, trying its sources in order: howler does not fall through to the next source when one
 * fails, so this does.
 */
export class HowlerEngine implements MediaEngine {
  readonly #listener: EngineListener;
  readonly #options: EngineOptions;
  readonly #platform: MediaPlatform;
  readonly #candidates: AudioSource[];
  readonly #failures: { code: FailureCode; text: string }[] = [];
  #index = 0;
  #howl: Howl | null = null;
  #sound: SoundInternals | null = null;
  #media: HTMLMediaElement | null = null;
  /** The listener wants sound: Play was pressed and not undone. */
  #wantPlay = false;
  #prepared = false;
  #reported: Reported = 'idle';
  #readyReported = false;
  #duration = NaN;
  /** Where the media is to be when it has none to tell (before its metadata, between sources). */
  #position: number;
  /** A seek asked of the media that it has not finished, and where to. */
  #seeking = false;
  #seekTarget = 0;
  /** A source failed, and the next is being tried. */
  #recovering = false;
  #failed = false;
  #disposed = false;
  #errorWatch: ReturnType<typeof setTimeout> | undefined;
  #stallWatch: ReturnType<typeof setTimeout> | undefined;
  /** While the listener waits: the deadline for data (or, just after a seek while playing, when to say it waits). */
  #waitWatch: ReturnType<typeof setTimeout> | undefined;
  /** When the media last received data (performance.now()); once it moves it reports playing, which ends the wait. */
  #lastData = 0;
  /** Telling howler that the media can play (see #start): that event is not the media's. */
  #telling = false;
  /** The media is to start at #position, which it has not reached yet. */
  #startPending = false;
  /** Where the media was when it was last asked to start. */
  #startedAt = 0;
  /** The media was loaded again (see #watchStart) since the listener's last press. */
  #reloaded = false;

  /** The element the stand-in started on the click: the first source plays on it. */
  #started: StartedMedia | null;

  constructor(
    sources: readonly AudioSource[],
    listener: EngineListener,
    options: EngineOptions,
    platform: Partial<MediaPlatform> = {},
    started: StartedMedia | null = null,
  ) {
    this.#listener = listener;
    this.#options = { ...options };
    this.#platform = { ...browserPlatform, ...platform };
    this.#started = started;
    this.#position = options.start;
    this.#candidates = sources.filter((source) => {
      if (canPlay(source)) return true;
      this.#failures.push({ code: 'decode', text: `${describe(source)}: this browser cannot play ${source.type ?? formatOf(source)}` });
      return false;
    });
    if (this.#candidates.length === 0) queueMicrotask(() => this.#giveUp());
    else if (options.preload === 'metadata') this.#open('metadata');
  }

  play(): void {
    if (this.#disposed || this.#failed) return;
    this.#wantPlay = true;
    if (this.#recovering) return this.#report('waiting');
    if (!this.#media) this.#open('auto');
    const media = this.#media;
    // The element started on the click had failed before this engine came: the next source is on its way.
    if (!media) return this.#report('waiting');
    // One sound: a media that plays, or is starting to (the element started on the click), needs nothing more.
    if (!media.paused) return this.#watchStart(media, 3);
    if (media.preload !== 'auto') media.preload = 'auto';
    this.#reloaded = false;
    this.#report('waiting');
    this.#start();
  }

  pause(): void {
    this.#wantPlay = false;
    const media = this.#media;
    if (media && !media.paused) {
      const howl = this.#howl!;
      const sound = this.#sound!;
      // howler queues a pause until the media's play() promise settles (the sound would start, then stop),
      // and skips pausing a media whose duration is NaN. When howler would act at once, it keeps its own
      // books; the media is paused here either way.
      if (howl.state() === 'loaded' && !(howl as unknown as HowlInternals)._playLock) howl.pause(sound._id);
      sound._seek = media.currentTime;
      sound._paused = true;
      if (!media.paused) media.pause();
    }
    if (this.#reported === 'waiting' || this.#reported === 'playing') this.#report('paused');
  }

  seek(fileSeconds: number): void {
    this.#position = fileSeconds;
    const media = this.#media;
    if (this.#sound) this.#sound._seek = fileSeconds;
    if (!media || media.readyState === HAVE_NOTHING) {
      // Nothing loaded to move: the position is kept for the media's metadata (see #goToStart). (Not made the
      // media's default start: WebKitGTK, started at one, can sit still there with no seek to wake it.)
      this.#startPending = true;
      return this.#sayLanded(fileSeconds);
    }
    // The media at that very place already (a second Home, a quote pressed twice) is not asked to move (see
    // skipSeeksInPlace) and says nothing: the seek has landed.
    if (!media.seeking && Math.abs(media.currentTime - fileSeconds) < 0.001) {
      this.#seeking = false;
      this.#startPending = false;
      return this.#sayLanded(fileSeconds);
    }
    // howler queues a seek made while it loads or while its play() promise is pending, and may never run
    // it (its queue waits for an event that already passed); and it pauses and replays the media around
    // each seek. The media element seeks by itself at any time, and says so with 'seeked'.
    this.#seeking = true;
    this.#seekTarget = fileSeconds;
    this.#startPending = false;
    this.#reloaded = false;
    media.currentTime = fileSeconds;
    // A seek while playing that needs the network (or finds none) is waiting, not playing with a still clock.
    if (this.#wantPlay && this.#reported === 'playing') {
      clearTimeout(this.#waitWatch);
      this.#waitWatch = setTimeout(() => {
        if (this.#media === media && this.#seeking && media.seeking && this.#wantPlay) this.#report('waiting');
      }, this.#platform.seekQuietMs);
    }
  }

  /** A seek the media will not announce: said to have landed, unless another came since. */
  #sayLanded(fileSeconds: number): void {
    queueMicrotask(() => {
      if (!this.#disposed && this.#position === fileSeconds) this.#listener.seeked(fileSeconds);
    });
  }

  position(): number {
    const media = this.#media;
    // Until the media is where it was to start, that is where it is (WebKitGTK may begin at 0 meanwhile).
    if (!media || media.readyState === HAVE_NOTHING || this.#startPending) return this.#position;
    const position = media.currentTime;
    return Number.isFinite(position) ? position : this.#position;
  }

  // howler queues rate, volume and mute changes while it loads or starts, and its play() sets them again
  // from its own fields: those are kept in line, and the media takes the change at once.
  setRate(rate: number): void {
    this.#options.rate = rate;
    if (this.#sound) this.#sound._rate = rate;
    if (this.#media) this.#media.playbackRate = rate;
  }

  setVolume(volume: number): void {
    this.#options.volume = volume;
    if (this.#sound) this.#sound._volume = volume;
    if (this.#media) this.#media.volume = volume;
  }

  setMuted(muted: boolean): void {
    this.#options.muted = muted;
    if (this.#sound) this.#sound._muted = muted;
    if (this.#media) this.#media.muted = muted;
  }

  prepare(pressed = false): void {
    this.#prepared = true;
    if (!this.#media && !this.#disposed && !this.#failed && !this.#recovering && this.#index < this.#candidates.length) this.#open(pressed ? 'auto' : 'metadata');
  }

  unload(): void {
    this.#disposed = true;
    this.#wantPlay = false;
    this.#close();
  }

  // ——— Inside ———

  #open(preload: 'auto' | 'metadata'): void {
    const source = this.#candidates[this.#index]!;
    const started = this.#started;
    this.#started = null;
    const adopted = started !== null && this.#index === 0 ? started : null;
    const media = adopted?.media ?? this.#platform.createMedia();
    for (const [type, handler] of this.#mediaEvents) media.addEventListener(type, handler);
    watchRefusals(media, () => this.#onRefused(media));
    skipSeeksInPlace(media);
    keepLoading(media);
    this.#reloaded = false;
    const howl = createHowl(media, {
      src: [source.src],
      format: [formatOf(source)],
      html5: true,
      preload: preload === 'auto' ? true : 'metadata',
      rate: this.#options.rate,
      volume: this.#options.volume,
      mute: this.#options.muted,
      // howler ends a sound by a timer set from the duration the media gives at its first canplay, and ends
      // it at once when the start is at or past that. WebKitGTK gives 0 there for an MP3 without a Xing or
      // ID3 header (the real duration follows milliseconds later), so the track "ended" before a sound. With
      // an endless sprite the end comes only from the media's own 'ended' event.
      sprite: { __default: [0, Infinity] },
    });
    const sound = (howl as unknown as HowlInternals)._sounds[0];
    this.#howl = howl;
    this.#media = media;
    if (!sound || sound._node !== media) {
      // howler refused the source itself (no codec by its own test): a failure like any other.
      this.#sound = null;
      queueMicrotask(() => void this.#sourceFailed(media, 4));
      return;
    }
    this.#sound = sound;
    sound._seek = this.#position;
    this.#startPending = this.#position > 0;
    // The element the stand-in played and the listener paused is where it paused. A seek made since, while
    // this engine had no media of its own, is made on it now (#goToStart would take a seek backwards for
    // "already past it", and lose it).
    if (adopted?.reported === 'paused' && media.readyState > HAVE_NOTHING && Math.abs(media.currentTime - this.#position) > 0.01) {
      this.#startPending = false;
      media.currentTime = this.#position;
    }
    if (adopted) this.#catchUp(media, adopted);
  }

  /** Takes in what the element started on the click went through before this engine listened to it. */
  #catchUp(media: HTMLMediaElement, { reported }: StartedMedia): void {
    this.#reported = reported;
    if (reported === 'waiting') this.#watchWait();
    if (media.error) return this.#onError();
    if (media.readyState >= HAVE_METADATA) this.#onMetadata();
    if (media.readyState >= 3) this.#ready();
  }

  #close(): void {
    clearTimeout(this.#errorWatch);
    clearTimeout(this.#stallWatch);
    clearTimeout(this.#waitWatch);
    this.#seeking = false;
    const media = this.#media;
    const howl = this.#howl;
    this.#media = null;
    this.#howl = null;
    this.#sound = null;
    if (media) {
      for (const [type, handler] of this.#mediaEvents) media.removeEventListener(type, handler);
      media.pause();
    }
    if (howl) {
      howl.off();
      howl.unload();
    }
    // howler returns a played element to its shared pool on unload; this one was ours, and goes with us.
    const pool = (Howler as unknown as HowlerInternals)._html5AudioPool;
    const left = media ? (pool?.indexOf(media) ?? -1) : -1;
    if (left >= 0) pool!.splice(left, 1);
  }

  #start(): void {
    const howl = this.#howl!;
    const sound = this.#sound;
    const media = this.#media!;
    if (!sound) return;
    // howler's books say playing while the media was paused from outside (the OS, an interruption): its
    // play() would then do nothing.
    sound._paused = true;
    sound._ended = false;
    this.#goToStart();
    sound._seek = this.position();
    this.#startedAt = sound._seek;
    // One sound: howler's play() without an id starts a new sound on a second media element whenever its
    // play lock is on or its one sound has ended (37 copies after a few hundred calls). With the id it plays
    // this one, or leaves it playing.
    howl.play(sound._id);
    // howler calls the media's play() only after 'canplay' (it wants the duration for its end timer), and
    // again waits for one whenever readyState < 3. The media needs no such wait: play() at any readyState
    // starts as soon as data arrives, as a bare <audio> does. Waiting costs a fetch's time on every click,
    // loses the click's user activation that Safari requires, and never ends where no canplay comes:
    // WebKitGTK after a paused seek, Firefox after a seek to the end (both sit at readyState 2). With the
    // endless sprite above, howler loses nothing by going at once, so it is told it can.
    const canPlayEvent = (Howler as unknown as HowlerInternals)._canPlayEvent ?? 'canplaythrough';
    this.#telling = true;
    try {
      for (let tries = 0; tries < 3 && howl.state() === 'loading' && this.#media === media; tries++) media.dispatchEvent(new Event(canPlayEvent));
    } finally {
      this.#telling = false;
    }
    this.#watchStart(media, 3);
  }

  /**
   * WebKitGTK, when a seek comes with a start (its own to the start position, one kept from while it was paused,
   * or howler's), may sit still afterwards, neither playing nor waiting for anything (a bare <audio> does it
   * too, about one start in eight after a paused seek). A seek to where it is gets it going, mostly. Where it
   * does not (about one start in a hundred here, at readyState 2 with the whole file buffered), no seek, pause
   * or play() on that element moves it again, and a load() of the same file from where it is does: that comes
   * at the last look, once per press, where the data is there and only the media is stuck (a load sooner, on a
   * start that is merely slow, can leave it stuck instead). This looks a few times after a start or a seek
   * while playing, never while idle.
   */
  #watchStart(media: HTMLMediaElement, tries: number): void {
    clearTimeout(this.#stallWatch);
    const from = media.currentTime;
    this.#stallWatch = setTimeout(() => {
      if (this.#disposed || this.#media !== media || !this.#wantPlay || media.paused) return;
      // A seek the listener asked for may take long on a slow network; one of the media's own (to the start
      // position) that has not ended by now is the stall itself.
      // (A position that has crept on by a few frames in all that time is as stuck as one that has not.)
      if ((media.seeking && this.#seeking) || media.readyState === HAVE_NOTHING || media.currentTime > from + 0.3) return;
      // The last look, after two nudges: not moved at all, with the next second of the file there (not a slow
      // network, nor a start that is slow to get going).
      if (tries === 1 && !this.#reloaded && media.currentTime < from + 0.05 && within(media.buffered, media.currentTime + 1)) return this.#reloadWhereItIs(media);
      nudge(media);
      if (tries > 1) this.#watchStart(media, tries - 1);
    }, this.#platform.stallWatchMs);
  }

  /** Loads the file again on the same element, to start from where it sat still (see #watchStart). */
  #reloadWhereItIs(media: HTMLMediaElement): void {
    this.#reloaded = true;
    // (Where it was to start, if it never got there: WebKitGTK with a length of 0 starts at 0.)
    this.#position = this.position();
    this.#startPending = this.#position > 0;
    this.#seeking = false;
    ownLoad(media).call(media);
    media.currentTime = this.#position;
    this.#report('waiting');
    // The wait for data starts again: the data it had is gone.
    this.#watchWait();
    this.#start();
  }

  /**
   * No endless wait: while the listener waits to hear something, a media that receives nothing and does not
   * move for the deadline has lost its connection, whatever the engine makes of it (WebKitGTK waits forever).
   * A slow network that still delivers keeps it waiting. The timer runs only while waiting.
   */
  #watchWait(): void {
    clearTimeout(this.#waitWatch);
    const media = this.#media;
    if (!media) return;
    this.#lastData = performance.now();
    const deadline = this.#platform.waitDeadlineMs;
    const check = () => {
      if (this.#disposed || this.#media !== media || this.#reported !== 'waiting' || !this.#wantPlay) return;
      const quiet = performance.now() - this.#lastData;
      // A file that has all it needs where it stands (a stalled start, not a dead connection) waits on.
      if (quiet < deadline || holds(media)) this.#waitWatch = setTimeout(check, quiet < deadline ? deadline - quiet : deadline);
      else void this.#sourceFailed(media, MEDIA_ERR_NETWORK);
    };
    this.#waitWatch = setTimeout(check, deadline);
  }

  #report(next: Reported): void {
    if (next === this.#reported) return;
    this.#reported = next;
    clearTimeout(this.#waitWatch);
    if (next === 'waiting') this.#watchWait();
    if (next === 'waiting') this.#listener.waiting();
    else if (next === 'playing') this.#listener.playing();
    else if (next === 'paused') this.#listener.paused();
    else if (next === 'ended') this.#listener.ended();
  }

  // A media's events come a task after what caused them: each handler checks that the media is still so
  // (a 'pause' queued before a play() that came in the same task is stale).
  readonly #mediaEvents: [string, (event: Event) => void][] = [
    ['loadedmetadata', (event) => this.#current(event) && this.#onMetadata()],
    ['durationchange', (event) => this.#current(event) && this.#noteDuration()],
    // It can play, with its length known or not (WebKitGTK reads no length from an MP3 without a header until
    // it plays): ready. Only the media's own event: the one told to howler (see #start) says nothing.
    ['canplay', (event) => {
      if (!this.#current(event) || this.#telling) return;
      this.#noteDuration();
      this.#ready();
    }],
    // Data arrives: a slow network is no lost one.
    ['progress', (event) => this.#current(event) && (this.#lastData = performance.now())],
    ['waiting', (event) => {
      if (this.#current(event) && this.#wantPlay && !this.#media!.paused) this.#report('waiting');
    }],
    ['playing', (event) => this.#current(event) && this.#onPlaying()],
    // WebKitGTK, starting at readyState 2 (after a paused seek), plays without ever saying 'playing': the
    // position moving is the media's word that it plays.
    ['timeupdate', (event) => {
      const media = this.#media;
      if (!this.#current(event)) return;
      this.#noteDuration();
      if (this.#reported !== 'waiting' || media!.paused || media!.seeking) return;
      if (media!.currentTime > this.#startedAt + 0.01) this.#onPlaying();
    }],
    ['pause', (event) => {
      const media = this.#media;
      // At the end a media pauses, then says 'ended'.
      if (!this.#current(event) || !media!.paused || media!.ended || this.#recovering) return;
      // Paused from outside (the OS, an interruption): the listener hears it.
      if (this.#reported === 'playing' || this.#reported === 'waiting') {
        this.#wantPlay = false;
        this.#report('paused');
      }
    }],
    ['seeked', (event) => {
      const media = this.#media;
      if (!this.#current(event)) return;
      this.#goToStart();
      if (!this.#seeking || media!.seeking) return;
      this.#seeking = false;
      const landed = media!.currentTime;
      this.#startedAt = landed;
      if (this.#wantPlay) this.#watchStart(media!, 3);
      // Chromium goes back to 0 and Firefox to the end of what it has, where the server cannot send a range.
      const target = this.#seekTarget;
      if (Math.abs(landed - target) > 1 && target < this.#duration - 1 && !within(media!.seekable, target)) this.#listener.seekRefused(target, landed);
      this.#listener.seeked(landed);
    }],
    // Firefox says 'ended' after a seek to the end while paused, where the others say nothing: the track
    // ends when it plays to its end, not when the listener skips there.
    ['ended', (event) => {
      if (!this.#current(event) || !this.#media!.ended || !this.#wantPlay) return;
      this.#wantPlay = false;
      this.#report('ended');
    }],
    ['error', (event) => this.#current(event) && this.#onError()],
  ];

  #current(event: Event): boolean {
    return !this.#disposed && event.currentTarget === this.#media;
  }

  #onPlaying(): void {
    const media = this.#media!;
    if (media.paused) return;
    this.#noteDuration();
    // A start that raced a pause: the pause wins.
    if (!this.#wantPlay) return media.pause();
    this.#ready();
    this.#report('playing');
  }

  #onMetadata(): void {
    this.#noteDuration();
  }

  /**
   * The length, and the start that waited for it. WebKitGTK corrects a length of 0 without a 'durationchange'
   * at times, so this is looked at again whenever the media says anything about playing.
   */
  #noteDuration(): void {
    this.#checkDuration();
    this.#goToStart();
  }

  /**
   * A start asked for before the metadata (a segment's, a seek while loading): most engines took it as the
   * default start position; where one did not, the media moves there once it can (WebKitGTK cannot seek
   * while it takes the length to be 0).
   */
  #goToStart(): void {
    const media = this.#media!;
    if (!this.#startPending || media.readyState === HAVE_NOTHING || media.seeking) return;
    // There, or past it playing on: done (a late seek would pull the sound back).
    if (media.currentTime >= this.#position - 0.1) {
      this.#startPending = false;
      return;
    }
    if (!(media.duration > 0)) return;
    this.#startPending = false;
    media.currentTime = this.#position;
  }

  /**
   * A duration of 0 or NaN is no duration: WebKitGTK says 0 at loadedmetadata and canplaythrough for an MP3
   * without a Xing or ID3 header, and the real one when more of the file has come. The track is ready once its
   * length is known (or known to be endless), or once it can play.
   */
  #checkDuration(): void {
    const duration = this.#media!.duration;
    if (Number.isNaN(duration) || duration <= 0) return;
    if (Number.isFinite(duration) && duration !== this.#duration) {
      this.#duration = duration;
      this.#listener.duration(duration);
    }
    this.#ready();
  }

  #ready(): void {
    if (this.#readyReported) return;
    this.#readyReported = true;
    this.#listener.ready();
  }

  /** The media refused play() (NotAllowedError): autoplay without a gesture. */
  #onRefused(media: HTMLMediaElement): void {
    if (this.#disposed || media !== this.#media || media.error) return;
    this.#wantPlay = false;
    this.#reported = 'paused';
    this.#listener.blocked();
  }

  #onError(): void {
    const media = this.#media!;
    if (this.#recovering) return;
    const code = media.error?.code ?? 0;
    // Firefox with no audio output (no sound card, no PulseAudio) reports MediaError 3 "OnMediaSinkAudioError"
    // on every play while the sound goes on. An error while the position keeps moving does not end playback:
    // watch it for a moment, and fail only if the media stopped.
    if (this.#reported === 'playing' && !media.paused && media.readyState >= HAVE_METADATA) {
      const from = media.currentTime;
      clearTimeout(this.#errorWatch);
      this.#errorWatch = setTimeout(() => {
        if (this.#disposed || this.#media !== media) return;
        if (!media.paused && media.currentTime > from + STILL_PLAYING) return;
        void this.#sourceFailed(media, code);
      }, this.#platform.errorWatchMs);
      return;
    }
    void this.#sourceFailed(media, code);
  }

  async #sourceFailed(media: HTMLMediaElement, mediaCode: number): Promise<void> {
    if (this.#disposed || this.#recovering || media !== this.#media) return;
    const source = this.#candidates[this.#index]!;
    this.#position = this.position();
    this.#close();
    this.#recovering = true;
    // Only a failure needs this: it is loaded then.
    const { diagnose } = await import('./diagnose.js');
    const { code, reason } = await diagnose(source.src, mediaCode);
    this.#recovering = false;
    if (this.#disposed) return;
    this.#failures.push({ code, text: `${describe(source)}: ${reason}` });
    this.#index += 1;
    if (this.#index >= this.#candidates.length) {
      this.#giveUp();
      return;
    }
    // The next source takes over where the failed one was.
    if (this.#wantPlay) {
      this.#open('auto');
      this.#start();
    } else if (this.#options.preload === 'metadata' || this.#prepared) this.#open('metadata');
  }

  #giveUp(): void {
    if (this.#disposed) return;
    this.#close();
    this.#failed = true;
    const network = this.#failures.every((failure) => failure.code === 'network');
    const summary = network ? 'The audio could not be loaded' : 'The audio could not be played';
    const details = this.#failures.map((failure) => failure.text).join('; ');
    this.#listener.fail(network ? 'network' : 'decode', `${summary} (${details}).`);
  }
}

/**
 * howler calls the media's play() and keeps the promise to itself; its refusal (NotAllowedError: no user
 * gesture) must be told apart from an abort (a pause, a new source) and from a bad source (the media's
 * 'error' says that). This watches every play() call on the one media element we made.
 */
function watchRefusals(media: HTMLMediaElement, refused: () => void): void {
  const play = media.play;
  media.play = function (this: HTMLMediaElement) {
    const started = play.call(this);
    started?.catch?.((error: unknown) => {
      if (error instanceof DOMException && error.name === 'NotAllowedError') refused();
    });
    return started;
  };
}

/** The media's own accessor for `name` (HTMLMediaElement's, or a test fake's), found on its prototypes. */
function accessorOf(media: HTMLMediaElement, name: string): PropertyDescriptor {
  for (let proto = Object.getPrototypeOf(media); proto; proto = Object.getPrototypeOf(proto)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (descriptor) return descriptor;
  }
  throw new TypeError('not a media element');
}

const currentTimeOf = (media: HTMLMediaElement) => accessorOf(media, 'currentTime');

/**
 * howler's play() sets currentTime to where its sound is, on every start: a seek to where the media already
 * is. Engines seek anyway (Chromium elides it only while paused), and in WebKitGTK a seek that comes with
 * play() is what leaves the media sitting still at readyState 2. On the one media element we made, a seek to
 * where it is (and is not leaving) is skipped.
 */
function skipSeeksInPlace(media: HTMLMediaElement): void {
  const currentTime = currentTimeOf(media);
  Object.defineProperty(media, 'currentTime', {
    configurable: true,
    get(this: HTMLMediaElement) {
      return currentTime.get!.call(this);
    },
    set(this: HTMLMediaElement, seconds: number) {
      if (this.readyState > HAVE_NOTHING && !this.seeking && Math.abs(currentTime.get!.call(this) - seconds) < 0.001) return;
      currentTime.set!.call(this, seconds);
    },
  });
}

/**
 * howler loads the element it is handed as if it were new (src, then load()), which would start again the
 * file that the element started on the click is already loading, or playing. On the one media element we
 * made, setting the address it already has, or loading it again while it loads, is skipped.
 */
function keepLoading(media: HTMLMediaElement): void {
  const src = accessorOf(media, 'src');
  const load = ownLoad(media);
  Object.defineProperty(media, 'src', {
    configurable: true,
    get(this: HTMLMediaElement) {
      return src.get!.call(this);
    },
    set(this: HTMLMediaElement, url: string) {
      // (An element with <source> children, a page's own <audio>, has no src: its currentSrc is the address.)
      if (url && (url === src.get!.call(this) || url === this.currentSrc) && this.networkState !== NETWORK_EMPTY) return;
      src.set!.call(this, url);
    },
  });
  media.load = function (this: HTMLMediaElement) {
    if (this.networkState !== NETWORK_EMPTY && (this.getAttribute('src') || this.currentSrc) && (!this.paused || this.readyState > HAVE_NOTHING)) return;
    load.call(this);
  };
}

/** The media's own load(), not the wrapper keepLoading puts on it (this engine's, or one's before it). */
const ownLoad = (media: HTMLMediaElement) => (Object.getPrototypeOf(media) as HTMLMediaElement).load;

/**
 * A real seek, a hundredth of a second on from where the media is: it gets a stuck WebKitGTK pipeline going
 * again (a seek to the very same time it skips, and stays stuck).
 */
function nudge(media: HTMLMediaElement): void {
  const currentTime = currentTimeOf(media);
  currentTime.set!.call(media, currentTime.get!.call(media) + 0.01);
}

function describe(source: AudioSource): string {
  const url = new URL(source.src);
  const name = url.pathname.split('/').pop() || url.host;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
