/**
 * The player without a face: its tracks, which list plays, the current track's media, and the state and
 * events they make. It is the only writer of the player's state; everything else reads `store` and asks
 * through these methods. A change that depends on the media (playing, paused, seeked, ended) is committed
 * when the media reports it.
 */
import { Clock } from './clock.js';
import { createEngine } from './deferred-engine.js';
import type { ListenerEventName, PlayerEmitter, PlayerEventMap } from './events.js';
import { readManifest, readTrack, requestFeed, requestManifest, type ManifestProblem, type ManifestResult } from './manifest.js';
import type { EngineFactory, EngineListener, MediaEngine } from './media-engine.js';
import { MAX_RATE, MIN_RATE } from './rates.js';
import { ErrorCode, initialState, ListName, Status, Store, type Chapter, type PlayerError, type PlayerState, type ReadonlyStore } from './state.js';
import { formatTime, type TimeRange } from './time.js';
import { clipTrack, segmentDuration, segmentStart, type Track } from './track.js';
import { safeUrl } from './url.js';

export interface PlaybackOptions {
  emit: PlayerEmitter;
  engine?: EngineFactory;
}

/** How a change was asked for: the page setting a property hears no echo of it. */
export interface ChangeOptions {
  silent?: boolean;
}

/** Where the tracks come from, in the order the element prefers them. */
export type TrackSource =
  | { kind: 'manifest' | 'feed'; url: string }
  | { kind: 'inline'; fields: Record<string, unknown> }
  | { kind: 'tracks'; data: unknown }
  | { kind: 'none' };

export interface LoadOptions {
  /** The track to select first: its place, or (in a feed) its guid. */
  index?: number | string;
  /** Play only this part of that track (counted from its own start). */
  range?: TimeRange;
  /**
   * The page's own media element for the first track (a publisher's fallback <audio> inside the player):
   * that track plays through it, not through a new element, so a sound the listener started on it before
   * the player was drawn goes on. Not taken (another file, or no track): paused, so that one sound plays.
   */
  media?: HTMLMediaElement;
}

declare const __EARSHOT_PAGE_AUDIO__: boolean | undefined;
/** Players may have a page's own <audio> inside (false in the embed page's build: its player never has). */
const PAGE_AUDIO = typeof __EARSHOT_PAGE_AUDIO__ === 'undefined' || __EARSHOT_PAGE_AUDIO__;

/** Previous goes back to the start of the track after this much of it, and to the track before otherwise. */
const RESTART_AFTER = 3;
/** Play at (or within this of) the end starts the track again. */
const AT_END = 0.05;

interface Pending {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: Error) => void;
}

export class Playback {
  readonly #store = new Store<PlayerState>(initialState);
  /** The player's state, read-only: read it, subscribe to it, and ask for changes through the methods. */
  readonly store: ReadonlyStore<PlayerState> = this.#store.view;
  readonly #emit: PlayerEmitter;
  readonly #createEngine: EngineFactory;
  readonly #clock = new Clock(() => this.#tick());
  #engine: MediaEngine | null = null;
  #preload: 'none' | 'metadata' = 'none';
  /** The play() promise of a start the media has not confirmed yet: a second play() gets the same one. */
  #starting: Pending | null = null;
  #autoplaying = false;
  /** `earshot-play` went out for this start; its `earshot-pause` may follow. */
  #announcedPlay = false;
  /** `earshot-ready` went out for the current track's media. */
  #announcedReady = false;
  /** The pending seek was set by the page as a property: no `earshot-seeked` for it. */
  #silentSeek = false;
  #loading: AbortController | undefined;
  #lastSource: { source: TrackSource; base: string; options: LoadOptions } | undefined;
  /** LoadOptions.media, until the first track's engine takes it. */
  #media: HTMLMediaElement | undefined;

  constructor(options: PlaybackOptions) {
    this.#emit = options.emit;
    this.#createEngine = options.engine ?? createEngine;
  }

  get state(): PlayerState {
    return this.#store.getState();
  }

  /** Seconds into the segment, read from the media while it plays (the state lags by up to a tick). */
  get currentTime(): number {
    return this.state.status === Status.playing && !this.state.seeking ? this.#position() : this.state.currentTime;
  }

  /** The track that plays, or is ready to. */
  get track(): Track | undefined {
    return this.state.queue[this.state.index];
  }

  /** True unless the player plays or is starting to. */
  get paused(): boolean {
    const { status } = this.state;
    return !(status === Status.playing || (status === Status.loading && this.#engine !== null));
  }

  set preload(value: 'none' | 'metadata') {
    this.#preload = value;
  }

  // ——— Tracks ———

  /**
   * Loads the player's own tracks from `source`. Resolves true once they are in, false when they failed or
   * a newer load overtook this one.
   */
  async load(source: TrackSource, base: string, options: LoadOptions = {}): Promise<boolean> {
    // (The embed page's build leaves this out: its player never has a page's own element.)
    if (!PAGE_AUDIO) return this.#loadTracks(source, base, options);
    const { media, ...kept } = options;
    // The element the next track's engine plays through; one offered before and not taken is paused.
    if (this.#media !== media) this.#media?.pause();
    this.#media = media;
    try {
      return await this.#loadTracks(source, base, kept);
    } finally {
      // Whatever this load made of it (a failure, no track), the element offered is taken or quiet now.
      if (media && this.#media === media) {
        media.pause();
        this.#media = undefined;
      }
    }
  }

  async #loadTracks(source: TrackSource, base: string, options: LoadOptions): Promise<boolean> {
    this.#loading?.abort();
    this.#loading = undefined;
    this.#lastSource = { source, base, options };
    switch (source.kind) {
      case 'none':
        this.#use([], undefined, options);
        return false;
      case 'inline': {
        const { track, problems } = readTrack(source.fields, base);
        // A one-track player that cannot play says so once, below, rather than as a manifest problem.
        this.#report(problems.filter((p) => p.code === ErrorCode.invalidUrl));
        if (track) return this.#use([track], undefined, options);
        if (problems.some((p) => p.code === ErrorCode.invalidUrl)) {
          this.#refuse('This audio cannot be played: its address was refused (only http, https and relative addresses are allowed).', ErrorCode.invalidUrl);
        } else this.#refuse('This player has no audio to play: its address is missing.');
        return false;
      }
      case 'tracks':
        return this.#take(readManifest(source.data, base), options);
      case 'feed':
      case 'manifest': {
        const { kind } = source;
        const url = safeUrl(source.url, base);
        if (url === null) {
          this.#report([{ code: ErrorCode.invalidUrl, message: `The ${kind} address was refused (only http, https and relative addresses are allowed).` }]);
          this.#refuse(`There is no ${kind} to load: its address was refused.`);
          return false;
        }
        const abort = new AbortController();
        this.#loading = abort;
        this.#use([], undefined, {});
        this.#store.update({ loadingTracks: true, status: Status.loading });
        let result: ManifestResult;
        // The request, and the code that reads its answer, travel together. The reader may also give the
        // request up (a deadline, a size limit): that is no newer load overtaking this one.
        const { pending, request } = (kind === 'feed' ? requestFeed : requestManifest)(url, abort.signal);
        try {
          const loader = await import('./manifest-loader.js').catch(() => null);
          result = loader
            ? await loader.readResponse(kind, pending, url, readManifest, abort.signal, request)
            : { ok: false, message: `The ${kind} could not be read: the player could not load its code for it.`, problems: [] };
        } catch {
          return false; // overtaken by a newer load
        }
        if (abort.signal.aborted) return false;
        this.#loading = undefined;
        this.#store.update({ loadingTracks: false });
        return this.#take(result, options);
      }
    }
  }

  /** Plays track `index` of the player's own tracks, or of the listener's saved playlist `saved`. */
  playFrom(list: ListName, index: number, saved: readonly Track[] = []): void {
    const queue = list === ListName.own ? this.state.tracks : Object.freeze([...saved]);
    if (!queue[index]) return;
    if (list === this.state.list && list === ListName.own) {
      this.select(index, { play: true });
      return;
    }
    this.#store.update({ list, queue });
    this.#load(index);
    this.#emit('trackchange', { index, track: queue[index]! });
    this.play().catch(() => {});
  }

  select(index: number, options: ChangeOptions & { play?: boolean } = {}): void {
    const { queue } = this.state;
    if (!Number.isInteger(index) || index < 0 || index >= queue.length) return;
    this.#load(index);
    if (!options.silent) this.#emit('trackchange', { index, track: queue[index]! });
    if (options.play) this.play().catch(() => {});
  }

  /**
   * Where Next (1) and Previous (-1) go within the current track, if anywhere: its chapters
   * (controllers/chapters.ts sets it when a track has them). Undefined: to another track.
   */
  within: ((step: 1 | -1) => number | undefined) | undefined;

  next(options: ChangeOptions = {}): void {
    const at = this.within?.(1);
    if (at !== undefined) this.seek(at, options);
    else this.select(this.state.index + 1, { play: !this.paused, ...options });
  }

  previous(options: ChangeOptions = {}): void {
    // Like every player: back to the start first (of the chapter, where the track has them), to the previous
    // chapter or track when already near it.
    const at = this.within?.(-1);
    if (at !== undefined) this.seek(at, options);
    else if (this.currentTime > RESTART_AFTER || this.state.index === 0) this.seek(0, options);
    else this.select(this.state.index - 1, { play: !this.paused, ...options });
  }

  /** The current track's chapters, read (controllers/chapters.ts): kept while `track` is still the current one. */
  setChapters(track: Track, chapters: readonly Chapter[]): void {
    if (track === this.track) this.#store.update({ chapters: Object.freeze([...chapters]) });
  }

  // ——— Playing ———

  /** Starts playing; settles when the media plays, or cannot. A second call while starting or playing starts nothing. */
  play(): Promise<void> {
    if (!this.#engine) return Promise.reject(new Error(this.state.error?.message ?? 'There is nothing to play.'));
    if (this.state.status === Status.playing) return Promise.resolve();
    if (this.#starting) return this.#starting.promise;
    const pending = {} as Pending;
    pending.promise = new Promise<void>((resolve, reject) => Object.assign(pending, { resolve, reject }));
    this.#starting = pending;
    const engine = this.#engine;
    const { duration, status } = this.state;
    // At the end (played out, or skipped past it while paused), Play starts the track again.
    if (status === Status.ended || (Number.isFinite(duration) && this.state.currentTime >= duration - AT_END)) this.seek(0, { silent: true });
    if (this.state.error && !this.state.error.fatal) this.#store.update({ error: null });
    if (this.#engine === engine) engine.play();
    return pending.promise;
  }

  /** Tries to start without a gesture; where the browser refuses, waits for Play and says so. */
  autoplay(): void {
    this.#autoplaying = true;
    this.play().catch(() => {});
  }

  pause(): void {
    this.#engine?.pause();
  }

  toggle(): void {
    if (this.paused) this.play().catch(() => {});
    else this.pause();
  }

  /**
   * The listener shows intent to play (a pointer over the player, focus on it): get the media ready to start
   * at once. `pressed`: a pointer is down on Play, and the click comes next.
   */
  prepare(pressed = false): void {
    this.#engine?.prepare(pressed);
  }

  /** Seeks to `seconds` into the segment. */
  seek(seconds: number, options: ChangeOptions = {}): void {
    const track = this.track;
    if (!this.#engine || !track || !Number.isFinite(seconds)) return;
    const target = this.#clamp(seconds);
    this.#silentSeek = options.silent === true;
    // Like a media element: the position is the target at once, and `seeking` until the media is there.
    const ended = this.state.status === Status.ended && target < this.state.duration;
    this.#store.update({ currentTime: target, seeking: true, ...(ended ? { status: Status.paused } : {}) });
    this.#clock.cancelEnd();
    this.#engine.seek(segmentStart(track) + target);
  }

  skip(delta: number, options: ChangeOptions = {}): void {
    if (Number.isFinite(delta)) this.seek(this.currentTime + delta, options);
  }

  setRate(rate: number, options: ChangeOptions = {}): void {
    if (!Number.isFinite(rate)) return;
    const playbackRate = Math.min(MAX_RATE, Math.max(MIN_RATE, rate));
    if (playbackRate === this.state.playbackRate) return;
    this.#store.update({ playbackRate });
    this.#engine?.setRate(playbackRate);
    this.#watchEnd();
    if (!options.silent) this.#emit('ratechange', { playbackRate });
  }

  setVolume(volume: number, options: ChangeOptions = {}): void {
    if (!Number.isFinite(volume)) return;
    this.#setSound(Math.min(1, Math.max(0, volume)), this.state.muted, options);
  }

  setMuted(muted: boolean, options: ChangeOptions = {}): void {
    this.#setSound(this.state.volume, muted, options);
  }

  /** After an error: loads the manifest again, or the track where it was and plays. */
  retry(): void {
    const error = this.state.error;
    if (error?.code === ErrorCode.manifest && this.#lastSource) {
      const { source, base, options } = this.#lastSource;
      void this.load(source, base, options);
      return;
    }
    if (!this.track) return;
    const at = this.state.currentTime;
    this.#store.update({ error: null });
    this.#load(this.state.index, at);
    this.play().catch(() => {});
  }

  /** Stops the sound and lets go of the media; the tracks stay. */
  dispose(): void {
    this.#unload();
    this.#settle(abortError('The player was removed.'));
    this.#announcedPlay = false;
    if (this.state.status === Status.playing || this.state.status === Status.loading) this.#store.update({ status: Status.paused, seeking: false });
  }

  /** Makes the media again, after dispose(), where it was. */
  restore(): void {
    if (!this.#engine && this.track && this.state.status !== Status.error) this.#load(this.state.index, this.state.currentTime);
  }

  // ——— What the listener did elsewhere ———

  /** Tells the page about something the listener did outside playback: a download, the embed code, the saved playlist. */
  announce<K extends ListenerEventName>(type: K, detail: PlayerEventMap[K]): void {
    this.#emit(type, detail);
  }

  /**
   * A problem outside playback (a download, storage): the page hears it as `earshot-error`; the listener
   * reads it in the alert unless `alert` is false (the feature says so itself).
   */
  warn(error: Omit<PlayerError, 'fatal'>, { alert = true }: { alert?: boolean } = {}): void {
    const warning = { ...error, fatal: false };
    if (alert && !this.state.error?.fatal) this.#store.update({ error: warning });
    this.#emit('error', warning);
  }

  // ——— Inside ———

  #take(result: ManifestResult, options: LoadOptions): boolean {
    this.#report(result.problems);
    if (result.ok) return this.#use(result.tracks, result.title, options);
    this.#refuse(result.message);
    return false;
  }

  #use(tracks: Track[], title: string | undefined, { index = 0, range }: LoadOptions): boolean {
    // A feed's episode may be named by its guid (feed.ts keeps it on the track).
    const at = typeof index === 'string' ? tracks.findIndex((track) => (track as { guid?: string }).guid === index) : index;
    const selected = Number.isInteger(at) && at >= 0 && at < tracks.length ? at : 0;
    if (range && tracks[selected]) {
      const clipped = clipTrack(tracks[selected]!, range);
      if (clipped) tracks[selected] = clipped;
      else this.#report([{ code: ErrorCode.manifest, message: 'The part of the track to play is outside the track; the whole track plays.' }]);
    }
    const frozen = Object.freeze(tracks);
    this.#store.update({ tracks: frozen, queue: frozen, list: ListName.own, title, loadingTracks: false, error: null });
    this.#load(selected);
    return tracks.length > 0;
  }

  /** Problems the player worked around: a few say themselves; many are counted in one error, not one event each. */
  #report(problems: ManifestProblem[]): void {
    const [first] = problems;
    if (!first) return;
    if (problems.length <= 3) {
      for (const { code, message, index } of problems) this.#fail({ code, message, fatal: false, ...(index !== undefined ? { index } : {}) });
      return;
    }
    const tracks = new Set(problems.map((problem) => problem.index).filter((index) => index !== undefined)).size;
    const code = problems.every((problem) => problem.code === first.code) ? first.code : ErrorCode.manifest;
    const where = tracks > 0 ? ` in ${tracks} track${tracks === 1 ? '' : 's'}` : '';
    this.#fail({ code, message: `${problems.length} problems${where} were left out. The first: ${first.message}`, fatal: false });
  }

  /** Nothing to play, and why. */
  #refuse(message: string, code: ErrorCode = ErrorCode.manifest): void {
    this.#use([], undefined, {});
    this.#fail({ code, message, fatal: true });
  }

  #fail(error: PlayerError): void {
    if (error.fatal) {
      this.#unload();
      this.#settle(new Error(error.message));
      this.#announcedPlay = false;
      this.#store.update({ status: Status.error, seeking: false, error });
    } else if (!this.state.error?.fatal) {
      this.#store.update({ error });
    }
    this.#emit('error', error);
  }

  #setSound(volume: number, muted: boolean, options: ChangeOptions): void {
    if (volume === this.state.volume && muted === this.state.muted) return;
    this.#store.update({ volume, muted });
    this.#engine?.setVolume(volume);
    this.#engine?.setMuted(muted);
    if (!options.silent) this.#emit('volumechange', { volume, muted });
  }

  #load(index: number, at = 0): void {
    this.#unload();
    this.#settle(abortError('The track changed.'));
    this.#announcedPlay = false;
    this.#announcedReady = false;
    const track = this.state.queue[index];
    const duration = track ? segmentDuration(track, track.duration) : NaN;
    this.#store.update({ index, status: Status.idle, currentTime: at, seeking: false, duration, error: null, chapters: initialState.chapters });
    if (!track) return;
    let engine: MediaEngine | null = null;
    engine = this.#createEngine(track.src, this.#listenerFor(() => engine), {
      preload: this.#preload,
      rate: this.state.playbackRate,
      volume: this.state.volume,
      muted: this.state.muted,
      start: segmentStart(track) + at,
      ...(PAGE_AUDIO && this.#media ? { media: this.#media } : {}),
    });
    this.#media = undefined;
    this.#engine = engine;
  }

  #unload(): void {
    this.#clock.stop();
    const engine = this.#engine;
    this.#engine = null;
    engine?.unload();
  }

  #listenerFor(engine: () => MediaEngine | null): EngineListener {
    // Reports from a media that is no longer the current one are stale: ignore them.
    const current =
      <A extends unknown[]>(handler: (...args: A) => void) =>
      (...args: A) => {
        if (this.#engine !== null && this.#engine === engine()) handler(...args);
      };
    return {
      ready: current(() => this.#ready()),
      duration: current((fileSeconds: number) => {
        this.#store.update({ duration: segmentDuration(this.track!, fileSeconds) });
        this.#watchEnd();
      }),
      waiting: current(() => {
        if (this.state.status !== Status.error) this.#store.update({ status: Status.loading });
      }),
      playing: current(() => {
        this.#autoplaying = false;
        this.#store.update({ status: Status.playing, currentTime: this.state.seeking ? this.state.currentTime : this.#position(), error: null });
        this.#clock.start();
        this.#watchEnd();
        this.#settle(null);
        if (this.#announcedPlay) return; // back from a stall
        // A track that plays can be played: the page hears that first, if the media had not said so.
        this.#ready();
        this.#announcedPlay = true;
        this.#emit('play', { index: this.state.index, currentTime: this.state.currentTime });
      }),
      paused: current(() => {
        if (this.state.status === Status.ended) return;
        this.#clock.stop();
        const currentTime = this.state.seeking ? this.state.currentTime : this.#position();
        const started = this.#announcedPlay || currentTime > 0;
        this.#store.update({ status: started ? Status.paused : Status.idle, currentTime });
        this.#settle(abortError('Paused before playback started.'));
        if (!this.#announcedPlay) return;
        this.#announcedPlay = false;
        this.#emit('pause', { index: this.state.index, currentTime });
      }),
      seeked: current((fileSeconds: number) => {
        const currentTime = this.#clamp(fileSeconds - segmentStart(this.track!));
        this.#store.update({ seeking: false, currentTime });
        this.#watchEnd();
        if (this.#silentSeek) this.#silentSeek = false;
        else this.#emit('seeked', { currentTime });
      }),
      seekRefused: current((target: number, landed: number) => {
        const start = segmentStart(this.track!);
        const [wanted, instead] = [target, landed].map((seconds) => formatTime(this.#clamp(seconds - start)));
        this.warn({
          code: ErrorCode.network,
          message: `Could not jump to ${wanted}: the server that hosts this audio sends it only from the start (it does not support range requests), so it plays from ${instead} instead.`,
          index: this.state.index,
        });
      }),
      ended: current(() => this.#finish()),
      blocked: current(() => {
        const message = this.#autoplaying
          ? 'The browser did not let this audio start by itself. Press Play to listen.'
          : 'The browser did not let this audio start. Press Play to listen.';
        this.#autoplaying = false;
        this.#settle(new Error(message));
        const currentTime = this.state.currentTime;
        this.#store.update({ status: currentTime > 0 ? Status.paused : Status.idle });
        this.#fail({ code: ErrorCode.autoplayBlocked, message, fatal: false, index: this.state.index });
      }),
      fail: current((code, message) => {
        this.#fail({ code, message, fatal: true, index: this.state.index });
      }),
    };
  }

  /** `earshot-ready`, once for each load of a track. */
  #ready(): void {
    if (this.#announcedReady) return;
    this.#announcedReady = true;
    this.#emit('ready', { index: this.state.index, track: this.track!, duration: this.state.duration });
  }

  /** Settles the pending play(): resolved when `error` is null. */
  #settle(error: Error | null): void {
    const pending = this.#starting;
    this.#starting = null;
    if (!pending) return;
    if (error) pending.reject(error);
    else pending.resolve();
  }

  #clamp(seconds: number): number {
    const limit = Number.isFinite(this.state.duration) ? this.state.duration : Infinity;
    return Math.min(Math.max(0, seconds), limit);
  }

  #position(): number {
    const track = this.track;
    if (!this.#engine || !track) return this.state.currentTime;
    return this.#clamp(this.#engine.position() - segmentStart(track));
  }

  #tick(): void {
    if (this.state.seeking) return;
    const currentTime = this.#position();
    this.#store.update({ currentTime });
    this.#emit('timeupdate', { currentTime, duration: this.state.duration });
    this.#watchEnd();
  }

  /** A segment ends before its file does: stop it on time. */
  #watchEnd(): void {
    const track = this.track;
    if (!track || track.end === undefined || this.state.status !== Status.playing || this.state.seeking) {
      this.#clock.cancelEnd();
      return;
    }
    const end = track.end - segmentStart(track);
    this.#clock.endIn(() => end - this.#position(), this.state.playbackRate, () => this.#finish());
  }

  #finish(): void {
    const { index, queue, duration } = this.state;
    this.#clock.stop();
    this.#announcedPlay = false;
    // Ended before it was heard to start (Skip past the end while starting): that play() is over too.
    this.#settle(abortError('The track ended.'));
    this.#store.update({ status: Status.ended, seeking: false, currentTime: Number.isFinite(duration) ? duration : this.#position() });
    this.#engine?.pause();
    this.#emit('ended', { index });
    if (index + 1 < queue.length) this.select(index + 1, { play: true });
  }
}

function abortError(message: string): Error {
  return new DOMException(message, 'AbortError');
}
