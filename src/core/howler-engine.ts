/** The only file that imports howler: a track's sources in, media events out. */
import { Howl, Howler } from 'howler';
import type { EngineListener, EngineOptions, FailureCode, MediaEngine } from './engine.js';
import { canPlay, formatOf } from './formats.js';
import type { AudioSource } from './track.js';

interface HowlInternals {
  _sounds?: { _node?: HTMLAudioElement }[];
  /** True while howler waits for the media's play() promise; a seek then sticks in its queue. */
  _playLock?: boolean;
}
interface HowlerInternals {
  _html5AudioPool?: HTMLAudioElement[];
  _canPlayEvent?: string;
}

/** howler keeps its HTML5 node private; we read it for MediaError details and buffering events. */
function mediaElementOf(howl: Howl): HTMLAudioElement | undefined {
  return (howl as unknown as HowlInternals)._sounds?.[0]?._node;
}

/** Makes an HTML5-mode Howl without the AudioContext howler would otherwise create for nothing. */
function createHowl(options: ConstructorParameters<typeof Howl>[0]): Howl {
  // howler makes an AudioContext on its first Howl and on every Howler.volume() call unless this is off.
  // A page that already made one (its own Web Audio Howls) keeps it.
  if (!Howler.ctx) Howler.usingWebAudio = false;
  const internals = Howler as unknown as HowlerInternals;
  // howler starts an HTML5 sound on 'canplaythrough', which a slow or failing connection may never
  // reach; a stream can start as soon as it has data to play ('canplay'), as <audio> itself does.
  internals._canPlayEvent = 'canplay';
  // howler warns "HTML5 Audio pool exhausted" into the page's console when its pool is empty.
  const pool = internals._html5AudioPool;
  if (Array.isArray(pool) && pool.length === 0) pool.push(new Audio());
  return new Howl(options);
}

/**
 * Plays one track through howler in HTML5 mode (it streams with range requests), trying its sources in
 * order: howler does not fall through to the next source when one fails, so this does.
 */
export class HowlerEngine implements MediaEngine {
  readonly #listener: EngineListener;
  readonly #options: EngineOptions;
  readonly #candidates: AudioSource[];
  readonly #failures: { code: FailureCode; text: string }[] = [];
  #index = 0;
  #howl: Howl | null = null;
  #node: HTMLAudioElement | undefined;
  #wantPlay = false;
  #pendingSeek = 0;
  #loaded = false;
  #recovering = false;
  #seekOnPlay: number | null = null;
  /** The media stalled while playing: its next 'playing' event is news. */
  #stalled = false;
  #disposed = false;

  constructor(sources: readonly AudioSource[], listener: EngineListener, options: EngineOptions) {
    this.#listener = listener;
    this.#options = { ...options };
    this.#candidates = sources.filter((source) => {
      if (canPlay(source)) return true;
      this.#failures.push({ code: 'decode', text: `${describe(source)}: this browser cannot play ${source.type ?? formatOf(source)}` });
      return false;
    });
    if (this.#candidates.length === 0) queueMicrotask(() => this.#giveUp());
    else if (options.preload === 'metadata') this.#open(false);
  }

  play(): void {
    if (this.#disposed || this.#candidates.length === 0 || this.#index >= this.#candidates.length) return;
    this.#wantPlay = true;
    if (this.#recovering) return;
    if (!this.#howl) {
      this.#open(true);
      return;
    }
    const node = this.#node;
    if (!this.#loaded && node && node.preload !== 'auto') node.preload = 'auto';
    if (!this.#loaded) this.#listener.waiting();
    this.#howl.play();
  }

  pause(): void {
    this.#wantPlay = false;
    this.#howl?.pause();
  }

  seek(fileSeconds: number): void {
    this.#pendingSeek = fileSeconds;
    const howl = this.#howl;
    if (!howl) return;
    // A seek made while howler loads or starts playing sticks in its queue: hold it until howler's 'play'.
    if (!this.#loaded || (howl as unknown as HowlInternals)._playLock) this.#seekOnPlay = fileSeconds;
    else howl.seek(fileSeconds);
  }

  position(): number {
    if (this.#seekOnPlay !== null) return this.#seekOnPlay;
    if (this.#howl && this.#loaded) {
      const position = this.#howl.seek();
      if (typeof position === 'number' && Number.isFinite(position)) return position;
    }
    return this.#pendingSeek;
  }

  setRate(rate: number): void {
    this.#options.rate = rate;
    this.#howl?.rate(rate);
  }

  setVolume(volume: number): void {
    this.#options.volume = volume;
    this.#howl?.volume(volume);
  }

  setMuted(muted: boolean): void {
    this.#options.muted = muted;
    this.#howl?.mute(muted);
  }

  unload(): void {
    this.#disposed = true;
    this.#close();
  }

  #open(play: boolean): void {
    const source = this.#candidates[this.#index]!;
    const howl = createHowl({
      src: [source.src],
      format: [formatOf(source)],
      html5: true,
      // With preload 'none' the Howl is only made on Play, and then it must load the file.
      preload: play ? true : 'metadata',
      rate: this.#options.rate,
      volume: this.#options.volume,
      mute: this.#options.muted,
    });
    this.#howl = howl;
    this.#loaded = false;
    const current = (handler: (...args: never[]) => void) =>
      ((...args: never[]) => {
        if (!this.#disposed && this.#howl === howl) handler(...args);
      }) as (...args: unknown[]) => void;
    howl.on('load', current(() => this.#onLoad(howl)));
    howl.on('loaderror', current((_id: number, code: unknown) => void this.#onLoadError(howl, code)));
    howl.on('playerror', current(() => this.#onPlayError(howl)));
    howl.on('play', current(() => {
      if (this.#seekOnPlay !== null) {
        howl.seek(this.#seekOnPlay);
        this.#seekOnPlay = null;
      }
      // A pause asked for while loading reaches howler after its queued play: that play is no news.
      if (this.#wantPlay) this.#listener.play();
    }));
    howl.on('pause', current(() => this.#listener.pause()));
    howl.on('end', current(() => {
      this.#wantPlay = false;
      this.#pendingSeek = 0;
      this.#listener.end();
    }));
    this.#node = mediaElementOf(howl);
    this.#node?.addEventListener('waiting', this.#onWaiting);
    this.#node?.addEventListener('playing', this.#onPlaying);
    if (play) {
      this.#listener.waiting();
      if (this.#pendingSeek > 0) howl.seek(this.#pendingSeek);
      howl.play();
    }
  }

  #close(): void {
    this.#node?.removeEventListener('waiting', this.#onWaiting);
    this.#node?.removeEventListener('playing', this.#onPlaying);
    this.#node = undefined;
    this.#howl?.off();
    this.#howl?.unload();
    this.#howl = null;
    this.#loaded = false;
  }

  readonly #onWaiting = () => {
    if (this.#disposed || !this.#wantPlay) return;
    this.#stalled = this.#loaded;
    this.#listener.waiting();
  };

  /** Playing again after a stall; the first start is reported by howler's own 'play'. */
  readonly #onPlaying = () => {
    if (this.#disposed || !this.#stalled || !this.#wantPlay) return;
    this.#stalled = false;
    this.#listener.play();
  };

  #onLoad(howl: Howl): void {
    this.#loaded = true;
    const node = mediaElementOf(howl);
    const duration = node && Number.isFinite(node.duration) ? node.duration : howl.duration();
    this.#listener.ready(duration);
  }

  async #onLoadError(howl: Howl, code: unknown): Promise<void> {
    const source = this.#candidates[this.#index]!;
    const position = this.position();
    const node = mediaElementOf(howl);
    const mediaCode = typeof code === 'number' ? code : (node?.error?.code ?? 0);
    this.#close();
    this.#recovering = true;
    // Only a failure needs this: it is loaded then.
    const { diagnose } = await import('./diagnose.js');
    const { code: failure, reason } = await diagnose(source.src, mediaCode);
    this.#recovering = false;
    if (this.#disposed) return;
    this.#failures.push({ code: failure, text: `${describe(source)}: ${reason}` });
    this.#index += 1;
    if (this.#index >= this.#candidates.length) {
      this.#giveUp();
      return;
    }
    // The next source takes over where the failed one was.
    this.#pendingSeek = position;
    if (this.#wantPlay) this.#open(true);
    else if (this.#options.preload === 'metadata') this.#open(false);
  }

  #onPlayError(howl: Howl): void {
    // A file that cannot load also refuses to play; its loaderror tells the real story.
    setTimeout(() => {
      if (this.#disposed || this.#howl !== howl || mediaElementOf(howl)?.error) return;
      this.#wantPlay = false;
      this.#listener.blocked();
    }, 50);
  }

  #giveUp(): void {
    if (this.#disposed) return;
    this.#close();
    const network = this.#failures.every((failure) => failure.code === 'network');
    const summary = network ? 'The audio could not be loaded' : 'The audio could not be played';
    const details = this.#failures.map((failure) => failure.text).join('; ');
    this.#listener.fail(network ? 'network' : 'decode', `${summary} (${details}).`);
  }
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

