import { LitElement, nothing, type PropertyValues } from 'lit';
import { DownloadController } from '../controllers/download-controller.js';
import { LazyFeatures, type Panels } from '../controllers/lazy-features.js';
import { PlayerController } from '../controllers/player-controller.js';
import type { elementEmbedCode, EmbedCode } from '../core/embed-code.js';
import type { TrackSource } from '../core/playback.js';
import { PLAYBACK_RATES } from '../core/rates.js';
import { CONTROL_NAMES, type ControlName, type EmbedOptions } from '../core/params.js';
import { SKIP_BACK, SKIP_FORWARD, parseTimeRange, type TimeRange } from '../core/time.js';
import { fileTitle, type Track } from '../core/track.js';
import { Status, type PlayerError } from '../core/state.js';
import { documentBase } from '../core/url.js';
import type { EarshotEventMap } from '../events.js';
import { styles } from './earshot-player.styles.js';
import { isWaiting, playButton, renderPlayer, type PanelName } from './player-template.js';

/** How long a pointer rests on the player before it counts as intent to play (and the key map loads). */
const INTENT_MS = 120;
/** After a press on Play with no rest before it (a tap, a quick click), when the key map loads (ms). */
const KEYS_AFTER_PRESS_MS = 500;
/**
 * A start or a seek that takes longer than this shows the spinner and says "Loading audio…" (ms). A quicker
 * one shows Pause at once and nothing in between: no flash of a spinner, no news for a screen reader to read
 * out after the sound has begun, and the start of the sound has the page's main thread to itself.
 */
const SLOW_MS = 200;

declare const __EARSHOT_PAGE_AUDIO__: boolean | undefined;
/** Players may have a page's own <audio> inside (false in the embed page's build: its player never has). */
const PAGE_AUDIO = typeof __EARSHOT_PAGE_AUDIO__ === 'undefined' || __EARSHOT_PAGE_AUDIO__;

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
  transcript: 'transcript',
} as const;
type InlineProperty = keyof typeof INLINE_FIELDS;

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
 * @csspart title - The track's title (a link when the track has one).
 * @csspart controls - The row of playback buttons.
 * @csspart button - Every button.
 * @csspart play-button - Play / Pause, in the controls and in an open panel's top row.
 * @csspart previous-button - Previous track.
 * @csspart next-button - Next track.
 * @csspart skip-back-button - Skip back 15 seconds.
 * @csspart skip-forward-button - Skip forward 30 seconds.
 * @csspart speed-button - Playback speed.
 * @csspart mute-button - Mute / Unmute.
 * @csspart timeline - The Seek slider.
 * @csspart time - Elapsed and total time.
 * @csspart alert - The message shown when something went wrong.
 * @csspart retry-button - Retry, in the alert.
 * @csspart actions - The row with Playlist, Download and Embed.
 * @csspart playlist-button - The Playlist button.
 * @csspart embed-button - The Embed button.
 * @csspart download - The Download link.
 * @csspart download-progress - The progress and Cancel of a download from another origin.
 * @csspart panel - The open Playlist or Embed panel.
 * @csspart track-button - Each track in the Playlist panel.
 * @csspart chapter-button - Each chapter in the Playlist panel.
 * @csspart embed-code - The Embed code textbox.
 * @csspart clip-start - The Clip start field in the Embed panel.
 * @csspart clip-end - The Clip end field in the Embed panel.
 * @csspart resume-button - "Resume at 12:05".
 *
 * @cssproperty [--earshot-accent=light-dark(#0b5cad, #7cb4ff)] - Main accent color (timeline, focus rings, current track).
 * @cssproperty [--earshot-play-color=var(--earshot-accent)] - Play button background.
 * @cssproperty [--earshot-on-play-color=light-dark(#fff, #0b1420)] - The icon on the Play button.
 * @cssproperty [--earshot-background=light-dark(#fff, #16191d)] - Player background.
 * @cssproperty [--earshot-surface=light-dark(#f1f3f6, #22272e)] - A button under the pointer, the artwork's placeholder, the Embed code box's background.
 * @cssproperty [--earshot-color=light-dark(#1a1a1a, #f2f4f7)] - Text color.
 * @cssproperty [--earshot-muted-color=light-dark(#595959, #b4bcc6)] - Secondary text color.
 * @cssproperty [--earshot-danger-color=light-dark(#a4161a, #ff9a9a)] - The alert's text and edge.
 * @cssproperty [--earshot-border-color=light-dark(#c9ced6, #3b424b)] - Border color.
 * @cssproperty [--earshot-edge-color=light-dark(#80868f, #707883)] - The unplayed timeline and text box edges (3:1 against the background).
 * @cssproperty [--earshot-radius=12px] - Corner radius of the player.
 * @cssproperty [--earshot-font=system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif] - Font family.
 */
export class EarshotPlayer extends LitElement {
  static override styles = styles;

  // (Lit's default type is String: only the others say theirs.)
  static override properties = {
    manifest: {},
    feed: {},
    src: {},
    trackTitle: { attribute: 'track-title' },
    program: {},
    date: {},
    image: {},
    download: {},
    trackDuration: { attribute: 'duration' },
    start: {},
    end: {},
    link: {},
    transcript: {},
    embedBase: { attribute: 'embed-base' },
    controls: {},
    preload: {},
    autoplay: { type: Boolean },
    theme: { reflect: true },
    // A place (0-based), or a feed episode's guid.
    initialTrack: { attribute: 'track', converter: (value: string | null) => (value && /^\d+$/.test(value) ? Number(value) : value) },
    timeRange: { attribute: 't' },
    _scrub: { state: true },
    layout: { reflect: true },
    independent: { type: Boolean, reflect: true },
    _panel: { state: true },
  };

  /** URL of a manifest; wins over `feed` and `src`. */
  declare manifest: string | undefined;
  /** URL of a podcast's RSS feed, read as a manifest (newest episode first); wins over `src`. */
  declare feed: string | undefined;
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
  /** The track's words: a WebVTT or SRT file, shown in the Transcript panel. */
  declare transcript: string | undefined;
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
  declare initialTrack: number | string | undefined;
  /** `START` or `START,END`: play only that part of the first track (attribute `t`, as in embed URLs). */
  declare timeRange: string | undefined;
  /** `compact` (default): panels open over the controls; `expanded`: panels open inline, and the player grows. */
  declare layout: 'compact' | 'expanded' | undefined;
  /** Play alongside other players: by default, starting one Earshot player pauses the others of this origin. */
  declare independent: boolean;
  declare private _scrub: number | null;
  declare private _panel: PanelName | null;

  /** The embed page's URL when `embed-base` is not set: set by the module that registers the element. */
  static defaultEmbedBase: string | undefined;

  /**
   * What builds embed URLs and snippets (core/embed-code.ts): set by the public modules when they load, and
   * in the embed page by the panels' module, which brings it with the Embed panel.
   */
  static buildEmbedCode: typeof elementEmbedCode | undefined;

  readonly #controller = new PlayerController(this);
  readonly #playback = this.#controller.playback;
  readonly #download = new DownloadController(this, this.#playback);
  readonly #features = new LazyFeatures(this, this.#playback);
  #panels: Panels | undefined;
  #range: TimeRange | undefined;
  #tracksInput: unknown = undefined;
  #autoplayed = false;

  constructor() {
    super();
    this.addEventListener('earshot-trackchange', this.#onTrackChange);
    this.autoplay = false;
    this.independent = false;
    this._scrub = null;
    this._panel = null;
  }

  // ——— Public state, read from the core ———

  /** The validated tracks. Setting it replaces them (attributes and `manifest` win when present). */
  get tracks(): readonly Track[] {
    return this.#playback.state.tracks;
  }
  set tracks(value: unknown) {
    this.#tracksInput = value;
    if (!this.manifest && !this.src) void this.#load();
  }

  /** The track playing or ready to play: one of `tracks`, or of the listener's saved playlist. */
  get currentTrack(): Track | undefined {
    return this.#playback.track;
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
    return this.#playback.paused;
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

  /** The player's state, read-only, and its changes: for code that drives the player from outside. */
  get store() {
    return this.#playback.store;
  }

  // ——— Methods ———

  /** Starts playing; resolves when the sound starts, rejects when it cannot. While starting or playing, it starts nothing new. */
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
    const build = EarshotPlayer.buildEmbedCode;
    if (!build) throw new Error('Earshot: embed codes come with the Embed panel here; open it first.');
    return build(this, EarshotPlayer.defaultEmbedBase, this.#range, this.controls === undefined ? undefined : this.#controls(), this.#playback.state, options);
  }

  #controls(): ControlName[] {
    if (this.controls === undefined || this.controls === null) return [...CONTROL_NAMES];
    const names = this.controls.split(/[\s,]+/);
    return CONTROL_NAMES.filter((name) => names.includes(name));
  }

  // ——— Lifecycle ———

  override willUpdate(changed: PropertyValues<this>): void {
    this.#watchWait();
    if (changed.has('preload')) this.#playback.preload = this.preload === 'metadata' ? 'metadata' : 'none';
    const sourceChanged =
      changed.has('manifest') ||
      changed.has('feed') ||
      changed.has('initialTrack') ||
      changed.has('timeRange') ||
      (Object.keys(INLINE_FIELDS) as InlineProperty[]).some((key) => changed.has(key)) ||
      // A player whose only track is the <audio> inside it.
      (PAGE_AUDIO && !this.hasUpdated && this.#pageAudio() !== null);
    if (sourceChanged) void this.#load();
  }

  #slow = false;
  #slowTimer: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#slowTimer);
    this.#slowTimer = undefined;
    this.#slow = false;
  }

  /** Times a wait (see SLOW_MS): the view shows it once it has lasted. */
  #watchWait(): void {
    if (isWaiting(this.#playback.state, this.paused) && this.isConnected) {
      if (this.#slow || this.#slowTimer !== undefined) return;
      this.#slowTimer = setTimeout(() => {
        this.#slowTimer = undefined;
        this.#slow = true;
        this.requestUpdate();
      }, SLOW_MS);
      return;
    }
    clearTimeout(this.#slowTimer);
    this.#slowTimer = undefined;
    this.#slow = false;
  }

  #pageAudioOffered = false;

  /**
   * The publisher's <audio> inside the element (docs/element.md, "The page's own <audio> inside"): the
   * page's player until this element is defined, and not drawn once it is (the shadow root has no slot for
   * it). A sound the listener started on it goes on in this player (Playback's LoadOptions.media).
   */
  #pageAudio(): HTMLAudioElement | null {
    return this.querySelector(':scope > audio');
  }

  #trackSource(): TrackSource {
    if (this.manifest) return { kind: 'manifest', url: this.manifest };
    if (this.feed) return { kind: 'feed', url: this.feed };
    // With nothing else to play, the track is the <audio> inside the player (its src, or its <source>s).
    const src = this.src || (PAGE_AUDIO && this.#tracksInput === undefined ? audioSources(this.#pageAudio()) : undefined);
    if (src) {
      const fields: Record<string, unknown> = {};
      for (const [property, field] of Object.entries(INLINE_FIELDS) as [InlineProperty, string][]) {
        const value = this[property];
        if (value !== undefined && value !== null) fields[field] = value;
      }
      fields.src = src;
      // A one-track player without a title is still playable: name it after its file.
      if (typeof fields.title !== 'string' || fields.title.trim() === '') fields.title = fileTitle(typeof src === 'string' ? src : src[0]!.src);
      return { kind: 'inline', fields };
    }
    if (this.#tracksInput !== undefined) return { kind: 'tracks', data: this.#tracksInput };
    return { kind: 'none' };
  }

  async #load(): Promise<void> {
    this.#playback.preload = this.preload === 'metadata' ? 'metadata' : 'none';
    this.#range = this.timeRange ? (parseTimeRange(this.timeRange) ?? undefined) : undefined;
    const index = typeof this.initialTrack === 'string' || (Number.isInteger(this.initialTrack) && this.initialTrack! >= 0) ? this.initialTrack : undefined;
    // The page's <audio> is offered to the first load only: from then on the player's engines have it.
    const media = PAGE_AUDIO && !this.#pageAudioOffered ? this.#pageAudio() : null;
    this.#pageAudioOffered = true;
    // The listener was on the page's <audio>, which is not drawn from now on: their place is Play instead.
    if (media?.matches(':focus')) void this.updateComplete.then(() => this.#find('.play')?.focus());
    const loaded = await this.#playback.load(this.#trackSource(), documentBase(), {
      ...(index !== undefined ? { index } : {}),
      ...(this.#range ? { range: this.#range } : {}),
      ...(media ? { media } : {}),
    });
    if (loaded && this.autoplay && !this.#autoplayed) {
      this.#autoplayed = true;
      this.#playback.autoplay();
    }
  }

  // ——— Listener actions ———

  #onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this._panel && !event.defaultPrevented) {
      void this.#togglePanel(this._panel);
      event.preventDefault();
      return;
    }
    const keys = this.#keys;
    if (keys) {
      if (keys.handlePlayerKey(event, this.#playback)) event.preventDefault();
      return;
    }
    // The key map comes with the first focus in the player; a key pressed before it arrived acts once it has,
    // unless the focused control took it itself (a button's Space, the slider's arrows). (The event's path
    // is gone by then: the target is kept now.)
    const target = event.composedPath()[0];
    this.#loadKeys();
    // The slider takes only named keys (arrows, Home, End, the page keys): Space or K on it must still act.
    const taken = target instanceof HTMLInputElement && (target.type !== 'range' || event.key.length > 1);
    if (!taken) void this.#keysLoading!.then(() => this.#keys?.handlePlayerKey(event, this.#playback, target as HTMLElement));
  };

  /**
   * A pointer that rests on the player, or keyboard focus that moves into it, is a sign that Play comes next:
   * the audio engine and the file's first bytes are fetched then. A pointer that comes with the click itself
   * is no such sign: the click starts the sound by itself, and nothing else should take the network's time
   * meanwhile. (Only `pointerover` and `focusin` are listened to: WebKitGTK's web process has been seen to
   * crash under WebDriver with `pointerout` listeners on the player as well.)
   */
  #intentTimer: ReturnType<typeof setTimeout> | undefined;
  #onIntent = (event: Event) => {
    if (event.type === 'focusin') {
      const target = event.target as Element;
      // Focus that a click gives its button is not focus-visible; focus from the keyboard is.
      if (target.matches(':focus-visible')) {
        this.#loadKeys();
        this.#playback.prepare();
      } else if (!target.matches('.play')) this.#loadKeys(); // (a press on Play loads it a moment later)
      return;
    }
    this.#intentTimer ??= setTimeout(() => {
      this.#intentTimer = undefined;
      this.#loadKeys();
      this.#playback.prepare();
    }, INTENT_MS);
  };

  /**
   * A pointer down on Play (the primary button, a finger, a pen) while paused: the click that plays comes
   * next, and a sign of intent that comes meanwhile fetches nothing beside it.
   */
  #onPress = (event: PointerEvent) => {
    if (event.button !== 0 || !this.#playback.paused) return;
    clearTimeout(this.#intentTimer);
    this.#intentTimer = undefined;
    this.#playback.prepare(true);
    // The key map is not needed for the click, and its chunk would be run while the sound starts.
    setTimeout(() => this.#loadKeys(), KEYS_AFTER_PRESS_MS);
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

  async #togglePanel(panel: PanelName): Promise<void> {
    const closing = this._panel === panel;
    if (closing) {
      this._panel = null;
      this.#panels?.embed.closed();
      // Closing puts focus back on the button that opened the panel.
      await this.updateComplete;
      this.#find(`[aria-controls="${panel}-panel"]`)?.focus();
      return;
    }
    this.#panels ??= await this.#features.panels((options) => this.#embedCode(options), this.#say, (name) => void this.#togglePanel(name));
    EarshotPlayer.buildEmbedCode ??= this.#panels.buildEmbedCode;
    if (this._panel === 'embed') this.#panels.embed.closed();
    this._panel = panel;
    this.#panels[panel].open?.();
    // Opening moves focus into the panel, onto its main action.
    await this.updateComplete;
    (this.#find('.panel-main button') ?? this.#find('.panel-body button') ?? this.#find('.panel-body'))?.focus();
  }

  #find(selector: string): HTMLElement | null | undefined {
    return this.shadowRoot?.querySelector<HTMLElement>(selector);
  }

  // ——— News and focus ———

  /** The live region's text. */
  #news = '';

  /** Says `text` in the polite live region; the same news again is said again. */
  readonly #say = (text: string) => {
    this.#news = text === this.#news.trim() ? `${text}\u00a0` : text;
    this.requestUpdate();
  };

  #onTrackChange = (event: EarshotEventMap['earshot-trackchange']) => {
    // (After the play() that may follow the change in the same call.)
    queueMicrotask(() => this.#say(`${this.paused ? 'Selected' : 'Now playing'}: ${event.detail.track.title}`));
  };

  /**
   * The key map and the focus keeper: they come with focus from the keyboard, a pointer resting on the
   * player, a press on Play (a moment after it), or the first key pressed (which acts once they are here).
   */
  #keys: typeof import('./keyboard.js') | undefined;
  #keysLoading: Promise<unknown> | undefined;

  #loadKeys(): void {
    this.#keysLoading ??= import('./keyboard.js').then((module) => (this.#keys = module));
  }

  /** Focus never falls to the page while it is in the player (keyboard.ts). */
  protected override update(changed: PropertyValues<this>): void {
    const root = this.shadowRoot;
    if (this.#keys && root?.activeElement) this.#keys.keepFocus(root, () => super.update(changed));
    else super.update(changed);
  }

  readonly #handlers = {
    keydown: this.#onKeydown,
    intent: this.#onIntent,
    toggle: () => this.#playback.toggle(),
    press: this.#onPress,
    previous: () => this.#playback.previous(),
    next: () => this.#playback.next(),
    skipBack: () => this.#playback.skip(-SKIP_BACK),
    skipForward: () => this.#playback.skip(SKIP_FORWARD),
    speed: this.#onSpeed,
    mute: () => this.#playback.setMuted(!this.#playback.state.muted),
    retry: () => this.#playback.retry(),
    scrub: this.#onScrub,
    scrubEnd: this.#onScrubEnd,
    panel: (name: PanelName) => void this.#togglePanel(name),
  };

  // ——— Rendering ———

  override render() {
    const state = this.#playback.state;
    const panel = this._panel;
    const panels = this.#panels;
    const paused = this.paused;
    const covering = this.layout !== 'expanded';
    const content = panel ? panels?.[panel].render(state.title ?? 'This story') : undefined;
    const slow = this.#slow;
    return renderPlayer({
      state,
      paused,
      slow,
      time: this._scrub ?? state.currentTime,
      scrubbing: this._scrub !== null,
      controls: this.#controls(),
      panel: panel && panels ? panel : null,
      covering,
      panelView:
        panel && panels && content
          ? panels.render(panel, content, { covering, play: playButton({ state, paused, slow, on: this.#handlers }), title: this.#playback.track?.title ?? '' })
          : nothing,
      news: this.#news,
      resume: this.#features.resume?.render(),
      download: (track) => this.#download.render(track),
      on: this.#handlers,
    });
  }
}

/** The addresses of a page's <audio>, as a track's `src`: its own src, or its <source>s with their types. */
function audioSources(audio: HTMLAudioElement | null): string | { src: string; type?: string }[] | undefined {
  if (!audio) return undefined;
  const own = audio.getAttribute('src');
  if (own) return own;
  const sources = [...audio.querySelectorAll(':scope > source[src]')].map((source) => {
    const type = source.getAttribute('type');
    return { src: source.getAttribute('src')!, ...(type ? { type } : {}) };
  });
  return sources.length > 0 ? sources : undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'earshot-player': EarshotPlayer;
  }
  interface HTMLElementEventMap extends EarshotEventMap {}
}
