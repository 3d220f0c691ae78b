/** The player's template, part by part: what the element shows for a state, and which handler each control calls. */
import { html, nothing, type TemplateResult } from 'lit';
import type { ControlName } from '../core/params.js';
import { ListName, Status, type PlayerError, type PlayerState } from '../core/state.js';
import { formatTime, SKIP_BACK, SKIP_FORWARD, speakTime } from '../core/time.js';
import type { Track } from '../core/track.js';
import {
  embedIcon,
  mutedIcon,
  nextIcon,
  pauseIcon,
  playIcon,
  playlistIcon,
  previousIcon,
  skipBackIcon,
  skipForwardIcon,
  transcriptIcon,
  volumeIcon,
} from './icons.js';

export type PanelName = 'playlist' | 'embed' | 'transcript';

export interface PanelContent {
  body: unknown;
  main: unknown;
  /** The body holds nothing to focus: it takes focus itself, so that the keyboard can scroll it. */
  bodyFocusable?: boolean;
}

export interface PlayerHandlers {
  keydown: (event: KeyboardEvent) => void;
  /** A pointer over the player, or focus in it: Play may come next. */
  intent: (event: Event) => void;
  toggle: () => void;
  /** A pointer goes down on Play: its click comes next. */
  press: (event: PointerEvent) => void;
  previous: () => void;
  next: () => void;
  skipBack: () => void;
  skipForward: () => void;
  speed: () => void;
  mute: () => void;
  retry: () => void;
  scrub: (event: Event) => void;
  scrubEnd: (event: Event) => void;
  panel: (name: PanelName) => void;
}

export interface PlayerView {
  state: PlayerState;
  paused: boolean;
  /**
   * A start or a seek has taken longer than a glance (see `isWaiting`): the spinner shows, and the status
   * says so. A quicker one shows Pause at once and nothing in between, as a bare <audio> does.
   */
  slow: boolean;
  /** The position shown: where the slider is being dragged, or where the player is. */
  time: number;
  /** The listener is dragging the slider. */
  scrubbing: boolean;
  controls: readonly ControlName[];
  panel: PanelName | null;
  /** The open panel covers the controls (the compact layout): what it covers is inert meanwhile. */
  covering: boolean;
  /** The open panel, drawn by panels.ts (loaded with the first panel opened). */
  panelView: unknown;
  /** What the polite live region says: news the listener did not just make on the focused control. */
  news: string;
  resume: unknown;
  download: (track: Track) => unknown;
  on: PlayerHandlers;
}

let dateFormat: Intl.DateTimeFormat | undefined;

export function renderPlayer(view: PlayerView): TemplateResult {
  const { state, on, paused } = view;
  const track = state.queue[state.index];
  const covered = view.covering && view.panel !== null;
  return html`
    <div
      part="player"
      class="player ${view.panel ? 'has-panel' : ''}"
      role="group"
      aria-label=${track ? `Audio player: ${track.title}` : 'Audio player'}
      @keydown=${on.keydown}
      @pointerover=${on.intent}
      @focusin=${on.intent}
    >
      <div class="stage">
        <div class="under" ?inert=${covered}>
          <div class="top">
            ${track?.image ? html`<img part="artwork" class="artwork" src=${track.image} alt=${track.imageAlt ?? ''} loading="lazy" decoding="async" />` : nothing}
            <div part="meta" class="meta">
              ${renderKicker(track, state.list === ListName.own ? state.title : undefined)}
              <p part="title" class="title">
                ${track?.link
                  ? html`<a href=${track.link} target="_blank" rel="noopener">${track.title}</a>`
                  : (track?.title ?? (state.loadingTracks ? 'Loading…' : 'No audio'))}
              </p>
            </div>
          </div>
          ${renderTimeline(view)} ${renderControls(view, covered)} ${view.resume}
        </div>
        <div class="status" role="status">${state.loadingTracks ? 'Loading…' : state.status === Status.loading && !paused && view.slow ? 'Loading audio…' : view.news}</div>
        <div part="alert" class="alert" role="alert">${renderProblem(state.error, on.retry)}</div>
        ${view.panel ? view.panelView : nothing}
      </div>
      ${track ? renderActions(view, track) : nothing}
    </div>
  `;
}

function renderTimeline({ state, time, on, scrubbing, slow }: PlayerView) {
  const { duration } = state;
  const known = Number.isFinite(duration);
  // While it plays by itself, the slider's words change once a minute, not four times a second: a screen
  // reader on the focused slider would say each change.
  const spoken = state.status === Status.playing && !state.seeking && !scrubbing ? Math.floor(time / 60) * 60 : time;
  const shown = known ? Math.min(time, duration) : 0;
  const playable = isPlayable(state);
  // The Seek slider's words name the chapter under way; the timeline marks where each begins.
  let chapter = '';
  for (const { start, title } of state.chapters) if (start <= shown) chapter = `, ${title}`;
  return html`<div class="timeline-row"><div class="seek">
    <input
      part="timeline"
      class="timeline"
      type="range"
      aria-label="Seek"
      min="0"
      max=${known ? duration : 0}
      step="any"
      .value=${String(shown)}
      aria-valuetext=${(known ? `${speakTime(spoken)} of ${speakTime(duration)}` : speakTime(spoken)) + chapter}
      ?disabled=${!playable}
      .style=${`--earshot-progress: ${known && duration > 0 ? (shown / duration) * 100 : 0}%`}
      @input=${on.scrub}
      @change=${on.scrubEnd}
    /></div>
    <span part="time" class="time">${state.status === Status.loading && !known && slow ? 'Loading…' : `${formatTime(time)} / ${formatTime(duration)}`}</span>
  </div>`;
}

/** The controls; Play/Pause is in the panel's own row while a panel covers them (`covered`). */
function renderControls(view: PlayerView, covered: boolean) {
  const { state, on } = view;
  const playable = isPlayable(state);
  // Previous and Next move by chapter too, where the track has them.
  const many = state.queue.length > 1 || state.chapters.length > 1;
  const last = state.index >= state.queue.length - 1 && !state.chapters.some(({ start }) => start > view.time + 0.5);
  // (A button's content is not read where the button has a name: the digits and the rate are for the eye.)
  return html`<div part="controls" class="controls">
    ${many ? button('Previous track', previousIcon, on.previous, 'previous', !playable) : nothing}
    ${button(`Skip back ${SKIP_BACK} seconds`, html`${skipBackIcon}<span class="skip-by">${SKIP_BACK}</span>`, on.skipBack, 'skip-back', !playable)}
    ${covered ? nothing : playButton(view)}
    ${button(`Skip forward ${SKIP_FORWARD} seconds`, html`${skipForwardIcon}<span class="skip-by">${SKIP_FORWARD}</span>`, on.skipForward, 'skip-forward', !playable)}
    ${many ? button('Next track', nextIcon, on.next, 'next', !playable || last) : nothing}
    <span class="spacer"></span>
    <span class="settings"
      >${button(`Playback speed ${state.playbackRate}×`, `${state.playbackRate}×`, on.speed, 'speed')}
      ${button(state.muted ? 'Unmute' : 'Mute', state.muted ? mutedIcon : volumeIcon, on.mute, 'mute')}</span
    >
  </div>`;
}

/** Starting, stalled, or on its way to where the listener seeked. */
export const isWaiting = (state: PlayerState, paused: boolean): boolean => (state.status === Status.loading || (state.seeking && state.status === Status.playing)) && !paused;

/** Play/Pause: in the controls, and in an open panel's own row. */
export function playButton({ state, paused, slow, on }: Pick<PlayerView, 'state' | 'paused' | 'slow' | 'on'>) {
  // Waiting for longer than a glance: the spinner, not a frozen clock.
  const starting = slow && isWaiting(state, paused);
  return html`<button
    part="button play-button"
    class="play ${starting ? 'is-loading' : ''}"
    type="button"
    aria-label=${paused ? 'Play' : 'Pause'}
    ?disabled=${!isPlayable(state)}
    @pointerdown=${on.press}
    @click=${on.toggle}
  >
    ${paused ? playIcon : starting ? html`<span class="spinner" aria-hidden="true"></span>` : pauseIcon}
  </button>`;
}

function renderActions(view: PlayerView, track: Track) {
  const { controls, panel, on } = view;
  if (controls.length === 0 && !track.transcript && panel !== 'transcript') return nothing;
  // The transcript is the text alternative of the audio: it is offered wherever the track has one (and its
  // button stays while its panel is open, whatever track comes next: it is how the panel closes).
  const toggle = (name: PanelName, label: string, icon: unknown) =>
    (controls as readonly string[]).includes(name) || (name === 'transcript' && (track.transcript || panel === name))
      ? html`<button
          part="button ${name}-button"
          type="button"
          class="action"
          aria-expanded=${panel === name ? 'true' : 'false'}
          aria-controls="${name}-panel"
          @click=${() => on.panel(name)}
        >
          ${icon}<span>${label}</span>
        </button>`
      : nothing;
  return html`<div part="actions" class="actions">
    ${toggle('playlist', 'Playlist', playlistIcon)} ${controls.includes('download') ? view.download(track) : nothing} ${toggle('embed', 'Embed', embedIcon)} ${toggle('transcript', 'Transcript', transcriptIcon)}
  </div>`;
}

function renderKicker(track: Track | undefined, title: string | undefined) {
  const parts = [track?.program ?? title, track?.date ? formatDate(track.date) : undefined].filter(Boolean);
  return parts.length > 0 ? html`<p class="kicker">${parts.join(' · ')}</p>` : nothing;
}

function renderProblem(error: PlayerError | null, retry: () => void) {
  if (!error) return nothing;
  const canRetry = error.fatal && (error.code === 'network' || error.code === 'decode' || error.code === 'manifest');
  return html`<p class="alert-text">${error.message}</p>
    ${canRetry ? html`<button part="button retry-button" type="button" class="retry" @click=${retry}>Retry</button>` : nothing}`;
}

function button(label: string, icon: unknown, onClick: () => void, name: string, disabled = false) {
  return html`<button part="button ${name}-button" class=${name} type="button" aria-label=${label} ?disabled=${disabled} @click=${onClick}>${icon}</button>`;
}

function isPlayable(state: PlayerState): boolean {
  return state.queue[state.index] !== undefined && state.status !== Status.error;
}

function formatDate(date: string): string {
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date);
  // Made on first use: a player without a date never pays for it.
  dateFormat ??= new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });
  return Number.isNaN(time) ? date : dateFormat.format(time);
}
