/**
 * The lock screen and media keys: the player that plays last owns the page's Media Session, shows its
 * track there and takes its actions, and keeps the position state current.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PlayerController } from './controller.js';
import { Status, type PlayerState } from './core/state.js';

const SKIP_BACK = 15;
const SKIP_FORWARD = 30;

/** The controller whose player owns the session now. */
let owner: MediaSessionLink | null = null;

export class MediaSessionLink implements ReactiveController {
  readonly #controller: PlayerController;
  #unsubscribe: (() => void) | undefined;

  constructor(host: ReactiveControllerHost, controller: PlayerController) {
    this.#controller = controller;
    host.addController(this);
  }

  hostConnected(): void {
    if (!('mediaSession' in navigator)) return;
    const store = this.#controller.playback.store;
    this.#unsubscribe = store.subscribe((state, previous) => this.#update(state, previous));
    // Made on the first play (this module is loaded on demand): take the session at once.
    this.#update(store.state, { ...store.state, status: Status.idle });
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    if (owner === this) this.#release();
  }

  #update(state: PlayerState, previous: PlayerState): void {
    const started = state.status === Status.playing && previous.status !== Status.playing;
    if (started && owner !== this) this.#claim();
    if (owner !== this) return;
    const session = navigator.mediaSession;
    if (started || state.index !== previous.index || state.tracks !== previous.tracks) this.#describe(state);
    if (state.status !== previous.status) {
      session.playbackState = state.status === Status.playing ? 'playing' : state.status === Status.idle || state.status === Status.error ? 'none' : 'paused';
    }
    // Position: on every change the session cannot work out by itself (not on ticks while playing).
    const jumped = Math.abs(state.currentTime - previous.currentTime) > 1.5;
    if (started || jumped || state.status !== previous.status || state.playbackRate !== previous.playbackRate || state.duration !== previous.duration) {
      this.#position(state);
    }
  }

  #claim(): void {
    if (owner) owner.#release();
    owner = this;
    const playback = this.#controller.playback;
    const actions: [MediaSessionAction, MediaSessionActionHandler][] = [
      ['play', () => void playback.play().catch(() => {})],
      ['pause', () => playback.pause()],
      ['seekbackward', (details) => playback.skip(-(details.seekOffset ?? SKIP_BACK))],
      ['seekforward', (details) => playback.skip(details.seekOffset ?? SKIP_FORWARD)],
      ['seekto', (details) => details.seekTime !== undefined && playback.seek(details.seekTime)],
      ['previoustrack', () => playback.previous()],
      ['nexttrack', () => playback.next()],
    ];
    for (const [action, handler] of actions) {
      try {
        navigator.mediaSession.setActionHandler(action, handler);
      } catch {
        // An action this browser does not know.
      }
    }
  }

  #release(): void {
    owner = null;
    const session = navigator.mediaSession;
    session.metadata = null;
    session.playbackState = 'none';
    for (const action of ['play', 'pause', 'seekbackward', 'seekforward', 'seekto', 'previoustrack', 'nexttrack'] as MediaSessionAction[]) {
      try {
        session.setActionHandler(action, null);
      } catch {
        // An action this browser does not know.
      }
    }
  }

  #describe(state: PlayerState): void {
    const track = state.tracks[state.index];
    if (!track) return;
    navigator.mediaSession.metadata = new MediaMetadata({
      title: track.title,
      artist: track.program ?? '',
      album: state.title ?? '',
      artwork: track.image ? [{ src: track.image }] : [],
    });
    // Previous and Next only mean something with more than one track.
    const many = state.tracks.length > 1;
    const playback = this.#controller.playback;
    navigator.mediaSession.setActionHandler('previoustrack', many ? () => playback.previous() : null);
    navigator.mediaSession.setActionHandler('nexttrack', many ? () => playback.next() : null);
  }

  #position(state: PlayerState): void {
    if (!Number.isFinite(state.duration) || state.duration <= 0) return;
    try {
      navigator.mediaSession.setPositionState({
        duration: state.duration,
        playbackRate: state.playbackRate,
        position: Math.min(this.#controller.playback.currentTime, state.duration),
      });
    } catch {
      // A position the browser refuses (past the end while a segment finishes): the next change sets it.
    }
  }
}
