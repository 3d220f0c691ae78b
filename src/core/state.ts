/** The player's whole state as one object, and the small store that holds it. */
import type { Track } from './track.js';

export const Status = {
  idle: 'idle',
  loading: 'loading',
  playing: 'playing',
  paused: 'paused',
  ended: 'ended',
  error: 'error',
} as const;
export type Status = (typeof Status)[keyof typeof Status];

export const ErrorCode = {
  manifest: 'manifest',
  invalidUrl: 'invalid-url',
  network: 'network',
  decode: 'decode',
  autoplayBlocked: 'autoplay-blocked',
  download: 'download',
  storage: 'storage',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface PlayerError {
  code: ErrorCode;
  message: string;
  /** A fatal error leaves nothing to play until the listener retries or the tracks change. */
  fatal: boolean;
  index?: number;
}

/** Which list plays: the player's own tracks, or the listener's saved playlist. */
export const ListName = {
  own: 'own',
  saved: 'saved',
} as const;
export type ListName = (typeof ListName)[keyof typeof ListName];

export interface PlayerState {
  /** The manifest's title, if it had one. */
  readonly title?: string;
  /** The player's own tracks: from its manifest, feed, attributes or `tracks` property. */
  readonly tracks: readonly Track[];
  /** A manifest is on its way: there are no tracks yet, and none has failed. */
  readonly loadingTracks: boolean;
  /** Which list plays. */
  readonly list: ListName;
  /** The tracks that play: `tracks`, or the saved playlist as it was when the listener started it. */
  readonly queue: readonly Track[];
  /** The current track's place in `queue`. */
  readonly index: number;
  readonly status: Status;
  /** Seconds into the segment. While playing, the media is ahead of this by up to one tick. */
  readonly currentTime: number;
  /** A seek was asked for and the media has not reached it yet. */
  readonly seeking: boolean;
  /** Length of the segment in seconds; NaN until known. */
  readonly duration: number;
  readonly playbackRate: number;
  readonly volume: number;
  readonly muted: boolean;
  /** The error shown to the listener, if any. */
  readonly error: PlayerError | null;
  /** The current track's chapters, once read: times from the start of its segment, in order. */
  readonly chapters: readonly Chapter[];
}

export interface Chapter {
  start: number;
  title: string;
}

export const initialState: PlayerState = Object.freeze({
  tracks: Object.freeze([]),
  loadingTracks: false,
  list: ListName.own,
  queue: Object.freeze([]),
  index: 0,
  status: Status.idle,
  currentTime: 0,
  seeking: false,
  duration: NaN,
  playbackRate: 1,
  volume: 1,
  muted: false,
  error: null,
  chapters: Object.freeze([]),
});

export type StateListener<T> = (state: T, previous: T) => void;

/** What everything outside the core sees of a store: the state, frozen, and its changes. */
export interface ReadonlyStore<T> {
  getState(): T;
  subscribe(listener: StateListener<T>): () => void;
}

/** Holds one immutable state object; every change makes a new one and tells the subscribers. Core-only. */
export class Store<T extends object> implements ReadonlyStore<T> {
  #state: T;
  readonly #listeners = new Set<StateListener<T>>();

  constructor(initial: T) {
    this.#state = initial;
  }

  getState(): T {
    return this.#state;
  }

  update(patch: Partial<T>): void {
    const previous = this.#state;
    const changed = (Object.keys(patch) as (keyof T)[]).some((key) => !Object.is(previous[key], patch[key]));
    if (!changed) return;
    this.#state = Object.freeze({ ...previous, ...patch });
    for (const listener of [...this.#listeners]) listener(this.#state, previous);
  }

  subscribe(listener: StateListener<T>): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  /** The view handed out of the core: reading and subscribing, never writing. */
  readonly view: ReadonlyStore<T> = Object.freeze({
    getState: () => this.#state,
    subscribe: (listener: StateListener<T>) => this.subscribe(listener),
  });
}
