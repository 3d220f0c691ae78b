/**
 * A media element that does only what the test makes it do, with the HTML rules a real one follows where
 * howler and the engine adapter look: `paused` flips at once on play() and pause(), play() returns a promise
 * that settles when playback starts (or is refused, or aborted), setting currentTime before the metadata sets
 * the default start position, and its events come when the test says the media got there.
 */
export class FakeMedia extends EventTarget {
  readyState = 0;
  networkState = 0;
  duration = NaN;
  paused = true;
  ended = false;
  seeking = false;
  error: { code: number; message: string } | null = null;
  preload = 'auto';
  volume = 1;
  muted = false;
  playbackRate = 1;
  /** Where play starts once the metadata is in (HTML's "default playback start position"). */
  defaultStart = 0;
  /** What it holds of the file, as [start, end] seconds (set by the test). */
  bufferedRanges: [number, number][] = [];
  get buffered(): TimeRanges {
    const ranges = this.bufferedRanges;
    return { length: ranges.length, start: (i: number) => ranges[i]![0], end: (i: number) => ranges[i]![1] };
  }
  /** The ranges played so far (only their count). */
  played = { length: 0 };
  /** What was asked of it, in order. */
  calls: string[] = [];
  /** The next play() is refused as without a user gesture. */
  refuse = false;
  /** Like WebKitGTK with a length of 0: the default start position is not honoured, it starts at 0. */
  ignoreDefaultStart = false;
  #src = '';
  #position = 0;
  #pending: { resolve: () => void; reject: (error: DOMException) => void }[] = [];

  get src(): string {
    return this.#src;
  }
  set src(value: string) {
    this.#src = value;
    this.calls.push(`src ${value.startsWith('data:') ? 'data:' : value}`);
    this.#reset();
    this.networkState = value ? 2 : 0;
  }

  getAttribute(name: string): string | null {
    return name === 'src' && this.#src ? this.#src : null;
  }

  removeAttribute(name: string): void {
    if (name === 'src') this.#src = '';
  }

  get currentTime(): number {
    return this.#position;
  }
  set currentTime(seconds: number) {
    this.calls.push(`currentTime ${seconds}`);
    if (this.readyState === 0) {
      this.defaultStart = seconds;
      return;
    }
    this.#position = Number.isFinite(this.duration) ? Math.min(seconds, this.duration) : seconds;
    this.ended = false;
    this.seeking = true;
  }

  load(): void {
    this.calls.push('load');
    this.#reset();
    this.networkState = this.#src ? 2 : 0;
  }

  canPlayType(): CanPlayTypeResult {
    return 'maybe';
  }

  play(): Promise<void> {
    this.calls.push('play');
    if (this.refuse) return Promise.reject(new DOMException('play() needs a user gesture', 'NotAllowedError'));
    const started = new Promise<void>((resolve, reject) => this.#pending.push({ resolve, reject }));
    if (this.paused) {
      this.paused = false;
      if (this.ended) {
        // Play at the end starts again from the top.
        this.ended = false;
        this.#position = 0;
      }
      this.#later('play');
    }
    if (this.readyState >= 3) this.startPlaying();
    return started;
  }

  pause(): void {
    this.calls.push('pause');
    if (this.paused) return;
    this.paused = true;
    this.#abortPending();
    this.#later('pause');
  }

  // ——— What the test makes the media do ———

  /** The metadata arrived: `duration` as the engine reports it (WebKitGTK: 0 at first for some MP3s). */
  loadMetadata(duration: number): void {
    this.readyState = 1;
    this.duration = duration;
    this.#position = this.ignoreDefaultStart ? 0 : this.defaultStart;
    this.fire('durationchange');
    this.fire('loadedmetadata');
  }

  /** Enough data for the current frame (2) or to play on (3, with canplay). */
  haveData(readyState: 2 | 3 | 4): void {
    const before = this.readyState;
    this.readyState = readyState;
    if (before < 2 && readyState >= 2) this.fire('loadeddata');
    if (before < 3 && readyState >= 3) this.fire('canplay');
    if (before < 4 && readyState >= 4) this.fire('canplaythrough');
  }

  /** The sound starts: 'playing', and the pending play() promises resolve. */
  startPlaying(): void {
    if (this.paused) return;
    this.played.length = 1;
    this.readyState = 4;
    for (const pending of this.#pending.splice(0)) pending.resolve();
    this.#later('playing');
  }

  /** The position moves on, as while playing, and the media says so with 'timeupdate'. */
  advance(seconds: number): void {
    this.#position += seconds;
    this.fire('timeupdate');
  }

  /** A seek finished; `readyState` is where the engine leaves it (WebKitGTK: 2 when paused), at `landAt` if given. */
  finishSeek(readyState: 1 | 2 | 3 | 4 = 4, landAt?: number): void {
    // A server without range support: the engine lands elsewhere (Chromium at 0, Firefox where its data ends).
    if (landAt !== undefined) this.#position = landAt;
    this.seeking = false;
    this.readyState = readyState;
    this.fire('seeked');
  }

  /** The file played to its end: paused, then 'ended'. */
  end(): void {
    this.#position = this.duration;
    this.paused = true;
    this.ended = true;
    this.fire('pause');
    this.fire('ended');
  }

  fail(code: number, message = ''): void {
    this.error = { code, message };
    this.#abortPending();
    this.fire('error');
  }

  fire(type: string): void {
    this.dispatchEvent(new Event(type));
  }

  #later(type: string): void {
    queueMicrotask(() => this.fire(type));
  }

  #reset(): void {
    if (!this.paused) {
      this.paused = true;
      this.#abortPending();
    }
    this.readyState = 0;
    this.duration = NaN;
    this.#position = 0;
    this.defaultStart = 0;
    this.ended = false;
    this.seeking = false;
    this.error = null;
  }

  #abortPending(): void {
    for (const pending of this.#pending.splice(0)) pending.reject(new DOMException('The play() request was interrupted', 'AbortError'));
  }
}

/** Lets queued media events (and howler's setTimeout(0) events) through. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
