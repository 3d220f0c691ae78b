/** The player without a face: tracks, the current one, its media, and the state and events they make. */
import { createEngine, type EngineFactory, type EngineListener, type MediaEngine } from './engine.js';
import { ErrorCode, initialState, Status, Store, type PlayerError, type PlayerState } from './state.js';
import { segmentDuration, segmentStart, type Track } from './track.js';

export interface PlaybackEventMap {
  ready: { index: number; track: Track; duration: number };
  play: { index: number; currentTime: number };
  pause: { index: number; currentTime: number };
  ended: { index: number };
  timeupdate: { currentTime: number; duration: number };
  seeked: { currentTime: number };
  trackchange: { index: number; track: Track };
  ratechange: { playbackRate: number };
  volumechange: { volume: number; muted: boolean };
  error: PlayerError;
}
export type PlaybackEventName = keyof PlaybackEventMap;
export type PlaybackEmitter = <K extends PlaybackEventName>(type: K, detail: PlaybackEventMap[K]) => void;

export interface PlaybackOptions {
  emit: PlaybackEmitter;
  engine?: EngineFactory;
}

/** How a change was asked for: the page setting a property hears no echo of it. */
export interface ChangeOptions {
  silent?: boolean;
}

/** `earshot-timeupdate` at most four a second. */
export const TICK_MS = 260;
export const MIN_RATE = 0.25;
export const MAX_RATE = 4;

type Settle = { resolve: () => void; reject: (error: Error) => void };

export class Playback {
  readonly store = new Store<PlayerState>(initialState);
  readonly #emit: PlaybackEmitter;
  readonly #createEngine: EngineFactory;
  #engine: MediaEngine | null = null;
  #fileDuration: number | undefined;
  #preload: 'none' | 'metadata' = 'none';
  #ticker: ReturnType<typeof setInterval> | undefined;
  #endTimer: ReturnType<typeof setTimeout> | undefined;
  #waiters: Settle[] = [];
  #autoplaying = false;
  /** Waiting for data in the middle of playing: the sound coming back is not a new 'play'. */
  #stalled = false;

  constructor(options: PlaybackOptions) {
    this.#emit = options.emit;
    this.#createEngine = options.engine ?? createEngine;
  }

  get state(): PlayerState {
    return this.store.state;
  }

  /** Seconds into the segment, read from the media while it plays (the state lags by up to a tick). */
  get currentTime(): number {
    return this.state.status === Status.playing ? this.#position() : this.state.currentTime;
  }

  get track(): Track | undefined {
    return this.state.tracks[this.state.index];
  }

  set preload(value: 'none' | 'metadata') {
    this.#preload = value;
  }

  /** Replaces the tracks; nothing is fetched until Play unless preload is `metadata`. */
  setTracks(tracks: readonly Track[], options: { title?: string; index?: number } = {}): void {
    const index = clampIndex(options.index ?? 0, tracks.length);
    this.store.update({ tracks: Object.freeze([...tracks]), title: options.title, error: null });
    this.#load(index);
  }

  /** Shows an error that is not the media's (a manifest that failed, say). */
  fail(error: PlayerError): void {
    if (error.fatal) {
      this.#unload();
      this.#rejectWaiters(new Error(error.message));
      this.store.update({ status: Status.error, error });
    } else if (!this.state.error?.fatal) {
      this.store.update({ error });
    }
    this.#emit('error', error);
  }

  select(index: number, options: ChangeOptions & { play?: boolean } = {}): void {
    const { tracks } = this.state;
    if (!Number.isInteger(index) || index < 0 || index >= tracks.length) return;
    this.#load(index);
    if (!options.silent) this.#emit('trackchange', { index, track: tracks[index]! });
    if (options.play) this.#request();
  }

  /** Playing, or about to: a track change keeps the sound going. */
  get #busy(): boolean {
    return this.state.status === Status.playing || this.state.status === Status.loading;
  }

  next(options: ChangeOptions & { play?: boolean } = {}): void {
    this.select(this.state.index + 1, { play: this.#busy, ...options });
  }

  previous(options: ChangeOptions & { play?: boolean } = {}): void {
    // Like every player: back to the start first, to the previous track when already near it.
    if (this.currentTime > 3 || this.state.index === 0) this.seek(0, options);
    else this.select(this.state.index - 1, { play: this.#busy, ...options });
  }

  /** Starts playing; settles when the media plays, or fails. */
  play(): Promise<void> {
    if (!this.#engine) return Promise.reject(new Error(this.state.error?.message ?? 'There is nothing to play.'));
    const started = new Promise<void>((resolve, reject) => this.#waiters.push({ resolve, reject }));
    this.#request();
    return started;
  }

  /** Tries to start without a gesture; where the browser refuses, waits for Play and says so. */
  autoplay(): void {
    this.#autoplaying = true;
    this.play().catch(() => {});
  }

  pause(): void {
    if (!this.#engine) return;
    if (this.state.status === Status.loading) this.store.update({ status: this.state.currentTime > 0 ? Status.paused : Status.idle });
    this.#engine.pause();
    this.#rejectWaiters(abortError('Paused before playback started.'));
  }

  toggle(): void {
    if (this.#busy) this.pause();
    else this.play().catch(() => {});
  }

  /** Seeks to `seconds` into the segment. */
  seek(seconds: number, options: ChangeOptions = {}): void {
    const track = this.track;
    if (!this.#engine || !track || !Number.isFinite(seconds)) return;
    const duration = this.state.duration;
    const limit = Number.isFinite(duration) ? duration : Infinity;
    const target = Math.min(Math.max(0, seconds), limit);
    this.#engine.seek(segmentStart(track) + target);
    const ended = this.state.status === Status.ended && target < limit;
    this.store.update({ currentTime: target, ...(ended ? { status: Status.paused } : {}) });
    if (this.state.status === Status.playing) this.#scheduleEnd();
    if (!options.silent) this.#emit('seeked', { currentTime: target });
  }

  skip(delta: number, options: ChangeOptions = {}): void {
    if (Number.isFinite(delta)) this.seek(this.currentTime + delta, options);
  }

  setRate(rate: number, options: ChangeOptions = {}): void {
    if (!Number.isFinite(rate)) return;
    const playbackRate = Math.min(MAX_RATE, Math.max(MIN_RATE, rate));
    if (playbackRate === this.state.playbackRate) return;
    this.store.update({ playbackRate });
    this.#engine?.setRate(playbackRate);
    if (this.state.status === Status.playing) this.#scheduleEnd();
    if (!options.silent) this.#emit('ratechange', { playbackRate });
  }

  setVolume(volume: number, options: ChangeOptions = {}): void {
    if (!Number.isFinite(volume)) return;
    this.#setSound(Math.min(1, Math.max(0, volume)), this.state.muted, options);
  }

  setMuted(muted: boolean, options: ChangeOptions = {}): void {
    this.#setSound(this.state.volume, muted, options);
  }

  /** After an error: loads the track again where it was and plays. */
  retry(): void {
    if (!this.track) return;
    const at = this.state.currentTime;
    this.store.update({ error: null });
    this.#load(this.state.index, at);
    this.#request();
  }

  /** Stops the sound and lets go of the media; the tracks stay. */
  dispose(): void {
    this.#unload();
    this.#rejectWaiters(abortError('The player was removed.'));
    if (this.state.status === Status.playing || this.state.status === Status.loading) {
      this.store.update({ status: Status.paused });
    }
  }

  /** Makes the media again, after dispose(), where it was. */
  restore(): void {
    if (!this.#engine && this.track && this.state.status !== Status.error) this.#load(this.state.index, this.state.currentTime);
  }

  #setSound(volume: number, muted: boolean, options: ChangeOptions): void {
    if (volume === this.state.volume && muted === this.state.muted) return;
    this.store.update({ volume, muted });
    this.#engine?.setVolume(volume);
    this.#engine?.setMuted(muted);
    if (!options.silent) this.#emit('volumechange', { volume, muted });
  }

  #request(): void {
    const engine = this.#engine;
    if (!engine) return;
    if (this.state.status === Status.ended) this.seek(0, { silent: true });
    if (this.state.error && !this.state.error.fatal) this.store.update({ error: null });
    engine.play();
  }

  #load(index: number, at = 0): void {
    this.#unload();
    this.#rejectWaiters(abortError('The track changed.'));
    const track = this.state.tracks[index];
    this.#fileDuration = track?.duration;
    const duration = track ? segmentDuration(track, this.#fileDuration) : NaN;
    this.store.update({ index, status: Status.idle, currentTime: at, duration, error: null });
    if (!track) return;
    const engine = this.#createEngine(track.src, this.#listenerFor(() => engine), {
      preload: this.#preload,
      rate: this.state.playbackRate,
      volume: this.state.volume,
      muted: this.state.muted,
    });
    this.#engine = engine;
    const start = segmentStart(track) + at;
    if (start > 0) engine.seek(start);
  }

  #unload(): void {
    this.#stopClock();
    this.#engine?.unload();
    this.#engine = null;
  }

  #listenerFor(engine: () => MediaEngine): EngineListener {
    // Reports from a media that is no longer the current one are stale: ignore them.
    const current = <A extends unknown[]>(handler: (...args: A) => void) =>
      (...args: A) => {
        if (this.#engine === engine()) handler(...args);
      };
    return {
      ready: current((fileDuration: number) => {
        const track = this.track!;
        this.#fileDuration = fileDuration;
        const duration = segmentDuration(track, fileDuration);
        this.store.update({ duration });
        this.#emit('ready', { index: this.state.index, track, duration });
      }),
      waiting: current(() => {
        if (this.state.status === Status.error) return;
        this.#stalled = this.state.status === Status.playing || (this.#stalled && this.state.status === Status.loading);
        this.store.update({ status: Status.loading });
      }),
      play: current(() => {
        this.#autoplaying = false;
        const wasPlaying = this.state.status === Status.playing || this.#stalled;
        this.#stalled = false;
        this.store.update({ status: Status.playing, currentTime: this.#position(), error: null });
        this.#startClock();
        if (wasPlaying) return;
        for (const waiter of this.#takeWaiters()) waiter.resolve();
        this.#emit('play', { index: this.state.index, currentTime: this.state.currentTime });
      }),
      pause: current(() => {
        this.#stalled = false;
        if (this.state.status === Status.ended) return;
        this.#stopClock();
        this.store.update({ status: Status.paused, currentTime: this.#position() });
        this.#emit('pause', { index: this.state.index, currentTime: this.state.currentTime });
      }),
      end: current(() => this.#finish()),
      blocked: current(() => {
        const message = this.#autoplaying
          ? 'The browser did not let this audio start by itself. Press Play to listen.'
          : 'The browser did not let this audio start. Press Play to listen.';
        this.#autoplaying = false;
        this.#rejectWaiters(new Error(message));
        this.store.update({ status: this.state.currentTime > 0 ? Status.paused : Status.idle });
        this.fail({ code: ErrorCode.autoplayBlocked, message, fatal: false, index: this.state.index });
      }),
      fail: current((code, message) => {
        this.fail({ code, message, fatal: true, index: this.state.index });
      }),
    };
  }

  #position(): number {
    const track = this.track;
    if (!this.#engine || !track) return this.state.currentTime;
    const position = this.#engine.position() - segmentStart(track);
    const limit = Number.isFinite(this.state.duration) ? this.state.duration : Infinity;
    return Math.min(Math.max(0, position), limit);
  }

  #startClock(): void {
    this.#stopClock();
    this.#ticker = setInterval(() => this.#tick(), TICK_MS);
    this.#scheduleEnd();
  }

  #stopClock(): void {
    clearInterval(this.#ticker);
    clearTimeout(this.#endTimer);
    this.#ticker = undefined;
    this.#endTimer = undefined;
  }

  #tick(): void {
    const currentTime = this.#position();
    this.store.update({ currentTime });
    this.#emit('timeupdate', { currentTime, duration: this.state.duration });
    this.#scheduleEnd();
  }

  /** A segment ends before its file does: stop on time, to within a few milliseconds of the timer. */
  #scheduleEnd(): void {
    clearTimeout(this.#endTimer);
    this.#endTimer = undefined;
    const track = this.track;
    if (!track || track.end === undefined || this.state.status !== Status.playing) return;
    const remaining = (track.end - segmentStart(track) - this.#position()) / this.state.playbackRate;
    if (remaining > 1) return;
    this.#endTimer = setTimeout(() => {
      const left = track.end! - segmentStart(track) - this.#position();
      if (left > 0.05) this.#scheduleEnd();
      else this.#finish();
    }, Math.max(0, remaining * 1000 - 20));
  }

  #finish(): void {
    const { index, tracks } = this.state;
    this.#stopClock();
    this.store.update({ status: Status.ended, currentTime: Number.isFinite(this.state.duration) ? this.state.duration : this.#position() });
    this.#engine?.pause();
    this.#emit('ended', { index });
    if (index + 1 < tracks.length) this.select(index + 1, { play: true });
  }

  #takeWaiters(): Settle[] {
    const waiters = this.#waiters;
    this.#waiters = [];
    return waiters;
  }

  #rejectWaiters(error: Error): void {
    for (const waiter of this.#takeWaiters()) waiter.reject(error);
  }
}

function clampIndex(index: number, length: number): number {
  return Number.isInteger(index) && index >= 0 && index < length ? index : 0;
}

function abortError(message: string): Error {
  return new DOMException(message, 'AbortError');
}
