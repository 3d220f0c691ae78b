/**
 * The media engine's contract, and the engine the player uses: it loads howler (howler-engine.ts) only
 * when there is something to load, so that a page shows a usable player before howler arrives.
 */
import { canPlay } from './formats.js';
import type { AudioSource } from './track.js';

export type FailureCode = 'network' | 'decode';

/** What the media reports; the player's state changes only from these. */
export interface EngineListener {
  /** The media can play; `fileDuration` is the whole file's length in seconds. */
  ready(fileDuration: number): void;
  /** Waiting for data (first load, or a stall while playing). */
  waiting(): void;
  play(): void;
  pause(): void;
  /** The file played to its end. */
  end(): void;
  /** The browser refused to start without a gesture from the listener. */
  blocked(): void;
  /** Every source failed; `message` says why in words. */
  fail(code: FailureCode, message: string): void;
}

export interface EngineOptions {
  preload: 'none' | 'metadata';
  rate: number;
  volume: number;
  muted: boolean;
}

/** One track's media. Times here are seconds into the file, not the segment. */
export interface MediaEngine {
  play(): void;
  pause(): void;
  seek(fileSeconds: number): void;
  position(): number;
  setRate(rate: number): void;
  setVolume(volume: number): void;
  setMuted(muted: boolean): void;
  unload(): void;
}

export type EngineFactory = (sources: readonly AudioSource[], listener: EngineListener, options: EngineOptions) => MediaEngine;

let engineModule: Promise<typeof import('./howler-engine.js')> | undefined;

/** Starts loading howler and the engine, if not yet: call it when the listener shows intent (hover, focus). */
export function preloadEngine(): Promise<typeof import('./howler-engine.js')> {
  engineModule ??= import('./howler-engine.js');
  return engineModule;
}

/**
 * Stands in for the howler engine until it is needed: on Play, with preload="metadata", or at once when no
 * source can play (the real engine then says why). Until then it keeps what was asked of it.
 */
class DeferredEngine implements MediaEngine {
  readonly #sources: readonly AudioSource[];
  readonly #listener: EngineListener;
  readonly #options: EngineOptions;
  #engine: MediaEngine | null = null;
  #requested = false;
  #wantPlay = false;
  #seek: number | null = null;
  #disposed = false;

  constructor(sources: readonly AudioSource[], listener: EngineListener, options: EngineOptions) {
    this.#sources = sources;
    this.#listener = listener;
    this.#options = { ...options };
    if (options.preload === 'metadata' || !sources.some(canPlay)) this.#load();
  }

  play(): void {
    if (this.#engine) return this.#engine.play();
    this.#wantPlay = true;
    this.#listener.waiting();
    this.#load();
  }

  pause(): void {
    if (this.#engine) this.#engine.pause();
    else this.#wantPlay = false;
  }

  seek(fileSeconds: number): void {
    if (this.#engine) this.#engine.seek(fileSeconds);
    else this.#seek = fileSeconds;
  }

  position(): number {
    return this.#engine ? this.#engine.position() : (this.#seek ?? 0);
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

  unload(): void {
    this.#disposed = true;
    this.#engine?.unload();
  }

  #load(): void {
    if (this.#requested) return;
    this.#requested = true;
    preloadEngine().then(
      ({ HowlerEngine }) => {
        if (this.#disposed) return;
        const engine = new HowlerEngine(this.#sources, this.#listener, this.#options);
        if (this.#seek !== null) engine.seek(this.#seek);
        this.#engine = engine;
        if (this.#wantPlay) engine.play();
      },
      () => {
        // The chunk itself failed to load (offline, or the host is gone): let the next attempt retry it.
        engineModule = undefined;
        this.#requested = false;
        if (!this.#disposed) this.#listener.fail('network', 'The player could not load its audio engine: the network refused it.');
      },
    );
  }
}

export const createEngine: EngineFactory = (sources, listener, options) => new DeferredEngine(sources, listener, options);
