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

/** Starts loading howler and its engine, if not yet. */
export function loadEngine(): Promise<EngineModule> {
  engineModule ??= import('./howler-engine.js');
  return engineModule;
}

export interface DeferredPlatform {
  load: () => Promise<EngineModule>;
  createMedia: () => HTMLMediaElement;
}

const browser: DeferredPlatform = { load: loadEngine, createMedia: () => new Audio() };

export class DeferredEngine implements MediaEngine {
  readonly #sources: readonly AudioSource[];
  readonly #listener: EngineListener;
  readonly #options: EngineOptions;
  readonly #platform: DeferredPlatform;
  #engine: MediaEngine | null = null;
  #requested = false;
  #wantPlay = false;
  #prepare = false;
  #disposed = false;
  /** The element started on the click, and what was said of it, until howler takes it. */
  #started: StartedMedia | null = null;

  constructor(sources: readonly AudioSource[], listener: EngineListener, options: EngineOptions, platform: Partial<DeferredPlatform> = {}) {
    this.#sources = sources;
    this.#listener = listener;
    this.#options = { ...options };
    this.#platform = { ...browser, ...platform };
    // With nothing this browser can play, the real engine says why at once.
    if (options.preload === 'metadata' || !sources.some(canPlay)) this.#request();
  }

  play(): void {
    if (this.#engine) return this.#engine.play();
    if (this.#wantPlay) return;
    this.#wantPlay = true;
    this.#listener.waiting();
    this.#start();
    this.#request();
  }

  pause(): void {
    if (this.#engine) return this.#engine.pause();
    if (!this.#wantPlay) return;
    this.#wantPlay = false;
    if (this.#started) {
      this.#started.media.pause();
      this.#started.reported = 'paused';
    }
    this.#listener.paused();
  }

  seek(fileSeconds: number): void {
    if (this.#engine) return this.#engine.seek(fileSeconds);
    this.#options.start = fileSeconds;
    // (Before its metadata, this is where the started element begins: HTML's default start position.)
    if (this.#started) this.#started.media.currentTime = fileSeconds;
    // No media to wait for: the seek is done once it is noted, reported as a media reports it, later.
    queueMicrotask(() => {
      if (!this.#disposed && !this.#engine) this.#listener.seeked(fileSeconds);
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

  prepare(): void {
    if (this.#engine) return this.#engine.prepare();
    this.#prepare = true;
    this.#request();
  }

  unload(): void {
    this.#disposed = true;
    this.#engine?.unload();
    this.#release();
  }

  /** Starts the first source this browser can play on a new element, inside the listener's click. */
  #start(): void {
    if (this.#started) {
      this.#started.reported = 'waiting';
      void this.#started.media.play().catch(this.#onRefused);
      return;
    }
    const source = this.#sources.find(canPlay);
    if (!source) return;
    const media = this.#platform.createMedia();
    const { start, rate, volume, muted } = this.#options;
    Object.assign(media, { preload: 'auto', src: source.src, playbackRate: rate, volume, muted });
    if (start > 0) media.currentTime = start;
    this.#started = { media, reported: 'waiting' };
    media.addEventListener('playing', this.#onPlaying);
    void media.play()?.catch(this.#onRefused);
  }

  /** The sound came before howler did. */
  readonly #onPlaying = () => {
    const started = this.#started;
    if (this.#engine || this.#disposed || !started || !this.#wantPlay || started.media.paused) return;
    started.reported = 'playing';
    this.#listener.playing();
  };

  /** The browser refused play() without a gesture (autoplay). A source that fails is the real engine's to tell. */
  readonly #onRefused = (error: unknown) => {
    if (this.#engine || this.#disposed || !(error instanceof DOMException) || error.name !== 'NotAllowedError') return;
    this.#wantPlay = false;
    if (this.#started) this.#started.reported = 'paused';
    this.#listener.blocked();
  };

  /** Lets go of the element started on the click: howler has it now, or nobody needs it. */
  #release(): StartedMedia | null {
    const started = this.#started;
    this.#started = null;
    if (!started) return null;
    started.media.removeEventListener('playing', this.#onPlaying);
    if (this.#disposed) {
      started.media.pause();
      started.media.removeAttribute?.('src');
    }
    return started;
  }

  #request(): void {
    if (this.#requested) return;
    this.#requested = true;
    this.#platform.load().then(
      ({ HowlerEngine }) => {
        if (this.#disposed) return;
        const started = this.#release();
        const engine = new HowlerEngine(this.#sources, this.#listener, this.#options, { createMedia: this.#platform.createMedia }, started);
        this.#engine = engine;
        if (this.#wantPlay) engine.play();
        else if (this.#prepare) engine.prepare();
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
