/** The Embed panel: the snippet, Copy, "Start at current position", and Clip start and Clip end. */
import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { EmbedCode } from '../core/embed-code.js';
import type { EmbedOptions } from '../core/embed-url.js';
import type { Playback } from '../core/playback.js';
import { formatTime, parseTime } from '../core/time.js';
import type { PanelContent } from './player-template.js';

/** What the listener typed in Clip start and Clip end. */
interface ClipText {
  start: string;
  end: string;
}

/**
 * The part the clip fields name (times from the start of the track or segment), and what is wrong with them.
 * `from` is where the snippet starts when Clip start is empty ("Start at current position").
 */
export function readClip(text: ClipText, length: number, from?: number): { start?: number; end?: number; problems: { start?: string; end?: string } } {
  const problems: { start?: string; end?: string } = {};
  const read = (name: 'start' | 'end', label: string): number | undefined => {
    const value = text[name].trim();
    if (value === '') return undefined;
    const seconds = parseTime(value);
    // The end may be the very end (to the tenth the field shows); the start must leave something to play.
    const past = name === 'end' ? seconds !== null && seconds > length + 0.05 : seconds !== null && seconds >= length;
    if (seconds === null) problems[name] = `${label}: “${value.slice(0, 20)}” is not a time. Write it as 83, 1:23 or 1m23s.`;
    else if (Number.isFinite(length) && length > 0 && past) problems[name] = `${label} is past the end (${formatTime(length)}).`;
    else return seconds;
    return undefined;
  };
  let start = read('start', 'Clip start') ?? (text.start.trim() === '' ? from : undefined);
  const end = read('end', 'Clip end');
  if (end !== undefined && end <= (start ?? 0)) {
    problems.end = `Clip end must come after ${text.start.trim() === '' && from !== undefined ? 'the current position' : 'Clip start'} (${formatTime(start ?? 0)}).`;
    return { ...(start === undefined ? {} : { start }), problems };
  }
  if (start === 0) start = undefined;
  return { ...(start === undefined ? {} : { start }), ...(end === undefined ? {} : { end }), problems };
}

export class EmbedPanel {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #playback: Playback;
  readonly #code: (options: EmbedOptions) => EmbedCode;
  /** The position captured when "Start at current position" was checked. */
  #start: number | undefined;
  #clip: ClipText = { start: '', end: '' };
  #status = '';
  #announced = '';
  /** The track the clip was made for: another track starts with no clip. */
  #track: unknown;
  readonly #say: (news: string) => void;

  constructor(host: ReactiveControllerHost & HTMLElement, playback: Playback, code: (options: EmbedOptions) => EmbedCode, say: (news: string) => void) {
    this.#host = host;
    this.#playback = playback;
    this.#code = code;
    this.#say = say;
  }

  /** The panel opens: what it shows is made as it renders. */
  open(): void {}

  /** The panel closed: the next opening is news again. */
  closed(): void {
    this.#announced = '';
    this.#status = '';
  }

  /** Fills Clip start and Clip end (seconds from the start of the track or segment): "Embed this part". */
  setClip(start: number, end: number): void {
    this.#track = this.#playback.track;
    // Rounded outwards to the tenth the fields show, so that no word is cut; the end no later than the end.
    const length = this.#playback.state.duration;
    this.#clip = { start: clipTime(start, Math.floor), end: clipTime(Number.isFinite(length) ? Math.min(end, length) : end, Math.ceil) };
    this.#start = undefined;
    this.#status = '';
    this.#host.requestUpdate();
  }

  #options(): { options: EmbedOptions; problems: { start?: string; end?: string } } {
    const { start, end, problems } = readClip(this.#clip, this.#playback.state.duration, this.#start);
    return { options: { ...(start === undefined ? {} : { start }), ...(end === undefined ? {} : { end }) }, problems };
  }

  /** The snippet and its options, and the main action: copying it. */
  render(): PanelContent {
    if (this.#playback.track !== this.#track) {
      this.#track = this.#playback.track;
      this.#clip = { start: '', end: '' };
      this.#start = undefined;
    }
    const { options, problems } = this.#options();
    const code = this.#code(options);
    // The page hears the snippet when the panel opens and whenever what it embeds changes.
    if (code.snippet !== this.#announced) {
      this.#announced = code.snippet;
      queueMicrotask(() => this.#playback.announce('embed', code));
    }
    const field = (name: 'start' | 'end', label: string) => html`<span class="clip-field">
      <label for="clip-${name}">${label}</label>
      <input
        id="clip-${name}"
        part="clip-${name}"
        type="text"
        autocomplete="off"
        spellcheck="false"
        placeholder=${name === 'start' ? '0:00' : formatTime(this.#playback.state.duration)}
        aria-invalid=${problems[name] ? 'true' : nothing}
        aria-describedby=${problems[name] ? `clip-${name}-problem` : nothing}
        .value=${this.#clip[name]}
        @input=${(event: Event) => this.#onClip(name, (event.target as HTMLInputElement).value)}
      />
    </span>`;
    return {
      body: html`
        <label class="field-label" for="embed-code">Embed code</label>
        <textarea id="embed-code" part="embed-code" class="embed-code" readonly rows="3" spellcheck="false" .value=${code.snippet} @focus=${selectAll}></textarea>
        <label class="check"><input type="checkbox" .checked=${this.#start !== undefined} @change=${this.#onToggle} /> Start at current position</label>
        <div class="clip">${field('start', 'Clip start')}${field('end', 'Clip end')}</div>
        ${(['start', 'end'] as const).map((name) => (problems[name] ? html`<p class="note problem" id="clip-${name}-problem">${problems[name]}</p>` : nothing))}
      `,
      // What Copy did is shown here, and said in the player's live region.
      main: html`<button part="button" type="button" class="action" @click=${this.#copy}>Copy embed code</button>
        <p class="note">${this.#status}</p>`,
    };
  }

  #onClip(name: 'start' | 'end', value: string): void {
    this.#clip = { ...this.#clip, [name]: value };
    this.#status = '';
    this.#host.requestUpdate();
  }

  #onToggle = (event: Event) => {
    this.#start = (event.target as HTMLInputElement).checked ? this.#playback.currentTime : undefined;
    this.#status = '';
    this.#host.requestUpdate();
  };

  #copy = async () => {
    const { snippet } = this.#code(this.#options().options);
    try {
      await navigator.clipboard.writeText(snippet);
      this.#status = 'Copied. Paste it into your page’s HTML.';
    } catch {
      // Clipboard refused (permissions policy, an old browser): select it for the listener to copy.
      const box = this.#host.shadowRoot?.querySelector<HTMLTextAreaElement>('#embed-code');
      box?.focus();
      box?.select();
      this.#status = `Copying was refused here. The code is selected: press ${/Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl'}+C to copy it.`;
    }
    this.#say(this.#status);
  };
}

/** Seconds as a clip field shows them: `1:23`, or `1:23.4` to the tenth (rounded by `round`). */
export function clipTime(seconds: number, round: (x: number) => number = Math.round): string {
  const tenths = round(Number((seconds * 10).toFixed(6)));
  const rest = tenths % 10;
  return `${formatTime(Math.floor(tenths / 10))}${rest ? `.${rest}` : ''}`;
}

function selectAll(event: Event): void {
  (event.target as HTMLTextAreaElement).select();
}
