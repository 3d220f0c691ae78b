/** Resume: a long track remembers where the listener stopped and offers to go on from there. */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { PlayerController } from './controller.js';
import { SavedPositions } from './core/resume.js';
import { Status, type PlayerState } from './core/state.js';
import { formatTime } from './core/time.js';
import { isLongTrack } from './core/track.js';

/** Save at most this often while playing. */
const SAVE_EVERY = 5;

export class ResumeLink implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #controller: PlayerController;
  #positions: SavedPositions | undefined;
  #unsubscribe: (() => void) | undefined;
  #savedAt = 0;
  /** The position offered to the listener for the current track, if any. */
  offer: number | null = null;

  constructor(host: ReactiveControllerHost, controller: PlayerController) {
    this.#host = host;
    this.#controller = controller;
    host.addController(this);
  }

  hostConnected(): void {
    const store = this.#controller.playback.store;
    this.#unsubscribe = store.subscribe((state, previous) => this.#update(state, previous));
    window.addEventListener('pagehide', this.#save);
    // Made after the track loaded (this module is loaded on demand): look at it as if it just arrived.
    this.#update(store.state, { ...store.state, index: -1 });
  }

  hostDisconnected(): void {
    this.#save();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    window.removeEventListener('pagehide', this.#save);
  }

  render() {
    if (this.offer === null) return nothing;
    const at = formatTime(this.offer);
    return html`<p class="resume">
      <span>You stopped at ${at}.</span>
      <button part="button resume-button" type="button" class="action" @click=${this.#resume}>Resume at ${at}</button>
    </p>`;
  }

  #update(state: PlayerState, previous: PlayerState): void {
    const track = state.tracks[state.index];
    if (!track) return;
    if (state.index !== previous.index || state.tracks !== previous.tracks || (state.duration !== previous.duration && this.offer === null && state.status === Status.idle && state.currentTime === 0)) {
      this.#savedAt = 0;
      this.#setOffer(isLongTrack(track, state.duration) && state.currentTime === 0 ? this.#store().get(track, state.duration) : null);
      return;
    }
    if (state.status === Status.ended && previous.status !== Status.ended) {
      this.#store().forget(track);
      return;
    }
    // Playing from anywhere but the offer declines it.
    if (this.offer !== null && state.status === Status.playing) this.#setOffer(null);
    if (!isLongTrack(track, state.duration)) return;
    const paused = state.status === Status.paused && previous.status !== Status.paused;
    if (paused || (state.status === Status.playing && Math.abs(state.currentTime - this.#savedAt) >= SAVE_EVERY)) this.#save();
  }

  readonly #save = () => {
    const { tracks, index, status, duration } = this.#controller.playback.state;
    const track = tracks[index];
    if (!track || status === Status.ended || status === Status.idle || !isLongTrack(track, duration)) return;
    const at = this.#controller.playback.currentTime;
    this.#savedAt = at;
    this.#store().set(track, at);
  };

  readonly #resume = () => {
    const at = this.offer;
    if (at === null) return;
    this.#setOffer(null);
    this.#controller.playback.seek(at);
    this.#controller.playback.play().catch(() => {});
  };

  #store(): SavedPositions {
    this.#positions ??= new SavedPositions();
    return this.#positions;
  }

  #setOffer(offer: number | null): void {
    if (offer === this.offer) return;
    this.offer = offer;
    this.#host.requestUpdate();
  }
}
