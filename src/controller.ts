/** Connects one host element to one Playback: state changes re-render it, media events become DOM events. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadManifest, readManifest, readTrack, type ManifestProblem } from './core/manifest.js';
import { Playback, type PlaybackEventMap, type PlaybackEventName } from './core/playback.js';
import { ErrorCode } from './core/state.js';
import type { Track } from './core/track.js';
import { safeUrl } from './core/url.js';

/** Where the tracks come from, in the order the element prefers them. */
export type TrackSource =
  | { kind: 'manifest'; url: string }
  | { kind: 'inline'; fields: Record<string, unknown> }
  | { kind: 'tracks'; data: unknown }
  | { kind: 'none' };

export type EarshotEventMap = { [K in PlaybackEventName as `earshot-${K}`]: CustomEvent<PlaybackEventMap[K]> };

export class PlayerController implements ReactiveController {
  readonly playback: Playback;
  readonly #host: ReactiveControllerHost & HTMLElement;
  #unsubscribe: (() => void) | undefined;
  #loading: AbortController | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    this.playback = new Playback({
      emit: (type, detail) => {
        host.dispatchEvent(new CustomEvent(`earshot-${type}`, { detail, bubbles: true, composed: true }));
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
    this.playback.dispose();
  }

  /**
   * Loads tracks from `source`. Resolves true once the tracks are in, false when they failed or a
   * newer load overtook this one.
   */
  async load(source: TrackSource, base: string, options: { index?: number } = {}): Promise<boolean> {
    this.#loading?.abort();
    this.#loading = undefined;
    switch (source.kind) {
      case 'none':
        this.playback.setTracks([]);
        return false;
      case 'inline': {
        const { track, problems } = readTrack(source.fields, base);
        // A one-track player that cannot play says so once, below, rather than as a manifest problem.
        this.#report(problems.filter((p) => p.code === 'invalid-url'));
        if (track) this.playback.setTracks([track], options);
        else if (problems.some((p) => p.code === 'invalid-url')) {
          this.#fail('This audio cannot be played: its address was refused (only http, https and relative addresses are allowed).', ErrorCode.invalidUrl);
        } else this.#fail('This player has no audio to play: its address is missing.');
        return track !== null;
      }
      case 'tracks': {
        const result = readManifest(source.data, base);
        this.#report(result.problems);
        if (result.ok) this.playback.setTracks(result.tracks, { ...options, title: result.title });
        else this.#fail(result.message);
        return result.ok;
      }
      case 'manifest': {
        const url = safeUrl(source.url, base);
        if (url === null) {
          this.#report([{ code: 'invalid-url', message: 'The manifest address was refused (only http, https and relative addresses are allowed).' }]);
          this.#fail('There is no manifest to load: its address was refused.');
          return false;
        }
        const abort = new AbortController();
        this.#loading = abort;
        this.playback.setTracks([]);
        this.playback.store.update({ status: 'loading' });
        let result;
        try {
          result = await loadManifest(url, abort.signal);
        } catch {
          return false; // overtaken by a newer load
        }
        if (abort.signal.aborted) return false;
        this.#loading = undefined;
        this.#report(result.problems);
        if (result.ok) this.playback.setTracks(result.tracks, { ...options, title: result.title });
        else this.#fail(result.message);
        return result.ok;
      }
    }
  }

  /** The tracks as given, for the `tracks` property: the source of truth stays the validated list. */
  get tracks(): readonly Track[] {
    return this.playback.state.tracks;
  }

  #report(problems: ManifestProblem[]): void {
    for (const problem of problems) {
      this.playback.fail({ code: problem.code, message: problem.message, fatal: false, ...(problem.index !== undefined ? { index: problem.index } : {}) });
    }
  }

  #fail(message: string, code: ErrorCode = ErrorCode.manifest): void {
    this.playback.fail({ code, message, fatal: true });
  }
}
