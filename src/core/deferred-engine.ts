/**
 * The engine the player uses: it stands in for the howler engine (howler-engine.ts) until there is something
 * to load, so that a page shows a usable player before howler arrives, and it keeps what was asked of it
 * meanwhile. Like a media element, it says at once that a play or pause request took (waiting, paused).
 *
 * Play before howler has arrived starts a media element on the click itself, as a bare <audio> does: the
 * file is fetched at once, Safari sees play() inside the listener's gesture, and howler takes that element
 * over when it comes.
 */
import { canPlay } from './formats.js';
import type { StartedMedia } from './howler-engine.js';
import type { EngineListener, EngineOptions, MediaEngine } from './media-engine.js';
import type { AudioSource } from './track.js';

type EngineModule = typeof import('./howler-engine.js');

let engineModule: Promise<EngineModule> | undefined;
/** The engine's module once it has arrived: from then on a new track's engine is made at once. */
let engineLoaded: EngineModule | undefined;

/** Starts loading howler and its engine, if not yet. */
export function loadEngine(): Promise<EngineModule> {
  engineModule ??= import('./howler-engine.js').then((module) => (engineLoaded = module));
  return engineModule;
}

export interface DeferredPlatform {
  load: () => Promise<EngineModule>;
  /** The engine's module if it is here already. */
  loaded: () => EngineModule | undefined;
  createMedia: () => HTMLMediaElement;
}

declare const __EARSHOT_PAGE_AUDIO__: boolean | undefined;
/** Players may have a page's own <audio> inside (false in the embed page's build: its player never has). */
const PAGE_AUDIO = typeof __EARSHOT_PAGE_AUDIO__ === 'undefined' || __EARSHOT_PAGE_AUDIO__;

const browser: DeferredPlatform = { load: loadEngine, loaded: () => engineLoaded, createMedia: () => new Audio() };

/** How long the element started on the click may take to sound before howler comes anyway (ms). */
const HOWLER_AFTER_MS = 1500;

export class DeferredEngine implements MediaEngine {
  readonly #sources: readonly AudioSource[];
  readonly #listener: EngineListener;
  readonly #options: EngineOptions;
  readonly #platform: DeferredPlatform;
  #engine: MediaEngine | null = null;
  /** Seeks asked for so far: a seek noted before the real engine is confirmed unless a newer one came. */
  #seeks = 0;
  #requested = false;
  #wantPlay = false;
  #prepare = false;
  #disposed = false;
  /** The element started on the click, and what was said of it, until howler takes it. */
  #started: StartedMedia | null = null;
  #fallback: ReturnType<typeof setTimeout> | undefined;
  #making: ReturnType<typeof setTimeout> | undefined;

  constructor(sources: readonly AudioSource[], listener: EngineListener, options: EngineOptions, platform: Partial<DeferredPlatform> = {}) {
    this.#sources = sources;
    this.#listener = listener;
    const { media, ...rest } = options;
    this.#options = rest;
    this.#platform = { ...browser, ...platform };
    // The page's own element (a publisher's fallback <audio>): this engine plays through it when it has one
    // of the track's sources, and a sound the listener started on it before the player was drawn goes on,
    // where it is. Else it is paused: one sound per player. (Inline, not a method: the embed page's build,
    // whose player never has one, leaves all of it out.)
    if (PAGE_AUDIO && media) {
      // Only the source howler would open first: its engine takes this element over as that one.
      if ((media.currentSrc || media.src) !== this.#sources.find(canPlay)?.src) media.pause();
      else {
        this.#started = { media, reported: 'paused' };
        this.#listen(media);
        const { start, rate, volume, muted } = this.#options;
        if (media.paused && media.played.length === 0 && media.currentTime === 0) {
          // Not started yet: as an element of its own.
          Object.assign(media, { playbackRate: rate, volume, muted });
          if (start > 0) media.currentTime = start;
        } else {
          // Started by the listener (playing, on its way, or paused since): where they left it, unless that is
          // before the segment, where it begins. The player hears so once it listens.
          if (media.currentTime < start) media.currentTime = start;
          else this.#options.start = media.currentTime;
          queueMicrotask(() => {
            if (this.#disposed || this.#started?.media !== media) return;
            this.#onDuration();
            this.#listener.seeked(this.#options.start);
            if (media.paused) return this.#listener.paused();
            this.#wantPlay = true;
            this.#started.reported = 'waiting';
            this.#listener.waiting();
            // As a start on the click: howler comes anyway if the sound does not.
            this.#fallback = setTimeout(() => this.#request(), HOWLER_AFTER_MS);
            if (media.readyState >= 3 && media.currentTime > 0) this.#onPlaying();
          });
        }
      }
    }
    if (options.preload === 'metadata') this.#request();
    // Else the element is made once the player is drawn (the first media element of a page costs the browser
    // milliseconds, and asking it which codecs it plays makes one), as a page's <audio preload="none"> is: it
    // fetches nothing until Play, and Play starts its fetch at once, in the click. (An element made in the
    // click would wait for a task to begin.) With nothing this browser can play, the real engine says why.
    else if (!this.#started) this.#making = setTimeout(() => this.#open() ?? this.#request(), 0);
  }

  play(): void {
    if (!this.#engine && !this.#wantPlay) this.#takeLoaded();
    if (this.#engine) return this.#engine.play();
    if (this.#wantPlay) return;
    this.#wantPlay = true;
    this.#listener.waiting();
    // The element started on the click has the network to itself: howler comes once the sound has started
    // (or the element gave up, or there is none to start).
    if (!this.#start()) this.#request();
  }

  pause(): void {
    if (this.#engine) return this.#engine.pause();
    if (!this.#wantPlay) return;
    this.#wantPlay = false;
    if (this.#started) {
      const { media } = this.#started;
      media.pause();
      this.#started.reported = 'paused';
      // Where it paused is where howler, coming now, finds it (else howler would put it back at the start).
      // (Before its metadata, currentTime is the start it was given.)
      this.#options.start = media.currentTime;
    }
    this.#listener.paused();
    this.#request();
  }

  seek(fileSeconds: number): void {
    const seek = ++this.#seeks;
    if (this.#engine) return this.#engine.seek(fileSeconds);
    this.#options.start = fileSeconds;
    // (Before its metadata, this is where the started element begins: HTML's default start position.)
    if (this.#started) this.#started.media.currentTime = fileSeconds;
    // No media to wait for: the seek is done once it is noted, reported as a media reports it, later. Also
    // when play() made the real engine meanwhile (howler already here): it started from this position. Only
    // a newer seek, which reports itself, replaces it.
    queueMicrotask(() => {
      if (!this.#disposed && seek === this.#seeks) this.#listener.seeked(fileSeconds);
    });
  }

  position(): number {
    if (this.#engine) return this.#engine.position();
    const media = this.#started?.media;
    return media && media.readyState > 0 ? media.currentTime : this.#options.start;
  }

  setRate(rate: number): void {
    this.#options.rate = rate;
    if (this.#started) this.#started.media.playbackRate = rate;
    this.#engine?.setRate(rate);
  }

  setVolume(volume: number): void {
    this.#options.volume = volume;
    if (this.#started) this.#started.media.volume = volume;
    this.#engine?.setVolume(volume);
  }

  setMuted(muted: boolean): void {
    this.#options.muted = muted;
    if (this.#started) this.#started.media.muted = muted;
    this.#engine?.setMuted(muted);
  }

  prepare(pressed = false): void {
    if (!this.#engine && !this.#wantPlay) this.#takeLoaded();
    if (this.#engine) return this.#engine.prepare(pressed);
    // The element started on the click is fetching already: howler comes once it sounds, not meanwhile.
    if (this.#wantPlay) return;
    // Pressed: the click comes next, and its element is ready to fetch the file at once. Nothing else is
    // fetched meanwhile: howler comes once the sound has started.
    if (pressed && this.#open()) return;
    this.#prepare = true;
    this.#request();
  }

  unload(): void {
    this.#disposed = true;
    clearTimeout(this.#fallback);
    clearTimeout(this.#making);
    this.#engine?.unload();
    this.#release();
  }

  /**
   * The element for the first source this browser can play, made once: it fetches nothing until told to
   * (preload "none"). Null when there is no source this browser can play.
   */
  #open(): StartedMedia | null {
    clearTimeout(this.#making);
    if (this.#started || this.#engine || this.#disposed) return this.#started;
    const source = this.#sources.find(canPlay);
    if (!source) return null;
    const media = this.#platform.createMedia();
    const { start, rate, volume, muted } = this.#options;
    Object.assign(media, { preload: 'none', src: source.src, playbackRate: rate, volume, muted });
    if (start > 0) media.currentTime = start;
    this.#started = { media, reported: 'paused' };
    this.#listen(media);
    return this.#started;
  }

  #listen(media: HTMLMediaElement): void {
    media.addEventListener('playing', this.#onPlaying);
    // WebKitGTK may start without saying 'playing': the position moving says it.
    media.addEventListener('timeupdate', this.#onTimeUpdate);
    // The length shows while the sound starts, before howler comes to tell the rest.
    media.addEventListener('durationchange', this.#onDuration);
    // A failure is the real engine's to explain (and the next source its to try).
    media.addEventListener('error', this.#onSettled);
  }

  /** Starts the element inside the listener's click. False when there is none to start. */
  #start(): boolean {
    const started = this.#open();
    if (!started) return false;
    started.reported = 'waiting';
    // A start that takes this long gets howler anyway, whose engine watches over stalled starts.
    clearTimeout(this.#fallback);
    this.#fallback = setTimeout(() => this.#request(), HOWLER_AFTER_MS);
    void started.media.play()?.catch(this.#onRefused);
    return true;
  }

  /**
   * The sound came before howler did. Howler comes once the position is seen moving (the first
   * 'timeupdate', a quarter of a second in): its chunk is parsed and run on the main thread, which the start
   * of the sound needs for itself.
   */
  readonly #onPlaying = () => {
    const started = this.#started;
    if (this.#engine || this.#disposed || !started || !this.#wantPlay || started.media.paused) return;
    if (started.reported !== 'playing') {
      started.reported = 'playing';
      this.#listener.playing();
    }
    // Not where it was asked to start (WebKitGTK may ignore a start position): howler's engine puts it there.
    if (Math.abs(started.media.currentTime - this.#options.start) > 0.01) this.#request();
  };

  readonly #onTimeUpdate = () => {
    const media = this.#started?.media;
    if (media && this.#moved(media)) this.#onPlaying();
  };

  #moved(media: HTMLMediaElement): boolean {
    return media.currentTime > this.#options.start + 0.01;
  }

  readonly #onDuration = () => {
    const seconds = this.#started?.media.duration ?? NaN;
    // (WebKitGTK says 0 first for some MP3s: only a length is news.)
    if (!this.#engine && !this.#disposed && Number.isFinite(seconds) && seconds > 0) this.#listener.duration(seconds);
  };

  readonly #onSettled = () => this.#request();

  /** The browser refused play() without a gesture (autoplay). A source that fails is the real engine's to tell. */
  readonly #onRefused = (error: unknown) => {
    if (this.#engine || this.#disposed || !(error instanceof DOMException) || error.name !== 'NotAllowedError') return;
    this.#wantPlay = false;
    if (this.#started) this.#started.reported = 'paused';
    this.#listener.blocked();
    this.#request();
  };

  /** Lets go of the element started on the click: howler has it now, or nobody needs it. */
  #release(): StartedMedia | null {
    const started = this.#started;
    this.#started = null;
    if (!started) return null;
    clearTimeout(this.#fallback);
    started.media.removeEventListener('playing', this.#onPlaying);
    started.media.removeEventListener('timeupdate', this.#onTimeUpdate);
    started.media.removeEventListener('durationchange', this.#onDuration);
    started.media.removeEventListener('error', this.#onSettled);
    if (this.#disposed) started.media.pause();
    return started;
  }

  /** The engine's module is here already (an earlier track loaded it): the real engine takes over now. */
  #takeLoaded(): void {
    const module = this.#platform.loaded();
    if (module && !this.#disposed) this.#becomeReal(module);
  }

  #becomeReal({ HowlerEngine }: EngineModule): void {
    const started = this.#release();
    const engine = new HowlerEngine(this.#sources, this.#listener, this.#options, { createMedia: this.#platform.createMedia }, started);
    this.#engine = engine;
    if (this.#wantPlay) engine.play();
    else if (this.#prepare) engine.prepare();
  }

  #request(): void {
    if (this.#requested || this.#engine) return;
    this.#requested = true;
    this.#platform.load().then(
      (module) => {
        if (!this.#disposed && !this.#engine) this.#becomeReal(module);
      },
      () => {
        // The chunk itself failed to load (offline, or the host is gone): the next attempt asks again.
        engineModule = undefined;
        this.#requested = false;
        this.#release()?.media.pause();
        if (!this.#disposed) this.#listener.fail('network', 'The player could not load its audio engine: the network refused it.');
      },
    );
  }
}

export const createEngine = (sources: readonly AudioSource[], listener: EngineListener, options: EngineOptions): MediaEngine =>
  new DeferredEngine(sources, listener, options);
