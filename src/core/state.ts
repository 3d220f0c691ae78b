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

export interface PlayerState {
  readonly title?: string;
  readonly tracks: readonly Track[];
  readonly index: number;
  readonly status: Status;
  /** Seconds into the segment. */
  readonly currentTime: number;
  /** Length of the segment in seconds; NaN until known. */
  readonly duration: number;
  readonly playbackRate: number;
  readonly volume: number;
  readonly muted: boolean;
  /** The error shown to the listener, if any. */
  readonly error: PlayerError | null;
}

export const initialState: PlayerState = Object.freeze({
  tracks: [],
  index: 0,
  status: Status.idle,
  currentTime: 0,
  duration: NaN,
  playbackRate: 1,
  volume: 1,
  muted: false,
  error: null,
});

export type StateListener<T> = (state: T, previous: T) => void;

/** Holds one immutable state object; every change makes a new one and tells the subscribers. */
export class Store<T extends object> {
  #state: T;
  readonly #listeners = new Set<StateListener<T>>();

  constructor(initial: T) {
    this.#state = initial;
  }

  get state(): T {
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
    return () => this.#listeners.delete(listener);
  }
}
