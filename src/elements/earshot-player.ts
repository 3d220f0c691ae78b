import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { PlayerController, type TrackSource } from '../controller.js';
import { preloadEngine } from '../core/engine.js';
import type { EarshotEventMap } from '../events.js';
import { buildEmbedUrl, CONTROL_NAMES, shareConfig, THEMES, type ControlName, type EmbedOptions } from '../core/params.js';
import { fileTitle, isLongTrack, type Track } from '../core/track.js';
import { buildEmbedSnippet } from '../core/snippet.js';
import { Status, type PlayerError } from '../core/state.js';
import { formatTime, parseTimeRange, speakTime, type TimeRange } from '../core/time.js';
import { documentBase, safeUrl } from '../core/url.js';
import type { ResumeLink } from '../resume.js';
import { DownloadControl } from './download-control.js';
import { styles } from './earshot-player.styles.js';
import type { EmbedCode, EmbedPanel } from './embed-panel.js';
import type { PlaylistPanel } from './playlist-panel.js';
import {
  embedIcon,
  mutedIcon,
  nextIcon,
  pauseIcon,
  playIcon,
  playlistIcon,
  previousIcon,
  retryIcon,
  skipBackIcon,
  skipForwardIcon,
  volumeIcon,
} from './icons.js';

/** The rates the speed button steps through, in order. */
export const PLAYBACK_RATES = [1, 1.25, 1.5, 1.75, 2, 0.75] as const;
export const SKIP_BACK = 15;
export const SKIP_FORWARD = 30;
export const ARROW_SEEK = 5;

/** Attributes that describe the one track of an inline player, and the track fields they fill. */
const INLINE_FIELDS = {
  src: 'src',
  trackTitle: 'title',
  program: 'program',
  date: 'date',
  image: 'image',
  download: 'download',
  trackDuration: 'duration',
  start: 'start',
  end: 'end',
  link: 'link',
} as const;
type InlineProperty = keyof typeof INLINE_FIELDS;

let dateFormat: Intl.DateTimeFormat | undefined;

/**
 * An audio player for a story: one track, a segment of one, or a short list, with the listener's
 * controls, the keyboard, and errors said in words.
 *
 * @summary Embeddable, accessible audio player for publishers.
 *
 * @fires earshot-ready - `{index, track, duration}`: the track can be played.
 * @fires earshot-play - `{index, currentTime}`: playback started.
 * @fires earshot-pause - `{index, currentTime}`: playback paused.
 * @fires earshot-ended - `{index}`: the track or segment played to its end.
 * @fires earshot-timeupdate - `{currentTime, duration}`: at most 4 a second while playing.
 * @fires earshot-seeked - `{currentTime}`: the position was moved.
 * @fires earshot-trackchange - `{index, track}`: another track was selected.
 * @fires earshot-ratechange - `{playbackRate}`
 * @fires earshot-volumechange - `{volume, muted}`
 * @fires earshot-download - `{index, url, filename}`: the listener downloaded the track.
 * @fires earshot-embed - `{index, url, snippet}`: the Embed panel opened, or its options changed.
 * @fires earshot-playlist-change - `{items}`: the listener's saved playlist changed.
 * @fires earshot-error - `{code, message, fatal, index?}`
 *
 * @csspart player - The whole player box.
 * @csspart artwork - The track's image.
 * @csspart meta - Program, date and title.
 * @csspart title - The track's title.
 * @csspart controls - The row of playback buttons.
 * @csspart button - Every button.
 * @csspart play-button - Play / Pause.
 * @csspart timeline - The Seek slider.
 * @csspart time - Elapsed and total time.
 * @csspart alert - The message shown when something went wrong.
 * @csspart actions - The row with Playlist, Download and Embed.
 * @csspart download - The Download link.
 * @csspart panel - The open Playlist or Embed panel.
 * @csspart embed-code - The Embed code textbox.
 *
 * @cssproperty [--earshot-accent=#0b5cad] - Main accent color (play button, timeline).
 * @cssproperty [--earshot-play-color=var(--earshot-accent)] - Play button background.
 * @cssproperty [--earshot-background=#fff] - Player background (light theme).
 * @cssproperty [--earshot-color=#1a1a1a] - Text color (light theme).
 * @cssproperty [--earshot-muted-color=#5c5c5c] - Secondary text color.
 * @cssproperty [--earshot-border-color=#d0d5dc] - Border and track color.
 * @cssproperty [--earshot-radius=12px] - Corner radius of the player.
 * @cssproperty [--earshot-font=system-ui, sans-serif] - Font family.
 */
export class EarshotPlayer extends LitElement {
  static override styles = styles;

  static override properties = {
    manifest: { type: String },
    src: { type: String },
    trackTitle: { type: String, attribute: 'track-title' },
    program: { type: String },
    date: { type: String },
    image: { type: String },
    download: { type: String },
    trackDuration: { type: String, attribute: 'duration' },
    start: { type: String },
    end: { type: String },
    link: { type: String },
    embedBase: { type: String, attribute: 'embed-base' },
    controls: { type: String },
    preload: { type: String },
    autoplay: { type: Boolean },
    theme: { type: String, reflect: true },
    initialTrack: { type: Number, attribute: 'track' },
    timeRange: { type: String, attribute: 't' },
    _scrub: { state: true },
    layout: { type: String, reflect: true },
    independent: { type: Boolean, reflect: true },
    _panel: { state: true },
  };

  /** URL of a manifest; wins over `src`. */
  declare manifest: string | undefined;
  /** Audio URL of a one-track player. */
  declare src: string | undefined;
  /** Title of a one-track player (attribute `track-title`). */
  declare trackTitle: string | undefined;
  /** Program or show name of a one-track player. */
  declare program: string | undefined;
  /** Air date (ISO 8601) of a one-track player. */
  declare date: string | undefined;
  /** Artwork URL of a one-track player. */
  declare image: string | undefined;
  /** File offered by Download, or `false` to hide Download. */
  declare download: string | undefined;
  /** Length of the whole file in seconds, known in advance (attribute `duration`). */
  declare trackDuration: string | undefined;
  /** Where the segment starts in the file, in seconds. */
  declare start: string | undefined;
  /** Where the segment ends in the file, in seconds. */
  declare end: string | undefined;
  /** The story's page. */
  declare link: string | undefined;
  /** Absolute URL of the hosted embed page. */
  declare embedBase: string | undefined;
  /** Space-separated subset of `playlist download embed`. */
  declare controls: string | undefined;
  /** `none` (default): nothing is fetched before Play; `metadata`: fetch the file's header early. */
  declare preload: 'none' | 'metadata' | undefined;
  /** Try to start at once; where the browser refuses, wait for Play. */
  declare autoplay: boolean;
  /** `light`, `dark` or `auto` (default). */
  declare theme: 'light' | 'dark' | 'auto' | undefined;
  /** Index of the track to select first (attribute `track`). */
  declare initialTrack: number | undefined;
  /** `START` or `START,END`: play only that part of the first track (attribute `t`, as in embed URLs). */
  declare timeRange: string | undefined;
  /** `compact` (default): panels open over the controls; `expanded`: panels open inline, and the player grows. */
  declare layout: 'compact' | 'expanded' | undefined;
  /** Play alongside other players: by default, starting one Earshot player pauses the others of this origin. */
  declare independent: boolean;
  declare private _scrub: number | null;
  declare private _panel: 'playlist' | 'embed' | null;

  /** The embed page's URL when `embed-base` is not set: set by the module that registers the element. */
  static defaultEmbedBase: string | undefined;

  readonly #controller = new PlayerController(this);
  readonly #download = new DownloadControl(this, this.#controller.playback);
  #resume: ResumeLink | undefined;
  #platformLoads = { mediaSession: false, resume: false };
  #panels: { playlist: PlaylistPanel; embed: EmbedPanel } | undefined;
  #range: TimeRange | undefined;
  #tracksInput: unknown = undefined;
  #autoplayed = false;
  #warmed = false;

  constructor() {
    super();
    this.autoplay = false;
    this.independent = false;
    this._scrub = null;
    this._panel = null;
  }

  // ——— Public state, read from the core ———

  /** The validated tracks. Setting it replaces them (attributes and `manifest` win when present). */
  get tracks(): readonly Track[] {
    return this.#controller.tracks;
  }
  set tracks(value: unknown) {
    this.#tracksInput = value;
    if (!this.manifest && !this.src) void this.#load();
  }

  /** The track playing or ready to play: one of `tracks`, or of the listener's saved playlist. */
  get currentTrack(): Track | undefined {
    const { tracks, index } = this.#playback.state;
    return tracks[index];
  }

  /** Index of the current track; setting it selects that track. */
  get currentIndex(): number {
    return this.#playback.state.index;
  }
  set currentIndex(index: number) {
    this.#playback.select(Number(index), { silent: true });
  }

  /** Seconds into the current track (or segment); setting it seeks. */
  get currentTime(): number {
    return this.#playback.currentTime;
  }
  set currentTime(seconds: number) {
    this.#playback.seek(Number(seconds), { silent: true });
  }

  /** Length of the current track (or segment) in seconds; NaN until known. */
  get duration(): number {
    return this.#playback.state.duration;
  }

  /** True unless playing or about to play (a manifest still loading is not playing). */
  get paused(): boolean {
    const { status, tracks } = this.#playback.state;
    return status !== Status.playing && !(status === Status.loading && tracks.length > 0);
  }

  /** `idle`, `loading`, `playing`, `paused`, `ended` or `error`. */
  get status(): Status {
    return this.#playback.state.status;
  }

  /** Playback speed, 0.25 to 4. */
  get playbackRate(): number {
    return this.#playback.state.playbackRate;
  }
  set playbackRate(rate: number) {
    this.#playback.setRate(Number(rate), { silent: true });
  }

  /** Volume, 0 to 1. */
  get volume(): number {
    return this.#playback.state.volume;
  }
  set volume(volume: number) {
    this.#playback.setVolume(Number(volume), { silent: true });
  }

  /** Whether the sound is muted. */
  get muted(): boolean {
    return this.#playback.state.muted;
  }
  set muted(muted: boolean) {
    this.#playback.setMuted(Boolean(muted), { silent: true });
  }

  /** What went wrong, in words, or null. */
  get error(): { code: PlayerError['code']; message: string } | null {
    const error = this.#playback.state.error;
    return error ? { code: error.code, message: error.message } : null;
  }

  // ——— Methods ———

  /** Starts playing; resolves when the sound starts, rejects when it cannot. */
  play(): Promise<void> {
    return this.#playback.play();
  }
  pause(): void {
    this.#playback.pause();
  }
  toggle(): void {
    this.#playback.toggle();
  }
  seek(seconds: number): void {
    this.#playback.seek(Number(seconds));
  }
  skip(deltaSeconds: number): void {
    this.#playback.skip(Number(deltaSeconds));
  }
  next(): void {
    this.#playback.next();
  }
  previous(): void {
    this.#playback.previous();
  }
  select(index: number): void {
    this.#playback.select(Number(index), { play: !this.paused });
  }

  /** The absolute URL of the embed page that plays what this player plays (the current track by default). */
  embedUrl(options: EmbedOptions = {}): string {
    return this.#embedCode(options).url;
  }

  /** The `<iframe>` snippet for embedUrl(options), every attribute escaped. */
  embedSnippet(options: EmbedOptions = {}): string {
    return this.#embedCode(options).snippet;
  }

  #embedCode(options: EmbedOptions): EmbedCode {
    const state = this.#playback.state;
    const index = options.track !== undefined && state.tracks[options.track] ? options.track : state.index;
    const track = state.tracks[index];
    const base = safeUrl(this.embedBase ?? EarshotPlayer.defaultEmbedBase ?? 'embed.html', documentBase()) ?? new URL('embed.html', documentBase()).href;
    if (!track) return { index, url: base, snippet: buildEmbedSnippet(base, 'Audio') };
    const fromManifest = this.manifest && this.#controller.queue === 'own' ? safeUrl(this.manifest, documentBase()) : null;
    const config = shareConfig(track, {
      ...options,
      index,
      ...(fromManifest ? { manifest: fromManifest } : {}),
      ...(this.#range && index === (this.initialTrack ?? 0) ? { offset: this.#range } : {}),
    });
    if (this.theme && (THEMES as readonly string[]).includes(this.theme)) config.theme = this.theme;
    if (this.controls !== undefined) config.controls = this.#controls();
    if (this.independent) config.independent = true;
    const url = buildEmbedUrl(base, config);
    return { index, url, snippet: buildEmbedSnippet(url, track.title) };
  }

  #controls(): ControlName[] {
    if (this.controls === undefined || this.controls === null) return [...CONTROL_NAMES];
    const names = this.controls.split(/[\s,]+/);
    return CONTROL_NAMES.filter((name) => names.includes(name));
  }

  get #playback() {
    return this.#controller.playback;
  }

  // ——— Lifecycle ———

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('preload')) this.#playback.preload = this.preload === 'metadata' ? 'metadata' : 'none';
    const sourceChanged =
      changed.has('manifest') ||
      changed.has('initialTrack') ||
      changed.has('timeRange') ||
      (Object.keys(INLINE_FIELDS) as InlineProperty[]).some((key) => changed.has(key));
    if (sourceChanged) void this.#load();
  }

  override updated(): void {
    this.#loadPlatform();
    if (this._panel === 'embed') this.#panels?.embed.announce();
    else this.#panels?.embed.closed();
  }

  #trackSource(): TrackSource {
    if (this.manifest) return { kind: 'manifest', url: this.manifest };
    if (this.src) {
      const fields: Record<string, unknown> = {};
      for (const [property, field] of Object.entries(INLINE_FIELDS) as [InlineProperty, string][]) {
        const value = this[property];
        if (value !== undefined && value !== null) fields[field] = value;
      }
      // A one-track player without a title is still playable: name it after its file.
      if (typeof fields.title !== 'string' || fields.title.trim() === '') fields.title = fileTitle(this.src);
      return { kind: 'inline', fields };
    }
    if (this.#tracksInput !== undefined) return { kind: 'tracks', data: this.#tracksInput };
    return { kind: 'none' };
  }

  async #load(): Promise<void> {
    this.#playback.preload = this.preload === 'metadata' ? 'metadata' : 'none';
    this.#range = this.timeRange ? (parseTimeRange(this.timeRange) ?? undefined) : undefined;
    const index = Number.isInteger(this.initialTrack) && this.initialTrack! >= 0 ? this.initialTrack : undefined;
    const loaded = await this.#controller.load(this.#trackSource(), documentBase(), {
      ...(index !== undefined ? { index } : {}),
      ...(this.#range ? { range: this.#range } : {}),
    });
    if (loaded && this.autoplay && !this.#autoplayed) {
      this.#autoplayed = true;
      this.#playback.autoplay();
    }
  }

  // ——— Listener actions ———

  /** A pointer over the player, or focus in it, is a hint that Play comes next: fetch the audio engine now. */
  #warmUp = () => {
    if (this.#warmed) return;
    this.#warmed = true;
    void preloadEngine().catch(() => {});
  };

  #onRetry = () => {
    if (this.#playback.state.error?.code === 'manifest') void this.#load();
    else this.#playback.retry();
  };

  #onSpeed = () => {
    const rates: readonly number[] = PLAYBACK_RATES;
    const at = rates.indexOf(this.#playback.state.playbackRate);
    this.#playback.setRate(rates[(at + 1) % rates.length]!);
  };

  #onScrub = (event: Event) => {
    this._scrub = Number((event.target as HTMLInputElement).value);
  };

  #onScrubEnd = (event: Event) => {
    this._scrub = null;
    this.#playback.seek(Number((event.target as HTMLInputElement).value));
  };

  #onKeydown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.composedPath()[0] as HTMLElement | undefined;
    if (event.key === 'Escape' && this._panel) {
      void this.#togglePanel(this._panel);
      event.preventDefault();
      return;
    }
    if (isTextField(target)) return;
    const onSlider = target instanceof HTMLInputElement && target.type === 'range';
    const playback = this.#playback;
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    switch (key) {
      case ' ':
        // A focused button, link or checkbox takes Space as a click: one toggle, not two.
        if (!onSlider && isActivatable(target)) return;
        playback.toggle();
        break;
      case 'k':
        playback.toggle();
        break;
      case 'ArrowLeft':
        playback.skip(-ARROW_SEEK);
        break;
      case 'ArrowRight':
        playback.skip(ARROW_SEEK);
        break;
      case 'j':
        playback.skip(-SKIP_BACK);
        break;
      case 'l':
        playback.skip(SKIP_FORWARD);
        break;
      case 'Home':
        playback.seek(0);
        break;
      case 'End':
        if (Number.isFinite(playback.state.duration)) playback.seek(playback.state.duration);
        break;
      case 'm':
        playback.setMuted(!playback.state.muted);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  async #togglePanel(panel: 'playlist' | 'embed'): Promise<void> {
    const closing = this._panel === panel;
    const panels = closing ? this.#panels : await this.#loadPanels();
    if (!panels) return;
    this._panel = closing ? null : panel;
    if (!closing && panel === 'playlist') panels.playlist.open();
    // Closing puts focus back on the button that opened the panel.
    if (closing) void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLElement>(`[aria-controls="${panel}-panel"]`)?.focus());
  }

  /**
   * The lock screen arrives with the first play, Resume with the first long track: a player that never
   * plays, or plays only short clips, never loads them.
   */
  #loadPlatform(): void {
    const { status, tracks, index, duration } = this.#playback.state;
    const loads = this.#platformLoads;
    if (!loads.mediaSession && status === Status.playing) {
      loads.mediaSession = true;
      void import('../media-session.js').then(({ MediaSessionLink }) => new MediaSessionLink(this, this.#controller));
    }
    const track = tracks[index];
    if (!loads.resume && track && isLongTrack(track, duration)) {
      loads.resume = true;
      void import('../resume.js').then(({ ResumeLink }) => {
        this.#resume = new ResumeLink(this, this.#controller);
        this.requestUpdate();
      });
    }
  }

  /** The panels' code and styles arrive with the first panel the listener opens. */
  async #loadPanels() {
    if (!this.#panels) {
      const { EmbedPanel, PlaylistPanel, panelStyles } = await import('./panels.js');
      const root = this.renderRoot as ShadowRoot;
      if (panelStyles.styleSheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, panelStyles.styleSheet];
      this.#panels ??= {
        playlist: new PlaylistPanel(this, this.#controller),
        embed: new EmbedPanel(this, (start) => this.#embedCode(start === undefined ? {} : { start }), () => this.currentTime),
      };
    }
    return this.#panels;
  }

  // ——— Rendering ———

  override render() {
    const state = this.#playback.state;
    const track = state.tracks[state.index];
    const playing = !this.paused;
    const duration = state.duration;
    const known = Number.isFinite(duration);
    const time = this._scrub ?? state.currentTime;
    const many = state.tracks.length > 1;
    const ready = track !== undefined && state.status !== Status.error;
    return html`
      <div
        part="player"
        class="player"
        role="group"
        aria-label=${track ? `Audio player: ${track.title}` : 'Audio player'}
        @keydown=${this.#onKeydown}
        @pointerover=${this.#warmUp}
        @focusin=${this.#warmUp}
      >
        <div class="stage">
        <div class="top">
          ${track?.image
            ? html`<img part="artwork" class="artwork" src=${track.image} alt=${track.imageAlt ?? ''} loading="lazy" decoding="async" />`
            : nothing}
          <div part="meta" class="meta">
            ${this.#renderKicker(track, state.title)}
            <p part="title" class="title">
              ${track?.link ? html`<a href=${track.link} target="_blank" rel="noopener">${track.title}</a>` : (track?.title ?? (state.status === Status.loading ? 'Loading…' : 'No audio'))}
            </p>
          </div>
        </div>
        <div class="timeline-row">
          <input
            part="timeline"
            class="timeline"
            type="range"
            aria-label="Seek"
            min="0"
            max=${known ? duration : 0}
            step="any"
            .value=${String(known ? Math.min(time, duration) : 0)}
            aria-valuetext=${known ? `${speakTime(time)} of ${speakTime(duration)}` : speakTime(time)}
            ?disabled=${!ready}
            style=${`--earshot-progress: ${known && duration > 0 ? (Math.min(time, duration) / duration) * 100 : 0}%`}
            @input=${this.#onScrub}
            @change=${this.#onScrubEnd}
          />
          <span part="time" class="time">${state.status === Status.loading && !known ? 'Loading…' : `${formatTime(time)} / ${formatTime(duration)}`}</span>
        </div>
        <div part="controls" class="controls">
          ${many ? this.#button('Previous track', previousIcon, () => this.#playback.previous(), 'previous', !ready) : nothing}
          ${this.#button(`Skip back ${SKIP_BACK} seconds`, skipBackIcon, () => this.#playback.skip(-SKIP_BACK), 'skip-back', !ready)}
          <button
            part="button play-button"
            class="play ${state.status === Status.loading ? 'is-loading' : ''}"
            type="button"
            aria-label=${playing ? 'Pause' : 'Play'}
            ?disabled=${!ready}
            @click=${() => this.#playback.toggle()}
          >
            ${playing && state.status !== Status.loading ? pauseIcon : playing ? html`<span class="spinner" aria-hidden="true"></span>` : playIcon}
          </button>
          ${this.#button(`Skip forward ${SKIP_FORWARD} seconds`, skipForwardIcon, () => this.#playback.skip(SKIP_FORWARD), 'skip-forward', !ready)}
          ${many ? this.#button('Next track', nextIcon, () => this.#playback.next(), 'next', !ready || state.index >= state.tracks.length - 1) : nothing}
          <span class="spacer"></span>
          <button part="button speed-button" class="speed" type="button" aria-label="Playback speed" data-rate=${formatRate(state.playbackRate)} @click=${this.#onSpeed}></button>
          ${this.#button(state.muted ? 'Unmute' : 'Mute', state.muted ? mutedIcon : volumeIcon, () => this.#playback.setMuted(!state.muted), 'mute')}
        </div>
        ${this.#resume?.render() ?? nothing}
        <div class="status" role="status">${state.status === Status.loading ? (track ? 'Loading audio…' : 'Loading…') : ''}</div>
        <div part="alert" class="alert" role="alert">${this.#renderProblem(state.error)}</div>
        ${this.#renderPanel()}
        </div>
        ${this.#renderActions(track)}
      </div>
    `;
  }

  #renderPanel() {
    const panel = this._panel;
    const panels = this.#panels;
    if (!panel || !panels) return nothing;
    return html`<div part="panel" class="panel" id="${panel}-panel" role="region" aria-label=${panel === 'playlist' ? 'Playlist panel' : 'Embed panel'}>
      ${panel === 'playlist' ? panels.playlist.render(this.#controller.title ?? 'This story') : panels.embed.render()}
    </div>`;
  }

  #renderActions(track: Track | undefined) {
    const shown = this.#controls();
    if (shown.length === 0 || !track) return nothing;
    const panel = this._panel;
    const toggle = (name: 'playlist' | 'embed', label: string, icon: unknown) =>
      shown.includes(name)
        ? html`<button part="button ${name}-button" type="button" class="action" aria-expanded=${panel === name ? 'true' : 'false'} aria-controls="${name}-panel" @click=${() => void this.#togglePanel(name)}>
            ${icon}<span>${label}</span>
          </button>`
        : nothing;
    return html`<div part="actions" class="actions">
      ${toggle('playlist', 'Playlist', playlistIcon)} ${shown.includes('download') ? this.#download.render(track) : nothing} ${toggle('embed', 'Embed', embedIcon)}
    </div>`;
  }

  #renderKicker(track: Track | undefined, title: string | undefined) {
    const parts = [track?.program ?? title, track?.date ? formatDate(track.date) : undefined].filter(Boolean);
    return parts.length > 0 ? html`<p class="kicker">${parts.join(' · ')}</p>` : nothing;
  }

  #renderProblem(error: PlayerError | null) {
    if (!error) return nothing;
    const canRetry = error.fatal && (error.code === 'network' || error.code === 'decode' || error.code === 'manifest');
    return html`<p class="alert-text">${error.message}</p>
      ${canRetry ? html`<button part="button retry-button" type="button" class="retry" @click=${this.#onRetry}>${retryIcon}<span>Retry</span></button>` : nothing}`;
  }

  #button(label: string, icon: unknown, onClick: () => void, name: string, disabled = false) {
    return html`<button part="button ${name}-button" class=${name} type="button" aria-label=${label} title=${label} ?disabled=${disabled} @click=${onClick}>${icon}</button>`;
  }
}

function isTextField(target: HTMLElement | undefined): boolean {
  if (!target) return false;
  if (target instanceof HTMLTextAreaElement || target.isContentEditable) return true;
  return target instanceof HTMLInputElement && !['range', 'checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
}

function isActivatable(target: HTMLElement | undefined): boolean {
  return (
    target instanceof HTMLButtonElement ||
    target instanceof HTMLAnchorElement ||
    target?.localName === 'summary' ||
    (target instanceof HTMLInputElement && (target.type === 'checkbox' || target.type === 'radio'))
  );
}

function formatRate(rate: number): string {
  return `${rate}×`;
}

function formatDate(date: string): string {
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date);
  // Made on first use: a player without a date never pays for it.
  dateFormat ??= new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });
  return Number.isNaN(time) ? date : dateFormat.format(time);
}

declare global {
  interface HTMLElementTagNameMap {
    'earshot-player': EarshotPlayer;
  }
  interface HTMLElementEventMap extends EarshotEventMap {}
}
