/** Resume: a long track remembers where the listener stopped and offers to go on from there. Loaded with the first long track. */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Playback } from '../core/playback.js';
import { RESUME_MARGIN, SavedPositions } from '../core/saved-positions.js';
import { Status, type PlayerState } from '../core/state.js';
import { formatTime } from '../core/time.js';
import { isLongTrack, type Track } from '../core/track.js';
import { adoptStyles } from '../elements/adopt-styles.js';

const styles = css`
  .resume {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 8px;
    font-size: 0.929em;
  }
`;

/** Save at most this often while playing. */
const SAVE_EVERY = 5;

export class ResumeController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #playback: Playback;
  #positions: SavedPositions | undefined;
  #unsubscribe: (() => void) | undefined;
  #savedAt = 0;
  /** The farthest the current track has played in this visit. */
  #farthest = 0;
  /** The track the offer was made for. */
  #track: Track | undefined;
  /** The position offered to the listener for the current track, if any. */
  offer: number | null = null;

  constructor(host: ReactiveControllerHost, playback: Playback) {
    this.#host = host;
    adoptStyles(host, styles);
    this.#playback = playback;
    host.addController(this);
  }

  hostConnected(): void {
    const store = this.#playback.store;
    this.#unsubscribe = store.subscribe((state, previous) => this.#update(state, previous));
    window.addEventListener('pagehide', this.#save);
    const state = store.getState();
    this.#consider(state);
    // Paused before this code arrived (a slow network, a busy machine): that pause is remembered too.
    if (state.status === Status.paused) this.#save();
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

  /** A track arrived (or its length became known before it played): offer where the listener stopped in it. */
  #consider(state: PlayerState): void {
    const track = state.queue[state.index];
    this.#track = track;
    this.#savedAt = 0;
    this.#farthest = 0;
    const fresh = track !== undefined && state.currentTime === 0 && isLongTrack(track, state.duration);
    this.#setOffer(fresh ? this.#store().get(track, state.duration) : null);
  }

  #update(state: PlayerState, previous: PlayerState): void {
    const track = state.queue[state.index];
    if (!track) return;
    const lengthKnown = state.duration !== previous.duration && this.offer === null && state.status === Status.idle;
    if (track !== this.#track || lengthKnown) return this.#consider(state);
    if (state.status === Status.ended && previous.status !== Status.ended) return this.#store().forget(track);
    // Playing from anywhere but the offer declines it.
    if (this.offer !== null && state.status === Status.playing) this.#setOffer(null);
    if (!isLongTrack(track, state.duration)) return;
    if (state.status === Status.playing) this.#farthest = Math.max(this.#farthest, state.currentTime);
    const paused = state.status === Status.paused && previous.status !== Status.paused;
    if (paused || (state.status === Status.playing && Math.abs(state.currentTime - this.#savedAt) >= SAVE_EVERY)) this.#save();
  }

  readonly #save = () => {
    const { queue, index, status, duration } = this.#playback.state;
    const track = queue[index];
    if (!track || status === Status.ended || status === Status.idle || !isLongTrack(track, duration)) return;
    const at = this.#playback.currentTime;
    this.#savedAt = at;
    this.#farthest = Math.max(this.#farthest, at);
    // A stop in the first seconds: after Play pressed by mistake, the place kept before stays (SavedPositions
    // keeps no such place); after listening on and going back to the start, there is no place to offer.
    if (at < RESUME_MARGIN && this.#farthest >= RESUME_MARGIN) this.#store().forget(track);
    else this.#store().set(track, at);
  };

  readonly #resume = () => {
    const at = this.offer;
    if (at === null) return;
    this.#setOffer(null);
    this.#playback.seek(at);
    this.#playback.play().catch(() => {});
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
