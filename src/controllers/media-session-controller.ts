/**
 * The lock screen and media keys: the player that plays last owns the page's Media Session, shows its
 * track there and takes its actions, and keeps the position state current. Loaded with the first play.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Playback } from '../core/playback.js';
import { Status, type PlayerState } from '../core/state.js';
import { SKIP_BACK, SKIP_FORWARD } from '../core/time.js';

const ACTIONS: MediaSessionAction[] = ['play', 'pause', 'seekbackward', 'seekforward', 'seekto', 'previoustrack', 'nexttrack'];

/** The controller whose player owns the session now. */
let owner: MediaSessionController | null = null;

export class MediaSessionController implements ReactiveController {
  readonly #playback: Playback;
  #unsubscribe: (() => void) | undefined;

  constructor(host: ReactiveControllerHost, playback: Playback) {
    this.#playback = playback;
    host.addController(this);
  }

  hostConnected(): void {
    if (!('mediaSession' in navigator)) return;
    const store = this.#playback.store;
    this.#unsubscribe = store.subscribe((state, previous) => this.#update(state, previous));
    // Made on the first play (this module is loaded then): a player that plays takes the session at once.
    const state = store.getState();
    if (state.status === Status.playing) this.#take(state);
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    if (owner === this) this.#release();
  }

  #update(state: PlayerState, previous: PlayerState): void {
    const started = state.status === Status.playing && previous.status !== Status.playing;
    if (started && owner !== this) return this.#take(state);
    if (owner !== this) return;
    if (started || state.index !== previous.index || state.queue !== previous.queue) this.#describe(state);
    if (state.status !== previous.status) this.#setPlaybackState(state);
    // Position: on every change the session cannot work out by itself (not on ticks while playing).
    const jumped = Math.abs(state.currentTime - previous.currentTime) > 1.5;
    if (started || jumped || state.status !== previous.status || state.playbackRate !== previous.playbackRate || state.duration !== previous.duration) {
      this.#position(state);
    }
  }

  #take(state: PlayerState): void {
    if (owner) owner.#release();
    owner = this;
    const playback = this.#playback;
    const handlers: [MediaSessionAction, MediaSessionActionHandler][] = [
      ['play', () => void playback.play().catch(() => {})],
      ['pause', () => playback.pause()],
      ['seekbackward', (details) => playback.skip(-(details.seekOffset ?? SKIP_BACK))],
      ['seekforward', (details) => playback.skip(details.seekOffset ?? SKIP_FORWARD)],
      ['seekto', (details) => details.seekTime !== undefined && playback.seek(details.seekTime)],
    ];
    for (const [action, handler] of handlers) setHandler(action, handler);
    this.#describe(state);
    this.#setPlaybackState(state);
    this.#position(state);
  }

  #release(): void {
    owner = null;
    const session = navigator.mediaSession;
    session.metadata = null;
    session.playbackState = 'none';
    for (const action of ACTIONS) setHandler(action, null);
  }

  #describe(state: PlayerState): void {
    const track = state.queue[state.index];
    if (!track) return;
    navigator.mediaSession.metadata = new MediaMetadata({
      title: track.title,
      artist: track.program ?? '',
      album: state.list === 'own' ? (state.title ?? '') : '',
      artwork: track.image ? [{ src: track.image }] : [],
    });
    // Previous and Next only mean something with more than one track.
    const many = state.queue.length > 1;
    const playback = this.#playback;
    setHandler('previoustrack', many ? () => playback.previous() : null);
    setHandler('nexttrack', many ? () => playback.next() : null);
  }

  #setPlaybackState(state: PlayerState): void {
    navigator.mediaSession.playbackState =
      state.status === Status.playing || state.status === Status.loading ? 'playing' : state.status === Status.idle || state.status === Status.error ? 'none' : 'paused';
  }

  #position(state: PlayerState): void {
    if (!Number.isFinite(state.duration) || state.duration <= 0) return;
    try {
      navigator.mediaSession.setPositionState({
        duration: state.duration,
        playbackRate: state.playbackRate,
        position: Math.min(this.#playback.currentTime, state.duration),
      });
    } catch {
      // A position the browser refuses (past the end while a segment finishes): the next change sets it.
    }
  }
}

function setHandler(action: MediaSessionAction, handler: MediaSessionActionHandler | null): void {
  try {
    navigator.mediaSession.setActionHandler(action, handler);
  } catch {
    // An action this browser does not know.
  }
}
