/** Connects one host element to one Playback: state changes re-render it, media events become DOM events. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadManifest, readManifest, readTrack, type ManifestProblem, type ManifestResult } from './core/manifest.js';
import { Playback } from './core/playback.js';
import { ErrorCode } from './core/state.js';
import type { TimeRange } from './core/time.js';
import { clipTrack, type Track } from './core/track.js';
import { SoloPlayback } from './core/solo.js';
import { safeUrl } from './core/url.js';
import { fire, type EarshotEventDetails } from './events.js';

/** Where the tracks come from, in the order the element prefers them. */
export type TrackSource =
  | { kind: 'manifest'; url: string }
  | { kind: 'inline'; fields: Record<string, unknown> }
  | { kind: 'tracks'; data: unknown }
  | { kind: 'none' };

export interface LoadOptions {
  /** The track to select first. */
  index?: number;
  /** Play only this part of that track (counted from its own start). */
  range?: TimeRange;
}

/** Which list is playing: the player's own tracks, or the listener's saved playlist. */
export type Queue = 'own' | 'saved';

export class PlayerController implements ReactiveController {
  readonly playback: Playback;
  readonly #host: ReactiveControllerHost & HTMLElement & { independent?: boolean };
  readonly #solo = new SoloPlayback(() => this.playback.pause());
  #unsubscribe: (() => void) | undefined;
  #loading: AbortController | undefined;
  #own: readonly Track[] = [];
  #title: string | undefined;
  queue: Queue = 'own';

  constructor(host: ReactiveControllerHost & HTMLElement & { independent?: boolean }) {
    this.#host = host;
    this.playback = new Playback({
      emit: (type, detail) => {
        if (type === 'play' && !host.independent) this.#solo.started();
        else if (type === 'pause' || type === 'ended' || (type === 'error' && (detail as { fatal?: boolean }).fatal)) this.#solo.stopped();
        fire(host, type, detail as EarshotEventDetails[typeof type]);
      },
    });
    host.addController(this);
  }

  hostConnected(): void {
    this.#unsubscribe = this.playback.store.subscribe(() => this.#host.requestUpdate());
    this.playback.restore();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#solo.stopped();
    this.playback.dispose();
  }

  /** The player's own tracks (not the saved playlist it may be playing through). */
  get tracks(): readonly Track[] {
    return this.#own;
  }

  /** The manifest's title, if it had one. */
  get title(): string | undefined {
    return this.#title;
  }

  /** Plays track `index` of the player's own tracks or of the saved playlist `saved`. */
  playFrom(queue: Queue, index: number, saved: readonly Track[] = []): void {
    const list = queue === 'own' ? this.#own : saved;
    if (!list[index]) return;
    if (queue !== this.queue || queue === 'saved') {
      this.queue = queue;
      this.playback.setTracks(list, { title: queue === 'own' ? this.#title : undefined, index });
      fire(this.#host, 'trackchange', { index, track: list[index]! });
    } else this.playback.select(index);
    this.playback.play().catch(() => {});
  }

  /**
   * Loads tracks from `source`. Resolves true once the tracks are in, false when they failed or a
   * newer load overtook this one.
   */
  async load(source: TrackSource, base: string, options: LoadOptions = {}): Promise<boolean> {
    this.#loading?.abort();
    this.#loading = undefined;
    switch (source.kind) {
      case 'none':
        this.#use([], undefined, options);
        return false;
      case 'inline': {
        const { track, problems } = readTrack(source.fields, base);
        // A one-track player that cannot play says so once, below, rather than as a manifest problem.
        this.#report(problems.filter((p) => p.code === 'invalid-url'));
        if (track) return this.#use([track], undefined, options);
        if (problems.some((p) => p.code === 'invalid-url')) {
          this.#fail('This audio cannot be played: its address was refused (only http, https and relative addresses are allowed).', ErrorCode.invalidUrl);
        } else this.#fail('This player has no audio to play: its address is missing.');
        return false;
      }
      case 'tracks':
        return this.#take(readManifest(source.data, base), options);
      case 'manifest': {
        const url = safeUrl(source.url, base);
        if (url === null) {
          this.#report([{ code: 'invalid-url', message: 'The manifest address was refused (only http, https and relative addresses are allowed).' }]);
          this.#fail('There is no manifest to load: its address was refused.');
          return false;
        }
        const abort = new AbortController();
        this.#loading = abort;
        this.#use([], undefined, {});
        this.playback.store.update({ status: 'loading' });
        let result: ManifestResult;
        try {
          result = await loadManifest(url, abort.signal);
        } catch {
          return false; // overtaken by a newer load
        }
        if (abort.signal.aborted) return false;
        this.#loading = undefined;
        return this.#take(result, options);
      }
    }
  }

  #take(result: ManifestResult, options: LoadOptions): boolean {
    this.#report(result.problems);
    if (result.ok) return this.#use(result.tracks, result.title, options);
    this.#fail(result.message);
    return false;
  }

  #use(tracks: Track[], title: string | undefined, { index = 0, range }: LoadOptions): boolean {
    const selected = index < tracks.length ? index : 0;
    if (range && tracks[selected]) {
      const clipped = clipTrack(tracks[selected]!, range);
      if (clipped) tracks[selected] = clipped;
      else this.#report([{ code: 'manifest', message: 'The part of the track to play is outside the track; the whole track plays.' }]);
    }
    this.#own = Object.freeze(tracks);
    this.#title = title;
    this.queue = 'own';
    this.playback.setTracks(tracks, { title, index: selected });
    return tracks.length > 0;
  }

  #report(problems: ManifestProblem[]): void {
    for (const problem of problems) {
      this.playback.fail({ code: problem.code, message: problem.message, fatal: false, ...(problem.index !== undefined ? { index: problem.index } : {}) });
    }
  }

  #fail(message: string, code: ErrorCode = ErrorCode.manifest): void {
    this.#use([], undefined, {});
    this.playback.fail({ code, message, fatal: true });
  }
}
