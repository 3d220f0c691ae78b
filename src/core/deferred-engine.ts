/**
 * The engine the player uses: it stands in for the howler engine (howler-engine.ts) until there is something
 * to load, so that a page shows a usable player before howler arrives, and it keeps what was asked of it
 * meanwhile. Like a media element, it says at once that a play or pause request took (waiting, paused); the
 * rest it reports when the real engine does.
 */
import { canPlay } from './formats.js';
import type { EngineListener, EngineOptions, MediaEngine } from './media-engine.js';
import type { AudioSource } from './track.js';

type EngineModule = typeof import('./howler-engine.js');

let engineModule: Promise<EngineModule> | undefined;

/** Starts loading howler and its engine, if not yet. */
export function loadEngine(): Promise<EngineModule> {
  engineModule ??= import('./howler-engine.js');
  return engineModule;
}

export class DeferredEngine implements MediaEngine {
  readonly #sources: readonly AudioSource[];
  readonly #listener: EngineListener;
  readonly #options: EngineOptions;
  readonly #load: () => Promise<EngineModule>;
  #engine: MediaEngine | null = null;
  #requested = false;
  #wantPlay = false;
  #prepare = false;
  #disposed = false;

  constructor(sources: readonly AudioSource[], listener: EngineListener, options: EngineOptions, load: () => Promise<EngineModule> = loadEngine) {
    this.#sources = sources;
    this.#listener = listener;
    this.#options = { ...options };
    this.#load = load;
    // With nothing this browser can play, the real engine says why at once.
    if (options.preload === 'metadata' || !sources.some(canPlay)) this.#request();
  }

  play(): void {
    if (this.#engine) return this.#engine.play();
    if (this.#wantPlay) return;
    this.#wantPlay = true;
    this.#listener.waiting();
    this.#request();
  }

  pause(): void {
    if (this.#engine) return this.#engine.pause();
    if (!this.#wantPlay) return;
    this.#wantPlay = false;
    this.#listener.paused();
  }

  seek(fileSeconds: number): void {
    if (this.#engine) return this.#engine.seek(fileSeconds);
    this.#options.start = fileSeconds;
    // No media yet to move: the seek is done once it is noted, reported as a media reports it, later.
    queueMicrotask(() => {
      if (!this.#disposed && !this.#engine) this.#listener.seeked(fileSeconds);
    });
  }

  position(): number {
    return this.#engine ? this.#engine.position() : this.#options.start;
  }

  setRate(rate: number): void {
    this.#options.rate = rate;
    this.#engine?.setRate(rate);
  }

  setVolume(volume: number): void {
    this.#options.volume = volume;
    this.#engine?.setVolume(volume);
  }

  setMuted(muted: boolean): void {
    this.#options.muted = muted;
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
  }

  #request(): void {
    if (this.#requested) return;
    this.#requested = true;
    this.#load().then(
      ({ HowlerEngine }) => {
        if (this.#disposed) return;
        const engine = new HowlerEngine(this.#sources, this.#listener, this.#options);
        this.#engine = engine;
        if (this.#wantPlay) engine.play();
        else if (this.#prepare) engine.prepare();
      },
      () => {
        // The chunk itself failed to load (offline, or the host is gone): the next attempt asks again.
        engineModule = undefined;
        this.#requested = false;
        if (!this.#disposed) this.#listener.fail('network', 'The player could not load its audio engine: the network refused it.');
      },
    );
  }
}

export const createEngine = (sources: readonly AudioSource[], listener: EngineListener, options: EngineOptions): MediaEngine =>
  new DeferredEngine(sources, listener, options);
